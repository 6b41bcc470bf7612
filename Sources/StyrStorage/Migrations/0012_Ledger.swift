import SQLKit

struct CreateLedger: Migration {
    let name = "0012_ledger"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "ledger_imports").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("year", type: .bigint, .notNull)
            .column("period", type: .bigint, .notNull)
            .column("measure", type: .text, .notNull)
            .column("source_name", type: .text, .notNull)
            .column("format", type: .text, .notNull)
            .column("lines", type: .bigint, .notNull)
            .column("control_sum_ore", type: .bigint, .notNull)
            .column("imported_at", type: .text, .notNull)
            .column("imported_by", type: .text, .notNull)
            .run()
        try await db.create(index: "ledger_imports_scope").on("ledger_imports").column("organisation_id").column("year").column("measure").run()
        // Narrow rows without foreign keys per line: the import row carries organisation, year and
        // measure, and lines go when their import is swapped out (deleted explicitly, in bulk).
        try await db.create(table: "ledger_lines").idColumn()
            .column("import_id", type: .bigint, .notNull)
            .column("month", type: .bigint, .notNull)
            .column("responsibility", type: .text, .notNull)
            .column("chapter", type: .bigint, .notNull)
            .column("kind", type: .bigint, .notNull)
            .column("art", type: .bigint, .notNull)
            .column("function", type: .bigint, .notNull)
            .column("project", type: .text, .notNull)
            .column("free_dimension", type: .text, .notNull)
            .column("amount_ore", type: .bigint, .notNull)
            .run()
        // Cells are found by art (one art, or an artsgruppe's range) and then funksjon within an import.
        try await db.create(index: "ledger_lines_cell").on("ledger_lines").column("import_id").column("art").column("function").run()
    }
}
