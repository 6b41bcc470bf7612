import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import StyrDomain
import Synchronization

/// What the request path keeps between requests, each entry tied to the data version it was read
/// at (see `VersionedCache`): sessions and API callers by token, whole answers of the pages that
/// compute most (`ResponseCacheMiddleware`), and gzipped bodies by their ETag.
final class RequestCaches: Sendable {
    /// The version of the committed data, read once per request (`SessionMiddleware`).
    let version: SharedVersionRead
    let sessions = VersionedCache<CachedSession>(maximumEntries: 10_000)
    let apiCallers = VersionedCache<UserAccount>(maximumEntries: 10_000)
    let responses = VersionedCache<CachedResponse>(maximumEntries: 4_000, maximumCost: 64 << 20)
    /// Gzipped bodies by ETag (a hash of the body, so the version does not matter: always 0).
    let gzipped = VersionedCache<ByteBuffer>(maximumEntries: 4_000, maximumCost: 16 << 20)
    /// Kept answers being computed now: concurrent misses of one answer compute it once.
    let inFlight = AnswersInFlight()

    init(dataVersion: @escaping @Sendable () async throws -> Int64) {
        version = SharedVersionRead(dataVersion)
    }

    func dataVersion() async throws -> Int64 { try await version.current() }
}

/// Reads the data version for many requests with one query: a request waits for the next read
/// that *starts after it arrived*, so it sees every write committed before it came, while under
/// load one query serves all the requests that arrived during the one before.
final class SharedVersionRead: Sendable {
    private struct State {
        var running = false
        var waiting: [CheckedContinuation<Int64, any Error>] = []
    }

    private let state = Mutex(State())
    private let read: @Sendable () async throws -> Int64

    init(_ read: @escaping @Sendable () async throws -> Int64) {
        self.read = read
    }

    func current() async throws -> Int64 {
        try await withCheckedThrowingContinuation { continuation in
            let start = state.withLock { state in
                state.waiting.append(continuation)
                defer { state.running = true }
                return !state.running
            }
            if start { Task { await self.serve() } }
        }
    }

    private func serve() async {
        while true {
            let batch = state.withLock { state in
                let batch = state.waiting
                state.waiting = []
                if batch.isEmpty { state.running = false }
                return batch
            }
            if batch.isEmpty { return }
            let result: Result<Int64, any Error>
            do { result = .success(try await read()) } catch { result = .failure(error) }
            for waiter in batch { waiter.resume(with: result) }
        }
    }
}

struct CachedSession: Sendable {
    var session: UserSession
    var expires: Date
}

/// A whole answer: status 200, its headers (with `ETag`) and body.
struct CachedResponse: Sendable {
    var headers: HTTPFields
    var body: ByteBuffer
    var etag: String

    func response(for request: Request) -> Response {
        if ETag.matches(request, etag) { return ETag.notModified(headers) }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }
}

/// Collects a response body that was written piecewise into one buffer.
final class BodyCollector {
    var buffer = ByteBuffer()
}

struct CollectingWriter: ResponseBodyWriter {
    let collector: BodyCollector

    mutating func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        collector.buffer.writeBuffer(&buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

extension Response {
    /// The whole body in one buffer.
    func collectedBody() async throws -> ByteBuffer {
        let collector = BodyCollector()
        try await body.write(CollectingWriter(collector: collector))
        return collector.buffer
    }

    /// HTML or JSON: the answers whose bodies get an ETag, a cache entry and compression.
    var isTextDocument: Bool {
        guard let type = headers[.contentType]?.lowercased() else { return false }
        return type.hasPrefix("text/html") || type.hasPrefix("application/json") || type.hasPrefix("application/problem+json")
            || type.hasPrefix("text/plain") || type.hasPrefix("text/css") || type.hasPrefix("text/csv") || type.hasPrefix("text/markdown")
    }
}

/// Weak entity tags made of the body's SHA-256: the same bytes, the same tag, for whoever asks,
/// so a tag is only ever confirmed to someone who was sent those very bytes.
enum ETag {
    static func of(_ body: ByteBuffer) -> String {
        let digest = body.withUnsafeReadableBytes { SHA256.hash(data: $0) }
        let text = Data(digest).base64EncodedString().prefix(27).replacingOccurrences(of: "/", with: "_")
        return "W/\"\(text)\""
    }

    static func matches(_ request: Request, _ etag: String) -> Bool {
        guard let header = request.headers[.ifNoneMatch] else { return false }
        return header.split(separator: ",").contains { tag in
            let tag = tag.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || "W/" + tag == etag
        }
    }

    /// 304 with the headers a cache needs (the tag, caching rules, cookies), without the body's.
    static func notModified(_ headers: HTTPFields) -> Response {
        var headers = headers
        headers[.contentLength] = nil
        headers[.contentType] = nil
        headers[.contentEncoding] = nil
        return Response(status: .notModified, headers: headers, body: .init())
    }
}
