import Foundation
import Hummingbird
import StyrDomain
import StyrServices

/// Signing in through the organisation's identity provider (OpenID Connect): `/logg-inn/oidc`
/// starts (a cookie binds the sign-in to this browser), `/logg-inn/oidc/tilbake` is the provider's
/// callback. Refusals are shown on the login page in Norwegian.
struct OIDCController: Sendable {
    let signIn: OIDCSignInService
    let login: LoginController
    let cookies: CookiePolicy

    /// The browser's half of a started sign-in. `SameSite=Lax`: the callback is a navigation from the provider's site.
    static let attemptCookie = "styr_oidc_attempt"
    /// Set when the session came from the provider, so logging out also ends the provider's session.
    static let signedInCookie = "styr_oidc"

    static func passwordsOffMessage(_ signIn: OIDCSignInService) -> String {
        "Innlogging med passord er slått av. Bruk «Logg inn med \(signIn.providerName ?? "identitetstjenesten")»."
    }

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/logg-inn/oidc") { request, context in try await start(request, context) }
        router.get("/logg-inn/oidc/tilbake") { request, context in try await callback(request, context) }
    }

    func start(_ request: Request, _ context: StyrRequestContext) async throws -> Response {
        let next = safeReturnPath(request.uri.queryParameters.get("neste"))
        do {
            let started = try await signIn.begin(next: next)
            return redirect(to: started.authorizationURL, cookies: [
                Cookie(name: Self.attemptCookie, value: started.browserBinding, maxAge: Int(started.lifetime), path: "/logg-inn/oidc",
                       secure: cookies.secure, httpOnly: true, sameSite: .lax),
            ])
        } catch let error as OIDCSignInError {
            return refused(error, next: next, context)
        }
    }

    func callback(_ request: Request, _ context: StyrRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        do {
            let done = try await signIn.complete(
                code: query.get("code"), state: query.get("state"), providerError: query.get("error"),
                browserBinding: request.cookies[Self.attemptCookie]?.value)
            // The session cookie is `SameSite=Strict`: a redirect in a chain that began on the provider's
            // site would arrive without it, so the browser goes on from a page of Styr's own.
            let next = safeReturnPath(done.next)
            var response = Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: Self.continuePage(next))))
            response.setCookie(cookies.cookie(CookiePolicy.sessionCookie, done.session.token, maxAge: Int(done.session.lifetime)))
            response.setCookie(cookies.cookie(Self.signedInCookie, "1", maxAge: Int(done.session.lifetime)))
            response.setCookie(expiredAttempt)
            return response
        } catch let error as OIDCSignInError {
            context.logger.notice("OIDC sign-in refused: \(error)")
            var response = refused(error, next: "/", context)
            response.setCookie(expiredAttempt)
            return response
        }
    }

    var expiredAttempt: Cookie {
        Cookie(name: Self.attemptCookie, value: "", maxAge: 0, path: "/logg-inn/oidc", secure: cookies.secure, httpOnly: true, sameSite: .lax)
    }

    func refused(_ error: OIDCSignInError, next: String, _ context: StyrRequestContext) -> Response {
        let status: HTTPResponse.Status = switch error {
        case .notConfigured: .notFound
        case .providerUnavailable: .badGateway
        default: .unauthorized
        }
        return login.form(context: context, email: "", next: next, error: error.message, status: status)
    }

    /// A page that sends the browser on to `next` (a checked local path).
    static func continuePage(_ next: String) -> String {
        let escaped = next.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
        return """
            <!doctype html>
            <html lang="nb"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=\(escaped)">
            <title>Logget inn – Styr</title></head>
            <body><p>Du er logget inn. <a href="\(escaped)">Gå videre</a>.</p></body></html>
            """
    }
}
