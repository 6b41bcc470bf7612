import SQLKit
import StyrDomain

/// Which lines a total or a drill-down covers.
public struct LedgerFilter: Sendable, Hashable {
    public var year: Int
    public var measure: LedgerMeasure
    /// Months 1…this (annual lines, month 0, count in every range); nil for the whole year.
    public var throughMonth: Int?
    /// Each dimension's value as text (the group as `600-699`).
    public var equals: [LedgerDimension: String]

    public init(year: Int, measure: LedgerMeasure = .actuals, throughMonth: Int? = nil, equals: [LedgerDimension: String] = [:]) {
        self.year = year
        self.measure = measure
        self.throughMonth = throughMonth
        self.equals = equals
    }
}

/// A total over the lines that share the values of the chosen dimensions.
public struct LedgerTotal: Sendable, Hashable {
    public var values: [LedgerDimension: String]
    public var amount: Money
    public var lines: Int64
}

/// A stored line with its id, for drill-down pages.
public struct StoredLedgerLine: Sendable, Hashable {
    public var id: Int64
    public var line: LedgerLine
}

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
    /// The WHERE clause of a filter, with every value bound.
    func condition(_ organisationCode: String, _ filter: LedgerFilter) async throws -> SQLQueryString {
        let organisationID = try await organisationID(organisationCode)
        var sql: SQLQueryString = """
            import_id IN (SELECT id FROM ledger_imports WHERE organisation_id = \(bind: organisationID) AND year = \(bind: filter.year) AND measure = \(bind: filter.measure.rawValue))
            """
        if let through = filter.throughMonth { sql = sql + " AND month <= \(bind: through)" }
        for (dimension, value) in filter.equals.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            switch dimension {
            case .group:
                // An artsgruppe, or the arts of a post: ranges separated by commas (`100-299,300-399`).
                guard case .success(let ranges) = BudgetSetupText.artRanges(value) else {
                    throw StorageError.invalid("«\(value)» er ikke en artsgruppe (f.eks. 100-299) eller en liste av artsintervaller (100-299,300-399).")
                }
                var alternatives: SQLQueryString = ""
                for (index, range) in ranges.enumerated() {
                    alternatives = alternatives + (index == 0 ? "" : " OR ") + "art BETWEEN \(bind: range.lowerBound) AND \(bind: range.upperBound)"
                }
                sql = sql + " AND (" + alternatives + ")"
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

    /// Totals for every combination of `dimensions` among the lines of the filter.
    public func totals(of organisationCode: String, _ filter: LedgerFilter, by dimensions: [LedgerDimension]) async throws -> [LedgerTotal] {
        let condition = try await condition(organisationCode, filter)
        let selected = dimensions.enumerated().map { "\($0.element.sqlExpression) AS d\($0.offset)" }
        let grouping = dimensions.indices.map { "d\($0)" }
        var sql: SQLQueryString = "SELECT \(unsafeRaw: (selected + ["CAST(SUM(amount_ore) AS BIGINT) AS amount", "COUNT(*) AS lines"]).joined(separator: ", ")) FROM ledger_lines WHERE "
        sql = sql + condition
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

    /// The lines of a cell, a page at a time: by import, art and funksjon, then in the order they
    /// were imported. The order is the index's, so a page is read straight off it however many
    /// lines the cell has; the next page starts after the line `afterID`.
    public func lines(of organisationCode: String, _ filter: LedgerFilter, afterID: Int64 = 0, limit: Int = 50) async throws -> [StoredLedgerLine] {
        var sql: SQLQueryString = "SELECT id, month, responsibility, chapter, kind, art, function, project, free_dimension, amount_ore FROM ledger_lines WHERE "
        sql = sql + (try await condition(organisationCode, filter))
        if afterID > 0 {
            sql = sql + " AND (import_id, art, function, id) > (SELECT import_id, art, function, id FROM ledger_lines WHERE id = \(bind: afterID))"
        }
        sql = sql + " ORDER BY import_id, art, function, id LIMIT \(bind: limit)"
        return try await db.raw(sql).all().map { row in
            StoredLedgerLine(id: try row.decode(column: "id"), line: LedgerLine(
                responsibility: try row.decode(column: "responsibility"), chapter: Int(try row.decode(column: "chapter", as: Int64.self)),
                kind: try row.decode(column: "kind", as: Int64.self) == 1 ? .operating : .investment,
                art: Int(try row.decode(column: "art", as: Int64.self)), function: Int(try row.decode(column: "function", as: Int64.self)),
                project: try row.decode(column: "project"), freeDimension: try row.decode(column: "free_dimension"), year: filter.year,
                month: Int(try row.decode(column: "month", as: Int64.self)), amount: Money(ore: try row.decode(column: "amount_ore"))))
        }
    }
}

