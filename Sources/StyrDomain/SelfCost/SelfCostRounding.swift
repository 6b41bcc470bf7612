/// How self-cost amounts are rounded: every computed amount (an allocated share, a year's
/// depreciation, an average residual value, interest, a price per unit) is rounded to the øre,
/// half away from zero (0,5 øre → 1 øre, -0,5 øre → -1 øre), once, where it is computed. The
/// parts shown are the parts added: F is the sum of the rounded A–E, never recomputed unrounded.
public enum SelfCostRounding {
    /// `numerator / denominator` to the nearest whole number, half away from zero.
    public static func divide(_ numerator: Int128, by denominator: Int128) -> Int64 {
        precondition(denominator != 0, "division by zero")
        let (numerator, denominator) = denominator < 0 ? (-numerator, -denominator) : (numerator, denominator)
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        if remainder * 2 >= denominator { return Int64(quotient + 1) }
        if remainder * 2 <= -denominator { return Int64(quotient - 1) }
        return Int64(quotient)
    }

    /// `amount × basisPoints / 10 000`, to the øre.
    public static func share(of amount: Money, basisPoints: Int64) -> Money {
        Money(ore: divide(Int128(amount.ore) * Int128(basisPoints), by: 10_000))
    }
}

/// A rate or share in basis points (1 % = 100), shown as `2,85 %`.
public struct BasisPoints: Hashable, Comparable, Sendable, Codable {
    public var value: Int64

    public init(_ value: Int64) { self.value = value }

    public static func < (lhs: BasisPoints, rhs: BasisPoints) -> Bool { lhs.value < rhs.value }

    /// `2,85 %` (two decimals, trailing zeros dropped: `100 %`, `12,5 %`).
    public var percentText: String {
        NorwegianFormat.percent(Quantity(milli: value * 10), decimals: 2)
    }

    /// Reads `2,85`, `2,85 %` or `3` (percent) into basis points; nil when not a number with at most two decimals.
    public init?(percentText text: String) {
        guard let quantity = Quantity(parsing: text), quantity.milli % 10 == 0 else { return nil }
        self.init(quantity.milli / 10)
    }
}

extension String {
    /// Without surrounding white space.
    var selfCostTrimmed: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
