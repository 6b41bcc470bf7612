import Hummingbird
import StyrServices

/// Names and flags of Styr's cookies. The session cookie carries a random token whose hash is
/// the key of a row in `sessions`, so sessions are shared by every instance on one database.
struct CookiePolicy: Sendable {
    static let sessionCookie = "styr_session"
    /// The double-submit token of the login form, before there is a session.
    static let loginCSRFCookie = "styr_login_csrf"

    /// `Secure` is on except when serving plain HTTP on loopback during development.
    let secure: Bool

    func cookie(_ name: String, _ value: String, maxAge: Int? = nil) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    func expired(_ name: String) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}

/// Finds the session of the request's cookie, if any.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = StyrRequestContext
    let accounts: AccountService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let token = request.cookies[CookiePolicy.sessionCookie]?.value, !token.isEmpty {
            context.session = try await accounts.session(token: token)
        }
        return try await next(request, context)
    }
}
