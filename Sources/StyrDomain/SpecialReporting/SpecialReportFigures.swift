/// The figures of chapters 4–5 computed from what was entered: shares from counts, women's pay
/// as a percentage of men's, sick-leave deviations, totals, and the findings where the
/// published counts disagree.
public enum SpecialReportFigures {
    /// `part` of `total` in percent (three decimals, half away from zero); nil when the total is 0.
    public static func share(_ part: Int, of total: Int) -> Quantity? {
        guard total > 0 else { return nil }
        return ratio(Int64(part), Int64(total))
    }

    /// Women's average pay as a percentage of men's (Tabell 4.7.2); nil when men's is 0.
    public static func womenPayShare(_ row: GenderPayRow) -> Quantity? {
        guard row.menPay > .zero else { return nil }
        return ratio(row.womenPay.ore, row.menPay.ore)
    }

    /// Result − target in percentage points; nil when either is missing.
    public static func deviation(_ row: SickLeaveRow) -> Quantity? {
        guard let result = row.result, let target = row.target else { return nil }
        return result - target
    }

    /// Full time + part time, which "Alle ansatte" should equal.
    public static func countedTotal(_ row: WorkforceRow) -> Int { row.fullTime.total + row.partTime.total }

    /// 100 · numerator / denominator in thousandths, rounded half up (both are not negative here).
    static func ratio(_ numerator: Int64, _ denominator: Int64) -> Quantity {
        let (quotient, remainder) = (numerator * 100_000).quotientAndRemainder(dividingBy: denominator)
        return Quantity(milli: remainder * 2 >= denominator ? quotient + 1 : quotient)
    }

    /// The row of Tabell 4.7.2 that counts the whole agency for `year` (its category starts with "Totalt").
    public static func agencyTotal(_ rows: [GenderPayRow], year: Int) -> GenderPayRow? {
        rows.first { $0.year == year && $0.category.lowercased().hasPrefix("totalt") }
    }

    /// What does not add up, each with the difference and what the agency is asked to do.
    /// `staffingAtYearEnd` is Tabell 1's headcount at 1 January of the next year.
    public static func findings(_ report: SpecialReport, staffingAtYearEnd: Int?) -> [SpecialReportFinding] {
        var findings: [SpecialReportFinding] = []
        for row in report.workforce {
            let counted = countedTotal(row)
            if counted != row.total {
                findings.append(SpecialReportFinding(
                    kind: .workforceSum, difference: counted - row.total,
                    message: "Heltid og deltid \(row.year): heltid \(row.fullTime.total) + deltid \(row.partTime.total) = \(counted), men «Alle ansatte» er \(row.total) (forskjell \(signed(counted - row.total))).",
                    explanation: nil))
            }
        }
        var counts: [(String, Int)] = []
        if let staffingAtYearEnd { counts.append(("Tabell 1. Bemanning (01.01.\(report.year + 1))", staffingAtYearEnd)) }
        if let total = agencyTotal(report.genderPay, year: report.year) {
            counts.append(("Tabell 4.7.2. Kjønn og lønn (\(total.category.lowercased()) \(report.year))", total.count.total))
        }
        if let workforce = report.workforce.first(where: { $0.year == report.year }) {
            counts.append(("4.7.3. Heltid, deltid mv. (alle ansatte \(report.year))", workforce.total))
        }
        let values = counts.map(\.1)
        if let low = values.min(), let high = values.max(), low != high {
            let listed = counts.map { "\($0.0): \(NorwegianFormat.integer(Int64($0.1)))" }.joined(separator: "; ")
            findings.append(SpecialReportFinding(
                kind: .headcounts, difference: high - low,
                message: "Antall ansatte er ikke det samme i tabellene: \(listed). Forskjellen er inntil \(high - low).",
                explanation: report.headcountExplanation))
        }
        return findings
    }

    static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }
}

/// A disagreement between published counts: shown, never hidden, with the agency's explanation
/// or a request for one.
public struct SpecialReportFinding: Sendable, Equatable {
    public enum Kind: String, Sendable { case workforceSum, headcounts }
    public var kind: Kind
    public var difference: Int
    public var message: String
    /// The agency's explanation; nil asks for one (headcounts only).
    public var explanation: String?

    public var request: String? {
        guard kind == .headcounts, explanation == nil else { return nil }
        return "Forklaring mangler: virksomheten bes forklare forskjellen (f.eks. ulike tidspunkt, eller om midlertidig ansatte og ansatte i permisjon er tatt med)."
    }
}
