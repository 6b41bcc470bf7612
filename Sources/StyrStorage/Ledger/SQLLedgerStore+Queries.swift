import SQLKit
import StyrDomain

extension LedgerDimension {
    /// The column or expression a dimension is read from.
    var sqlExpression: String {
        switch self {
        case .responsibility: "responsibility"
        case .chapter: "chapter"
        case .kind: "kind"
        case .group: "CASE WHEN art < 100 THEN 0 WHEN art < 300 THEN 100 WHEN art < 400 THEN 300 WHEN art < 500 THEN 400 WHEN art < 600 THEN 500 WHEN art < 700 THEN 600 WHEN art < 800 THEN 700 WHEN art < 900 THEN 800 ELSE 900 END"
        case .art: "art"
        case .function: "function"
        case .project: "project"
        case .freeDimension: "free_dimension"
        case .month: "month"
        }
    }
}

extension SQLLedgerStore {
    /// The imports a filter reads, in id order.
    func importIDs(_ organisationCode: String, _ filter: LedgerFilter) async throws -> [Int64] {
        let organisationID = try await organisationID(organisationCode)
        // An import limited to the other kontoklasse has none of the lines asked for.
        let kind = filter.equals[.kind].flatMap(AccountKind.init(rawValue:))
        return try await db.select().columns("id", "scope").from("ledger_imports")
            .where("organisation_id", .equal, organisationID).where("year", .equal, filter.year)
            .where("measure", .equal, filter.measure.rawValue).orderBy("id").all()
            .filter { row in
                guard let kind, let scope = AccountKind(rawValue: try row.decode(column: "scope", as: String.self)) else { return true }
                return scope == kind
            }
            .map { try $0.decode(column: "id", as: Int64.self) }
    }

    /// Which ranges of `ledger_cells` (columns prefixed `prefix`) hold lines of `imports` the filter
    /// may ask for: those of its art or artsgruppe, when it names one.
    func rangeCondition(_ imports: [Int64], _ filter: LedgerFilter, prefix: String) throws -> SQLQueryString {
        var sql: SQLQueryString = "\(unsafeRaw: prefix)import_id IN ("
        for (index, importID) in imports.enumerated() { sql = sql + (index == 0 ? "" : ", ") + "\(bind: importID)" }
        sql = sql + ")"
        if let art = filter.equals[.art] {
            guard let number = Int(art) else { throw StorageError.invalid("«\(art)» er ikke en gyldig verdi for art.") }
            sql = sql + " AND \(unsafeRaw: prefix)art = \(bind: number)"
        }
        if let group = filter.equals[.group] { sql = sql + " AND (" + (try Self.artCondition(group, column: prefix + "art")) + ")" }
        return sql
    }

    /// The lines of `imports` as a table named `ledger_lines`, read through their ranges in
    /// `ledger_cells` (so only the ranges of the arts asked for, when the filter names any).
    func lineSource(_ imports: [Int64], _ filter: LedgerFilter) throws -> SQLQueryString {
        let columns = Database.lineColumns.map { "l." + $0 }.joined(separator: ", ")
        let sql: SQLQueryString = "(SELECT \(unsafeRaw: columns) FROM ledger_cells c JOIN ledger_lines l ON l.id BETWEEN c.first_id AND c.last_id WHERE "
        return sql + (try rangeCondition(imports, filter, prefix: "c.")) + ") AS ledger_lines"
    }

