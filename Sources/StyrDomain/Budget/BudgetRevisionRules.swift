import Foundation

/// A stored revision with the id that edits and deletes name it.
public struct StoredRevision: Hashable, Sendable {
    public var id: Int64
    public var revision: BudgetRevision

    public init(id: Int64, revision: BudgetRevision) {
        self.id = id
        self.revision = revision
    }
}

/// One line of a revision as typed: an artsgruppe and the change.
public struct RevisionLineDraft: Hashable, Sendable {
    public var group: ObjectGroup?
    public var amount: AmountEntry

    public init(group: ObjectGroup?, amount: AmountEntry) {
        self.group = group
        self.amount = amount
    }
}

/// What a person typed for a budget revision (budsjettregulering).
public struct RevisionDraft: Hashable, Sendable {
    public var chapter: Int?
    public var kind: AccountKind?
    /// E.g. `byrådssak 208/20`.
    public var reference: String
    public var decidedOn: CalendarDate?
    public var reason: String
    public var lines: [RevisionLineDraft]

    public init(chapter: Int?, kind: AccountKind?, reference: String, decidedOn: CalendarDate?, reason: String, lines: [RevisionLineDraft]) {
        self.chapter = chapter
        self.kind = kind
        self.reference = reference
        self.decidedOn = decidedOn
        self.reason = reason
        self.lines = lines
    }

    /// The draft of a stored revision, for its edit form.
    public init(_ revision: BudgetRevision) {
        self.init(chapter: revision.chapter, kind: revision.kind, reference: revision.reference, decidedOn: revision.decidedOn,
                  reason: revision.reason, lines: revision.lines.map { RevisionLineDraft(group: $0.group, amount: .exact($0.amount)) })
    }
}

extension RevisionRules {
    /// A revision as typed, checked: a chapter of the agency that covers the kontoklasse; a
    /// reference; a date in the year; a reason; at least one line on a KOSTRA artsgruppe, each an
    /// amount in kroner. A line that makes the revised budget of its artsgruppe (Dok. 3 + every
    /// revision of the chapter, kontoklasse and year) overflow, or leave ±10^15 øre, is refused
    /// naming `lines[i].amount`.
    ///
    /// `original` holds the chapter's stored amounts; `others` the chapter's other revisions of the
    /// year (without the one being edited).
    public static func validate(
        _ draft: RevisionDraft, year: Int, chapters: [Chapter], original: [BudgetAmount], others: [BudgetRevision]
    ) throws -> BudgetRevision {
        var errors = InputErrors()
        let chapter = draft.chapter.flatMap { number in chapters.first { $0.number == number } }
        if draft.chapter == nil {
            errors.add("chapter", "Velg kapitlet reguleringen gjelder.")
        } else if chapter == nil {
            errors.add("chapter", "Kapittel \(draft.chapter!) hører ikke til etaten.")
        }
        if let kind = draft.kind {
            if let chapter, !chapter.kind.covers(kind) {
                errors.add("kind", "Kapittel \(chapter.number) gjelder \(chapter.kind.norwegianName.lowercased()), ikke \(kind.norwegianName.lowercased()).")
            }
        } else {
            errors.add("kind", "Velg drift eller investering.")
        }
        let reference = draft.reference.trimmingCharacters(in: .whitespacesAndNewlines)
        if reference.isEmpty { errors.add("reference", "Skriv referansen til vedtaket, f.eks. «byrådssak 208/20».") }
        if reference.count > 200 { errors.add("reference", "Referansen kan ha høyst 200 tegn.") }
        if let date = draft.decidedOn {
            if date.year != year { errors.add("decidedOn", "Vedtaksdatoen må ligge i \(year).") }
        } else {
            errors.add("decidedOn", "Skriv vedtaksdatoen som dd.mm.åååå.")
        }
        let reason = draft.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { errors.add("reason", "Skriv begrunnelsen for reguleringen.") }
        if draft.lines.isEmpty { errors.add("lines", "Reguleringen må ha minst én linje med artsgruppe og beløp.") }

        var lines: [RevisionLine] = []
        // Running revised totals per artsgruppe: Dok. 3 plus the other revisions, plus the lines so far.
        var totals: [ObjectGroup: Int64] = [:]
        if let chapter, let kind = draft.kind {
            for amount in original where amount.chapter == chapter.number && amount.year == year && amount.kind == kind && amount.measure == .originalBudget {
                totals[amount.group, default: 0] = amount.amount.ore
            }
            for line in others.filter({ $0.chapter == chapter.number && $0.kind == kind }).flatMap(\.lines) {
                let (sum, overflow) = totals[line.group, default: 0].addingReportingOverflow(line.amount.ore)
                totals[line.group] = overflow ? (sum < 0 ? .max : .min) : sum
            }
        }
        var seen = Set<ObjectGroup>()
        for (index, line) in draft.lines.enumerated() {
            guard let group = line.group, ObjectGroup.standard.contains(group) else {
                errors.add("lines[\(index)].group", "Velg en KOSTRA-artsgruppe for linje \(index + 1).")
                continue
            }
            let row = "\(group.code) \(ObjectGroupLabels.label(for: group))"
            guard seen.insert(group).inserted else {
                errors.add("lines[\(index)].group", "Artsgruppen \(row) står to ganger i reguleringen.")
                continue
            }
            guard let money = line.amount.money else {
                errors.add("lines[\(index)].amount", "«\(line.amount.text)» er ikke et beløp i kroner (\(row)). Skriv f.eks. -1 250 000.")
                continue
            }
            let (sum, overflow) = totals[group, default: 0].addingReportingOverflow(money.ore)
            guard !overflow, abs(sum) <= OriginalBudgetRules.limit else {
                errors.add("lines[\(index)].amount", "Regulert budsjett for \(row) blir for stort med denne linjen (høyst ±10 000 milliarder kroner). Sjekk beløpet.")
                continue
            }
            totals[group] = sum
            lines.append(RevisionLine(group: group, amount: money))
        }
        try errors.check()
        return BudgetRevision(chapter: chapter!.number, year: year, kind: draft.kind!, reference: reference, decidedOn: draft.decidedOn,
                              reason: reason, lines: lines.sorted { $0.group < $1.group })
    }
}
