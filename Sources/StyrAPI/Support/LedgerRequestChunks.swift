import OpenAPIRuntime

/// The request body as the import reads it: each chunk as it arrives, never the whole body.
struct LedgerRequestChunks: AsyncSequence, Sendable {
    typealias Element = [UInt8]
    let body: HTTPBody

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: HTTPBody.AsyncIterator

        mutating func next() async throws -> [UInt8]? {
            guard let chunk = try await base.next() else { return nil }
            return Array(chunk)
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: body.makeAsyncIterator())
    }
}
