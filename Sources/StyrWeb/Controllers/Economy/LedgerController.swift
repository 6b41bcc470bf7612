import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// Accounts as imported lines: totals by any dimension, and every cell drilled down to its lines.
/// The reads and the check of the filter are `LedgerQueryService`'s; this page translates the
/// query string and the view.
struct LedgerController: Sendable {
    let ledger: LedgerQueryService
    let pages: Pages

    static let pageSize = 50

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/regnskap/:year") { request, context in
            try await totals(try context.parameters.require("code"), year: try context.parameters.require("year", as: Int.self), request, context)
        }
        router.get("/organisasjoner/:code/regnskap/:year/linjer") { request, context in
            try await lines(try context.parameters.require("code"), year: try context.parameters.require("year", as: Int.self), request, context)
        }
    }

    /// The page's query string: the measure, the dimensions' values and the months.
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
            for dimension in LedgerDimension.allCases {
                if let value = parameters.get(LedgerController.name(of: dimension)), !value.isEmpty { filter[dimension] = value }
            }
        }

        func ledgerFilter(year: Int) -> LedgerFilter {
            LedgerFilter(year: year, measure: measure, throughMonth: throughMonth, equals: filter)
        }

        func string(adding extra: [LedgerDimension: String] = [:], removing: LedgerDimension? = nil, more: [String: String] = [:]) -> String {
            var merged = filter.merging(extra) { $1 }
            if let removing { merged[removing] = nil }
            var pairs = [("maal", measure.rawValue)]
            pairs += merged.map { (LedgerController.name(of: $0.key), $0.value) }.sorted { $0.0 < $1.0 }
            if let throughMonth { pairs.append(("til", String(throughMonth))) }
            pairs += more.sorted { $0.key < $1.key }
            return pairs.map { "\($0.0)=\($0.1.urlQueryEncoded)" }.joined(separator: "&")
        }
    }

    /// The query parameter of a dimension (`artsgruppe`).
    static func name(of dimension: LedgerDimension) -> String {
        switch dimension {
        case .responsibility: "ansvar"
        case .chapter: "kapittel"
        case .kind: "kontoklasse"
        case .group: "artsgruppe"
        case .art: "art"
        case .function: "funksjon"
        case .project: "prosjekt"
        case .freeDimension: "fridim"
        case .month: "periode"
        }
    }

    static func label(_ dimension: LedgerDimension, _ value: String) -> String {
        switch dimension {
        case .kind: AccountKind(rawValue: value)?.norwegianName ?? value
        case .month: value == "0" ? "Hele året" : value == String(LedgerLine.closingMonth) ? "Årsavslutning" : "Periode \(value)"
        case .chapter: "Kap. \(value)"
        default: value.isEmpty ? "(tom)" : value
        }
    }

    /// A filter the service refuses is a bad address: 400, with the reason.
    func refused(_ errors: InputErrors, _ context: StyrRequestContext) -> HTML {
        pages.error(.badRequest, heading: "Ugyldig utvalg", message: errors.entries.map(\.message).joined(separator: " "), context: context)
    }

    func totals(_ code: String, year: Int, _ request: Request, _ context: StyrRequestContext) async throws -> HTML {
        let query = Query(request)
        let rowDimension = request.uri.queryParameters.get("rad").flatMap(LedgerDimension.init(rawValue:)) ?? .group
        let byMonth = request.uri.queryParameters.get("kolonne") == "month" && rowDimension != .month
        let overview: LedgerQueryService.Overview
        do {
            overview = try await ledger.overview(
                in: code, query.ledgerFilter(year: year), by: byMonth ? [rowDimension, .month] : [rowDimension], by: context.session?.user)
        } catch ServiceError.invalid(let errors) {
            return refused(errors, context)
        }
        let scope = overview.scope
        let model = LedgerView(overview, year: year, query: query, rowDimension: rowDimension, byMonth: byMonth,
                               saved: Confirmation.message(request, context))
        return pages.html("Regnskap \(year) – \(scope.organisation.name)", template: "ledger", model: model, context: context,
                          trail: [NavigationLink(url: scope.base, label: scope.organisation.name)])
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

    func lines(_ code: String, year: Int, _ request: Request, _ context: StyrRequestContext) async throws -> HTML {
        let query = Query(request)
        let after = max(0, request.uri.queryParameters.get("etter", as: Int64.self) ?? 0)
        let found: LedgerQueryService.DrillDown
        do {
            found = try await ledger.drillDown(
                in: code, query.ledgerFilter(year: year), after: after, limit: Self.pageSize + 1, withTotal: after == 0, by: context.session?.user)
        } catch ServiceError.invalid(let errors) {
            return refused(errors, context)
        }
        let scope = found.scope
        let base = "\(scope.base)/regnskap/\(year)"
        return pages.html("Linjer – regnskap \(year)", template: "ledger-lines",
                          model: LedgerLinesView(found, year: year, query: query, after: after, pageSize: Self.pageSize), context: context,
                          trail: [NavigationLink(url: scope.base, label: scope.organisation.name),
                                  NavigationLink(url: "\(base)?\(query.string())", label: "Regnskap \(year)")])
    }
}
