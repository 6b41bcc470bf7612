import SQLKit

/// Oslo publishes drift and investering as two files a year: an import may hold one kontoklasse.
struct AddLedgerImportScope: Migration {
    let name = "0016_ledger_import_scope"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.raw("ALTER TABLE ledger_imports ADD COLUMN scope TEXT NOT NULL DEFAULT ''").run()
    }
}
