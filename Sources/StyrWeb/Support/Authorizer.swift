import Hummingbird
import StyrDomain
import StyrReports
import StyrStorage

/// A refused request: 401 sends the browser to the login page, 403 shows a Norwegian page.
struct AccessError: HTTPResponseError {
    let status: HTTPResponse.Status
    let loginReturnPath: String?
    let html: String

    func response(from request: Request, context: some RequestContext) throws -> Response {
        if status == .unauthorized, let loginReturnPath {
            let query = loginReturnPath.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
            return Response(status: .seeOther, headers: [.location: "/logg-inn?neste=\(query)"])
        }
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// Checks role and scope for a request, on the server, before a handler reads or writes.
struct Authorizer: Sendable {
    let database: Database
    let storage: any Storage
    let pages: Pages

    /// The logged-in user, or a redirect to the login page.
    func user(_ request: Request, _ context: StyrRequestContext) throws -> UserAccount {
        guard let user = context.session?.user else {
            throw AccessError(status: .unauthorized, loginReturnPath: request.uri.description, html: "")
        }
        return user
    }

    /// The user, when allowed `permission` on `organisationCode`; else 401, 403 or 404.
    func require(
        _ permission: Permission, on organisationCode: String, _ request: Request, _ context: StyrRequestContext
    ) async throws -> UserAccount {
        _ = try user(request, context)
        let organisations = try await database.withConnection { db in try await SQLGovernanceStore(db).organisations() }
        return try require(permission, on: organisationCode, among: organisations, request, context)
    }

    /// As `require`, with the organisations already read.
    func require(
        _ permission: Permission, on organisationCode: String, among organisations: [Organisation], _ request: Request,
        _ context: StyrRequestContext
    ) throws -> UserAccount {
        let user = try user(request, context)
        let tree = OrganisationTree(organisations)
        guard tree.contains(organisationCode) else {
            throw AccessError(status: .notFound, loginReturnPath: nil, html: pages.errorDocument(
                heading: "Fant ikke organisasjonen",
                message: "Det finnes ingen organisasjon med koden «\(organisationCode)».", context: context))
        }
        guard AccessPolicy.allows(user, permission, on: organisationCode, in: tree) else {
            throw AccessError(status: .forbidden, loginReturnPath: nil, html: pages.errorDocument(
                heading: "Ingen tilgang",
                message: "Rollene dine gir ikke tilgang til dette for «\(organisationCode)». Be en administrator om tilgang hvis du trenger det.",
                context: context))
        }
        return user
    }

    /// Refuses a form whose CSRF token is missing or not the session's.
    func requireCSRF(_ fields: [String: String], _ context: StyrRequestContext) throws {
        guard let session = context.session, tokensMatch(fields["_csrf"] ?? "", session.csrfToken) else {
            throw AccessError(status: .forbidden, loginReturnPath: nil, html: pages.errorDocument(
                heading: "Skjemaet er utløpt",
                message: "Skjemaet manglet et gyldig sikkerhetstegn (CSRF). Last siden på nytt og prøv igjen; ingenting ble lagret.",
                context: context))
        }
    }
}
