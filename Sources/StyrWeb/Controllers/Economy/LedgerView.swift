import StyrDomain
import StyrServices

/// A choice in a select of the ledger pages.
struct LedgerOption: Sendable {
    var value: String, label: String, selected: Bool
}

/// The view model of `ledger.mustache`: the imported lines totalled by one dimension (and by
/// month), each amount a link to its lines, and the year's imports.
struct LedgerView: Sendable {
    struct Cell: Sendable {
        var amount: String
        /// The lines behind the amount; nil where there are none (and no row or page has one).
        var cellURL: String?
    }
    struct Row: Sendable {
        var label: String
        var cells: [Cell]
        var total: String, totalURL: String
        var lines: Int64
        var filterURL: String
    }
    struct HiddenFilter: Sendable { var name: String, value: String }
    struct Filter: Sendable { var label: String, removeURL: String }
    struct Import: Sendable {
        var source: String, format: String, measure: String, period: String, lines: String, sum: String, by: String, at: String
    }

    var organisationName: String
    var year: Int
    var action: String
    var measureName: String
    /// The server's confirmation of what was just saved (see `Confirmation`).
    var saved: String?
    var canImport: Bool
    var importURL: String, reportURL: String
    var measures: [LedgerOption]
    var dimensions: [LedgerOption]
    var byMonth: Bool
    var rowName: String
    var hiddenFilters: [HiddenFilter]
    var filters: [Filter]
    var months: [String]
    var rows: [Row]
    var grandTotal: String, grandTotalURL: String
    var lineCount: String
    var imports: [Import]

    init(_ overview: LedgerQueryService.Overview, year: Int, query: LedgerController.Query, rowDimension: LedgerDimension, byMonth: Bool,
         saved: String?) {
        let scope = overview.scope
        let totals = overview.totals
        let base = "\(scope.base)/regnskap/\(year)"
        let months = byMonth ? Array(Set(totals.compactMap { $0.values[.month].flatMap(Int.init) })).sorted() : []
        let rowValues = Array(Set(totals.compactMap { $0.values[rowDimension] })).sorted { a, b in
            if rowDimension.isNumeric, let x = Int(a.prefix { $0 != "-" }), let y = Int(b.prefix { $0 != "-" }) { return x < y }
            return a < b
        }
        rows = rowValues.map { value in
            let cells = totals.filter { $0.values[rowDimension] == value }
            return Row(
                label: LedgerController.label(rowDimension, value),
                cells: !byMonth ? [] : months.map { month in
                    guard let cell = cells.first(where: { $0.values[.month] == String(month) }) else { return Cell(amount: "–") }
                    return Cell(amount: NorwegianFormat.kroner(cell.amount, zeroAsDash: false),
                                cellURL: "\(base)/linjer?\(query.string(adding: [rowDimension: value, .month: String(month)]))")
                },
                total: NorwegianFormat.kroner(cells.map(\.amount).sum(), zeroAsDash: false),
                totalURL: "\(base)/linjer?\(query.string(adding: [rowDimension: value]))", lines: cells.map(\.lines).reduce(0, +),
                filterURL: "\(base)?\(query.string(adding: [rowDimension: value]))&rad=\(LedgerController.nextDimension(after: rowDimension).rawValue)")
        }
        organisationName = scope.organisation.name
        self.year = year
        action = base
        measureName = query.measure.norwegianName
        self.saved = saved
        canImport = scope.can(.enterResults)
        importURL = "\(base)/import"
        reportURL = "\(scope.base)/regnskapsrapport/\(year)"
        measures = LedgerMeasure.allCases.map { LedgerOption(value: $0.rawValue, label: $0.norwegianName, selected: $0 == query.measure) }
        dimensions = LedgerDimension.allCases.map { LedgerOption(value: $0.rawValue, label: $0.norwegianName, selected: $0 == rowDimension) }
        self.byMonth = byMonth
        rowName = rowDimension.norwegianName
        let filtered = query.filter.sorted { $0.key.rawValue < $1.key.rawValue }
        hiddenFilters = filtered.map { HiddenFilter(name: LedgerController.name(of: $0.key), value: $0.value) }
        filters = filtered.map { dimension, value in
            Filter(label: "\(dimension.norwegianName): \(LedgerController.label(dimension, value))",
                   removeURL: "\(base)?\(query.string(removing: dimension))&rad=\(rowDimension.rawValue)")
        }
        self.months = months.map { $0 == 0 ? "Året" : $0 == LedgerLine.closingMonth ? "Årsavslutning" : String($0) }
        grandTotal = NorwegianFormat.kroner(totals.map(\.amount).sum(), zeroAsDash: false)
        grandTotalURL = "\(base)/linjer?\(query.string())"
        lineCount = NorwegianFormat.integer(totals.map(\.lines).reduce(0, +))
        imports = overview.imports.map { record in
            Import(source: record.sourceName, format: record.format, measure: record.measure.norwegianName,
                   period: record.period == 0 ? "Hele året" : "Periode \(record.period)", lines: NorwegianFormat.integer(record.lines),
                   sum: NorwegianFormat.kroner(record.controlSum, zeroAsDash: false), by: record.importedBy, at: record.importedAt)
        }
    }
}

/// The view model of `ledger-lines.mustache`: a page of the lines behind an amount.
struct LedgerLinesView: Sendable {
    struct Line: Sendable {
        var month: String, responsibility: String, chapter: String, kind: String, art: String, function: String, project: String
        var freeDimension: String, amount: String
    }

    var organisationName: String
    var year: Int
    var measureName: String
    var filters: [String]
    /// The total and count of all the lines, on the first page only.
    var total: String?, count: String?
    var lines: [Line]
    var nextURL: String?, firstURL: String?
    var backURL: String

    init(_ found: LedgerQueryService.DrillDown, year: Int, query: LedgerController.Query, after: Int64, pageSize: Int) {
        let scope = found.scope
        let shown = found.lines.prefix(pageSize)
        let base = "\(scope.base)/regnskap/\(year)"
        organisationName = scope.organisation.name
        self.year = year
        measureName = query.measure.norwegianName
        filters = query.filter.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.norwegianName): \(LedgerController.label($0.key, $0.value))" }
            + (query.throughMonth.map { ["Til og med \(ForecastMonths.name($0))"] } ?? [])
        let isFirstPage = after == 0
        total = isFirstPage ? NorwegianFormat.kroner(found.total?.amount ?? .zero, zeroAsDash: false) : nil
        count = isFirstPage ? NorwegianFormat.integer(found.total?.lines ?? 0) : nil
        lines = shown.map { stored in
            let line = stored.line
            return Line(month: line.month == 0 ? "Året" : line.month == LedgerLine.closingMonth ? "Årsavslutning" : String(line.month), responsibility: line.responsibility,
                        chapter: line.chapter == 0 ? "" : String(line.chapter), kind: line.kind.norwegianName, art: LedgerLine.artCode(line.art),
                        function: line.function == 0 ? "" : String(line.function), project: line.project, freeDimension: line.freeDimension,
                        amount: NorwegianFormat.exactKroner(line.amount))
        }
        nextURL = found.lines.count > pageSize ? shown.last.map { "\(base)/linjer?\(query.string(more: ["etter": String($0.id)]))" } : nil
        firstURL = after > 0 ? "\(base)/linjer?\(query.string())" : nil
        backURL = "\(base)?\(query.string())"
    }
}
