import Foundation
import SQLKit
import StyrDemo
import StyrDomain
@testable import StyrStorage
import StyrTestSupport
import Testing

/// A ledger import leases its connection as every unit of work does, so losing the connection in
/// the middle of its COPY fails it as unavailable instead of leaving it (and its ROLLBACK) waiting.
extension PostgresConnectionLossTests {
    @Test("a ledger import whose connection is terminated during its lines fails as unavailable, leaves nothing, and the next import goes through",
          // No time limit on the whole test: under the whole suite on two cores its setup (migrations,
          // the demo) took over five minutes of wall time (4 s alone). Only the imports are bounded.
          .enabled(if: postgres))
    func lostImport() async throws {
        try await TestDatabase.postgres.withFreshDatabase { database async throws in
            _ = try await DemoLoader.loadIfEmpty(database)
            let before = try await LedgerStorageTests.state(database)
            // The old import path waited for ever here; 10 minutes is for a starved machine.
            try await finishes(within: .seconds(600)) {
                try await Self.importLosingItsConnection(database, before: before)
            }
        }
    }

    private static func importLosingItsConnection(_ database: Database, before: LedgerStorageTests.State) async throws {
        let batch = (0..<500).map { LedgerLine(kind: .operating, art: 10, function: 120, year: 2025, month: 1, amount: Money(ore: Int64($0))) }
        let target = LedgerImportTarget(organisationCode: "UKE", year: 2025, sourceName: "brudd", format: "test", actor: "test")
        let outcome: (any Error)?
        do {
            _ = try await database.importLedger(target) { writer in
                try await writer.append(batch)
                // The import's own server process: the one holding a lock on this test's schema's
                // lines table (other tests run in schemas of their own, in the same database).
                let terminated = try await database.withConnection { other in
                    try await other.raw("""
                        SELECT COUNT(*) AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_locks
                        WHERE relation = 'ledger_lines'::regclass AND pid <> pg_backend_pid() GROUP BY pid) AS ended
                        """).first()?.decode(column: "n", as: Int.self)
                }
                #expect(terminated == 1)
                // Lines keep coming until the import learns of its end.
                for _ in 0..<500 {
                    try await writer.append(batch)
                    try await Task.sleep(for: .milliseconds(10))
                }
                return LedgerImportCount(lines: 0, controlSum: .zero)
            }
            outcome = nil
        } catch {
            outcome = error
        }
        let error = try #require(outcome, "the import went through although its connection was terminated")
        #expect(StorageAvailability.isUnavailable(error), "\(String(reflecting: error))")
        #expect(try await LedgerStorageTests.state(database) == before)
        let counts = database.leases.counts
        #expect(counts.held == 0 && counts.waiting == 0)
        // The pool replaces the connection: the same import then goes through whole.
        let record = try await database.importLedger(target) { writer in
            try await writer.append(batch)
            return LedgerImportCount(lines: Int64(batch.count), controlSum: batch.map(\.amount).sum())
        }
        #expect(record.lines == Int64(batch.count))
    }
}

/// Runs `operation` and throws if it has not finished within `limit`, without waiting for it then
/// (a hung operation may not answer cancellation). Unlike a test's time limit, it bounds only the
/// part it wraps, not a setup that a busy machine can starve.
func finishes(within limit: Duration, _ operation: @escaping @Sendable () async throws -> Void) async throws {
    let (results, continuation) = AsyncStream.makeStream(of: Result<Void, any Error>.self)
    let work = Task {
        do { try await operation(); continuation.yield(.success(())) } catch { continuation.yield(.failure(error)) }
        continuation.finish()
    }
    let timer = Task {
        try? await Task.sleep(for: limit)
        continuation.finish()
    }
    defer { timer.cancel() }
    for await result in results { return try result.get() }
    work.cancel()
    throw DeadlinePassed(limit: limit)
}

struct DeadlinePassed: Error, CustomStringConvertible {
    let limit: Duration
    var description: String { "not finished within \(limit)" }
}

@Suite("A bounded wait in a test")
struct FinishesWithinTests {
    @Test("an operation past its limit is reported without being waited for; one within it passes its error on")
    func bounded() async throws {
        let start = ContinuousClock.now
        await #expect(throws: DeadlinePassed.self) {
            try await finishes(within: .milliseconds(50)) { try await Task.sleep(for: .seconds(3600)) }
        }
        #expect(ContinuousClock.now - start < .seconds(60))
        struct Refused: Error {}
        await #expect(throws: Refused.self) { try await finishes(within: .seconds(60)) { throw Refused() } }
        try await finishes(within: .seconds(60)) {}
    }
}
