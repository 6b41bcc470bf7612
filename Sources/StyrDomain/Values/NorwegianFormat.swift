/// nb-NO formatting of numbers and dates: `1 158 413 263`, `-132 182 013`, `81,7 %`, `22.03.2024`.
/// Thousands are separated by a plain space and negatives carry a hyphen-minus, as in the seed,
/// so that figures can be searched for and copied as printed.
public enum NorwegianFormat {
    /// Groups the digits of an integer in threes.
    public static func integer(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(" ") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// Whole kroner. Zero is shown as "-", as in the seed's tables, unless `zeroAsDash` is false.
    public static func kroner(_ money: Money, zeroAsDash: Bool = true) -> String {
        let kroner = money.roundedKroner
        return kroner == 0 && zeroAsDash ? "-" : integer(kroner)
    }

    /// A fixed-point quantity with at most `decimals` decimals, trailing zeros dropped: 81,7; 93; 343,16.
    public static func quantity(_ value: Quantity, decimals: Int) -> String {
        let rounded = value.rounded(toDecimals: decimals)
        let magnitude = rounded.milli.magnitude
        let whole = Int64(magnitude / 1000)
        var fraction = String(thousandths(magnitude).prefix(max(0, min(decimals, 3))))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = rounded.milli < 0 ? "-" : ""
        return sign + integer(whole) + (fraction.isEmpty ? "" : "," + fraction)
    }

    /// The same with all `decimals` decimals kept: 343,16 and 11,01 in a staffing table.
    public static func fixedQuantity(_ value: Quantity, decimals: Int) -> String {
        let rounded = value.rounded(toDecimals: decimals)
        let magnitude = rounded.milli.magnitude
        let fraction = thousandths(magnitude).prefix(max(0, min(decimals, 3)))
        let sign = rounded.milli < 0 ? "-" : ""
        return sign + integer(Int64(magnitude / 1000)) + (fraction.isEmpty ? "" : "," + fraction)
    }

    public static func percent(_ value: Quantity, decimals: Int) -> String {
        quantity(value, decimals: decimals) + " %"
    }

    /// Kroner with øre when there are any (`845 550 000,50`, `-12`), for amounts that must not be
    /// rounded: ledger lines, and letter amounts edited as text.
    public static func exactKroner(_ money: Money) -> String {
        let sign = money.ore < 0 ? "-" : ""
        let magnitude = money.ore.magnitude
        let ore = Int(magnitude % 100)
        return sign + integer(Int64(magnitude / 100)) + (ore == 0 ? "" : "," + pad(ore, 2))
    }

    /// `22.03.2024`.
    public static func date(_ date: CalendarDate) -> String {
        "\(pad(date.day, 2)).\(pad(date.month, 2)).\(date.year)"
    }

    /// The three decimals of a fixed-point magnitude in thousandths, zero-padded.
    private static func thousandths(_ magnitude: UInt64) -> String {
        pad(Int(magnitude % 1000), 3)
    }
}
