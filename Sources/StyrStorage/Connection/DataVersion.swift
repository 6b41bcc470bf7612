import Foundation
import SQLKit
import Synchronization

/// The data's version: one row (`styr_data_version`, migration 0026) whose number every write
/// transaction raises before it commits (`Database.transaction`, and the ledger import). A cache
/// that keeps what it computed together with the version it read *before* computing is never
/// stale: any write since then shows as a higher number, on every instance sharing the database.
extension Database {
    static let versionTable = "styr_data_version"

    /// The version of the committed data now (0 before migration 0026).
    public func dataVersion() async throws -> Int64 {
        guard try await versionTableExists() else { return 0 }
        return try await withReadConnection { db in
            try await db.select().column("version").from(Self.versionTable).where("id", .equal, 1).first()?
                .decode(column: "version", as: Int64.self) ?? 0
        }
    }

    /// Raises the version inside the caller's transaction (a no-op until migration 0026 has run).
    func bumpDataVersion(_ db: any SQLDatabase) async throws {
        if !hasVersionTable.withLock({ $0 }) {
            let exists: Bool
            switch dialect {
            case .sqlite:
                exists = try await db.raw("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = \(bind: Self.versionTable)")
                    .first() != nil
            case .postgres:
                exists = try await db.raw("SELECT to_regclass(\(bind: Self.versionTable)) IS NOT NULL AS found").first()?
                    .decode(column: "found", as: Bool.self) ?? false
            }
            guard exists else { return }
            hasVersionTable.withLock { $0 = true }
        }
        try await Self.raiseDataVersion(db)
    }

    /// The statement that raises the version (after migration 0026).
    static func raiseDataVersion(_ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE styr_data_version SET version = version + 1 WHERE id = 1").run()
    }

    private func versionTableExists() async throws -> Bool {
        if hasVersionTable.withLock({ $0 }) { return true }
        let dialect = dialect
        let exists = try await withReadConnection { db in
            if dialect == .sqlite {
                return try await db.raw("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = \(bind: Self.versionTable)")
                    .first() != nil
            }
            return try await db.raw("SELECT to_regclass(\(bind: Self.versionTable)) IS NOT NULL AS found").first()?
                .decode(column: "found", as: Bool.self) ?? false
        }
        if exists { hasVersionTable.withLock { $0 = true } }
        return exists
    }
}

/// What the connections do (for `/metrics`): units of work running now and since start, SQLite's
/// reader pool, and the ledger imports stored.
public struct DatabaseStatistics: Sendable, Equatable {
    public var active = 0
    public var units: Int64 = 0
    public var sqliteReaders = 0
    public var sqliteReadersInUse = 0
    public var sqliteReadersWaiting = 0
    public var sqliteReaderWaits = 0
    public var imports: Int64 = 0
    public var importedLines: Int64 = 0

    public init() {}

    mutating func begin() {
        active += 1
        units += 1
    }

    mutating func end() { active -= 1 }
}
