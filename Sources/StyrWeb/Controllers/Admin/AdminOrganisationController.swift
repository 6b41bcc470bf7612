import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The administration of the organisation tree: `/admin` (overview), `/admin/organisasjoner`
/// (the tree), `/admin/organisasjoner/ny` and `/admin/organisasjoner/:code` (rename, move,
/// close, reopen). The rules are `OrganisationAdministrationService`'s; this only translates.
struct AdminOrganisationController: Sendable {
    let organisations: OrganisationAdministrationService
    let users: UserAdministrationService
    let pages: Pages
    let access: Authorizer

    /// The form's field for each of the rule's fields.
    static let formFields = ["code": "kode", "name": "navn", "kind": "type", "parentCode": "overordnet", "closedOn": "dato"]

    static let trail = [NavigationLink(url: "/admin", label: "Administrasjon")]
    static let treeTrail = trail + [NavigationLink(url: "/admin/organisasjoner", label: "Organisasjoner")]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/admin") { _, context in
            let user = context.session?.user
            let tree = try await organisations.tree(by: user)
            let listing = try await users.list(by: user)
            return pages.html("Administrasjon", template: "admin-overview", model: AdminOverviewView(tree: tree, listing: listing), context: context,
                              trail: Self.trail)
        }
        router.get("/admin/organisasjoner") { request, context in
            let tree = try await organisations.tree(by: context.session?.user)
            return pages.html("Organisasjoner", template: "admin-organisations",
                              model: AdminOrganisationsView(tree, saved: Confirmation.message(request, context)), context: context, trail: Self.trail)
        }
        router.get("/admin/organisasjoner/ny") { request, context in
            let parents = try await organisations.possibleParents(by: context.session?.user)
            let values = ["overordnet": request.uri.queryParameters.get("under") ?? ""]
            return pages.form(newPage(parents, values: values, errors: InputErrors()), context: context, trail: Self.treeTrail)
        }
        router.post("/admin/organisasjoner/ny") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let user = context.session?.user
            do {
                let created = try await organisations.create(Self.draft(fields), by: user)
                return Confirmation.redirect(to: "/admin/organisasjoner/\(created.code.urlPathEncoded)",
                                             message: "\(created.name) (\(created.code)) er opprettet.", context)
            } catch ServiceError.invalid(let errors) {
                let parents = try await organisations.possibleParents(by: user)
                return pages.form(newPage(parents, values: fields, errors: errors.renamed(Self.formFields)), context: context, trail: Self.treeTrail).response
            }
        }
        router.get("/admin/organisasjoner/:code") { request, context in
            try await detailPage(try context.parameters.require("code"), saved: Confirmation.message(request, context), values: [:],
                                 errors: InputErrors(), context)
        }
        for (path, message) in [("navn", "Navnet er endret."), ("flytt", "Organisasjonen er flyttet."), ("legg-ned", "Organisasjonen er lagt ned."),
                                ("gjenapne", "Organisasjonen er gjenåpnet.")] {
            router.post("/admin/organisasjoner/:code/\(path)") { request, context in
                let fields = try await FormBody.read(request, context: context)
                try access.requireCSRF(fields, context)
                let code = try context.parameters.require("code")
                return try await change(path, code: code, fields: fields, message: message, context)
            }
        }
    }

    func newPage(_ parents: [Organisation], values: [String: String], errors: InputErrors) -> FormPage {
        FormPage(
            kicker: "Organisasjoner", heading: "Ny organisasjon",
            intro: "En byrådsavdeling ligger under kommunen, en etat under en byrådsavdeling (eller kommunen), og en seksjon under en etat eller en annen seksjon.",
            action: "/admin/organisasjoner/ny", submitLabel: "Opprett organisasjonen",
            fields: [
                FormField(name: "kode", label: "Kode", value: values["kode"] ?? "", hint: "Kort og unik, f.eks. «UKE». Bokstaver, sifre, bindestrek og understrek."),
                FormField(name: "navn", label: "Navn", value: values["navn"] ?? ""),
                FormField(name: "type", label: "Type", kind: .select([("", "Velg type")] + OrganisationKind.allCases.filter { $0 != .municipality }.map {
                    ($0.rawValue, $0.norwegianName)
                }), value: values["type"] ?? ""),
                FormField(name: "overordnet", label: "Ligger under", kind: .select([("", "Velg organisasjon")] + parents.map {
                    ($0.code, "\($0.name) (\($0.code), \($0.kind.norwegianName.lowercased()))")
                }), value: values["overordnet"] ?? ""),
            ],
            errors: errors, errorHeading: "Organisasjonen er ikke opprettet", cancelURL: "/admin/organisasjoner")
    }

    static func draft(_ fields: [String: String]) -> OrganisationDraft {
        OrganisationDraft(code: fields.text("kode"), name: fields.text("navn"), kind: OrganisationKind(rawValue: fields.text("type")),
                          parentCode: fields.text("overordnet").nonEmpty)
    }

    func detailPage(_ code: String, saved: String?, values: [String: String], errors: InputErrors, _ context: StyrRequestContext) async throws -> Response {
        let details = try await organisations.details(of: code, by: context.session?.user)
        let model = AdminOrganisationView(details, csrfToken: context.session?.csrfToken ?? "", saved: saved, values: values, errors: errors)
        return pages.html("\(details.organisation.name) – administrasjon", template: "admin-organisation", model: model, context: context,
                          status: errors.isEmpty ? .ok : .unprocessableContent, trail: Self.treeTrail).response
    }

    func change(_ action: String, code: String, fields: [String: String], message: String, _ context: StyrRequestContext) async throws -> Response {
        let user = context.session?.user
        do {
            switch action {
            case "navn": _ = try await organisations.rename(code, to: fields.text("navn"), by: user)
            case "flytt": _ = try await organisations.move(code, under: fields.text("overordnet").nonEmpty, by: user)
            case "legg-ned": _ = try await organisations.close(code, on: CalendarDate(fields.text("dato")), by: user)
            default: _ = try await organisations.reopen(code, by: user)
            }
        } catch ServiceError.invalid(let errors) {
            return try await detailPage(code, saved: nil, values: fields, errors: errors.renamed(Self.formFields), context)
        }
        return Confirmation.redirect(to: "/admin/organisasjoner/\(code.urlPathEncoded)", message: message, context)
    }
}
