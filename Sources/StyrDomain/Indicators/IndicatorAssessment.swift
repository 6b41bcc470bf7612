/// Traffic-light status of an indicator result. Always shown with its text, never by colour alone.
public enum IndicatorStatus: String, Sendable, Codable, CaseIterable {
    case green
    case yellow
    case red
    case notMeasured

    public var norwegianName: String {
        switch self {
        case .green: "Grønn"
        case .yellow: "Gul"
        case .red: "Rød"
        case .notMeasured: "Ikke målt"
        }
    }
}

/// The computed assessment of one year's result against its target.
public struct IndicatorAssessment: Hashable, Sendable {
    /// The deviation in the indicator's rule (percentage points, percent or absolute); nil when not measured.
    public var deviation: Quantity?
    public var isFavourable: Bool
    public var status: IndicatorStatus
    /// An explanation is owed: the result is missing, or an unfavourable deviation is beyond tolerance.
    public var needsExplanation: Bool
}

public enum IndicatorRules {
    /// The deviation of `result` from `target` under `rule`, exact to 1/1000 of the unit.
    /// Returns nil for a relative deviation from a zero target, which is undefined.
    public static func deviation(result: Quantity, target: Quantity, rule: DeviationRule) -> Quantity? {
        switch rule {
        case .percentagePoints, .absolute:
            return result - target
        case .relativePercent:
            guard target.milli != 0 else { return nil }
            // (result − target) / target × 100 %, in milli-percent, truncated toward zero.
            let difference = result.milli - target.milli
            let (product, overflow) = difference.multipliedReportingOverflow(by: 100_000)
            if overflow {
                let quotient = (Double(difference) * 100_000 / Double(target.milli)).rounded(.towardZero)
                return Int64(exactly: quotient).map(Quantity.init(milli:))
            }
            return Quantity(milli: product / target.milli)
        }
    }

    /// The deviation from a target range: zero inside it, otherwise the distance to the nearest bound
    /// (negative below, positive above).
    public static func deviation(result: Quantity, low: Quantity, high: Quantity, rule: DeviationRule) -> Quantity? {
        if result < low { return deviation(result: result, target: low, rule: rule) }
        if result > high { return deviation(result: result, target: high, rule: rule) }
        return .zero
    }

    /// Whether a deviation is favourable under a polarity. Zero is favourable.
    public static func isFavourable(_ deviation: Quantity, polarity: Polarity) -> Bool {
        switch polarity {
        case .higherIsBetter: deviation >= .zero
        case .lowerIsBetter: deviation <= .zero
        case .targetRange: deviation == .zero
        }
    }

    /// The status a deviation gives: favourable is green; otherwise its magnitude against the tolerance.
    public static func status(deviation: Quantity, polarity: Polarity, tolerance: Tolerance) -> IndicatorStatus {
        if isFavourable(deviation, polarity: polarity) { return .green }
        let magnitude = deviation.magnitude
        if magnitude <= tolerance.yellow { return .green }
        if magnitude <= tolerance.red { return .yellow }
        return .red
    }

    /// Assesses one year's value of an indicator. Nil when there is no target to assess against.
    public static func assess(_ value: IndicatorValue, of indicator: Indicator) -> IndicatorAssessment? {
        guard let target = value.target else { return nil }
        guard let result = value.result else {
            return IndicatorAssessment(deviation: nil, isFavourable: false, status: .notMeasured, needsExplanation: true)
        }
        let computed: Quantity?
        switch target {
        case .value(let target):
            computed = deviation(result: result, target: target, rule: indicator.deviationRule)
        case .range(let low, let high):
            computed = deviation(result: result, low: low, high: high, rule: indicator.deviationRule)
        }
        guard let deviation = computed else { return nil }
        let polarity: Polarity = if case .range = target { .targetRange } else { indicator.polarity }
        let status = status(deviation: deviation, polarity: polarity, tolerance: indicator.tolerance)
        let favourable = isFavourable(deviation, polarity: polarity)
        return IndicatorAssessment(
            deviation: deviation, isFavourable: favourable, status: status,
            needsExplanation: !favourable && status != .green
        )
    }

    /// What is missing before the value can be reported: Norwegian messages, empty when complete.
    public static func missingExplanations(_ value: IndicatorValue, of indicator: Indicator) -> [String] {
        guard let assessment = assess(value, of: indicator), assessment.needsExplanation else { return [] }
        if value.result == nil {
            return (value.notMeasuredReason ?? "").isBlank ? ["Resultat mangler: oppgi hvorfor indikatoren ikke er målt."] : []
        }
        return (value.deviationComment ?? "").isBlank ? ["Avviket er ugunstig og utenfor toleransen: skriv en kommentar til avvik."] : []
    }
}

extension String {
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