    /// The filter's conditions on the lines' values (` AND …` each); the imports and ranges to read
    /// are chosen apart (beside a narrow range of ids, SQLite could take a wide one to search).
    func valueCondition(_ filter: LedgerFilter) throws -> SQLQueryString {
        var sql: SQLQueryString = ""
        if let through = filter.throughMonth { sql = sql + " AND month <= \(bind: through)" }
        for (dimension, value) in filter.equals.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            switch dimension {
            case .group:
                sql = sql + " AND (" + (try Self.artCondition(value, column: "art")) + ")"
            case .kind:
                guard let kind = AccountKind(rawValue: value) else { throw StorageError.invalid("«\(value)» er ikke en kontoklasse (operating eller investment).") }
                sql = sql + " AND kind = \(bind: kind == .operating ? 1 : 0)"
            case _ where dimension.isNumeric:
                guard let number = Int(value) else { throw StorageError.invalid("«\(value)» er ikke en gyldig verdi for \(dimension.norwegianName.lowercased()).") }
                sql = sql + " AND \(unsafeRaw: dimension.sqlExpression) = \(bind: number)"
            default:
                sql = sql + " AND \(unsafeRaw: dimension.sqlExpression) = \(bind: value)"
            }
        }
        return sql
    }

    /// An artsgruppe, or the arts of a post: ranges separated by commas (`100-299,300-399`).
    static func artCondition(_ value: String, column: String) throws -> SQLQueryString {
        guard case .success(let ranges) = BudgetSetupText.artRanges(value) else {
            throw StorageError.invalid("«\(value)» er ikke en artsgruppe (f.eks. 100-299) eller en liste av artsintervaller (100-299,300-399).")
        }
        var alternatives: SQLQueryString = ""
        for (index, range) in ranges.enumerated() {
            alternatives = alternatives + (index == 0 ? "" : " OR ") + "\(unsafeRaw: column) BETWEEN \(bind: range.lowerBound) AND \(bind: range.upperBound)"
        }
        return alternatives
    }

    /// Totals for every combination of `dimensions` among the lines of the filter.
    public func totals(of organisationCode: String, _ filter: LedgerFilter, by dimensions: [LedgerDimension]) async throws -> [LedgerTotal] {
        let values = try valueCondition(filter)
        let imports = try await importIDs(organisationCode, filter)
        guard !imports.isEmpty else { return [] }
        let selected = dimensions.enumerated().map { "\($0.element.sqlExpression) AS d\($0.offset)" }
        let grouping = dimensions.indices.map { "d\($0)" }
        var sql: SQLQueryString = "SELECT \(unsafeRaw: (selected + ["CAST(SUM(amount_ore) AS BIGINT) AS amount", "COUNT(*) AS lines"]).joined(separator: ", ")) FROM "
        sql = sql + (try lineSource(imports, filter)) + " WHERE 1 = 1" + values
        if !grouping.isEmpty { sql = sql + " GROUP BY \(unsafeRaw: grouping.joined(separator: ", ")) ORDER BY \(unsafeRaw: grouping.joined(separator: ", "))" }
        return try await db.raw(sql).all().compactMap { row in
            let lines = try row.decode(column: "lines", as: Int64.self)
            guard lines > 0 else { return nil }
            var values: [LedgerDimension: String] = [:]
            for (index, dimension) in dimensions.enumerated() {
                let column = "d\(index)"
                if dimension.isNumeric {
                    let number = Int(try row.decode(column: column, as: Int64.self))
                    switch dimension {
                    case .group: values[dimension] = ObjectGroup.standardGroup(ofArt: number).map { $0.code } ?? String(number)
                    case .kind: values[dimension] = number == 1 ? AccountKind.operating.rawValue : AccountKind.investment.rawValue
                    case .art: values[dimension] = LedgerLine.artCode(number)
                    default: values[dimension] = String(number)
                    }
                } else {
                    values[dimension] = try row.decode(column: column, as: String.self)
                }
            }
            return LedgerTotal(values: values, amount: Money(ore: try row.decode(column: "amount", as: Int64.self)), lines: lines)
        }
    }

    /// The lines of a cell, a page at a time: by import and art, then in the order they were
    /// imported. A page is read from the id ranges of the cell's arts (`ledger_cells`), in that
    /// order, however many lines the cell has; the next page starts after the line `afterID`.
    public func lines(of organisationCode: String, _ filter: LedgerFilter, afterID: Int64 = 0, limit: Int = 50) async throws -> [StoredLedgerLine] {
        let lineCondition = try valueCondition(filter)
        let imports = try await importIDs(organisationCode, filter)
        guard !imports.isEmpty, limit > 0 else { return [] }
        // Only the ranges of the arts the cell covers are read.
        let cellRanges = try rangeCondition(imports, filter, prefix: "")
        var function: Int?
        if let text = filter.equals[.function] {
            guard let number = Int(text) else { throw StorageError.invalid("«\(text)» er ikke en gyldig verdi for funksjon.") }
            function = number
        }
        // Where the page starts: after the line `afterID`, in (import, art, id) order.
        var position: (importID: Int64, art: Int64, id: Int64)?
        if afterID > 0 {
            // The range the line lay in: if it is gone (its import replaced), so is the listing it came from.
            guard let row = try await db.select().column("art").from("ledger_cells").where("import_id", .equal, afterID >> 32)
                .where("first_id", .lessThanOrEqual, afterID).where("last_id", .greaterThanOrEqual, afterID).first() else { return [] }
            position = (afterID >> 32, try row.decode(column: "art", as: Int64.self), afterID)
        }
        var found: [StoredLedgerLine] = []
        var rangesAfter = position
        while found.count < limit {
            var rangeQuery: SQLQueryString = "SELECT import_id, art, first_id, last_id, functions FROM ledger_cells WHERE " + cellRanges
            if let after = rangesAfter {
                rangeQuery = rangeQuery + """
                     AND (import_id > \(bind: after.importID) OR (import_id = \(bind: after.importID) AND (art > \(bind: after.art) OR (art = \(bind: after.art) AND last_id > \(bind: after.id)))))
                    """
            }
            rangeQuery = rangeQuery + " ORDER BY import_id, art, first_id LIMIT 200"
            let stored = try await db.raw(rangeQuery).all().map { row in
                (importID: try row.decode(column: "import_id", as: Int64.self),
                 range: LedgerArtRange(art: Int(try row.decode(column: "art", as: Int64.self)), firstID: try row.decode(column: "first_id", as: Int64.self),
                                       lastID: try row.decode(column: "last_id", as: Int64.self),
                                       // Read only when the cell has a funksjon (about 1 KB a range).
                                       functionStarts: function == nil ? nil : LedgerArtRange.functionStarts(try row.decode(column: "functions", as: String.self))))
            }
            guard let lastStored = stored.last else { break }
            rangesAfter = (lastStored.importID, Int64(lastStored.range.art), lastStored.range.lastID)
            // A funksjon's lines are one range within each art range: only those are read.
            let ranges = stored.compactMap { entry -> (importID: Int64, art: Int64, first: Int64, last: Int64)? in
                let ids = function.map { entry.range.ids(ofFunction: $0) } ?? entry.range.firstID...entry.range.lastID
                return ids.map { (entry.importID, Int64(entry.range.art), $0.lowerBound, $0.upperBound) }
            }
            // On PostgreSQL the ranges of one import and art go in one query (a few dozen at a time):
            // ids ascend within an art, so the lines come in order, with one round trip instead of
            // one a range. SQLite would scan the whole table for such an OR in id order, and a
            // query costs it no round trip: there, one range a query.
            let rangesPerQuery = db.dialect.name == "sqlite" ? 1 : 32
            var start = 0
            while start < ranges.count, found.count < limit {
                var end = start + 1
                while end < ranges.count, end - start < rangesPerQuery, ranges[end].importID == ranges[start].importID, ranges[end].art == ranges[start].art {
                    end += 1
                }
                var alternatives: SQLQueryString = ""
                var alternativeCount = 0
                for range in ranges[start..<end] {
                    let first = position.map { $0.importID == range.importID && $0.art == range.art ? max(range.first, $0.id + 1) : range.first } ?? range.first
                    // A range wholly before the page's start leaves nothing to read.
                    guard first <= range.last else { continue }
                    alternatives = alternatives + (alternativeCount == 0 ? "" : " OR ") + "id BETWEEN \(bind: first) AND \(bind: range.last)"
                    alternativeCount += 1
                }
                defer { start = end }
                if alternativeCount == 0 { continue }
                var sql: SQLQueryString = "SELECT \(unsafeRaw: Database.lineColumns.joined(separator: ", ")) FROM ledger_lines WHERE ("
                sql = sql + alternatives + ")" + lineCondition + " ORDER BY id LIMIT \(bind: limit - found.count)"
                found += try await db.raw(sql).all().map { row in try Self.storedLine(row, year: filter.year) }
            }
        }
        return found
    }

    static func storedLine(_ row: any SQLRow, year: Int) throws -> StoredLedgerLine {
        StoredLedgerLine(id: try row.decode(column: "id"), line: LedgerLine(
            responsibility: try row.decode(column: "responsibility"), chapter: Int(try row.decode(column: "chapter", as: Int64.self)),
            kind: try row.decode(column: "kind", as: Int64.self) == 1 ? .operating : .investment,
            art: Int(try row.decode(column: "art", as: Int64.self)), function: Int(try row.decode(column: "function", as: Int64.self)),
            project: try row.decode(column: "project"), freeDimension: try row.decode(column: "free_dimension"), year: year,
            month: Int(try row.decode(column: "month", as: Int64.self)), amount: Money(ore: try row.decode(column: "amount_ore"))))
    }
}
