import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrOIDC
import StyrServices

/// The administration of users: `/admin/brukere` (list), `/admin/brukere/ny` (invite; the link is
/// shown once on the page) and `/admin/brukere/:email` (roles, deactivation, the link to a
/// national identity number for ID-porten, sessions, API tokens). The rules are `UserAdministrationService`'s; this only translates.
struct AdminUserController: Sendable {
    let users: UserAdministrationService
    let nationalIDLinks: NationalIDLinkService
    let pages: Pages
    let access: Authorizer

    /// The form's field for each of the rule's fields.
    static let formFields = ["email": "epost", "name": "navn", "roles": "rolle", "role": "rolle", "organisationCode": "organisasjon",
                             "nationalID": "fodselsnummer"]

    static let trail = AdminOrganisationController.trail + [NavigationLink(url: "/admin/brukere", label: "Brukere")]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/admin/brukere") { request, context in
            let listing = try await users.list(by: context.session?.user)
            return pages.html("Brukere", template: "admin-users", model: AdminUsersView(listing, saved: Confirmation.message(request, context)),
                              context: context, trail: AdminOrganisationController.trail)
        }
        router.get("/admin/brukere/ny") { _, context in
            let listing = try await users.list(by: context.session?.user)
            return pages.form(invitePage(listing, values: [:], errors: InputErrors()), context: context, trail: Self.trail)
        }
        router.post("/admin/brukere/ny") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await invite(fields, request, context)
        }
        router.get("/admin/brukere/:email") { request, context in
            try await userPage(try Self.email(context), saved: Confirmation.message(request, context), errors: InputErrors(), context)
        }
        router.post("/admin/brukere/:email/:action") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await change(try Self.email(context), action: try context.parameters.require("action"), fields: fields, context)
        }
        router.post("/admin/brukere/:email/:action/:id/:verb") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let email = try Self.email(context), id = try context.parameters.require("id"), user = context.session?.user
            switch (try context.parameters.require("action"), try context.parameters.require("verb")) {
            case ("okter", "avslutt"):
                try await users.endSession(id, of: email, by: user)
                return Confirmation.redirect(to: Self.url(email) + "#okter", message: "Økten er avsluttet.", context)
            case ("nokler", "trekk-tilbake"):
                try await users.revokeToken(id, of: email, by: user)
                return Confirmation.redirect(to: Self.url(email) + "#nokler", message: "API-nøkkelen er trukket tilbake.", context)
            default:
                throw ServiceError.notFound("Adressen peker ikke på noe som kan endres.")
            }
        }
    }

    static func email(_ context: StyrRequestContext) throws -> String {
        let raw = try context.parameters.require("email")
        return raw.removingPercentEncoding ?? raw
    }

    static func url(_ email: String) -> String { "/admin/brukere/\(email.urlPathEncoded)" }

    func invitePage(_ listing: UserAdministrationService.Listing, values: [String: String], errors: InputErrors) -> FormPage {
        FormPage(
            kicker: "Brukere", heading: "Inviter bruker",
            intro: "Brukeren får en lenke som gjelder i sju dager og kan brukes én gang, der hen velger sitt eget passord. Flere roller kan gis på brukerens side etterpå. Er innlogging med identitetstjenesten satt opp, kan brukeren også logge inn med den, med samme e-postadresse.",
            action: "/admin/brukere/ny", submitLabel: "Lag invitasjonen",
            fields: [
                FormField(name: "navn", label: "Navn", value: values["navn"] ?? ""),
                FormField(name: "epost", label: "E-postadresse", value: values["epost"] ?? ""),
            ] + roleFields(listing, values: values),
            errors: errors, errorHeading: "Invitasjonen er ikke laget", cancelURL: "/admin/brukere")
    }

    func roleFields(_ listing: UserAdministrationService.Listing, values: [String: String]) -> [FormField] {
        [
            FormField(name: "rolle", label: "Rolle", kind: .select([("", "Velg rolle")] + Role.allCases.map { ($0.rawValue, $0.norwegianName) }),
                      value: values["rolle"] ?? ""),
            FormField(name: "organisasjon", label: "I organisasjonen (med alt under)", kind: .select([("", "Velg organisasjon")] + listing.grantable.map {
                ($0.code, "\($0.name) (\($0.code))")
            }), value: values["organisasjon"] ?? ""),
        ]
    }

    /// The role the form names: a role without an organisation (or none) is refused for the `role` field.
    static func role(_ fields: [String: String]) throws -> RoleAssignment {
        guard let role = Role(rawValue: fields.text("rolle")) else { throw ServiceError.invalid(.single("role", "Velg en rolle.")) }
        guard !fields.text("organisasjon").isEmpty else {
            throw ServiceError.invalid(.single("organisationCode", "Velg organisasjonen rollen gjelder for."))
        }
        return RoleAssignment(role: role, organisationCode: fields.text("organisasjon"))
    }

    func invite(_ fields: [String: String], _ request: Request, _ context: StyrRequestContext) async throws -> Response {
        let user = context.session?.user
        do {
            let role = try? Self.role(fields)
            let sent = try await users.invite(InvitationDraft(email: fields.text("epost"), name: fields.text("navn"), roles: role.map { [$0] } ?? []),
                                              by: user)
            let link = "\(Self.origin(request))/invitasjon/\(sent.token)"
            return pages.html("Invitasjon laget", template: "admin-invitation", model: AdminInvitationView(sent, link: link), context: context,
                              trail: Self.trail).response
        } catch ServiceError.invalid(let errors) {
            let listing = try await users.list(by: user)
            return pages.form(invitePage(listing, values: fields, errors: errors.renamed(Self.formFields)), context: context, trail: Self.trail).response
        }
    }

    /// `http://host:port` of the request, for a link the administrator sends on.
    static func origin(_ request: Request) -> String {
        let host = request.head.authority ?? "localhost"
        let scheme = request.head.scheme ?? (host.hasPrefix("127.0.0.1") || host.hasPrefix("localhost") ? "http" : "https")
        return "\(scheme)://\(host)"
    }

    func userPage(_ email: String, saved: String?, errors: InputErrors, _ context: StyrRequestContext) async throws -> Response {
        let details = try await users.user(email, by: context.session?.user)
        let model = AdminUserView(details, csrfToken: context.session?.csrfToken ?? "", saved: saved, errors: errors)
        return pages.html("\(details.status.user.name) – brukere", template: "admin-user", model: model, context: context,
                          status: errors.isEmpty ? .ok : .unprocessableContent, trail: Self.trail).response
    }

    func change(_ email: String, action: String, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let user = context.session?.user
        let message: String
        do {
            switch action {
            case "roller":
                _ = try await users.grant(try Self.role(fields), to: email, by: user)
                message = "Rollen er gitt."
            case "fjern-rolle":
                _ = try await users.revoke(try Self.role(fields), from: email, by: user)
                message = "Rollen er fjernet."
            case "deaktiver":
                try await users.deactivate(email, by: user)
                message = "Brukeren er deaktivert: kan ikke logge inn, og øktene og API-nøklene virker ikke."
            case "aktiver":
                try await users.reactivate(email, by: user)
                message = "Brukeren er aktivert igjen."
            case "id-porten":
                // Only the hash leaves this edge. Input that is not 11 digits has none: the use case
                // refuses the empty hash with its message.
                let hash = NationalIDHash.hash(fields.text("fodselsnummer")) ?? ""
                try await nationalIDLinks.link(nationalIDHash: hash, to: email, by: user)
                message = "Brukeren kan nå logge inn med ID-porten. Fødselsnummeret er lagret bare som hash og vises ikke igjen."
            default:
                throw ServiceError.notFound("Adressen peker ikke på noe som kan endres.")
            }
        } catch ServiceError.invalid(let errors) {
            return try await userPage(email, saved: nil, errors: errors.renamed(Self.formFields), context)
        }
        return Confirmation.redirect(to: Self.url(email), message: message, context)
    }
}
