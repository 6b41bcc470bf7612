/// A budget revision (budsjettregulering) during the year: a decision with its reference and
/// reason, changing the budget of one chapter per artsgruppe.
public struct BudgetRevision: Hashable, Sendable, Codable {
    public var chapter: Int
    public var year: Int
    public var kind: AccountKind
    /// E.g. `byrådssak 208/20`.
    public var reference: String
    public var decidedOn: CalendarDate?
    public var reason: String
    public var lines: [RevisionLine]

    public init(
        chapter: Int, year: Int, kind: AccountKind, reference: String, decidedOn: CalendarDate?, reason: String,
        lines: [RevisionLine]
    ) {
        self.chapter = chapter
        self.year = year
        self.kind = kind
        self.reference = reference
        self.decidedOn = decidedOn
        self.reason = reason
        self.lines = lines
    }

    /// The net change of the chapter's net result (expenses + revenues).
    public var netChange: Money { lines.map(\.amount).sum() }
}

public struct RevisionLine: Hashable, Sendable, Codable {
    public var group: ObjectGroup
    /// Change in the KOSTRA sign convention: +1 000 on a revenue group lowers the revenue budget.
    public var amount: Money

    public init(group: ObjectGroup, amount: Money) {
        self.group = group
        self.amount = amount
    }
}

/// The revision identity: regulert budsjett = Dok. 3 + Σ budsjettreguleringer.
public enum RevisionRules {
    public static func revisedBudget(original: Money, revisions: [BudgetRevision], group: ObjectGroup) -> Money {
        original + revisions.flatMap(\.lines).filter { $0.group == group }.map(\.amount).sum()
    }

    /// The increase from Dok. 3 to the revised budget, and the part of it each revision gave.
    public static func summary(originalNet: Money, revisions: [BudgetRevision]) -> RevisionSummary {
        let total = revisions.map(\.netChange).sum()
        return RevisionSummary(
            originalNet: originalNet, revisedNet: originalNet + total, totalChange: total,
            contributions: revisions.map { ($0.reference, $0.netChange) }.map(RevisionSummary.Contribution.init)
        )
    }
}

public struct RevisionSummary: Hashable, Sendable {
    public struct Contribution: Hashable, Sendable {
        public var reference: String
        public var amount: Money
    }

    public var originalNet: Money
    public var revisedNet: Money
    public var totalChange: Money
    public var contributions: [Contribution]
}
