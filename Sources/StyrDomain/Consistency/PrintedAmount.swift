/// An amount exactly as a table prints it, held in hundredths (øre) so that "12,50" is exact.
/// Published tables are in whole kroner, but a hand-typed decimal comma must not be lost.
public struct PrintedAmount: Hashable, Sendable, CustomStringConvertible {
    public var hundredths: Int64

    public init(hundredths: Int64) { self.hundredths = hundredths }

    public static func kroner(_ kroner: Int64) -> PrintedAmount { PrintedAmount(hundredths: kroner * 100) }

    public static let zero = PrintedAmount(hundredths: 0)

    public var isZero: Bool { hundredths == 0 }

    /// nb-NO style as the reports print it: "-1 158 413 263", "12,50". Thousands are separated by
    /// a normal space and the minus is ASCII, so the text survives terminals and CSV tools.
    public var formatted: String {
        let magnitude = hundredths.magnitude
        let grouped = NorwegianFormat.integer(Int64(magnitude / 100))
        let sign = hundredths < 0 ? "-" : ""
        let cents = magnitude % 100
        guard cents != 0 else { return sign + grouped }
        return sign + grouped + "," + (cents < 10 ? "0" : "") + String(cents)
    }

    /// The amount without thousands separators ("-690533345", "12,50"), for CSV output that
    /// spreadsheets read as a number.
    var plain: String {
        formatted.filter { $0 != " " }
    }

    public var description: String { formatted }
}
