/// The operating or investment table of a chapter for a year, as in chapter 3 of the annual
/// report: I Regnskap, II Dok. 3, III Regulert budsjett, IV Regnskap året før, V Avvik (III − I).
/// Every sum and deviation is computed here; nothing derived is stored.
///
/// A year without a budget (`hasBudget` false: neither Dok. 3 amounts nor budget revisions
/// stored for the chapter) has no budget columns and no avvik. A missing budget is not a budget
/// of 0: its avvik would be the whole accounts shown as an overspend.
public struct AccountsTable: Hashable, Sendable {
    public enum RowKind: Hashable, Sendable {
        case group(ObjectGroup)
        /// Sum driftsutgifter / Sum finansieringsbehov.
        case expenseSum
        /// Sum driftsinntekter / Sum finansiering.
        case revenueSum
        /// Kapitlets nettoresultat / Netto finansieringsbehov.
        case net
    }

    public struct Row: Hashable, Sendable {
        public var kind: RowKind
        public var actuals: Money
        public var originalBudget: Money
        public var revisedBudget: Money
        public var previousActuals: Money
        /// Whether the chapter has a budget for the year (`AccountsTable.hasBudget`); without one,
        /// `originalBudget` and `revisedBudget` are zero and mean nothing.
        public var hasBudget: Bool

        /// Avvik (III − I): revised budget − actuals; nil in a year without a budget. On the net
        /// row a positive avvik is underspend.
        public var budgetDeviation: Money? { hasBudget ? revisedBudget - actuals : nil }

        /// The columns I–V; Dok. 3, regulert budsjett and avvik are nil in a year without a budget.
        public var columns: [Money?] {
            [actuals, hasBudget ? originalBudget : nil, hasBudget ? revisedBudget : nil, previousActuals, budgetDeviation]
        }

        static func + (lhs: Row, rhs: Row) -> Row {
            Row(
                kind: lhs.kind, actuals: lhs.actuals + rhs.actuals, originalBudget: lhs.originalBudget + rhs.originalBudget,
                revisedBudget: lhs.revisedBudget + rhs.revisedBudget, previousActuals: lhs.previousActuals + rhs.previousActuals,
                hasBudget: lhs.hasBudget
            )
        }

        static func zero(_ kind: RowKind, hasBudget: Bool) -> Row {
            Row(kind: kind, actuals: .zero, originalBudget: .zero, revisedBudget: .zero, previousActuals: .zero, hasBudget: hasBudget)
        }

        /// The same row with every amount's sign flipped (for tables that print revenues positive).
        func negated() -> Row {
            Row(kind: kind, actuals: -actuals, originalBudget: -originalBudget, revisedBudget: -revisedBudget,
                previousActuals: -previousActuals, hasBudget: hasBudget)
        }
    }

    public var chapter: Int
    public var year: Int
    public var kind: AccountKind
    /// Rows in printed order: expense groups, expense sum, revenue groups, revenue sum, net.
    public var rows: [Row]
    /// Whether the chapter has a budget for the year: Dok. 3 amounts or budget revisions are
    /// stored for it (of either kind: an investment budget of nothing in a year with a budget is 0).
    public var hasBudget: Bool

    public var expenseSum: Row { rows.first { $0.kind == .expenseSum }! }
    public var revenueSum: Row { rows.first { $0.kind == .revenueSum }! }
    public var net: Row { rows.first { $0.kind == .net }! }

    public func row(for group: ObjectGroup) -> Row? { rows.first { $0.kind == .group(group) } }

