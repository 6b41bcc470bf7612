import Foundation

/// An indicator definition and target as typed by the department (in a form or through the API),
/// checked into an `Indicator` and its `IndicatorTarget`, or the Norwegian reason per field
/// (`InputErrors` keyed by `Field`'s raw value).
public struct IndicatorDraft: Sendable {
    /// The draft's fields, as `InputErrors` name them. `key` is the indicator's address, when the
    /// department chooses it (the API); a form makes it from the name.
    public enum Field: String, Sendable, CaseIterable {
        case key, name, target, targetHigh, decimals, toleranceYellow, toleranceRed, goalArea
    }

    public var name: String
    public var unit: IndicatorUnit
    public var polarity: Polarity
    public var deviationRule: DeviationRule
    public var decimals: String
    public var toleranceYellow: String
    public var toleranceRed: String
    public var target: String
    public var targetHigh: String
    public var goalArea: String
    public var notes: [String]

    public init(
        name: String, unit: IndicatorUnit, polarity: Polarity, deviationRule: DeviationRule, decimals: String,
        toleranceYellow: String, toleranceRed: String, target: String, targetHigh: String, goalArea: String, notes: [String]
    ) {
        self.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        self.unit = unit
        self.polarity = polarity
        self.deviationRule = deviationRule
        self.decimals = decimals.trimmingCharacters(in: .whitespaces)
        self.toleranceYellow = toleranceYellow.trimmingCharacters(in: .whitespaces)
        self.toleranceRed = toleranceRed.trimmingCharacters(in: .whitespaces)
        self.target = target.trimmingCharacters(in: .whitespaces)
        self.targetHigh = targetHigh.trimmingCharacters(in: .whitespaces)
        self.goalArea = goalArea.trimmingCharacters(in: .whitespacesAndNewlines)
        self.notes = notes.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The indicator under `key`, introduced in `introducedIn`, with its target; or the errors, in
    /// the order of `Field`.
    public func validated(key: String, introducedIn: Int?) throws(InputErrors) -> (Indicator, IndicatorTarget) {
        var errors: [Field: String] = [:]
        if name.isEmpty {
            errors[.name] = "Skriv navnet på indikatoren."
        } else if name.count > 300 {
            errors[.name] = "Navnet kan ha høyst 300 tegn."
        } else if key.isEmpty {
            errors[.name] = "Navnet må inneholde bokstaver eller tall (a–z, 0–9) som indikatoren kan få en adresse av."
        }
        let decimalCount = Int(decimals)
        if decimalCount == nil || !(0...3).contains(decimalCount!) { errors[.decimals] = "Antall desimaler må være et helt tall fra 0 til 3." }
        func number(_ text: String, _ field: Field, required: Bool, isTarget: Bool) -> Quantity? {
            if text.isEmpty {
                if required { errors[field] = "Fyll inn et tall." }
                return nil
            }
            guard let value = Quantity(parsing: text) else { errors[field] = "«\(text)» er ikke et tall."; return nil }
            if !isTarget, value < .zero { errors[field] = "Kan ikke være negativ." }
            if isTarget, unit == .share, value < .zero || value > Quantity(100) { errors[field] = "En andel må være mellom 0 og 100 %." }
            return value
        }
        let yellow = number(toleranceYellow, .toleranceYellow, required: true, isTarget: false)
        let red = number(toleranceRed, .toleranceRed, required: true, isTarget: false)
        if let yellow, let red, yellow > red { errors[.toleranceRed] = "Grensen for rød kan ikke være lavere enn grensen for gul." }
        let low = number(target, .target, required: true, isTarget: true)
        let high = number(targetHigh, .targetHigh, required: polarity == .targetRange, isTarget: true)
        if let low, let high, low > high { errors[.targetHigh] = "Øvre grense kan ikke være lavere enn måltallet." }
        if goalArea.count > 300 { errors[.goalArea] = "Målområdet kan ha høyst 300 tegn." }
        guard errors.isEmpty, let decimalCount, let yellow, let red, let low else { throw InputErrors(errors, order: Field.allCases) }
        let indicator = Indicator(
            key: key, name: name, unit: unit, polarity: polarity, deviationRule: deviationRule,
            tolerance: Tolerance(yellow: yellow, red: red), decimals: decimalCount, introducedIn: introducedIn, notes: notes,
            goalArea: goalArea.isEmpty ? nil : goalArea)
        return (indicator, polarity == .targetRange ? .range(low: low, high: high ?? low) : .value(low))
    }

    /// A stable key from a name: lower case ASCII, Norwegian letters spelled out, words joined by "-".
    public static func key(for name: String) -> String {
        let replaced = name.lowercased().replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "ø", with: "o")
            .replacingOccurrences(of: "å", with: "a")
        let words = replaced.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let key = String(words.prefix(6).joined(separator: "-").prefix(80))
        // "ny" is the address of the new-indicator form.
        return key == "ny" ? "ny-indikator" : key
    }
}

extension IndicatorDraft {
    public static let nameTakenMessage = "Det finnes allerede en indikator med dette navnet."
    public static let keyFormatMessage = "Bruk små bokstaver a–z, tall og bindestrek, f.eks. «andel-saker-besvart»."

    /// Whether the department may give an indicator this key (its address): what `key(for:)`
    /// makes of it is itself, and it is not empty.
    public static func isValidKey(_ key: String) -> Bool { !key.isEmpty && key == self.key(for: key) }

    /// The indicator under `key` with its target for `year`, defined or redefined among the
    /// organisation's indicators (`entries`): the fields checked, the year it was introduced kept
    /// (a new one is introduced in `year`),
    /// and no two indicators of an organisation with the same name. With `isNew`, an indicator
    /// under the key must not exist yet (a form makes the key from the name, so it is the name
    /// that is taken).
    public func defined(as key: String, year: Int, among entries: [IndicatorWithValues], isNew: Bool)
        throws(InputErrors) -> (Indicator, IndicatorTarget) {
        let existing = entries.first { $0.indicator.key == key }
        // An indicator that exists keeps the year it came, also when that is not known (nil): a new
        // target does not make it new.
        let (indicator, target) = try validated(key: key, introducedIn: existing.map(\.indicator.introducedIn) ?? year)
        if isNew && existing != nil || entries.contains(where: { $0.indicator.key != key && $0.indicator.name == indicator.name }) {
            throw InputErrors.single(Field.name.rawValue, Self.nameTakenMessage)
        }
        return (indicator, target)
    }
}
