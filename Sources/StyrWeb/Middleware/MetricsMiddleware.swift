import Hummingbird

/// Counts every request and its duration per route template (`StyrMetrics`); an address that
/// matched no route counts under one name, so ids and typos never become new series.
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = StyrRequestContext
    let metrics: StyrMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            metrics.request(request.method.rawValue, route: Self.route(context), status: Int(response.status.code), duration: ContinuousClock.now - start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.request(request.method.rawValue, route: Self.route(context), status: Int(status), duration: ContinuousClock.now - start)
            throw error
        }
    }

    static func route(_ context: Context) -> String {
        context.endpointPath.flatMap { $0 == "NotFound" ? nil : $0 } ?? AccessLogMiddleware.unmatched
    }
}
