import SQLKit

/// Lines are keyed `import id << 32 + position`, stored in art and funksjon order per batch, with
/// the id ranges of each art (and where each funksjon starts in it) in `ledger_cells`, instead of an
/// index on (import, art, funksjon) that grew at random places with every line
/// (`LedgerLinePlacement`). Earlier lines are renumbered in that order.
struct PlaceLedgerLinesByArt: Migration {
    let name = "0018_ledger_lines_by_art"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "ledger_lines_placed")
            .column("id", type: .bigint, .primaryKey(autoIncrement: false))
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
        try await db.raw("""
            INSERT INTO ledger_lines_placed (id, month, responsibility, chapter, kind, art, function, project, free_dimension, amount_ore)
            SELECT import_id * 4294967296 + ROW_NUMBER() OVER (PARTITION BY import_id ORDER BY art, function, id) - 1,
                   month, responsibility, chapter, kind, art, function, project, free_dimension, amount_ore
            FROM ledger_lines
            """).run()
        try await db.drop(table: "ledger_lines").run()
        try await db.raw("ALTER TABLE ledger_lines_placed RENAME TO ledger_lines").run()
        // PostgreSQL keeps the key's index name from the table's first name.
        if db.dialect.name == "postgresql" { try await db.raw("ALTER INDEX ledger_lines_placed_pkey RENAME TO ledger_lines_pkey").run() }
        try await db.create(table: "ledger_cells")
            .column("import_id", type: .bigint, .notNull)
            .column("art", type: .bigint, .notNull)
            .column("first_id", type: .bigint, .notNull)
            .column("last_id", type: .bigint, .notNull)
            .column("functions", type: .text, .notNull)
            .run()
        try await db.create(index: "ledger_cells_order").on("ledger_cells").column("import_id").column("art").column("first_id").run()
        // Each earlier import is now one batch in cell order: one range an art.
        let cells = try await db.raw("""
            SELECT id / 4294967296 AS import_id, art, function, MIN(id) AS first_id, MAX(id) AS last_id FROM ledger_lines
            GROUP BY id / 4294967296, art, function ORDER BY import_id, art, function
            """).all().map { row in
            (importID: try row.decode(column: "import_id", as: Int64.self), art: Int(try row.decode(column: "art", as: Int64.self)),
             function: Int(try row.decode(column: "function", as: Int64.self)),
             first: try row.decode(column: "first_id", as: Int64.self), last: try row.decode(column: "last_id", as: Int64.self))
        }
        var ranges: [Int64: [LedgerArtRange]] = [:]
        for cell in cells {
            if let last = ranges[cell.importID]?.last, last.art == cell.art {
                var range = last
                range.functionStarts?.append(.init(function: cell.function, offset: cell.first - range.firstID))
                range.lastID = cell.last
                ranges[cell.importID]![ranges[cell.importID]!.count - 1] = range
            } else {
                ranges[cell.importID, default: []].append(LedgerArtRange(
                    art: cell.art, firstID: cell.first, lastID: cell.last, functionStarts: [.init(function: cell.function, offset: 0)]))
            }
        }
        for (importID, importRanges) in ranges { try await SQLLedgerStore(db).insertCells(importRanges.map(\.row), importID: importID) }
        try await AddLedgerImportTotals.fillTotals(db)
        // As after an import: the planner's estimates for the new tables (see `importPostgres`).
        if db.dialect.name == "postgresql" { try await db.raw("ANALYZE ledger_lines, ledger_cells").run() }
    }
}
