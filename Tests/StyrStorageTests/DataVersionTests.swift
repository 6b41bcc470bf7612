import Foundation
import SQLKit
import StyrDomain
import StyrStorage
import StyrTestSupport
import Testing

/// The data version raised by every write, and SQLite's reader connections (issue 14).
@Suite("Data version and concurrent reads")
struct DataVersionTests {
    @Test("every write transaction raises the version, at once and only then", arguments: TestDatabase.backends)
    func writesRaiseTheVersion(_ backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            let storage = SQLStorage(database, bcryptCost: 4)
            let start = try await storage.dataVersion()
            #expect(start >= 1)
            _ = try await storage.read { repositories in try await repositories.governance.organisations() }
            #expect(try await storage.dataVersion() == start)
            try await storage.write(as: "test") { repositories in
                try await repositories.governance.save(Organisation(code: "OSLO", name: "Utviklings- og kompetanseetaten", kind: .municipality, parentCode: nil))
            }
            #expect(try await storage.dataVersion() == start + 1)
            // A read right after the write sees it.
            let names = try await storage.read { repositories in try await repositories.governance.organisations().map(\.name) }
            #expect(names.contains("Utviklings- og kompetanseetaten"))
            // A failed write raises nothing.
            await #expect(throws: (any Error).self) {
                try await storage.write(as: "test") { _ -> Int in throw StorageError.invalid("nei") }
            }
            #expect(try await storage.dataVersion() == start + 1)
        }
    }

    @Test("many reads run side by side while a write goes on", arguments: TestDatabase.backends)
    func concurrentReads(_ backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            let storage = SQLStorage(database, bcryptCost: 4)
            try await storage.write(as: "test") { repositories in
                try await repositories.governance.save(Organisation(code: "OSLO", name: "Oslo", kind: .municipality, parentCode: nil))
            }
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<64 {
                    group.addTask {
                        if index == 10 {
                            try await storage.write(as: "test") { repositories in
                                try await repositories.governance.save(Organisation(code: "BERGEN", name: "Bergen", kind: .municipality, parentCode: nil))
                            }
                        }
                        return try await storage.read { repositories in try await repositories.governance.organisations().count }
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(counts.count == 64)
            #expect(counts.allSatisfy { $0 == 1 || $0 == 2 })
            #expect(try await storage.read { try await $0.governance.organisations().count } == 2)
            if backend == .sqlite {
                #expect(database.statistics.sqliteReaders == 4)
                #expect(database.statistics.sqliteReadersInUse == 0)
            }
            #expect(database.statistics.active == 0)
        }
    }
}
