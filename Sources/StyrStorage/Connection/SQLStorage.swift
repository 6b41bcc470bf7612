import Foundation
import SQLKit
import StyrDomain

/// The SQL implementation of `Storage` for SQLite and PostgreSQL alike: each unit of work gets
/// one connection and the repositories over it; a write runs in one transaction.
public struct SQLStorage: Storage {
    public let database: Database
    /// bcrypt cost for new passwords (12; tests lower it).
    let bcryptCost: UInt8

    public init(_ database: Database, bcryptCost: UInt8 = 12) {
        self.database = database
        self.bcryptCost = bcryptCost
    }

    func repositories(_ db: any SQLDatabase, actor: String) -> Repositories {
        Repositories(
            governance: SQLGovernanceStore(db, actor: actor), accounts: SQLAccountStore(db, bcryptCost: bcryptCost, actor: actor),
            audit: SQLAuditLog(db), budgetSetup: SQLBudgetSetupStore(db, actor: actor), forecasts: SQLForecastStore(db, actor: actor),
            importProfiles: SQLImportProfileStore(db, actor: actor), ledger: SQLLedgerStore(db))
    }

    public func read<T: Sendable>(_ body: @Sendable (Repositories) async throws -> T) async throws -> T {
        try await database.withReadConnection { db in try await body(repositories(db, actor: "system")) }
    }

    public func write<T: Sendable>(as actor: String, _ body: @Sendable (Repositories) async throws -> T) async throws -> T {
        try await database.transaction { db in try await body(repositories(db, actor: actor)) }
    }

    /// Runs on a connection of its own outside a transaction: each statement commits by itself
    /// and the data version stays as it is.
    public func note(_ body: @Sendable (Repositories) async throws -> Void) async throws {
        try await database.withConnection { db in try await body(repositories(db, actor: "system")) }
    }

    public func importLedger(
        _ settings: LedgerImportSettings, chunks: LedgerChunks, progress: (@Sendable (Int64, Int) -> Void)?
    ) async throws -> LedgerImportOutcome {
        let outcome = try await LedgerFileImport.run(settings, chunks: chunks, database: database, progress: progress)
        if outcome.record != nil { database.countImport(lines: Int64(outcome.summary?.linesImported ?? 0)) }
        return outcome
    }

    /// The version of the committed data (`Database.dataVersion`): raised by every write.
    public func dataVersion() async throws -> Int64 { try await database.dataVersion() }
}

extension SQLAccountStore: AccountRepository {}
extension SQLAuditLog: AuditRepository {}
extension SQLBudgetSetupStore: BudgetSetupRepository {}
extension SQLForecastStore: ForecastRepository {}
extension SQLImportProfileStore: ImportProfileRepository {}
extension SQLLedgerStore: LedgerRepository {}
