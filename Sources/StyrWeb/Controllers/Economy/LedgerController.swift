import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrStorage

/// Accounts as imported lines: totals by any dimension, and every cell drilled down to its lines.
struct LedgerController: Sendable {
    let database: Database
    let pages: Pages
    let access: Authorizer

    static let parameterNames: [LedgerDimension: String] = [
        .responsibility: "ansvar", .chapter: "kapittel", .kind: "kontoklasse", .group: "artsgruppe", .art: "art",
        .function: "funksjon", .project: "prosjekt", .freeDimension: "fridim", .month: "periode",
    ]
    static let pageSize = 50

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/regnskap/:year") { request, context in
            let scope = try await access.scope(.read, request, context)
            let year = try requireYear(context, pages: pages)
            return try await totals(scope, year: year, request, context)
        }
        router.get("/organisasjoner/:code/regnskap/:year/linjer") { request, context in
            let scope = try await access.scope(.read, request, context)
            let year = try requireYear(context, pages: pages)
            return try await lines(scope, year: year, request, context)
        }
    }

    struct Query {
        var measure: LedgerMeasure
        var filter: [LedgerDimension: String]
        /// January through this month (`til=8`), as the accounting report's "actuals to date".
        var throughMonth: Int?

        init(_ request: Request) {
            let parameters = request.uri.queryParameters
            measure = parameters.get("maal").flatMap(LedgerMeasure.init(rawValue:)) ?? .actuals
            throughMonth = parameters.get("til", as: Int.self).flatMap { (1...12).contains($0) ? $0 : nil }
            filter = [:]
            for (dimension, name) in LedgerController.parameterNames {
                if let value = parameters.get(name), !value.isEmpty, value.count <= 100 { filter[dimension] = value }
            }
        }

        func string(adding extra: [LedgerDimension: String] = [:], removing: LedgerDimension? = nil, more: [String: String] = [:]) -> String {
            var merged = filter.merging(extra) { $1 }
            if let removing { merged[removing] = nil }
            var pairs = [("maal", measure.rawValue)]
            pairs += merged.map { (LedgerController.parameterNames[$0.key]!, $0.value) }.sorted { $0.0 < $1.0 }
            if let throughMonth { pairs.append(("til", String(throughMonth))) }
            pairs += more.sorted { $0.key < $1.key }
            return pairs.map { "\($0.0)=\($0.1.urlQueryEncoded)" }.joined(separator: "&")
        }
    }

    static func label(_ dimension: LedgerDimension, _ value: String) -> String {
        switch dimension {
        case .kind: AccountKind(rawValue: value)?.norwegianName ?? value
        case .month: value == "0" ? "Hele året" : "Periode \(value)"
        case .chapter: "Kap. \(value)"
        default: value.isEmpty ? "(tom)" : value
        }
    }

    func totals(_ scope: DialogueScope, year: Int, _ request: Request, _ context: StyrRequestContext) async throws -> HTML {
        let query = Query(request)
        let rowDimension = request.uri.queryParameters.get("rad").flatMap(LedgerDimension.init(rawValue:)) ?? .group
        let byMonth = request.uri.queryParameters.get("kolonne") == "month" && rowDimension != .month
        let code = scope.code
        let filter = LedgerFilter(year: year, measure: query.measure, throughMonth: query.throughMonth, equals: query.filter)
        let totals: [LedgerTotal], imports: [LedgerImportRecord]
        do {
            (totals, imports) = try await database.withConnection { db in
                let store = SQLLedgerStore(db)
                return (try await store.totals(of: code, filter, by: byMonth ? [rowDimension, .month] : [rowDimension]),
                        try await store.imports(of: code, year: year))
            }
        } catch let error as StorageError {
            return pages.error(.badRequest, heading: "Ugyldig utvalg", message: error.description, context: context)
        }
        let base = "\(scope.base)/regnskap/\(year)"
        let months = byMonth ? Array(Set(totals.compactMap { $0.values[.month].flatMap(Int.init) })).sorted() : []
        let rowValues = Array(Set(totals.compactMap { $0.values[rowDimension] })).sorted { a, b in
            if rowDimension.isNumeric, let x = Int(a.prefix { $0 != "-" }), let y = Int(b.prefix { $0 != "-" }) { return x < y }
            return a < b
        }
        var rows: [[String: Any]] = []
        for value in rowValues {
            let cells = totals.filter { $0.values[rowDimension] == value }
            var row: [String: Any] = ["label": Self.label(rowDimension, value)]
            if byMonth {
                row["cells"] = months.map { month -> [String: Any] in
                    guard let cell = cells.first(where: { $0.values[.month] == String(month) }) else { return ["amount": "–", "hasURL": false] }
                    return ["amount": NorwegianFormat.kroner(cell.amount, zeroAsDash: false), "hasURL": true,
                            "url": "\(base)/linjer?\(query.string(adding: [rowDimension: value, .month: String(month)]))",
                            "lines": cell.lines]
                }
            }
            let sum = cells.map(\.amount).sum()
            row["total"] = NorwegianFormat.kroner(sum, zeroAsDash: false)
            row["totalURL"] = "\(base)/linjer?\(query.string(adding: [rowDimension: value]))"
            row["lines"] = cells.map(\.lines).reduce(0, +)
            row["filterURL"] = "\(base)?\(query.string(adding: [rowDimension: value]))&rad=\(Self.nextDimension(after: rowDimension).rawValue)"
            rows.append(row)
        }
        let grandTotal = totals.map(\.amount).sum()
        return pages.html("Regnskap \(year) – \(scope.organisation.name)", template: "ledger", context: [
            "organisationName": scope.organisation.name, "year": year, "url": base, "measureName": query.measure.norwegianName,
            "saved": request.uri.queryParameters.get("lagret") ?? "", "canImport": scope.can(.enterResults),
            "importURL": "\(base)/import", "reportURL": "\(scope.base)/regnskapsrapport/\(year)",
            "measures": LedgerMeasure.allCases.map { ["value": $0.rawValue, "label": $0.norwegianName, "selected": $0 == query.measure] as [String: Any] },
            "dimensions": LedgerDimension.allCases.map { ["value": $0.rawValue, "label": $0.norwegianName, "selected": $0 == rowDimension] as [String: Any] },
            "byMonth": byMonth, "rowName": rowDimension.norwegianName,
            "hiddenFilters": query.filter.map { ["name": Self.parameterNames[$0.key]!, "value": $0.value] },
            "filters": query.filter.sorted { $0.key.rawValue < $1.key.rawValue }.map { dimension, value in
                ["label": "\(dimension.norwegianName): \(Self.label(dimension, value))", "removeURL": "\(base)?\(query.string(removing: dimension))&rad=\(rowDimension.rawValue)"]
            }, "hasFilters": !query.filter.isEmpty,
            "months": months.map { $0 == 0 ? "Året" : String($0) }, "rows": rows, "hasRows": !rows.isEmpty,
            "grandTotal": NorwegianFormat.kroner(grandTotal, zeroAsDash: false), "grandTotalURL": "\(base)/linjer?\(query.string())",
            "lineCount": NorwegianFormat.integer(totals.map(\.lines).reduce(0, +)),
            "imports": imports.map { record in
                ["source": record.sourceName, "format": record.format, "measure": record.measure.norwegianName,
                 "period": record.period == 0 ? "Hele året" : "Periode \(record.period)", "lines": NorwegianFormat.integer(record.lines),
                 "sum": NorwegianFormat.kroner(record.controlSum, zeroAsDash: false), "by": record.importedBy, "at": record.importedAt]
            }, "hasImports": !imports.isEmpty,
        ], context: context, trail: [NavigationLink(url: scope.base, label: scope.organisation.name)])
    }

    static func nextDimension(after dimension: LedgerDimension) -> LedgerDimension {
        switch dimension {
        case .chapter: .group
        case .kind: .group
        case .group: .art
        case .art: .function
        case .function: .responsibility
        case .responsibility: .project
        case .project: .freeDimension
        case .freeDimension: .month
        case .month: .art
        }
    }

    func lines(_ scope: DialogueScope, year: Int, _ request: Request, _ context: StyrRequestContext) async throws -> HTML {
        let query = Query(request)
        let after = max(0, request.uri.queryParameters.get("etter", as: Int64.self) ?? 0)
        let code = scope.code
        let filter = LedgerFilter(year: year, measure: query.measure, throughMonth: query.throughMonth, equals: query.filter)
        let found: ([StoredLedgerLine], LedgerTotal?)
        do {
            found = try await database.withConnection { db in
                let store = SQLLedgerStore(db)
                return (try await store.lines(of: code, filter, afterID: after, limit: Self.pageSize + 1),
                        after == 0 ? try await store.totals(of: code, filter, by: []).first : nil)
            }
        } catch let error as StorageError {
            return pages.error(.badRequest, heading: "Ugyldig utvalg", message: error.description, context: context)
        }
        let (stored, total) = found
        let shown = stored.prefix(Self.pageSize)
        let base = "\(scope.base)/regnskap/\(year)"
        return pages.html("Linjer – regnskap \(year)", template: "ledger-lines", context: [
            "organisationName": scope.organisation.name, "year": year, "measureName": query.measure.norwegianName,
            "filters": query.filter.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.norwegianName): \(Self.label($0.key, $0.value))" }
                + (query.throughMonth.map { ["Til og med \(ForecastMonths.name($0))"] } ?? []),
            "hasFilters": !query.filter.isEmpty || query.throughMonth != nil, "isFirstPage": after == 0,
            "total": total.map { NorwegianFormat.kroner($0.amount, zeroAsDash: false) } ?? "",
            "count": total.map { NorwegianFormat.integer($0.lines) } ?? "",
            "lines": shown.map { stored in
                let line = stored.line
                return ["id": stored.id, "month": line.month == 0 ? "Året" : String(line.month), "responsibility": line.responsibility,
                        "chapter": line.chapter == 0 ? "" : String(line.chapter), "kind": line.kind.norwegianName, "art": LedgerLine.artCode(line.art),
                        "function": line.function == 0 ? "" : String(line.function), "project": line.project, "freeDimension": line.freeDimension,
                        "amount": NorwegianFormat.exactKroner(line.amount)] as [String: Any]
            }, "hasLines": !shown.isEmpty,
            "nextURL": stored.count > Self.pageSize ? "\(base)/linjer?\(query.string(more: ["etter": String(shown.last!.id)]))" : "",
            "firstURL": after > 0 ? "\(base)/linjer?\(query.string())" : "",
            "backURL": "\(base)?\(query.string())",
        ], context: context, trail: [NavigationLink(url: scope.base, label: scope.organisation.name),
                                     NavigationLink(url: "\(base)?\(query.string())", label: "Regnskap \(year)")])
    }
}


