import Hummingbird
import StyrDomain
import StyrServices

/// `/invitasjon/:token`: the invited user chooses a password (once) and is logged in. The link is
/// the secret (only its hash is stored), so the form needs no session.
struct InvitationController: Sendable {
    let users: UserAdministrationService
    let accounts: AccountService
    let pages: Pages
    let cookies: CookiePolicy

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/invitasjon/:token") { _, context in
            let token = try context.parameters.require("token")
            return try await page(token: token, error: nil, context)
        }
        router.post("/invitasjon/:token") { request, context in
            let token = try context.parameters.require("token")
            let fields = try await FormBody.read(request, context: context)
            let password = fields["passord"] ?? ""
            guard password == (fields["gjenta"] ?? "") else {
                return try await page(token: token, error: "Passordene er ikke like. Skriv det samme passordet to ganger.", context)
            }
            let user: UserAccount
            do {
                user = try await users.acceptInvitation(token, password: password)
            } catch ServiceError.invalid(let errors) {
                return try await page(token: token, error: errors["password"] ?? ServiceError.invalid(errors).message, context)
            }
            guard case .loggedIn(let session) = try await accounts.logIn(email: user.email, password: password) else {
                return redirect(to: "/logg-inn")
            }
            return redirect(to: "/", cookies: [cookies.cookie(CookiePolicy.sessionCookie, session.token, maxAge: Int(session.lifetime))])
        }
    }

    func page(token: String, error: String?, _ context: StyrRequestContext) async throws -> Response {
        let invitation = try await users.invitation(token)
        let model = InvitationView(token: token, invitation: invitation, error: error)
        return pages.html("Invitasjon", template: "invitation", model: model, context: context,
                          status: invitation.state != .open ? .gone : error == nil ? .ok : .unprocessableContent).response
    }
}
