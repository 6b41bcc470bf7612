import SQLKit
import StyrDomain
import StyrStorage
import StyrTestSupport
import Testing

/// Database errors of concurrent writes surface as `WriteConflict`, and record versions move atomically.
@Suite("Write conflicts in storage")
struct WriteConflictStorageTests {
    @Test("a unique constraint hit by a write is a conflict, on SQLite and PostgreSQL", arguments: TestDatabase.backends)
    func uniqueViolation(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            await #expect(throws: WriteConflict()) {
                try await database.transaction { db in
                    for _ in 0..<2 {
                        try await db.raw("INSERT INTO record_versions (entity_type, entity_key, version) VALUES ('test', 'a', 0)").run()
                    }
                }
            }
        }
    }

    @Test("two concurrent transactions creating the same unique row: one commits, the other is a conflict", arguments: TestDatabase.backends)
    func concurrentInserts(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            async let first = Self.insert(database)
            async let second = Self.insert(database)
            let outcomes = [try await first, try await second]
            #expect(outcomes.filter { $0 }.count == 1)
        }
    }

    /// True when committed, false when refused as a conflict.
    static func insert(_ database: Database) async throws -> Bool {
        do {
            try await database.transaction { db in
                let exists = try await db.raw("SELECT version FROM record_versions WHERE entity_type = 'test' AND entity_key = 'b'").first() != nil
                if !exists {
                    try await Task.sleep(for: .milliseconds(50))
                    try await db.raw("INSERT INTO record_versions (entity_type, entity_key, version) VALUES ('test', 'b', 0)").run()
                }
                if exists { throw WriteConflict() }
            }
            return true
        } catch is WriteConflict {
            return false
        }
    }
}
