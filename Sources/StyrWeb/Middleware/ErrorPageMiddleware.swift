import HTTPTypes
import Hummingbird
import Logging

/// Turns an unexpected error into a Norwegian error page (500) instead of a bare response, and
/// logs it. Errors that already carry an HTTP status (400, 404) keep it.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPResponseError {
            throw error
        } catch {
            context.logger.error("Request failed", metadata: ["path": .string(request.uri.path), "error": .string(String(reflecting: error))])
            let html = """
                <!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Noe gikk galt – Styr</title>\
                <link rel="stylesheet" href="/styles.css"></head><body><main id="innhold" class="wrap">\
                <h1>Noe gikk galt</h1><p>Styr kunne ikke vise siden. Feilen er logget; prøv igjen om litt.</p>\
                <p><a href="/">Til forsiden</a></p></main></body></html>
                """
            return Response(
                status: .internalServerError, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: html)))
        }
    }
}
