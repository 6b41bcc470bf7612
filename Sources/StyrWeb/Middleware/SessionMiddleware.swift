import Foundation
import Hummingbird
import StyrDomain
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

/// Finds the session of the request's cookie, if any. For a GET with a session or a bearer token it
/// first reads the data version once (`RequestCaches.dataVersion`, kept in the request's record),
/// and takes the session from the cache while nothing was written since it was read and it has not
/// expired: logging in or out, a deactivation, every change is a write.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = StyrRequestContext
    let accounts: AccountService
    var caches: RequestCaches?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let token = request.cookies[CookiePolicy.sessionCookie]?.value ?? ""
        if let caches, request.method == .get, !token.isEmpty || request.headers[.authorization] != nil {
            // 0: no version table yet (an unmigrated database), so nothing may be kept.
            let version = try await caches.dataVersion()
            context.record.dataVersion = version > 0 ? version : nil
        }
        if !token.isEmpty {
            context.session = try await session(token, version: context.record.dataVersion)
        }
        return try await next(request, context)
    }

    func session(_ token: String, version: Int64?) async throws -> UserSession? {
        guard let caches, let version else { return try await accounts.session(token: token) }
        let key = VersionedCache<CachedSession>.key(token)
        if let cached = caches.sessions.value(for: key, at: version), cached.expires > Date() { return cached.session }
        let session = try await accounts.session(token: token)
        if let session, let expires = Self.date(session.expiresAt) {
            caches.sessions.store(CachedSession(session: session, expires: expires), for: key, at: version)
        }
        return session
    }

    /// The stored expiry (ISO 8601, with or without fractional seconds).
    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