    /// Builds the table from stored input amounts and revisions.
    ///
    /// Amounts are in the KOSTRA convention (revenues negative) and the operating table is shown so,
    /// with net = expenses + revenues. The investment table is shown as in the seed, with financing
    /// positive and net financing need = financing need − financing, so its revenue rows are negated.
    public static func build(
        chapter: Int, year: Int, kind: AccountKind, amounts: [BudgetAmount], revisions: [BudgetRevision],
        groups: [ObjectGroup] = ObjectGroup.standard
    ) -> AccountsTable {
        func amount(_ group: ObjectGroup, _ measure: BudgetMeasure, _ year: Int) -> Money {
            amounts.filter { $0.chapter == chapter && $0.kind == kind && $0.year == year && $0.measure == measure && $0.group == group }
                .map(\.amount).sum()
        }
        let relevantRevisions = revisions.filter { $0.chapter == chapter && $0.kind == kind && $0.year == year }
        let hasBudget = hasBudget(chapter: chapter, year: year, amounts: amounts, revisions: revisions)
        let groupRows = groups.sorted().map { group in
            let original = amount(group, .originalBudget, year)
            return Row(
                kind: .group(group), actuals: amount(group, .actuals, year), originalBudget: original,
                revisedBudget: RevisionRules.revisedBudget(original: original, revisions: relevantRevisions, group: group),
                previousActuals: amount(group, .actuals, year - 1), hasBudget: hasBudget
            )
        }
        let printsRevenuesPositive = kind == .investment
        let expenseRows = groupRows.filter { if case .group(let g) = $0.kind { g.isExpense } else { false } }
        let revenueRows = groupRows.filter { if case .group(let g) = $0.kind { !g.isExpense } else { false } }
            .map { printsRevenuesPositive ? $0.negated() : $0 }
        let expenseSum = expenseRows.reduce(Row.zero(.expenseSum, hasBudget: hasBudget), +)
        let revenueSum = revenueRows.reduce(Row.zero(.revenueSum, hasBudget: hasBudget), +)
        var net = printsRevenuesPositive ? expenseSum + revenueSum.negated() : expenseSum + revenueSum
        net.kind = .net
        return AccountsTable(
            chapter: chapter, year: year, kind: kind,
            rows: expenseRows + [expenseSum] + revenueRows + [revenueSum] + [net], hasBudget: hasBudget
        )
    }

    /// Whether the chapter has a budget for the year: any Dok. 3 amount or budget revision of it
    /// for the year, operating or investment. Without one there is no revised budget to measure
    /// the accounts against (`RevisionRules.revisedBudget` would give 0).
    public static func hasBudget(chapter: Int, year: Int, amounts: [BudgetAmount], revisions: [BudgetRevision]) -> Bool {
        amounts.contains { $0.chapter == chapter && $0.year == year && $0.measure == .originalBudget }
            || revisions.contains { $0.chapter == chapter && $0.year == year }
    }

    /// The printed label of a row.
    public func label(of row: Row) -> String {
        switch (row.kind, kind) {
        case (.group(let group), _): return "\(group.code) \(ObjectGroupLabels.label(for: group))"
        case (.expenseSum, .operating): return "Sum driftsutgifter"
        case (.revenueSum, .operating): return "Sum driftsinntekter"
        case (.net, .operating): return "Kapitlets nettoresultat"
        case (.expenseSum, .investment): return "Sum finansieringsbehov"
        case (.revenueSum, .investment): return "Sum finansiering"
        case (.net, .investment): return "Netto finansieringsbehov"
        }
    }
}

/// Labels of the artsgrupper as printed in Oslo kommune's tables (the seed's spelling).
public enum ObjectGroupLabels {
    public static func label(for group: ObjectGroup) -> String {
        switch group.first {
        case 0: "Lønn og sosiale utgifter"
        case 100: "Kjøp av varer og tjenester som inngår i komm. tjenesteproduksjon"
        case 300: "Kjøp av tjenester som erstatter komm. tjenesteproduksjon"
        case 400: "Overføringsutgifter"
        case 500: "Finansutgifter og finanstransaksjoner"
        case 600: "Salgsinntekter"
        case 700: "Overføringsinntekter med krav til motytelse"
        case 800: "Overføringsinntekter uten krav til motytelse"
        case 900: "Finansinntekter og finanstransaksjoner"
        default: group.isExpense ? "Utgifter" : "Inntekter"
        }
    }
}
