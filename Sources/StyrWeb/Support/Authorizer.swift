import Foundation
import Hummingbird
import StyrDomain
import StyrServices

/// A refusal that carries its page: a form whose CSRF token was missing or not the session's
/// (`requireCSRF`), and an address with no record id (`requireID`). Refusals of use cases are
/// `ServiceError`s, answered by `ServiceErrorMiddleware`.
struct AccessError: HTTPResponseError {
    let status: HTTPResponse.Status
    let html: String

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// What a page checks itself before calling a use case: that someone is logged in, and that a
/// form carries the session's CSRF token. Roles and scope are the use cases' (`AccessCheck`).
struct Authorizer: Sendable {
    let pages: Pages

    /// The logged-in user; else `.unauthenticated` (a redirect to the login page).
    func user(_ request: Request, _ context: StyrRequestContext) throws -> UserAccount {
        guard let user = context.session?.user else { throw ServiceError.unauthenticated }
        return user
    }

    /// Refuses a form whose CSRF token is missing or not the session's.
    func requireCSRF(_ fields: [String: String], _ context: StyrRequestContext) throws {
        guard let session = context.session, tokensMatch(fields["_csrf"] ?? "", session.csrfToken) else {
            throw AccessError(status: .forbidden, html: pages.errorDocument(
                heading: "Skjemaet er utløpt",
                message: "Skjemaet manglet et gyldig sikkerhetstegn (CSRF). Last siden på nytt og prøv igjen; ingenting ble lagret.",
                context: context))
        }
    }
}
