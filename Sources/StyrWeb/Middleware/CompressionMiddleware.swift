import CompressNIO
import Hummingbird

/// gzip for a client that asks for it (`Accept-Encoding: gzip`): successful HTML, JSON and text
/// answers of 1 KB or more whose length is known. Compressed bodies are kept by their ETag, so an
/// unchanged page is compressed once.
struct CompressionMiddleware<Context: RequestContext>: RouterMiddleware {
    let caches: RequestCaches
    static var minimumLength: Int { 1024 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        guard Self.acceptsGzip(request.headers[.acceptEncoding]), response.status == .ok, response.isTextDocument,
              response.headers[.contentEncoding] == nil, let length = response.body.contentLength, length >= Self.minimumLength
        else { return response }
        let etag = response.headers[.eTag]
        let compressed: ByteBuffer
        if let etag, let kept = caches.gzipped.value(for: etag, at: 0) {
            compressed = kept
        } else {
            var body = try await response.collectedBody()
            compressed = try body.compress(with: .gzip())
            if let etag { caches.gzipped.store(compressed, for: etag, at: 0, cost: compressed.readableBytes + 128) }
        }
        var headers = response.headers
        headers[.contentEncoding] = "gzip"
        headers[.contentLength] = nil
        headers[.vary] = headers[.vary].map { $0 + ", Accept-Encoding" } ?? "Accept-Encoding"
        return Response(status: response.status, headers: headers, body: .init(byteBuffer: compressed))
    }

    /// `gzip` (or `*`) listed with a weight above 0.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        return header.lowercased().split(separator: ",").contains { part in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.first == "gzip" || pieces.first == "*" else { return false }
            let weight = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return weight > 0
        }
    }
}
