import StyrDomain
import StyrReports
import StyrServices

/// The view model of `goals.mustache`: the year's chain goal area → goal → indicator → target,
/// with the forms that edit the areas and goals when the user may.
struct GoalsView: Sendable {
    struct Goal: Sendable {
        var index: Int
        var number: Int
        var text: String
        var firstGoal: Bool
        var lastGoal: Bool
    }
    struct IndicatorRow: Sendable {
        var key: String
        var name: String
        var target: String
        var result: String
        var url: String
        var definitionURL: String
    }
    struct Area: Sendable {
        var name: String
        var anchor: String
        var goals: [Goal]
        var indicators: [IndicatorRow]
        var first: Bool
        var last: Bool
    }
    struct AreaOption: Sendable { var optionName: String }
    struct IndicatorOption: Sendable { var optionKey: String, optionLabel: String }

    var organisationName: String
    var year: Int
    var saved: String?
    var errorMessage: String?
    var canEdit: Bool
    var csrfToken: String
    /// The version of the year's goals the forms were loaded at (optimistic locking), sent back as `_versjon`.
    var goalsVersion: Int
    var action: String
    var indicatorsURL: String
    var newIndicatorURL: String
    var reportURL: String
    var areas: [Area]
    var unlinked: [IndicatorRow]
    var areaOptions: [AreaOption]
    var indicatorOptions: [IndicatorOption]

    init(_ chain: GoalService.Chain, saved: String?, errorMessage: String?, csrfToken: String) {
        let scope = chain.scope, year = chain.year
        let base = "/organisasjoner/\(scope.code.urlPathEncoded)"
        organisationName = scope.organisation.name
        self.year = year
        self.saved = saved
        self.errorMessage = errorMessage
        canEdit = chain.canEdit
        self.csrfToken = csrfToken
        goalsVersion = chain.version
        action = "\(base)/mal/\(year)"
        indicatorsURL = "\(base)/indikatorer/\(year)"
        newIndicatorURL = "\(base)/indikatorer/\(year)/ny"
        reportURL = "\(base)/arsberetning/\(year)"
        func row(_ entry: IndicatorWithValues) -> IndicatorRow {
            let indicator = entry.indicator, value = entry.value(in: year)
            let key = indicator.key.urlPathEncoded
            return IndicatorRow(
                key: indicator.key, name: indicator.name, target: Self.target(value?.target, indicator),
                result: value?.result.map { Self.quantity($0, indicator) } ?? (value?.notMeasuredReason.map { _ in "Ikke målt" } ?? "–"),
                url: "\(base)/indikatorer/\(year)/\(key)", definitionURL: "\(base)/indikatorer/\(year)/\(key)/maltall")
        }
        areas = chain.areas.enumerated().map { position, entry in
            Area(
                name: entry.area.name, anchor: "omrade-\(position + 1)",
                goals: entry.area.goals.enumerated().map {
                    Goal(index: $0.offset, number: $0.offset + 1, text: $0.element, firstGoal: $0.offset == 0,
                         lastGoal: $0.offset == entry.area.goals.count - 1)
                },
                indicators: entry.indicators.map(row), first: position == 0, last: position == chain.areas.count - 1)
        }
        unlinked = chain.unlinked.map(row)
        areaOptions = chain.areas.map { AreaOption(optionName: $0.area.name) }
        indicatorOptions = chain.indicators.map {
            IndicatorOption(optionKey: $0.indicator.key, optionLabel: "\($0.indicator.name) (\($0.indicator.goalArea ?? "uten målområde"))")
        }
    }

    static func quantity(_ value: Quantity, _ indicator: Indicator) -> String {
        indicator.unit == .share
            ? NorwegianFormat.percent(value, decimals: indicator.decimals) : NorwegianFormat.quantity(value, decimals: indicator.decimals)
    }

    static func target(_ target: IndicatorTarget?, _ indicator: Indicator) -> String {
        switch target {
        case .value(let value)?: quantity(value, indicator)
        case .range(let low, let high)?: "\(quantity(low, indicator)) – \(quantity(high, indicator))"
        case nil: "Ikke satt"
        }
    }
}
