import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIRuntime
import StyrAPI
import StyrDomain
import StyrStorage

/// Authenticates `/api/` requests (a personal API token as `Authorization: Bearer …`, or the
/// session cookie) and makes the caller known to the generated handlers; answers every error on
/// these paths as RFC 9457 problem details.
struct APIMiddleware: RouterMiddleware {
    typealias Context = StyrRequestContext
    let database: Database

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/api/v1") else { return try await next(request, context) }
        do {
            let user = try await caller(request, context)
            return try await APICaller.$current.withValue(user) { try await next(request, context) }
        } catch let problem as APIProblem {
            return Self.response(problem)
        } catch let error as ServerError where error.underlyingError is APIProblem {
            return Self.response(error.underlyingError as! APIProblem)
        } catch let error as ServerError {
            let status = Int(error.httpStatus.code)
            let title = status < 500 ? "Ugyldig forespørsel" : "Intern feil"
            if status >= 500 {
                context.logger.error("API request failed", metadata: ["error": .string(String(reflecting: error))])
            }
            return Self.response(APIProblem(status: status, title: title, detail: status < 500 ? error.causeDescription : nil))
        } catch let error as HTTPResponseError {
            return Self.response(APIProblem(status: Int(error.status.code), title: error.status.reasonPhrase))
        } catch {
            context.logger.error("API request failed", metadata: ["error": .string(String(reflecting: error))])
            return Self.response(APIProblem(status: 500, title: "Intern feil"))
        }
    }

    /// The caller from the bearer token or the session. Writes with the session cookie need its
    /// CSRF token in `X-CSRF-Token`, as forms do.
    func caller(_ request: Request, _ context: Context) async throws -> UserAccount {
        if let authorization = request.headers[.authorization] {
            guard authorization.lowercased().hasPrefix("bearer "), authorization.count < 300 else { throw APIProblem.unauthorized }
            let token = String(authorization.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
            guard let user = try await database.withConnection({ db in try await SQLAccountStore(db).user(apiToken: token) }) else {
                throw APIProblem.unauthorized
            }
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

    static func response(_ problem: APIProblem) -> Response {
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if problem.status == 401 { headers[.wwwAuthenticate] = "Bearer" }
        return Response(
            status: HTTPResponse.Status(code: problem.status), headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: problem.json)))
    }
}
