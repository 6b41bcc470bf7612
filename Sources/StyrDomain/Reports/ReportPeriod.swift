/// The period of a tertial or monthly report: `t1`–`t3`, or `m01`–`m12` (the months the
/// letter's reporting requirements name). `m1`–`m12` are read as the same months.
public enum ReportPeriod: Hashable, Sendable, Codable {
    case tertial(Int)
    case month(Int)

    public init?(code: String) {
        let code = code.lowercased()
        guard code.count >= 2, let number = Int(code.dropFirst()), code.dropFirst().allSatisfy(\.isASCII) else { return nil }
        switch code.first {
        case "t" where (1...3).contains(number) && code.count == 2: self = .tertial(number)
        case "m" where (1...12).contains(number) && (code.count == 3 || (code.count == 2 && number < 10)): self = .month(number)
        default: return nil
        }
    }

    /// `t2`, `m04`.
    public var code: String {
        switch self {
        case .tertial(let number): "t\(number)"
        case .month(let number): number < 10 ? "m0\(number)" : "m\(number)"
        }
    }

    /// The accounting report's period (January through the end of this one).
    public var accountingPeriod: AccountingPeriod {
        switch self {
        case .tertial(let number): .tertial(number)
        case .month(let number): .month(number)
        }
    }

    /// `2. tertial 2020`, `april 2020`.
    public func title(year: Int) -> String { accountingPeriod.title(year: year) }

    /// The last day of the period.
    public func endDate(year: Int) -> CalendarDate { accountingPeriod.endDate(year: year) }

    /// Why `text` is no report period, in Norwegian.
    public static func unknownCodeMessage(_ text: String) -> String {
        "«\(text)» er ingen rapportperiode; bruk t1–t3 (tertial) eller m01–m12 (måned)."
    }

    /// The periods a letter's reporting requirements name (`2. tertial`, `t2`, `april`, `m04`),
    /// in order; the tertials when none is named.
    public static func named(in requirements: [ReportingRequirement]) -> [ReportPeriod] {
        var found: [ReportPeriod] = []
        for requirement in requirements {
            let text = (requirement.period + " " + requirement.report).lowercased()
            guard !text.contains("årsberetning") else { continue }
            for number in 1...3 where text.contains("\(number). tertial") {
                found.append(.tertial(number))
            }
            for (index, name) in ForecastMonths.names.enumerated() where text.contains(name.lowercased()) {
                found.append(.month(index + 1))
            }
        }
        var seen = Set<ReportPeriod>()
        let unique = found.filter { seen.insert($0).inserted }
        return unique.isEmpty ? [.tertial(1), .tertial(2)] : unique.sorted { $0.sortKey < $1.sortKey }
    }

    var sortKey: Int {
        switch self {
        case .tertial(let number): number * 4 * 10 + 1
        case .month(let number): number * 10
        }
    }
}
