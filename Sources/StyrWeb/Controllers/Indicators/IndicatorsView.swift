import Foundation
import StyrDomain
import StyrReports
import StyrServices

/// The view model of `indicators.mustache`: the year's indicators with a target, their result,
/// deviation and status, in the letter's order or sorted by status or name.
struct IndicatorsView: Sendable {
    struct Row: Sendable {
        var name: String, target: String, result: String, deviation: String
        var status: String, statusClass: String
        /// Set on every row, so that none is looked up further out.
        var canEdit: Bool, canDefine: Bool
        var editURL: String, defineURL: String, historyURL: String
    }

    struct Sort: Sendable {
        var url: String, label: String
        var current: Bool
    }

    var organisationName: String
    var year: Int
    /// The server's confirmation of what was just saved (see `Confirmation`).
    var saved: String?
    var canDefine: Bool
    var newURL: String
    var sorts: [Sort]
    var rows: [Row]

    /// `sort` is the `?sorter=` of the address: `status` (red first) or `navn`; else the letter's order.
    init(_ listing: IndicatorService.Listing, sort: String?, saved: String?) {
        let scope = listing.scope, year = listing.year
        let base = "\(scope.base)/indikatorer/\(year)"
        let canEdit = scope.can(.enterResults), canDefine = scope.can(.defineIndicators)
        organisationName = scope.organisation.name
        self.year = year
        self.saved = saved
        self.canDefine = canDefine
        newURL = "\(base)/ny"
        sorts = [("", "Som i tildelingsbrevet"), ("status", "Status (rød først)"), ("navn", "Navn")].map { key, label in
            Sort(url: base + (key.isEmpty ? "" : "?sorter=\(key)"), label: label, current: key == (sort ?? ""))
        }
        rows = Self.sorted(listing.withTarget, year: year, by: sort).compactMap { entry in
            guard let value = entry.value(in: year), let target = value.target else { return nil }
            let indicator = entry.indicator
            let assessment = IndicatorRules.assess(value, of: indicator)
            let key = indicator.key.urlPathEncoded
            return Row(
                name: indicator.name, target: AnnualReport.formatTarget(target, indicator),
                result: value.result.map { AnnualReport.format($0, indicator) } ?? "ikke målt",
                deviation: assessment?.deviation.map { AnnualReport.formatDeviation($0, indicator) } ?? "",
                status: Self.statusText(value, indicator, assessment), statusClass: assessment?.status.rawValue ?? "none",
                canEdit: canEdit, canDefine: canDefine, editURL: "\(base)/\(key)", defineURL: "\(base)/\(key)/maltall",
                historyURL: "/historikk?type=indicatorValue&nokkel=\("\(scope.code)/\(indicator.key)/\(year)".urlQueryEncoded)")
        }
    }

    /// Red first, then yellow, not measured, green and those that cannot be assessed; the
    /// letter's order within each.
    static let statusOrder: [IndicatorStatus?] = [.red, .yellow, .notMeasured, .green, nil]

    static func sorted(_ entries: [IndicatorWithValues], year: Int, by sort: String?) -> [IndicatorWithValues] {
        switch sort {
        case "status":
            func rank(_ entry: IndicatorWithValues) -> Int {
                let status = entry.value(in: year).flatMap { IndicatorRules.assess($0, of: entry.indicator) }?.status
                return statusOrder.firstIndex(of: status) ?? statusOrder.count
            }
            return entries.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
        case "navn":
            return entries.sorted { $0.indicator.name.localizedStandardCompare($1.indicator.name) == .orderedAscending }
        default:
            return entries
        }
    }

    static func statusText(_ value: IndicatorValue, _ indicator: Indicator, _ assessment: IndicatorAssessment?) -> String {
        guard let assessment else { return "Uten måltall" }
        return IndicatorRules.missingExplanations(value, of: indicator).isEmpty
            ? assessment.status.norwegianName : "\(assessment.status.norwegianName): forklaring mangler"
    }
}

/// The view model of `indicator-form.mustache`: one indicator's result for the year, with the
/// messages of a refused save beside their fields and in the summary.
struct IndicatorFormView: Sendable {
    /// What the form shows in its fields: the stored value, or what was typed.
    struct Input: Sendable {
        var result: String, notMeasuredReason: String, deviationComment: String

        init(result: String, notMeasuredReason: String, deviationComment: String) {
            self.result = result
            self.notMeasuredReason = notMeasuredReason
            self.deviationComment = deviationComment
        }

        init(_ value: IndicatorValue?) {
            self.init(
                result: value?.result.map { NorwegianFormat.quantity($0, decimals: 3) } ?? "",
                notMeasuredReason: value?.notMeasuredReason ?? "", deviationComment: value?.deviationComment ?? "")
        }
    }

    struct ErrorEntry: Sendable { var field: String, message: String }

    var organisationName: String
    var year: Int
    var name: String, target: String, rule: String, polarity: String
    var unitSuffix: String?
    var action: String, csrfToken: String
    /// The result's version the form was loaded at (optimistic locking), sent back as `_versjon`.
    var version: String? = nil
    /// The period of a tertial or monthly result (`?periode=t2`); nil for the year's result.
    var periodTitle: String? = nil
    var result: String, notMeasuredReason: String, deviationComment: String
    var resultError: String?, reasonError: String?, commentError: String?
    /// The summary at the top, in the form's order.
    var errors: [ErrorEntry]

    /// `errors` are keyed by the form's field ids (`resultat`, `ikke-malt`, `kommentar`).
    init(_ scope: OrganisationScope, entry: IndicatorWithValues, year: Int, input: Input, errors: InputErrors, csrfToken: String) {
        let indicator = entry.indicator
        organisationName = scope.organisation.name
        self.year = year
        name = indicator.name
        target = entry.value(in: year)?.target.map { AnnualReport.formatTarget($0, indicator) } ?? ""
        rule = indicator.deviationRule.norwegianName.lowercased()
        polarity = indicator.polarity.norwegianName.lowercased()
        unitSuffix = indicator.unit == .share ? "%" : nil
        action = "\(scope.base)/indikatorer/\(year)/\(indicator.key.urlPathEncoded)"
        self.csrfToken = csrfToken
        result = input.result
        notMeasuredReason = input.notMeasuredReason
        deviationComment = input.deviationComment
        resultError = errors["resultat"]
        reasonError = errors["ikke-malt"]
        commentError = errors["kommentar"]
        self.errors = ["resultat", "ikke-malt", "kommentar"].compactMap { field in errors[field].map { ErrorEntry(field: field, message: $0) } }
    }
}
