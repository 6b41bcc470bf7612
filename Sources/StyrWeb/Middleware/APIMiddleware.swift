import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIRuntime
import StyrAPI
import StyrDomain
import StyrServices
import StyrStorage

/// Authenticates `/api/v1` requests (a personal API token as `Authorization: Bearer …`, or the
/// session cookie) and makes the caller known to the generated handlers; answers every error under
/// `/api/` as an RFC 9457 problem in Norwegian: an unknown address 404, a known one with another
/// method 405, a request the runtime could not read 400/415 naming the field, an unexpected error
/// 500 (its cause kept for the access log).
struct APIMiddleware: RouterMiddleware {
    typealias Context = StyrRequestContext
    let accounts: AccountService
    var routes = APIRoutes.styr
    /// API callers by token while the data version stays the same (`SessionMiddleware` reads it).
    var caches: RequestCaches?

    static let prefix = "/api/v1"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // As the router reads it: repeated slashes count as one.
        let path = "/" + request.uri.path.split(separator: "/").joined(separator: "/")
        guard path == "/api" || path.hasPrefix("/api/") else { return try await next(request, context) }
        do {
            guard path.hasPrefix(Self.prefix + "/") else { return try await next(request, context) }
            // Which addresses exist is public (/api/openapi.json): an unknown one is 404 before authentication.
            guard let methods = routes.methods(ofPath: path) else { throw APIProblem.unknownPath(path) }
            guard methods.contains(request.method.rawValue) else { throw MethodNotAllowed(path: path, allowed: methods) }
            let user = try await caller(request, context)
            context.record.apiCaller = user
            return try await APICaller.$current.withValue(user) { try await next(request, context) }
        } catch let refusal as MethodNotAllowed {
            var response = Self.response(APIProblem(
                status: 405, detail: "\(refusal.path) tar imot \(refusal.allowed.joined(separator: ", ")), ikke \(request.method.rawValue)."))
            response.headers[.allow] = refusal.allowed.joined(separator: ", ")
            return response
        } catch {
            return Self.response(problem(error, path: path, request: request, context: context))
        }
    }

    /// The problem of an error on an API path.
    func problem(_ error: any Error, path: String, request: Request, context: Context) -> APIProblem {
        if StorageAvailability.isUnavailable((error as? ServerError)?.underlyingError ?? error) {
            context.record.fail(error)
            return .databaseUnavailable
        }
        switch error {
        case let problem as APIProblem:
            return problem
        case let error as ServerError:
            // HTTP/1.1: without a length and not chunked there is no body.
            let bodyIsEmpty = request.headers[.contentLength].map { $0 == "0" } ?? (request.headers[.transferEncoding] == nil)
            let problem = APIProblem(error, bodyIsEmpty: bodyIsEmpty)
            if problem.status >= 500 {
                context.record.failure = "\(error.operationID): \(error.causeDescription): \(String(reflecting: error.underlyingError))"
            }
            return problem
        case let refusal as ServiceError:
            return APIProblem(refusal)
        case let conflict as WriteConflict:
            return APIProblem(conflict)
        case let error as HTTPResponseError where error.status == .notFound:
            return .unknownPath(path)
        case let error as HTTPResponseError where error.status.code < 500:
            return APIProblem(status: Int(error.status.code), detail: Self.detail(error.status))
        default:
            context.record.fail(error)
            return .internalError
        }
    }

    /// The details of a status Hummingbird answers itself (its messages are English).
    static func detail(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .contentTooLarge: "Innholdet er større enn Styr tar imot."
        case .badRequest: "Forespørselen kunne ikke leses."
        default: "Forespørselen ble avvist (\(status.code))."
        }
    }

    /// The caller from the bearer token or the session. Writes with the session cookie need its
    /// CSRF token in `X-CSRF-Token`, as forms do.
    func caller(_ request: Request, _ context: Context) async throws -> UserAccount {
        if let authorization = request.headers[.authorization] {
            guard authorization.lowercased().hasPrefix("bearer "), authorization.count < 300 else { throw APIProblem.unauthorized }
            let token = String(authorization.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
            guard let user = try await apiCaller(token: token, version: context.record.dataVersion) else { throw APIProblem.unauthorized }
            return user
        }
        guard let session = context.session else { throw APIProblem.unauthorized }
        if request.method != .get && request.method != .head {
            guard tokensMatch(request.headers[HTTPField.Name("X-CSRF-Token")!] ?? "", session.csrfToken) else {
                throw APIProblem.forbidden("Skriving med innloggingsøkt krever sesjonens CSRF-nøkkel i X-CSRF-Token.")
            }
        }
        return session.user
    }

    /// The user of an API token, kept while the data version stays the same and for a minute at
    /// most (the minute is in the key): so the token's expiry is checked and its last use noted
    /// (`AccountService.user(apiToken:)`) at least once a minute while it is used.
    func apiCaller(token: String, version: Int64?) async throws -> UserAccount? {
        guard let caches, let version else { return try await accounts.user(apiToken: token) }
        let minute = Int(Date().timeIntervalSince1970 / 60)
        let key = VersionedCache<UserAccount>.key("api", token, String(minute))
        if let user = caches.apiCallers.value(for: key, at: version) { return user }
        let user = try await accounts.user(apiToken: token)
        if let user { caches.apiCallers.store(user, for: key, at: version) }
        return user
    }

    static func response(_ problem: APIProblem) -> Response {
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if problem.status == 401 { headers[.wwwAuthenticate] = "Bearer" }
        return Response(
            status: HTTPResponse.Status(code: problem.status), headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: problem.json)))
    }
}

/// A known API path asked with a method it does not have.
private struct MethodNotAllowed: Error {
    var path: String
    var allowed: [String]
}

extension APIProblem {
    static func unknownPath(_ path: String) -> APIProblem {
        APIProblem(status: 404, detail: "API-et har ingen adresse \(path). Adressene står i /api/openapi.json.")
    }
}
