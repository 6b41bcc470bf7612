import StyrDomain
import StyrReports
import StyrServices

/// The view model of `dashboard.mustache`: the year's open items, indicators with their trend,
/// and the chapter's net result against the revised budget, or that the year has no budget.
struct DashboardView: Sendable {
    struct OpenItem: Sendable {
        var text: String
        /// The result form, for a user who may enter results (the view has no other `itemURL`).
        var itemURL: String?
    }

    struct IndicatorRow: Sendable {
        var name: String, target: String, result: String, deviation: String, status: String, statusClass: String
        /// The trend as an inline SVG with its text alternative.
        var trend: String
    }

    /// The net result against the revised budget, with bars per expense group.
    struct Budget: Sendable {
        var chapter: String, revised: String, actuals: String, deviation: String, verdict: String
        var chart: String
    }

    /// Accounts in a year without a budget: the net result alone, nothing to measure it against.
    struct AccountsWithoutBudget: Sendable {
        var chapter: String, actuals: String
    }

    var organisationName: String
    var year: Int
    var openItems: [OpenItem]
    var indicators: [IndicatorRow]
    var budget: Budget?
    var withoutBudget: AccountsWithoutBudget?
    /// Neither budget nor accounts for the year.
    var noAccounts: Bool
    var indicatorsURL: String, reportURL: String

    init(_ overview: YearOverviewService.Overview) {
        let scope = overview.scope, year = overview.year
        let canEnter = scope.can(.enterResults)
        organisationName = scope.organisation.name
        self.year = year
        indicatorsURL = "\(scope.base)/indikatorer/\(year)"
        reportURL = "\(scope.base)/arsberetning/\(year)"
        var openItems: [OpenItem] = []
        indicators = overview.indicators.compactMap { entry in
            guard let value = entry.value(in: year), let target = value.target else { return nil }
            let indicator = entry.indicator
            if let first = IndicatorRules.missingExplanations(value, of: indicator).first {
                openItems.append(OpenItem(
                    text: "\(indicator.name): \(first)", itemURL: canEnter ? "\(scope.base)/indikatorer/\(year)/\(indicator.key.urlPathEncoded)" : nil))
            }
            let assessment = IndicatorRules.assess(value, of: indicator)
            return IndicatorRow(
                name: indicator.name, target: AnnualReport.formatTarget(target, indicator),
                result: value.result.map { AnnualReport.format($0, indicator) } ?? "ikke målt",
                deviation: assessment?.deviation.map { AnnualReport.formatDeviation($0, indicator) } ?? "",
                status: assessment?.status.norwegianName ?? "Uten måltall", statusClass: assessment?.status.rawValue ?? "none",
                trend: Self.trend(entry, target: target, year: year))
        }
        self.openItems = openItems
        let chapter = overview.chapter.map { "kap. \($0.number) \($0.name)" } ?? ""
        if let table = overview.operating, let deviation = table.net.budgetDeviation {
            budget = Self.budget(table, deviation: deviation, chapter: chapter, year: year)
        } else if let table = overview.operating {
            withoutBudget = AccountsWithoutBudget(chapter: chapter, actuals: NorwegianFormat.kroner(table.net.actuals, zeroAsDash: false))
        }
        noAccounts = overview.operating == nil
    }

    /// The results up to the year as a sparkline, the target as a dashed line.
    static func trend(_ entry: IndicatorWithValues, target: IndicatorTarget, year: Int) -> String {
        let indicator = entry.indicator
        let points = entry.values.filter { $0.year <= year }.compactMap { value in value.result.map { (year: value.year, value: $0) } }
        let targetValue: Quantity? = if case .value(let target) = target { target } else { nil }
        let description = points.map { "\($0.year): \(AnnualReport.format($0.value, indicator))" }.joined(separator: ", ")
        let label = "Resultater for \(indicator.name): \(description.isEmpty ? "ingen målinger" : description)"
            + (targetValue.map { "; måltall \(year): \(AnnualReport.format($0, indicator))" } ?? "")
        return SVGCharts.sparkline(points: points, target: targetValue, label: label)
    }

    static func budget(_ table: AccountsTable, deviation: Money, chapter: String, year: Int) -> Budget {
        let bars = table.rows.filter { if case .group(let group) = $0.kind { group.isExpense } else { $0.kind == .net } }
            .map { (label: table.label(of: $0), budget: $0.revisedBudget, actuals: $0.actuals) }
        let description = bars.map {
            "\($0.label): regulert budsjett \(NorwegianFormat.kroner($0.budget, zeroAsDash: false)) kr, regnskap \(NorwegianFormat.kroner($0.actuals, zeroAsDash: false)) kr"
        }.joined(separator: "; ")
        return Budget(
            chapter: chapter, revised: NorwegianFormat.kroner(table.net.revisedBudget, zeroAsDash: false),
            actuals: NorwegianFormat.kroner(table.net.actuals, zeroAsDash: false),
            deviation: NorwegianFormat.kroner(deviation, zeroAsDash: false), verdict: deviation >= .zero ? "mindreforbruk" : "merforbruk",
            chart: SVGCharts.budgetBars(rows: bars, label: "Driftsutgifter og nettoresultat \(year). \(description)."))
    }
}
