import SQLKit
import StyrDomain

/// Ledger imports and their lines: totals by any dimension and the lines behind a cell.
///
/// The import records and the clash rule (`beginImport`) are in `SQLLedgerStore+ImportRecords.swift`,
/// the totals and drill-down in `SQLLedgerStore+Queries.swift`; the lines are written in bulk by
/// `Database.importLedger` (`Database+ImportLedger.swift`), numbered by `LedgerLinePlacement`.
public struct SQLLedgerStore: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    func organisationID(_ code: String) async throws -> Int64 { try await SQLGovernanceStore(db).organisationID(code) }
}
