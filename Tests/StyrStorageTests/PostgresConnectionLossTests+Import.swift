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
          // The demo load alone took over a minute with the whole suite running on two cores; the
          // limit is for the hang this guards against (the old import path waited for ever).
          .enabled(if: postgres), .timeLimit(.minutes(5)))
    func lostImport() async throws {
        try await TestDatabase.postgres.withFreshDatabase { database async throws in
            _ = try await DemoLoader.loadIfEmpty(database)
            let before = try await LedgerStorageTests.state(database)
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
}
