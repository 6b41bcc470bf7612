import SQLKit
import StyrDomain

/// Each import keeps its sums per chapter, kontoklasse and artsgruppe (`LedgerImportRecord.totals`);
/// imports made before are summed from their lines here.
struct AddLedgerImportTotals: Migration {
    let name = "0017_ledger_import_totals"

    func prepare(on db: any SQLDatabase) async throws {
        // Filled from the lines by the next migration, in the lines' layout from then on.
        try await db.raw("ALTER TABLE ledger_imports ADD COLUMN totals TEXT NOT NULL DEFAULT ''").run()
    }

    /// Sums the lines of every import whose totals are not kept yet.
    static func fillTotals(_ db: any SQLDatabase) async throws {
        for row in try await db.raw("SELECT id FROM ledger_imports WHERE totals = ''").all() {
            let id = try row.decode(column: "id", as: Int64.self)
            let ids = LedgerLinePlacement.idRange(ofImport: id)
            let group = LedgerDimension.group.sqlExpression
            let sums = try await db.raw("""
                SELECT chapter, kind, \(unsafeRaw: group) AS art_group, CAST(SUM(amount_ore) AS BIGINT) AS amount
                FROM ledger_lines WHERE id BETWEEN \(bind: ids.lowerBound) AND \(bind: ids.upperBound)
                GROUP BY chapter, kind, art_group ORDER BY chapter, kind, art_group
                """).all().map { sum in
                LedgerImportTotal(
                    chapter: Int(try sum.decode(column: "chapter", as: Int64.self)),
                    kind: try sum.decode(column: "kind", as: Int64.self) == 1 ? .operating : .investment,
                    group: ObjectGroup.standardGroup(ofArt: Int(try sum.decode(column: "art_group", as: Int64.self)))?.code ?? "",
                    amount: Money(ore: try sum.decode(column: "amount", as: Int64.self)))
            }
            try await db.update("ledger_imports").set("totals", to: try storedJSON(sums)).where("id", .equal, id).run()
        }
    }
}
