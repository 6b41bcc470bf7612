import Foundation

/// Checks a table as it was typed into an annual report: do its sum rows, net row and deviation
/// column agree with the numbers beside them?
public enum PublishedTableCheck {
    /// Decodes file bytes: UTF-8 (with or without BOM); if not valid UTF-8, Windows-1252/Latin-1.
    /// Normalises CRLF/CR to LF.
    public static func decode(_ data: Data) -> String {
        PublishedTableTextDecoder.decode(data)
    }

    /// `tolerance` is in whole units of the table (kroner): a difference whose magnitude is
    /// <= tolerance is not a finding.
    public static func check(
        text: String, kind: PublishedTableKind, tolerance: Int64 = 0
    ) throws(PublishedTableError) -> PublishedTableReport {
        let table = try PublishedTableParser.parse(text, kind: kind)
        let identities = PublishedTableIdentities(table: table, toleranceKroner: tolerance)
        var findings = try identities.groupSumFindings() + identities.deviationFindings()

        var convention: SignConvention? = nil
        if kind != .projects {
            let chosen = try decideConvention(table, identities)
            findings += try identities.netFindings(chosen)
            convention = chosen
        }
        return PublishedTableReport(
            kind: kind, signConvention: convention, tolerance: tolerance,
            findings: inFileOrder(findings, table))
    }

    /// The printed revenue values decide. A table without any gets the convention under which
    /// its net row fits best, KOSTRA's on a tie.
    private static func decideConvention(
        _ table: PublishedTable, _ identities: PublishedTableIdentities
    ) throws(PublishedTableError) -> SignConvention {
        if let inferred = SignConvention.inferred(from: table) { return inferred }
        let negative = try identities.netFindings(.revenuesNegative).count
        let positive = try identities.netFindings(.revenuesPositive).count
        return positive < negative ? .revenuesPositive : .revenuesNegative
    }

    /// Line, then header column, then rule, so that two findings on one cell keep a fixed order.
    private static func inFileOrder(_ findings: [PublishedTableFinding], _ table: PublishedTable) -> [PublishedTableFinding] {
        func key(_ finding: PublishedTableFinding) -> (Int, Int, Int) {
            let column = PublishedAmountColumn(rawValue: finding.column).map(table.columnIndex) ?? .max
            let rule = PublishedTableRule.allCases.firstIndex(of: finding.rule) ?? .max
            return (finding.line, column, rule)
        }
        return onePerCell(findings.sorted { key($0) < key($1) })
    }

    /// A wrong cell is reported once. When both its row identity (avvik = regulert − regnskap)
    /// and a column sum flag it, the row identity says more about what is wrong.
    private static func onePerCell(_ sorted: [PublishedTableFinding]) -> [PublishedTableFinding] {
        var result: [PublishedTableFinding] = []
        for finding in sorted {
            if let last = result.last, last.line == finding.line, last.column == finding.column {
                if finding.rule == .deviation || finding.rule == .missingDeviation { result[result.count - 1] = finding }
                continue
            }
            result.append(finding)
        }
        return result
    }
}
