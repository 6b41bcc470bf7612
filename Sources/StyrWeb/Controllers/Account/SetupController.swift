import Hummingbird
import StyrDomain
import StyrServices

/// The first start: `/oppsett/:token`, the one-time link `styr serve` logs while the database has
/// no user. The first administrator creates the top organisation and their own account, and is
/// logged in. The link is the secret (only its hash is stored), so the form needs no session.
struct SetupController: Sendable {
    let setup: SetupService
    let accounts: AccountService
    let pages: Pages
    let cookies: CookiePolicy

    /// The form's field for each of the draft's fields.
    static let formFields = [
        "organisationCode": "kode", "organisationName": "organisasjon", "name": "navn", "email": "epost", "password": "passord",
    ]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/oppsett/:token") { _, context in
            let token = try context.parameters.require("token")
            let state = try await setup.state(of: token)
            guard state == .open else { return spent(state, context) }
            return page(token: token, values: [:], errors: InputErrors(), context)
        }
        router.post("/oppsett/:token") { request, context in
            let token = try context.parameters.require("token")
            let fields = try await FormBody.read(request, context: context)
            return try await complete(token: token, fields: fields, context)
        }
    }

    func page(token: String, values: [String: String], errors: InputErrors, _ context: StyrRequestContext) -> Response {
        let model = SetupView(token: token, values: values, errors: errors.renamed(Self.formFields))
        return pages.html("Første oppsett", template: "setup", model: model, context: context,
                          status: errors.isEmpty ? .ok : .unprocessableContent).response
    }

    func spent(_ state: OneTimeLinkState, _ context: StyrRequestContext) -> Response {
        pages.error(.gone, heading: "Oppsettlenken kan ikke brukes", message: SetupService.refusal(state).message, context: context).response
    }

    static func draft(_ fields: [String: String]) -> FirstAdministratorDraft {
        FirstAdministratorDraft(
            organisationCode: fields.text("kode"), organisationName: fields.text("organisasjon"), name: fields.text("navn"),
            email: fields.text("epost"), password: fields["passord"] ?? "")
    }

    func complete(token: String, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let draft = Self.draft(fields)
        let admin: UserAccount
        do {
            admin = try await setup.complete(token: token, draft)
        } catch ServiceError.invalid(let errors) {
            return page(token: token, values: fields, errors: errors, context)
        } catch ServiceError.notFound {
            return spent(try await setup.state(of: token), context)
        }
        guard case .loggedIn(let session) = try await accounts.logIn(email: admin.email, password: draft.password) else {
            return redirect(to: "/logg-inn?neste=/admin")
        }
        return redirect(to: "/admin", cookies: [cookies.cookie(CookiePolicy.sessionCookie, session.token, maxAge: Int(session.lifetime))])
    }
}
