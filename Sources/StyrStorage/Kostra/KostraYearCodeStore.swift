import SQLKit
import StyrDomain

/// The KOSTRA code lists per year (`kostra_year_codes`), kept beside the import profiles: both
/// are the database's shared settings for reading ledger files.
extension SQLImportProfileStore {
    public func save(_ list: KostraYearCodeList) async throws {
        let before = try await codeList(year: list.year, kind: list.kind)
        try await db.delete(from: "kostra_year_codes").where("year", .equal, list.year).where("list", .equal, list.kind.rawValue).run()
        for chunk in stride(from: 0, to: list.entries.count, by: 200) {
            let rows = list.entries[chunk..<min(chunk + 200, list.entries.count)]
            var insert = db.insert(into: "kostra_year_codes").columns("year", "list", "code", "name", "valid_from", "valid_to")
            for entry in rows {
                insert = insert.values(
                    SQLBind(list.year), SQLBind(list.kind.rawValue), SQLBind(entry.code), SQLBind(entry.name),
                    SQLBind(entry.validFrom?.iso), SQLBind(entry.validTo?.iso))
            }
            try await insert.run()
        }
        _ = try await SQLAuditLog(db).append(
            actor: actor, action: before == nil ? .create : .update, entityType: "kostraCodeList", entityKey: "\(list.year)/\(list.kind.rawValue)",
            before: before.map { "{\"codes\":\($0.entries.count)}" }, after: "{\"codes\":\(list.entries.count)}")
    }

    public func codeList(year: Int, kind: KostraListKind) async throws -> KostraYearCodeList? {
        let rows = try await db.select().columns("code", "name", "valid_from", "valid_to").from("kostra_year_codes")
            .where("year", .equal, year).where("list", .equal, kind.rawValue).orderBy("code").all()
        guard !rows.isEmpty else { return nil }
        let entries = try rows.map { row in
            KostraCodeEntry(
                code: try row.decode(column: "code", as: String.self), name: try row.decodeNil(column: "name") ? nil : try row.decode(column: "name", as: String.self),
                validFrom: try row.decode(column: "valid_from", as: String?.self).flatMap(CalendarDate.init),
                validTo: try row.decode(column: "valid_to", as: String?.self).flatMap(CalendarDate.init))
        }
        return KostraYearCodeList(year: year, kind: kind, entries: entries)
    }

    public func codeListYears() async throws -> [Int: Set<KostraListKind>] {
        let rows = try await db.select().distinct().columns("year", "list").from("kostra_year_codes").all()
        var years: [Int: Set<KostraListKind>] = [:]
        for row in rows {
            if let kind = KostraListKind(rawValue: try row.decode(column: "list", as: String.self)) {
                years[try row.decode(column: "year", as: Int.self), default: []].insert(kind)
            }
        }
        return years
    }

    /// The codes a file of `year` is checked against, and the warning when the year has no list of its own.
    public func importCodes(year: Int, shipped: KostraCodes) async throws -> (codes: KostraCodes, warning: String?) {
        let arts = try await codeList(year: year, kind: .arts)
        let functions = try await codeList(year: year, kind: .functions)
        return (KostraYearCodeList.codes(arts: arts, functions: functions, shipped: shipped),
                KostraYearCodeList.missingListWarning(year: year, arts: arts != nil, functions: functions != nil))
    }
}
