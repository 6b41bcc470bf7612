/// An amount of Norwegian kroner held as whole øre, so that sums are exact.
///
/// Expenses are positive and revenues negative (the KOSTRA convention), so the net result of a
/// chapter is simply the sum of its lines.
public struct Money: Hashable, Comparable, Sendable, Codable, AdditiveArithmetic, CustomStringConvertible {
    public var ore: Int64

    public init(ore: Int64) { self.ore = ore }

    public static func kroner(_ kroner: Int64) -> Money { Money(ore: kroner * 100) }

    public static let zero = Money(ore: 0)

    /// Whole kroner, rounded half away from zero (øre are kept in storage, reports show kroner).
    public var roundedKroner: Int64 {
        let (quotient, remainder) = ore.quotientAndRemainder(dividingBy: 100)
        if remainder >= 50 { return quotient + 1 }
        if remainder <= -50 { return quotient - 1 }
        return quotient
    }

    public var isZero: Bool { ore == 0 }

    public static func + (lhs: Money, rhs: Money) -> Money { Money(ore: lhs.ore + rhs.ore) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(ore: lhs.ore - rhs.ore) }
    public static prefix func - (value: Money) -> Money { Money(ore: -value.ore) }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.ore < rhs.ore }

    public var description: String { "\(ore) øre" }
}

extension Sequence where Element == Money {
    public func sum() -> Money { reduce(.zero, +) }
}
