/// Evaluates the identities a published table must satisfy and turns each broken one into a
/// finding. Blank cells count as 0; differences within the tolerance are not findings.
struct PublishedTableIdentities {
    let table: PublishedTable
    /// Tolerance in hundredths, never negative.
    let toleranceHundredths: Int64

    init(table: PublishedTable, toleranceKroner: Int64) {
        self.table = table
        let (scaled, overflow) = max(0, toleranceKroner).multipliedReportingOverflow(by: 100)
        toleranceHundredths = overflow ? .max : scaled
    }

    /// Each sum row equals the sum of its group rows (or of the project rows) in every column.
    func groupSumFindings() throws(PublishedTableError) -> [PublishedTableFinding] {
        var findings: [PublishedTableFinding] = []
        for sumRow in table.rows {
            let members: [PublishedTableRow]
            switch sumRow.role {
            case .sum(let side): members = table.rows.filter { $0.side == side && $0.role != .sum(side) }
            case .projectSum: members = table.rows(where: { $0 == .project })
            case .group, .net, .project: continue
            }
            let membersName = PublishedTableExplanation.members(of: sumRow.role, kind: table.kind)
            for column in table.amountColumns {
                var total: Int64 = 0
                for member in members {
                    let value = column == .avvik ? try correctDeviation(of: member) : member.hundredths(column)
                    total = try checked(total.addingReportingOverflow(value), sumRow, column)
                }
                let finding = try compare(sumRow, column, computed: total, rule: .groupSum) { computed, printed in
                    PublishedTableExplanation.groupSum(
                        members: membersName, column: column.rawValue, computed: computed, printed: printed)
                        + (column == .avvik ? " (avviket regnet som regulert - regnskap i hver rad)" : "")
                }
                if let finding { findings.append(finding) }
            }
        }
        return findings
    }

    /// The net row follows from the two sum rows as printed, in every column. Without the net
    /// row or either sum row there is nothing to compare.
    func netFindings(_ convention: SignConvention) throws(PublishedTableError) -> [PublishedTableFinding] {
        guard let net = table.netRow, let expenses = table.sumRow(.expenses), let revenues = table.sumRow(.revenues)
        else { return [] }
        var findings: [PublishedTableFinding] = []
        for column in table.amountColumns {
            let expensesValue = expenses.hundredths(column), revenuesValue = revenues.hundredths(column)
            let value = try checked(convention.net(expenses: expensesValue, revenues: revenuesValue), net, column)
            let finding = try compare(net, column, computed: value, rule: .netResult) { computed, printed in
                PublishedTableExplanation.netResult(
                    convention: convention, net: net.label,
                    expenses: (expenses.label, PrintedAmount(hundredths: expensesValue)),
                    revenues: (revenues.label, PrintedAmount(hundredths: revenuesValue)),
                    computed: computed, printed: printed)
            }
            if let finding { findings.append(finding) }
        }
        return findings
    }

    /// The avvik a row should have: regulert − regnskap when either has a value, else as printed.
    /// Sums of the avvik column are taken over these, so that a wrong group avvik is reported on
    /// its own row and not again on a sum row whose printed avvik is right.
    func correctDeviation(of row: PublishedTableRow) throws(PublishedTableError) -> Int64 {
        guard row.value(.regnskap) != nil || row.value(.regulert) != nil else { return row.hundredths(.avvik) }
        return try checked(row.hundredths(.regulert).subtractingReportingOverflow(row.hundredths(.regnskap)), row, .avvik)
    }

    /// avvik = regulert − regnskap on every row with a value in either, or with a printed avvik
    /// (which then must be 0); a row with values only in dok3 or regnskap_forrige needs no avvik.
    func deviationFindings() throws(PublishedTableError) -> [PublishedTableFinding] {
        var findings: [PublishedTableFinding] = []
        for row in table.rows where row.value(.regnskap) != nil || row.value(.regulert) != nil || row.value(.avvik) != nil {
            let budget = row.hundredths(.regulert), actual = row.hundredths(.regnskap)
            let value = try checked(budget.subtractingReportingOverflow(actual), row, .avvik)
            let rule: PublishedTableRule = row.value(.avvik) == nil ? .missingDeviation : .deviation
            let finding = try compare(row, .avvik, computed: value, rule: rule) { computed, printed in
                PublishedTableExplanation.deviation(
                    budget: PrintedAmount(hundredths: budget), actual: PrintedAmount(hundredths: actual),
                    computed: computed, printed: printed)
            }
            if let finding { findings.append(finding) }
        }
        return findings
    }

    /// A finding when the printed cell differs from `computed` by more than the tolerance.
    private func compare(
        _ row: PublishedTableRow, _ column: PublishedAmountColumn, computed: Int64, rule: PublishedTableRule,
        explanation: (PrintedAmount, PrintedAmount?) -> String
    ) throws(PublishedTableError) -> PublishedTableFinding? {
        let printed = row.value(column)
        let difference = try checked((printed?.hundredths ?? 0).subtractingReportingOverflow(computed), row, column)
        guard difference.magnitude > toleranceHundredths.magnitude else { return nil }
        let computedAmount = PrintedAmount(hundredths: computed)
        return PublishedTableFinding(
            line: row.line, row: row.label, column: column.rawValue, printed: printed, computed: computedAmount,
            difference: PrintedAmount(hundredths: difference), rule: rule,
            explanation: explanation(computedAmount, printed))
    }

    /// Amounts are capped when read, but a file with thousands of huge rows could still overflow
    /// a sum; that is reported rather than trapped.
    private func checked(
        _ result: (partialValue: Int64, overflow: Bool), _ row: PublishedTableRow, _ column: PublishedAmountColumn
    ) throws(PublishedTableError) -> Int64 {
        guard !result.overflow else {
            throw PublishedTableError(line: row.line, column: column.rawValue, reason: "beløpene er for store til å regne med")
        }
        return result.partialValue
    }
}
