/// The Norwegian sentences of findings. Each shows the arithmetic, so a reader can redo it from
/// the printed table without the tool.
enum PublishedTableExplanation {
    static func groupSum(members: String, column: String, computed: PrintedAmount, printed: PrintedAmount?) -> String {
        "Summen av \(members) i kolonnen «\(column)» er \(computed.formatted), men \(shown(printed))."
    }

    static func netResult(
        convention: SignConvention, net: String,
        expenses: (label: String, value: PrintedAmount), revenues: (label: String, value: PrintedAmount),
        computed: PrintedAmount, printed: PrintedAmount?
    ) -> String {
        let sign = convention == .revenuesNegative ? "+" : "-"
        // The formula shows the convention; the report's header line names it.
        return "Raden \(net) skal være \(expenses.label) \(sign) \(revenues.label) = \(expenses.value.formatted) \(sign) "
            + "\(operand(revenues.value)) = \(computed.formatted), men \(shown(printed))."
    }

    static func deviation(
        budget: PrintedAmount, actual: PrintedAmount, computed: PrintedAmount, printed: PrintedAmount?
    ) -> String {
        let formula = "regulert - regnskap = \(budget.formatted) - \(operand(actual)) = \(computed.formatted)"
        guard let printed else { return "Avviket mangler, men \(formula)." }
        // A flipped sign is the commonest typing error in avvik columns; say so outright.
        let hint = printed.hundredths == -computed.hundredths ? " Fortegnet er snudd." : ""
        return "Avviket skal være \(formula), men det står \(printed.formatted).\(hint)"
    }

    /// What the group rows of a sum row are called in the sentence.
    static func members(of role: PublishedRowRole, kind: PublishedTableKind) -> String {
        switch (role, kind) {
        case (.sum(.expenses), .investment): "artsgruppene 000-599 (finansieringsbehov)"
        case (.sum(.revenues), .investment): "artsgruppene 600-999 (finansiering)"
        case (.sum(.expenses), _): "artsgruppene 000-599 (utgifter)"
        case (.sum(.revenues), _): "artsgruppene 600-999 (inntekter)"
        default: "prosjektradene"
        }
    }

    private static func shown(_ printed: PrintedAmount?) -> String {
        printed.map { "det står \($0.formatted)" } ?? "feltet er tomt"
    }

    /// A negative number after an operator is bracketed: "0 - (-14 600)".
    private static func operand(_ amount: PrintedAmount) -> String {
        amount.hundredths < 0 ? "(\(amount.formatted))" : amount.formatted
    }
}
