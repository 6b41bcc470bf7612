import Hummingbird
import Logging

/// One structured log line per request: method, the matched route's template (not the path with
/// its ids), status, duration in milliseconds and, when known, the user. A 5xx is logged at error
/// level with the cause the error middlewares recorded; the rest at info level.
///
/// The outermost middleware, so it sees the answer as sent. With `logger` set (tests, or a server
/// with its own handler), every middleware and handler inside logs through it.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = StyrRequestContext
    var logger: Logger?

    /// The route template of a request that matched no route.
    static let unmatched = "(ingen rute)"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var context = context
        if var logger {
            logger[metadataKey: "hb.request.id"] = context.logger[metadataKey: "hb.request.id"]
            context.logger = logger
        }
        do {
            let response = try await next(request, context)
            log(request, status: response.status, since: start, context: context)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            if status.code >= 500 && context.record.failure == nil { context.record.fail(error) }
            log(request, status: status, since: start, context: context)
            throw error
        }
    }

    func log(_ request: Request, status: HTTPResponse.Status, since start: ContinuousClock.Instant, context: Context) {
        let duration = ContinuousClock.now - start
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        let route = context.endpointPath.flatMap { $0 == "NotFound" ? nil : $0 } ?? Self.unmatched
        var metadata: Logger.Metadata = [
            "method": "\(request.method.rawValue)",
            "path": "\(route)",
            "status": "\(status.code)",
            "duration_ms": "\((milliseconds * 10).rounded() / 10)",
        ]
        if let user = context.record.user { metadata["user"] = "\(user.email)" }
        if status.code >= 500 {
            metadata["error"] = "\(context.record.failure ?? "ukjent (svaret hadde status \(status.code))")"
            context.logger.error("request failed", metadata: metadata)
        } else {
            context.logger.info("request", metadata: metadata)
        }
    }
}
