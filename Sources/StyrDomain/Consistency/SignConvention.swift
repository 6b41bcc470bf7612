/// How a table prints revenues (financing), which decides how its net row follows from the two
/// sum rows. Annual reports use both, often within the same report.
public enum SignConvention: Sendable, Equatable, CaseIterable {
    /// KOSTRA: revenues are negative, net = expenses + revenues.
    case revenuesNegative
    /// Revenues printed as positive numbers, net = expenses − revenues.
    case revenuesPositive

    /// Norwegian description naming the formula, e.g.
    /// "inntekter med negativt fortegn (netto = utgifter + inntekter)".
    public func norwegianDescription(for kind: PublishedTableKind) -> String {
        let (expenses, revenues) = kind == .investment
            ? ("finansieringsbehov", "finansiering") : ("utgifter", "inntekter")
        switch self {
        case .revenuesNegative: return "\(revenues) med negativt fortegn (netto = \(expenses) + \(revenues))"
        case .revenuesPositive: return "\(revenues) med positivt fortegn (netto = \(expenses) - \(revenues))"
        }
    }

    /// The net row's value from the two sum rows under this convention.
    func net(expenses: Int64, revenues: Int64) -> (partialValue: Int64, overflow: Bool) {
        switch self {
        case .revenuesNegative: expenses.addingReportingOverflow(revenues)
        case .revenuesPositive: expenses.subtractingReportingOverflow(revenues)
        }
    }

    /// The convention the printed revenue values vote for, or nil when no revenue row has a
    /// non-zero value in the columns that hold actuals or budgets. `avvik` is left out because
    /// its sign follows from the others rather than from the convention.
    static func inferred(from table: PublishedTable) -> SignConvention? {
        let votingColumns: [PublishedAmountColumn] = [.regnskap, .dok3, .regulert, .regnskapForrige]
        let values = table.rows
            .filter { $0.side == .revenues }
            .flatMap { row in votingColumns.compactMap { row.value($0)?.hundredths } }
            .filter { $0 != 0 }
        guard !values.isEmpty else { return nil }
        let negatives = values.count(where: { $0 < 0 })
        return negatives * 2 > values.count ? .revenuesNegative : .revenuesPositive
    }
}
