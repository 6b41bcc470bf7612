import Foundation
import Hummingbird
import StyrDomain
import StyrServices

/// Logging in and out. The login form is protected by a double-submit token (a cookie and a
/// hidden field), the logout form by the session's CSRF token.
struct LoginController: Sendable {
    let accounts: AccountService
    let pages: Pages
    let cookies: CookiePolicy
    /// Single sign-on (`OIDCController`): its button, and whether passwords are allowed.
    var signIn: OIDCSignInService? = nil
    var clientAddress = ClientAddress.fromEnvironment

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/logg-inn") { request, context in
            let next = safeReturnPath(request.uri.queryParameters.get("neste"))
            return form(context: context, email: "", next: next, error: nil, status: .ok)
        }
        router.post("/logg-inn") { request, context in try await login(request, context) }
        router.post("/logg-ut") { request, context in try await logout(request, context) }
    }

    func form(context: StyrRequestContext, email: String, next: String, error: String?, status: HTTPResponse.Status) -> Response {
        let token = AccountRules.randomToken()
        var model = LoginView(email: email, next: next, csrfToken: token, error: error)
        model.offerSingleSignOn(signIn, next: next)
        var response = pages.html("Logg inn", template: "login", model: model, context: context, status: status).response
        response.setCookie(cookies.cookie(CookiePolicy.loginCSRFCookie, token, maxAge: 3600))
        return response
    }

    func login(_ request: Request, _ context: StyrRequestContext) async throws -> Response {
        let fields = try await FormBody.read(request, context: context)
        let email = String((fields["epost"] ?? "").prefix(AccountRules.maximumEmailLength))
        let next = safeReturnPath(fields["neste"])
        guard let cookie = request.cookies[CookiePolicy.loginCSRFCookie]?.value, tokensMatch(fields["_csrf"] ?? "", cookie) else {
            return form(context: context, email: email, next: next,
                        error: "Skjemaet var utløpt. Prøv å logge inn igjen.", status: .forbidden)
        }
        if let signIn, !signIn.localPasswordsAllowed {
            return form(context: context, email: email, next: next, error: OIDCController.passwordsOffMessage(signIn), status: .forbidden)
        }
        let password = fields["passord"] ?? ""
        guard !email.isEmpty, !password.isEmpty else {
            return form(context: context, email: email, next: next, error: "Fyll inn både e-post og passord.", status: .badRequest)
        }
        let source = clientAddress.of(request, peer: context.remoteAddress)
        switch try await accounts.logIn(email: email, password: password, source: source) {
        case .loggedIn(let session):
            return redirect(to: next, cookies: [
                cookies.cookie(CookiePolicy.sessionCookie, session.token, maxAge: Int(session.lifetime)),
                cookies.expired(CookiePolicy.loginCSRFCookie),
            ])
        case .throttled(let until):
            let seconds = LoginThrottle.retryAfter(until: SessionMiddleware.date(until) ?? Date(), now: Date())
            let minutes = max(1, (seconds + 59) / 60)
            var response = form(context: context, email: email, next: next,
                                error: "For mange mislykkede forsøk herfra. Vent \(minutes == 1 ? "ett minutt" : "\(minutes) minutter") og prøv igjen, eller logg inn fra et sted du har logget inn fra før.",
                                status: .tooManyRequests)
            response.headers[.retryAfter] = String(seconds)
            return response
        case .wrongCredentials:
            return form(context: context, email: email, next: next, error: "Feil e-post eller passord.", status: .unauthorized)
        }
    }

    func logout(_ request: Request, _ context: StyrRequestContext) async throws -> Response {
        let fields = try await FormBody.read(request, context: context)
        if let session = context.session, let token = request.cookies[CookiePolicy.sessionCookie]?.value {
            // Without the form's token the request may come from another site: refuse rather than half log out.
            guard tokensMatch(fields["_csrf"] ?? "", session.csrfToken) else {
                return pages.error(.forbidden, heading: "Skjemaet er utløpt",
                                   message: "Last siden på nytt og trykk «Logg ut» igjen.", context: context).response
            }
            try await accounts.logOut(token: token)
        }
        if request.cookies[OIDCController.signedInCookie] != nil, let address = await signIn?.providerLogoutURL() {
            // Signed in through the provider: end its session too (RP-initiated logout).
            return redirect(to: address, cookies: [cookies.expired(CookiePolicy.sessionCookie), cookies.expired(OIDCController.signedInCookie)])
        }
        return redirect(to: "/logg-inn", cookies: [cookies.expired(CookiePolicy.sessionCookie)])
    }
}
