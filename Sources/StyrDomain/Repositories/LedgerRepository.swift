/// Imported ledger lines: totals by any dimension, a cell's lines page by page, and the imports.
public protocol LedgerRepository: Sendable {
    func totals(of organisationCode: String, _ filter: LedgerFilter, by dimensions: [LedgerDimension]) async throws -> [LedgerTotal]
    /// Lines after `afterID` in id order (keyset paging).
    func lines(of organisationCode: String, _ filter: LedgerFilter, afterID: Int64, limit: Int) async throws -> [StoredLedgerLine]
    func imports(of organisationCode: String, year: Int) async throws -> [LedgerImportRecord]
}
