import Hummingbird
import StyrDomain

/// `Cache-Control: no-store` on every answer made for a known caller (a page or export behind a
/// login, an API answer with a caller): no browser, proxy or back button keeps a copy of what
/// only that user may see. Answers to nobody in particular (public pages, the login page, the
/// style sheet) keep their own caching. It sits outside `ResponseCacheMiddleware`, whose ETag
/// stays on the answer: a client that kept a body itself may still revalidate with
/// `If-None-Match` and get a `304` (RFC 9111 allows `no-store` beside a validator).
struct NoStoreMiddleware: RouterMiddleware {
    typealias Context = StyrRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if context.record.user != nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
