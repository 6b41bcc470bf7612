import Foundation
import SQLKit
import StyrDomain

extension SQLLedgerStore {
    /// Checks the period, swaps out an earlier import when asked, and records the new one.
    func beginImport(_ target: LedgerImportTarget) async throws -> Int64 {
        let organisationID = try await organisationID(target.organisationCode)
        let existing = try await imports(of: target.organisationCode, year: target.year).filter { $0.measure == target.measure }
        let clashing = try LedgerImportClash.replaced(
            by: (organisationCode: target.organisationCode, year: target.year, period: target.period, measure: target.measure,
                 scope: target.scope, replace: target.replace),
            among: existing)
        // The new row before the old ones go, so that SQLite cannot give it the id of the one it replaces.
        guard let row = try await db.insert(into: "ledger_imports")
            .columns("organisation_id", "year", "period", "measure", "source_name", "format", "lines", "control_sum_ore", "imported_at", "imported_by", "scope")
            .values(SQLBind(organisationID), SQLBind(Int64(target.year)), SQLBind(Int64(target.period)), SQLBind(target.measure.rawValue),
                    SQLBind(target.sourceName), SQLBind(target.format), SQLBind(Int64(0)), SQLBind(Int64(0)),
                    SQLBind(ISO8601DateFormatter().string(from: Date())), SQLBind(target.actor), SQLBind(target.scope?.rawValue ?? ""))
            .returning("id").first() else {
            throw StorageError.invalid("Databasen returnerte ingen id for importen.")
        }
        let newID = try row.decode(column: "id", as: Int64.self)
        for old in clashing {
            try await deleteLines(ofImport: old.id)
            try await db.delete(from: "ledger_imports").where("id", .equal, old.id).run()
            _ = try await SQLAuditLog(db).append(
                actor: target.actor, action: .delete, entityType: "ledgerImport",
                entityKey: "\(target.organisationCode)/\(target.year)/\(old.measure.rawValue)/\(old.period)/\(old.id)",
                before: try storedJSON(old), after: nil)
        }
        return newID
    }

    /// Removes an import's lines and their ranges.
    func deleteLines(ofImport id: Int64) async throws {
        let ids = LedgerLinePlacement.idRange(ofImport: id)
        try await db.delete(from: "ledger_lines").where("id", .greaterThanOrEqual, ids.lowerBound)
            .where("id", .lessThanOrEqual, ids.upperBound).run()
        try await db.delete(from: "ledger_cells").where("import_id", .equal, id).run()
    }

    /// Records where each art of each batch lies (`LedgerLinePlacement`).
    func insertCells(_ rows: [LedgerCellRow], importID: Int64) async throws {
        // 5 values a row; 1 000 rows a statement stays within every database's limit on binds.
        for start in stride(from: 0, to: rows.count, by: 1000) {
            var insert = db.insert(into: "ledger_cells").columns("import_id", "art", "first_id", "last_id", "functions")
            for row in rows[start..<min(start + 1000, rows.count)] {
                insert = insert.values(SQLBind(importID), SQLBind(Int64(row.art)), SQLBind(row.firstID), SQLBind(row.lastID), SQLBind(row.functions))
            }
            try await insert.run()
        }
    }

    func finishImport(_ id: Int64, _ target: LedgerImportTarget, _ count: LedgerImportCount) async throws -> LedgerImportRecord {
        try await db.update("ledger_imports").set("lines", to: count.lines).set("control_sum_ore", to: count.controlSum.ore)
            .set("totals", to: try storedJSON(count.totals)).where("id", .equal, id).run()
        guard let record = try await imports(of: target.organisationCode, year: target.year).first(where: { $0.id == id }) else {
            throw StorageError.notFound("importen \(id)")
        }
        _ = try await SQLAuditLog(db).append(
            actor: target.actor, action: .create, entityType: "ledgerImport",
            entityKey: "\(target.organisationCode)/\(target.year)/\(target.measure.rawValue)/\(target.period)/\(id)",
            before: nil, after: try storedJSON(record))
        return record
    }

    public func imports(of organisationCode: String, year: Int) async throws -> [LedgerImportRecord] {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().columns("id", "year", "period", "measure", "source_name", "format", "lines", "control_sum_ore", "imported_at", "imported_by", "scope", "totals")
            .from("ledger_imports").where("organisation_id", .equal, organisationID).where("year", .equal, year).orderBy("id").all().map { row in
                LedgerImportRecord(
                    id: try row.decode(column: "id"), organisationCode: organisationCode, year: Int(try row.decode(column: "year", as: Int64.self)),
                    period: Int(try row.decode(column: "period", as: Int64.self)),
                    measure: LedgerMeasure(rawValue: try row.decode(column: "measure")) ?? .actuals,
                    sourceName: try row.decode(column: "source_name"), format: try row.decode(column: "format"),
                    lines: try row.decode(column: "lines"), controlSum: Money(ore: try row.decode(column: "control_sum_ore")),
                    importedAt: try row.decode(column: "imported_at"), importedBy: try row.decode(column: "imported_by"),
                    scope: AccountKind(rawValue: try row.decode(column: "scope", as: String.self)),
                    totals: try Self.totals(try row.decode(column: "totals", as: String.self)))
            }
    }
}

extension SQLLedgerStore {
    static func totals(_ stored: String) throws -> [LedgerImportTotal] {
        stored.isEmpty ? [] : try decodeStoredJSON([LedgerImportTotal].self, from: stored)
    }
}
