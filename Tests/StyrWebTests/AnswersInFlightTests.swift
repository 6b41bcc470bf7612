import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import StyrWeb
import Synchronization
import Testing

/// Concurrent misses of one kept answer compute it once (issue 14: the p99 tail of a cold page).
@Suite("Kept answers computed once under concurrent misses")
struct AnswersInFlightTests {
    /// Sets the data version that `SessionMiddleware` would have read.
    struct VersionMiddleware: RouterMiddleware {
        typealias Context = StyrRequestContext
        let counter: Counter

        func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
            context.record.dataVersion = counter.version.withLock { $0 }
            return try await next(request, context)
        }
    }

    final class Counter: Sendable {
        let computed = Mutex(0)
        let version = Mutex<Int64>(1)
        let failNext = Mutex(false)
    }

    static func run(_ test: @Sendable @escaping (any TestClientProtocol, Counter) async throws -> Void) async throws {
        let counter = Counter()
        let router = Router(context: StyrRequestContext.self)
        router.add(middleware: VersionMiddleware(counter: counter))
        router.add(middleware: ResponseCacheMiddleware(caches: RequestCaches(dataVersion: { 1 })))
        router.get("/organisasjoner/UKE/ar/2020") { _, _ -> Response in
            let (number, fail) = counter.computed.withLock { count in
                count += 1
                return (count, counter.failNext.withLock { failing in defer { failing = false }; return failing })
            }
            try await Task.sleep(for: .milliseconds(50))
            if fail { throw HTTPError(.internalServerError) }
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "<p>svar \(number)</p>")))
        }
        try await Application(router: router).test(.router) { client in try await test(client, counter) }
    }

    static func get(_ client: any TestClientProtocol, times: Int) async throws -> [String] {
        try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<times {
                group.addTask {
                    let response = try await client.execute(
                        uri: "/organisasjoner/UKE/ar/2020", method: .get, headers: [.authorization: "Bearer test"], body: nil)
                    return response.status == .ok ? String(buffer: response.body) : "status \(response.status.code)"
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test("32 concurrent misses: one computation, every caller the same answer; a new version computes again")
    func concurrentMisses() async throws {
        try await Self.run { client, counter in
            let answers = try await Self.get(client, times: 32)
            #expect(counter.computed.withLock { $0 } == 1)
            #expect(Set(answers) == ["<p>svar 1</p>"])
            counter.version.withLock { $0 = 2 }
            let after = try await Self.get(client, times: 32)
            #expect(counter.computed.withLock { $0 } == 2)
            #expect(Set(after) == ["<p>svar 2</p>"])
        }
    }

    @Test("when the computing request fails, the waiting ones compute their own answers")
    func failureIsNotShared() async throws {
        try await Self.run { client, counter in
            counter.failNext.withLock { $0 = true }
            let answers = try await Self.get(client, times: 8)
            #expect(answers.filter { $0 == "status 500" }.count == 1)
            #expect(answers.filter { $0.hasPrefix("<p>svar") }.count == 7)
            #expect(counter.computed.withLock { $0 } >= 2)
        }
    }

    @Test("turns: the first computes, the others get what it hands over; a finished flight is gone")
    func turns() async throws {
        let flights = AnswersInFlight()
        #expect(await flights.turn(for: "k", at: 1).isCompute)
        #expect(await flights.turn(for: "k", at: 2).isCompute)
        async let waiter = flights.turn(for: "k", at: 1)
        try await Task.sleep(for: .milliseconds(20))
        flights.finish("k", at: 1, with: CachedResponse(headers: [:], body: ByteBuffer(string: "x"), etag: "W/\"x\""))
        if case .shared(let answer) = await waiter { #expect(answer?.etag == "W/\"x\"") } else { Issue.record("expected a shared answer") }
        flights.finish("k", at: 2, with: nil)
        #expect(flights.count == 0)
        #expect(await flights.turn(for: "k", at: 1).isCompute)
    }
}

extension AnswersInFlight.Turn {
    var isCompute: Bool { if case .compute = self { true } else { false } }
}
