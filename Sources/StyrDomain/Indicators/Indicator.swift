/// What an indicator measures, which fixes how its values are read and shown.
public enum IndicatorUnit: String, Sendable, Codable, CaseIterable {
    /// A share in percent (81,7 %).
    case share
    case count
    /// An amount in kroner.
    case amount
    case days

    public var norwegianName: String {
        switch self {
        case .share: "Andel (%)"
        case .count: "Antall"
        case .amount: "Beløp (kr)"
        case .days: "Dager"
        }
    }
}

/// Which direction of deviation is favourable.
public enum Polarity: String, Sendable, Codable, CaseIterable {
    case higherIsBetter
    case lowerIsBetter
    /// The result should lie within the target range; both directions out of it are unfavourable.
    case targetRange

    public var norwegianName: String {
        switch self {
        case .higherIsBetter: "Høyere er bedre"
        case .lowerIsBetter: "Lavere er bedre"
        case .targetRange: "Innenfor målområde"
        }
    }
}

/// How the deviation of a result from its target is expressed. The seed uses all three.
public enum DeviationRule: String, Sendable, Codable, CaseIterable {
    /// result − target, for shares: 81,7 % − 85 % = −3,3.
    case percentagePoints
    /// (result − target) / target in percent, for large counts: 562 864 vs 552 000 → 1,9 %.
    case relativePercent
    /// result − target, for small counts: 11 − 7 = 4.
    case absolute

    public var norwegianName: String {
        switch self {
        case .percentagePoints: "Prosentpoeng"
        case .relativePercent: "Relativt avvik (%)"
        case .absolute: "Absolutt"
        }
    }
}

/// Limits for the magnitude of an unfavourable deviation, in the unit of the deviation rule.
/// Up to `yellow` is green, up to `red` is yellow, beyond `red` is red.
public struct Tolerance: Hashable, Sendable, Codable {
    public var yellow: Quantity
    public var red: Quantity

    public init(yellow: Quantity, red: Quantity) {
        precondition(yellow <= red, "the yellow tolerance cannot exceed the red")
        self.yellow = yellow
        self.red = red
    }

    public static let strict = Tolerance(yellow: .zero, red: .zero)
}

/// A result indicator (resultatindikator) of an agency.
public struct Indicator: Hashable, Sendable, Codable {
    /// Stable key within the organisation, e.g. `elektroniske-lonnsslipper`.
    public var key: String
    public var name: String
    public var unit: IndicatorUnit
    public var polarity: Polarity
    public var deviationRule: DeviationRule
    public var tolerance: Tolerance
    /// Decimals shown for values and deviations.
    public var decimals: Int
    /// The first year the indicator was used ("Ny resultatindikator 2020").
    public var introducedIn: Int?
    /// Footnotes printed with the indicator (besides "new this year").
    public var notes: [String]
    /// Name of the goal area the indicator belongs to, if any.
    public var goalArea: String?

    public init(
        key: String, name: String, unit: IndicatorUnit, polarity: Polarity, deviationRule: DeviationRule,
        tolerance: Tolerance = .strict, decimals: Int = 0, introducedIn: Int? = nil, notes: [String] = [],
        goalArea: String? = nil
    ) {
        self.key = key
        self.name = name
        self.unit = unit
        self.polarity = polarity
        self.deviationRule = deviationRule
        self.tolerance = tolerance
        self.decimals = decimals
        self.introducedIn = introducedIn
        self.notes = notes
        self.goalArea = goalArea
    }

    public func isNew(in year: Int) -> Bool { introducedIn == year }
}

/// The target and result of an indicator for one year. Earlier years' results are the baselines.
public struct IndicatorValue: Hashable, Sendable, Codable {
    public var year: Int
    public var target: IndicatorTarget?
    public var result: Quantity?
    /// Why there is no result ("not measured"); required when the result is missing and a target is set.
    public var notMeasuredReason: String?
    /// Kommentar til avvik.
    public var deviationComment: String?

    public init(
        year: Int, target: IndicatorTarget? = nil, result: Quantity? = nil, notMeasuredReason: String? = nil,
        deviationComment: String? = nil
    ) {
        self.year = year
        self.target = target
        self.result = result
        self.notMeasuredReason = notMeasuredReason
        self.deviationComment = deviationComment
    }
}

/// A target (måltall): a single value, or a range for indicators with target-range polarity.
public enum IndicatorTarget: Hashable, Sendable, Codable {
    case value(Quantity)
    case range(low: Quantity, high: Quantity)
}

/// A goal area (målområde) with its goals, from Sak 1 or the allocation letter.
public struct GoalArea: Hashable, Sendable, Codable {
    public var name: String
    public var goals: [String]
    /// The agency's account of the area in the annual report.
    public var narrative: String?

    public init(name: String, goals: [String] = [], narrative: String? = nil) {
        self.name = name
        self.goals = goals
        self.narrative = narrative
    }
}
