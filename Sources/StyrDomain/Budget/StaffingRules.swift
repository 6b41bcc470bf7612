import Foundation

/// Staffing at a date as typed: headcount and årsverk (FTE) as text, a comment.
public struct StaffingDraft: Hashable, Sendable {
    public var asOf: CalendarDate?
    public var headcount: String
    public var fullTimeEquivalents: String
    public var comment: String

    public init(asOf: CalendarDate?, headcount: String, fullTimeEquivalents: String, comment: String = "") {
        self.asOf = asOf
        self.headcount = headcount
        self.fullTimeEquivalents = fullTimeEquivalents
        self.comment = comment
    }
}

/// A staffing figure: a date in a year Styr keeps, a whole headcount, årsverk with at most two
/// decimals, neither negative, and not more årsverk than ten per person.
public enum StaffingRules {
    public static func figure(_ draft: StaffingDraft) throws -> StaffingFigure {
        var errors = InputErrors()
        if let date = draft.asOf {
            if !BudgetYears.contains(date.year) { errors.add("asOf", BudgetYears.outOfRangeMessage(date.year)) }
        } else {
            errors.add("asOf", "Skriv datoen tallene gjelder som dd.mm.åååå.")
        }
        let headcountText = draft.headcount.filter { !$0.isWhitespace && $0 != "\u{00A0}" }
        let headcount = Int(headcountText)
        if headcount == nil || headcount! < 0 || headcount! > 10_000_000 {
            errors.add("headcount", "Antall ansatte må være et helt tall, 0 eller mer.")
        }
        let fte = Quantity(parsing: draft.fullTimeEquivalents)
        if let fte {
            if fte < .zero || fte.milli % 10 != 0 {
                errors.add("fullTimeEquivalents", "Årsverk må være 0 eller mer, med høyst to desimaler (f.eks. 343,16).")
            } else if let headcount, headcount >= 0, fte.milli > Int64(headcount) * 10_000 {
                errors.add("fullTimeEquivalents", "Årsverk kan ikke være mer enn ti ganger antall ansatte.")
            }
        } else {
            errors.add("fullTimeEquivalents", "Skriv årsverk som et tall, f.eks. 343,16.")
        }
        let comment = draft.comment.trimmingCharacters(in: .whitespacesAndNewlines)
        if comment.count > 1000 { errors.add("comment", "Kommentaren kan ha høyst 1000 tegn.") }
        try errors.check()
        return StaffingFigure(asOf: draft.asOf!, headcount: headcount!, fullTimeEquivalents: fte!, comment: comment.isEmpty ? nil : comment)
    }
}
