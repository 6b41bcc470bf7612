import StyrDomain
import StyrServices

/// The view model of `indicator-definition.mustache`: an indicator's definition and target for a
/// year, new or as stored, with the messages of a refused save beside their fields.
struct IndicatorDefinitionView: Sendable {
    struct Option: Sendable {
        var value: String, label: String
        var selected: Bool
    }

    struct ErrorEntry: Sendable { var field: String, message: String }

    var organisationName: String
    var year: Int
    var isNew: Bool
    var action: String, csrfToken: String
    /// The definition's version the form was loaded at (optimistic locking), sent back as `_versjon`.
    var version: String?
    var units: [Option], polarities: [Option], rules: [Option]
    /// The year's goal areas, to choose from.
    var goalAreas: [String]
    // What the fields show: the stored definition, or what was typed.
    var name: String, target: String, targetHigh: String, decimals: String, toleranceYellow: String, toleranceRed: String
    var goalArea: String, notes: String
    var nameError: String?, targetError: String?, targetHighError: String?, decimalsError: String?
    var toleranceYellowError: String?, toleranceRedError: String?, goalAreaError: String?
    /// The summary at the top, in the form's order.
    var errors: [ErrorEntry]

    /// The form's fields in order, and the view's name of each.
    static let fields = ["navn", "maltall", "maltall_ovre", "desimaler", "gul", "rod", "malomrade"]

    /// `values` and `errors` are keyed by the form's field names (`navn`, `maltall`, …).
    init(_ form: IndicatorService.DefinitionForm, year: Int, values: [String: String], errors: InputErrors, csrfToken: String) {
        let scope = form.scope
        organisationName = scope.organisation.name
        self.year = year
        isNew = form.existing == nil
        action = form.existing.map { "\(scope.base)/indikatorer/\(year)/\($0.indicator.key.urlPathEncoded)/maltall" }
            ?? "\(scope.base)/indikatorer/\(year)/ny"
        self.csrfToken = csrfToken
        version = values[FormPage.versionField]
        units = Self.options(IndicatorUnit.self, selected: values["enhet"] ?? IndicatorUnit.share.rawValue) { $0.norwegianName }
        polarities = Self.options(Polarity.self, selected: values["retning"] ?? Polarity.higherIsBetter.rawValue) { $0.norwegianName }
        rules = Self.options(DeviationRule.self, selected: values["avviksregel"] ?? DeviationRule.percentagePoints.rawValue) { $0.norwegianName }
        goalAreas = form.goalAreas.map(\.name)
        name = values["navn"] ?? ""
        target = values["maltall"] ?? ""
        targetHigh = values["maltall_ovre"] ?? ""
        decimals = values["desimaler"] ?? "1"
        toleranceYellow = values["gul"] ?? ""
        toleranceRed = values["rod"] ?? ""
        goalArea = values["malomrade"] ?? ""
        notes = values["fotnoter"] ?? ""
        nameError = errors["navn"]
        targetError = errors["maltall"]
        targetHighError = errors["maltall_ovre"]
        decimalsError = errors["desimaler"]
        toleranceYellowError = errors["gul"]
        toleranceRedError = errors["rod"]
        goalAreaError = errors["malomrade"]
        self.errors = Self.fields.compactMap { field in errors[field].map { ErrorEntry(field: field, message: $0) } }
    }

    static func options<T: RawRepresentable & CaseIterable>(_ type: T.Type, selected: String, name: (T) -> String) -> [Option]
    where T.RawValue == String {
        T.allCases.map { Option(value: $0.rawValue, label: name($0), selected: $0.rawValue == selected) }
    }

    /// The stored definition and the year's target, by form field.
    static func values(of entry: IndicatorWithValues, year: Int) -> [String: String] {
        let indicator = entry.indicator
        var values = [
            "navn": indicator.name, "enhet": indicator.unit.rawValue, "retning": indicator.polarity.rawValue,
            "avviksregel": indicator.deviationRule.rawValue, "desimaler": String(indicator.decimals),
            "gul": NorwegianFormat.quantity(indicator.tolerance.yellow, decimals: 3),
            "rod": NorwegianFormat.quantity(indicator.tolerance.red, decimals: 3),
            "malomrade": indicator.goalArea ?? "", "fotnoter": indicator.notes.joined(separator: "\n"),
        ]
        switch entry.value(in: year)?.target {
        case .value(let target): values["maltall"] = NorwegianFormat.quantity(target, decimals: 3)
        case .range(let low, let high):
            values["maltall"] = NorwegianFormat.quantity(low, decimals: 3)
            values["maltall_ovre"] = NorwegianFormat.quantity(high, decimals: 3)
        case nil: break
        }
        return values
    }
}
