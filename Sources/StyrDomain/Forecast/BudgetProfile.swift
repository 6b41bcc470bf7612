/// Why twelve monthly shares are not a budget profile.
public enum BudgetProfileError: Error, Hashable, Sendable, CustomStringConvertible {
    case notTwelveMonths(Int)
    case negativeShare(month: Int)
    case basisPointsSum(Int64)
    case zeroTotal
    case tooLarge

    public var description: String {
        switch self {
        case .notTwelveMonths(let count): "En periodiseringsprofil må ha tolv månedsandeler, ikke \(count)."
        case .negativeShare(let month): "Andelen for \(ForecastMonths.name(month)) kan ikke være negativ."
        case .basisPointsSum(let sum): "Månedsandelene må summere til 10 000 basispunkter (100 %), ikke \(sum)."
        case .zeroTotal: "Månedsandelene kan ikke alle være null."
        case .tooLarge: "Månedsandelene er for store."
        }
    }
}

/// A monthly budget profile (*periodisering*): how the year's budget falls on the twelve months,
/// as weights. The even profile gives every month a twelfth exactly.
public struct BudgetProfile: Hashable, Sendable, Codable {
    /// Twelve non-negative weights, January first, with a positive sum.
    public let weights: [Int64]

    /// Shares in basis points (1/100 %), which must add up to 10 000.
    public init(basisPoints: [Int64]) throws(BudgetProfileError) {
        if let problem = Self.problem(in: basisPoints) { throw problem }
        let sum = basisPoints.reduce(0, +)
        guard sum == 10_000 else { throw BudgetProfileError.basisPointsSum(sum) }
        weights = basisPoints
    }

    /// Any twelve non-negative weights with a positive sum (e.g. last year's monthly actuals).
    public init(weights: [Int64]) throws(BudgetProfileError) {
        if let problem = Self.problem(in: weights) { throw problem }
        self.weights = weights
    }

    private init(unchecked weights: [Int64]) {
        self.weights = weights
    }

    /// A twelfth each month.
    public static let even = BudgetProfile(unchecked: Array(repeating: 1, count: 12))

    public var totalWeight: Int64 { weights.reduce(0, +) }

    /// The share of `month` (1–12) in percent, rounded to three decimals: 8,333 for an even month.
    public func share(ofMonth month: Int) -> Quantity {
        precondition((1...12).contains(month), "a month is 1–12")
        return Quantity(milli: Int64(ExactDivision.rounded(Int128(weights[month - 1]) * 100_000, Int128(totalWeight))))
    }

    /// The share of January through `month` (0–12) in percent, rounded to three decimals.
    public func shareToDate(throughMonth month: Int) -> Quantity {
        precondition((0...12).contains(month), "a month is 0–12")
        let cumulative = weights.prefix(month).reduce(0, +)
        return Quantity(milli: Int64(ExactDivision.rounded(Int128(cumulative) * 100_000, Int128(totalWeight))))
    }

    /// The budget of January through `month` (0–12): the annual amount times the profile's share
    /// to date, rounded half away from zero to whole øre. Rounding the cumulative amount (not each
    /// month) preserves the total: through December it is exactly `annual`, and the twelve
    /// amounts of `monthly(annual:)` add up to it.
    public func budgetToDate(annual: Money, throughMonth month: Int) -> Money {
        precondition((0...12).contains(month), "a month is 0–12")
        let cumulative = weights.prefix(month).reduce(0, +)
        // |result| ≤ |annual|, so it fits in Int64.
        return Money(ore: Int64(ExactDivision.rounded(Int128(annual.ore) * Int128(cumulative), Int128(totalWeight))))
    }

    /// The budget of each month, January first; they add up to `annual` exactly.
    public func monthly(annual: Money) -> [Money] {
        let toDate = (0...12).map { budgetToDate(annual: annual, throughMonth: $0) }
        return (1...12).map { toDate[$0] - toDate[$0 - 1] }
    }

    private static func problem(in weights: [Int64]) -> BudgetProfileError? {
        guard weights.count == 12 else { return .notTwelveMonths(weights.count) }
        if let negative = weights.firstIndex(where: { $0 < 0 }) { return .negativeShare(month: negative + 1) }
        // Weights beyond this bound could overflow the sum; no real profile comes near it.
        guard weights.allSatisfy({ $0 <= Int64.max / 16 }) else { return .tooLarge }
        guard weights.reduce(0, +) > 0 else { return .zeroTotal }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let weights = try container.decode([Int64].self)
        if let problem = Self.problem(in: weights) {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: problem.description)
        }
        self.weights = weights
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(weights)
    }
}
