import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// Group claim → role mappings for single sign-on: `/admin/innlogging/grupper` (list and add) and
/// `/admin/innlogging/grupper/:id/fjern` (confirm, then remove). The rules are
/// `OIDCGroupMappingService`'s; this only translates.
struct AdminGroupMappingController: Sendable {
    let mappings: OIDCGroupMappingService
    let pages: Pages
    let access: Authorizer

    static let base = "/admin/innlogging/grupper"
    /// The form's field for each of the rule's fields.
    static let formFields = ["group": "gruppe", "role": "rolle", "organisationCode": "organisasjon"]
    static let trail = AdminOrganisationController.trail + [NavigationLink(url: base, label: "Gruppekoblinger")]

    static func removeURL(_ id: Int64) -> String { "\(base)/\(id)/fjern" }

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get(RouterPath(Self.base)) { request, context in
            try await listPage(saved: Confirmation.message(request, context), values: [:], errors: InputErrors(), context)
        }
        router.post(RouterPath(Self.base)) { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let draft = OIDCGroupMappingDraft(group: fields.text("gruppe"), role: Role(rawValue: fields.text("rolle")),
                                              organisationCode: fields.text("organisasjon"))
            do {
                let stored = try await mappings.add(draft, by: context.session?.user)
                return Confirmation.redirect(
                    to: Self.base, message: "Gruppen «\(stored.group)» gir nå rollen \(stored.assignment.role.norwegianName.lowercased()) i «\(stored.assignment.organisationCode)».",
                    context)
            } catch ServiceError.invalid(let errors) {
                return try await listPage(saved: nil, values: fields, errors: errors.renamed(Self.formFields), context)
            }
        }
        router.get(RouterPath(Self.base + "/:id/fjern")) { _, context in
            let stored = try await mappings.mapping(try Self.id(context), by: context.session?.user)
            return pages.html("Fjern gruppekoblingen", template: "admin-group-mapping-remove",
                              model: AdminGroupMappingRemoveView(stored, csrfToken: context.session?.csrfToken ?? ""),
                              context: context, trail: Self.trail)
        }
        router.post(RouterPath(Self.base + "/:id/fjern")) { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let removed = try await mappings.remove(try Self.id(context), by: context.session?.user)
            return Confirmation.redirect(
                to: Self.base, message: "Koblingen fra gruppen «\(removed.group)» er fjernet. Brukere som fikk rollen fra den, beholder den til du fjerner den på brukersiden.",
                context)
        }
    }

    static func id(_ context: StyrRequestContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("id")), id > 0 else {
            throw ServiceError.notFound("Adressen peker ikke på en gruppekobling.")
        }
        return id
    }

    func listPage(saved: String?, values: [String: String], errors: InputErrors, _ context: StyrRequestContext) async throws -> Response {
        let listing = try await mappings.list(by: context.session?.user)
        let model = AdminGroupMappingsView(listing, csrfToken: context.session?.csrfToken ?? "", saved: saved, values: values, errors: errors)
        return pages.html("Gruppekoblinger for innlogging", template: "admin-group-mappings", model: model, context: context,
                          status: errors.isEmpty ? .ok : .unprocessableContent, trail: AdminOrganisationController.trail).response
    }
}
