import Hummingbird
import StyrDomain
import StyrReports
import StyrStorage

/// The year dashboard of an agency (årsoversikt): indicators with status and a trend line, budget
/// against accounts as bars, and what still needs an explanation.
struct DashboardController: Sendable {
    let database: Database
    let pages: Pages
    let access: Authorizer

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/ar/:year") { request, context in
            let code = try context.parameters.require("code"), year = try context.parameters.require("year", as: Int.self)
            let user = try await access.require(.read, on: code, request, context)
            guard BudgetYears.contains(year) else {
                return pages.error(.notFound, heading: "Ugyldig år", message: BudgetYears.outOfRangeMessage(year), context: context)
            }
            return try await dashboard(code: code, year: year, user: user, context)
        }
    }

    func dashboard(code: String, year: Int, user: UserAccount, _ context: StyrRequestContext) async throws -> HTML {
        let (organisation, entries, chapter, amounts, revisions, organisations) = try await database.withConnection { db in
            let store = SQLGovernanceStore(db)
            let chapter = try await store.chapters(of: code).first
            return (try await store.organisation(code: code)!, try await store.indicators(of: code), chapter,
                    try await chapter.asyncMap { try await store.budgetAmounts(chapter: $0.number, years: (year - 1)...year) } ?? [],
                    try await chapter.asyncMap { try await store.revisions(chapter: $0.number, year: year) } ?? [],
                    try await store.organisations())
        }
        let canEdit = AccessPolicy.allows(user, .enterResults, on: code, in: OrganisationTree(organisations))
        let base = "/organisasjoner/\(code.urlPathEncoded)"
        var openItems: [[String: Any]] = []
        let indicatorRows: [[String: Any]] = entries.compactMap { entry in
            guard let value = entry.value(in: year), let target = value.target else { return nil }
            let indicator = entry.indicator
            let assessment = IndicatorRules.assess(value, of: indicator)
            let missing = IndicatorRules.missingExplanations(value, of: indicator)
            if let first = missing.first {
                openItems.append(["text": "\(indicator.name): \(first)", "url": canEdit ? "\(base)/indikatorer/\(year)/\(indicator.key.urlPathEncoded)" : ""])
            }
            let points = entry.values.filter { $0.year <= year }.compactMap { value in value.result.map { (year: value.year, value: $0) } }
            let targetValue: Quantity? = if case .value(let target) = target { target } else { nil }
            let description = points.map { "\($0.year): \(AnnualReport.format($0.value, indicator))" }.joined(separator: ", ")
            let label = "Resultater for \(indicator.name): \(description.isEmpty ? "ingen målinger" : description)"
                + (targetValue.map { "; måltall \(year): \(AnnualReport.format($0, indicator))" } ?? "")
            return [
                "name": indicator.name, "target": AnnualReport.formatTarget(target, indicator),
                "result": value.result.map { AnnualReport.format($0, indicator) } ?? "ikke målt",
                "deviation": assessment?.deviation.map { AnnualReport.formatDeviation($0, indicator) } ?? "",
                "status": assessment?.status.norwegianName ?? "Uten måltall", "statusClass": assessment?.status.rawValue ?? "none",
                "trend": SVGCharts.sparkline(points: points, target: targetValue, label: label),
            ]
        }
        var budget: [String: Any] = [:]
        if let chapter, amounts.contains(where: { $0.year == year }) {
            let table = AccountsTable.build(chapter: chapter.number, year: year, kind: .operating, amounts: amounts, revisions: revisions)
            let bars = table.rows.filter { if case .group(let group) = $0.kind { group.isExpense } else { $0.kind == .net } }
                .map { (label: table.label(of: $0), budget: $0.revisedBudget, actuals: $0.actuals) }
            let description = bars.map {
                "\($0.label): regulert budsjett \(NorwegianFormat.kroner($0.budget, zeroAsDash: false)) kr, regnskap \(NorwegianFormat.kroner($0.actuals, zeroAsDash: false)) kr"
            }.joined(separator: "; ")
            budget = [
                "chart": SVGCharts.budgetBars(rows: bars, label: "Driftsutgifter og nettoresultat \(year). \(description)."),
                "revised": NorwegianFormat.kroner(table.net.revisedBudget, zeroAsDash: false),
                "actuals": NorwegianFormat.kroner(table.net.actuals, zeroAsDash: false),
                "deviation": NorwegianFormat.kroner(table.net.deviation, zeroAsDash: false),
                "verdict": table.net.deviation >= .zero ? "mindreforbruk" : "merforbruk",
                "chapter": "kap. \(chapter.number) \(chapter.name)",
            ]
        }
        return pages.html("Årsoversikt \(year) – \(organisation.name)", template: "dashboard", context: [
            "organisationName": organisation.name, "year": year, "indicators": indicatorRows, "hasIndicators": !indicatorRows.isEmpty,
            "budget": budget, "hasBudget": !budget.isEmpty, "openItems": openItems, "hasOpenItems": !openItems.isEmpty,
            "indicatorsURL": "\(base)/indikatorer/\(year)", "reportURL": "\(base)/arsberetning/\(year)",
        ], context: context, trail: [NavigationLink(url: base, label: organisation.name)])
    }
}
