import Foundation

/// A measured quantity (a share in percent, a count, days, FTE) as an exact fixed-point number
/// with three decimals. Shares are held in percent: 81,7 % is `Quantity(milli: 81_700)`.
public struct Quantity: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var milli: Int64

    public init(milli: Int64) { self.milli = milli }
    public init(_ whole: Int64) { self.milli = whole * 1000 }

    /// Parses `81,7`, `81.7`, `-3`, `552 000` (spaces are thousands separators). A full stop
    /// before exactly three digits (`562.864`) is refused: in Norwegian it separates thousands,
    /// elsewhere it is a decimal point, so the number is ambiguous (`0.125` is not).
    public init?(parsing text: String) {
        var cleaned = text.filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" }
        if cleaned.hasSuffix("%") { cleaned.removeLast() }
        if let point = cleaned.firstIndex(of: "."), cleaned[cleaned.index(after: point)...].count == 3,
           cleaned[..<point].contains(where: { $0.isNumber && $0 != "0" }) {
            return nil
        }
        cleaned = cleaned.replacingOccurrences(of: "\u{2212}", with: "-").replacingOccurrences(of: ",", with: ".")
        guard !cleaned.isEmpty else { return nil }
        var negative = false
        if cleaned.hasPrefix("-") { negative = true; cleaned.removeFirst() }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        // At most twelve digits before the decimal sign: larger numbers are typing errors, and
        // they would overflow the arithmetic of deviations.
        guard parts.count <= 2, parts[0].count <= 12, let whole = Int64(parts[0].isEmpty ? "0" : String(parts[0])), whole >= 0
        else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy(\.isASCII), let value = Int64(digits) else { return nil }
            fraction = value * [1, 100, 10, 1][digits.count]
        }
        let magnitude = whole * 1000 + fraction
        milli = negative ? -magnitude : magnitude
    }

    public static let zero = Quantity(milli: 0)

    public static func + (lhs: Quantity, rhs: Quantity) -> Quantity { Quantity(milli: lhs.milli + rhs.milli) }
    public static func - (lhs: Quantity, rhs: Quantity) -> Quantity { Quantity(milli: lhs.milli - rhs.milli) }
    public static prefix func - (value: Quantity) -> Quantity { Quantity(milli: -value.milli) }
    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.milli < rhs.milli }

    public var magnitude: Quantity { Quantity(milli: milli < 0 ? -milli : milli) }

    /// Cuts to `decimals` decimals toward zero. Deviations are shown this way, so a shown deviation
    /// never overstates the computed one (the seed prints 10 864 / 552 000 = 1,968 % as 1,9 %).
    public func truncated(toDecimals decimals: Int) -> Quantity {
        let step = Quantity.step(decimals)
        return Quantity(milli: (milli / step) * step)
    }

    /// Rounds half away from zero to `decimals` decimals.
    public func rounded(toDecimals decimals: Int) -> Quantity {
        let step = Quantity.step(decimals)
        let (quotient, remainder) = milli.quotientAndRemainder(dividingBy: step)
        if remainder * 2 >= step { return Quantity(milli: (quotient + 1) * step) }
        if remainder * 2 <= -step { return Quantity(milli: (quotient - 1) * step) }
        return Quantity(milli: quotient * step)
    }

    static func step(_ decimals: Int) -> Int64 {
        switch decimals {
        case ...0: 1000
        case 1: 100
        case 2: 10
        default: 1
        }
    }

    public var description: String { "\(Double(milli) / 1000)" }
}
