import Foundation
import SQLKit
@testable import StyrStorage
import StyrTestSupport
import Testing

/// A PostgreSQL connection lost during a unit of work fails the unit at once as
/// `StorageUnavailable` (PostgresNIO alone lets a query written to a closed connection wait for
/// ever), and the pool's bookkeeping (`PostgresLeases`) comes back to rest after a burst.
@Suite("PostgreSQL connections lost and leased")
struct PostgresConnectionLossTests {
    static let postgres = TestDatabase.backends.contains(.postgres)

    @Test("a query on a connection whose server process was terminated fails at once, as unavailable",
          // Bounds for a starved machine (the whole suite on two cores); the old path waited for ever.
          .enabled(if: postgres), .timeLimit(.minutes(10)))
    func lostConnection() async throws {
        try await TestDatabase.postgres.withFreshDatabase(migrated: false) { database in
            let outcome: (any Error)? = try await database.withConnection { db in
                let pid = try #require(try await db.raw("SELECT pg_backend_pid() AS pid").first()?.decode(column: "pid", as: Int.self))
                try await database.withConnection { other in
                    try await other.raw("SELECT pg_terminate_backend(CAST(\(bind: pid) AS integer))").run()
                }
                // Let the connection see its end first: a query written after it would never answer.
                let watched = try #require(db as? WatchedSQLDatabase)
                for _ in 0..<100 where !watched.watch.isClosed { try await Task.sleep(for: .milliseconds(20)) }
                #expect(watched.watch.isClosed)
                let start = ContinuousClock.now
                do {
                    try await db.raw("SELECT 1").run()
                    return nil
                } catch {
                    #expect(ContinuousClock.now - start < .seconds(30))
                    return error
                }
            }
            let error = try #require(outcome)
            #expect(StorageAvailability.isUnavailable(error))
            // The pool replaces the connection: the next unit of work goes through.
            try await database.withConnection { db in try await db.raw("SELECT 1").run() }
        }
    }

    @Test("units of work beyond the pool's size all complete, and leave nothing held or waiting", .enabled(if: postgres))
    func burst() async throws {
        try await TestDatabase.postgres.withFreshDatabase(migrated: false) { database in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<60 {
                    group.addTask {
                        try await database.withConnection { db in try await db.raw("SELECT pg_sleep(0.01)").run() }
                    }
                }
                try await group.waitForAll()
            }
            let counts = database.leases.counts
            #expect(counts.held == 0 && counts.waiting == 0)
            #expect(counts.open > 0 && counts.open <= Database.maximumConnections)
            // With connections idle, a unit of work takes one without waiting.
            #expect(database.leases.reserveIdle())
            database.leases.release()
        }
    }
}
