import Foundation

/// What a person typed for an investment project of a year.
public struct InvestmentProjectDraft: Hashable, Sendable {
    public var chapter: Int?
    public var number: String
    public var name: String
    public var groups: ObjectGroup?
    /// When the project was decided: a year (`2019`) or a date (`15.03.2019`).
    public var decided: String
    /// Completion as decided by the city council (kv/år), if any.
    public var councilCompletion: String
    /// Expected completion: a year, a quarter (`4. kv 2021`), a date, or words (`Løpende`).
    public var expectedCompletion: String
    public var originalBudget: AmountEntry
    /// Revised budget including carry-over from the year before.
    public var revisedBudget: AmountEntry
    /// Actuals, used only when the ledger holds no lines of the project (then the ledger decides).
    public var actuals: AmountEntry

    public init(chapter: Int?, number: String, name: String, groups: ObjectGroup?, decided: String = "", councilCompletion: String = "",
                expectedCompletion: String = "", originalBudget: AmountEntry, revisedBudget: AmountEntry, actuals: AmountEntry = .exact(.zero)) {
        self.chapter = chapter
        self.number = number
        self.name = name
        self.groups = groups
        self.decided = decided
        self.councilCompletion = councilCompletion
        self.expectedCompletion = expectedCompletion
        self.originalBudget = originalBudget
        self.revisedBudget = revisedBudget
        self.actuals = actuals
    }

    /// The draft of a stored project, for its edit form.
    public init(_ project: InvestmentProject) {
        self.init(chapter: project.chapter, number: project.number, name: project.name, groups: project.groups, decided: project.decided ?? "",
                  councilCompletion: project.councilCompletion ?? "", expectedCompletion: project.expectedCompletion ?? "",
                  originalBudget: .exact(project.originalBudget), revisedBudget: .exact(project.revisedBudget), actuals: .exact(project.actuals))
    }
}

/// Investment projects: a number (up to 20 letters or digits) unique in the chapter and year, a
/// name, an artsgruppe range, a chapter of the agency that covers investering; the decision as a
/// year or a date; an expected completion that does not precede the decision (refused naming
/// `expectedCompletion`); amounts in kroner.
public enum InvestmentProjectRules {
    public static func validate(
        _ draft: InvestmentProjectDraft, year: Int, chapters: [Chapter], existingNumbers: Set<String>
    ) throws -> InvestmentProject {
        var errors = InputErrors()
        let chapter = draft.chapter.flatMap { number in chapters.first { $0.number == number } }
        if draft.chapter == nil {
            errors.add("chapter", "Velg kapitlet prosjektet hører til.")
        } else if let chapter {
            if !chapter.kind.covers(.investment) { errors.add("chapter", "Kapittel \(chapter.number) har ikke investering.") }
        } else {
            errors.add("chapter", "Kapittel \(draft.chapter!) hører ikke til etaten.")
        }
        let number = draft.number.trimmingCharacters(in: .whitespacesAndNewlines)
        if number.isEmpty || number.count > 20 || !number.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
            errors.add("number", "Skriv prosjektnummeret med høyst 20 bokstaver og sifre, f.eks. 120037.")
        } else if existingNumbers.contains(number) {
            errors.add("number", "Prosjektnummer \(number) er allerede brukt i \(year).")
        }
        let name = draft.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { errors.add("name", "Skriv navnet på prosjektet.") }
        if name.count > 200 { errors.add("name", "Navnet kan ha høyst 200 tegn.") }
        if draft.groups == nil { errors.add("groups", "Skriv artsgruppene prosjektet dekker, f.eks. 000-599.") }
        let decided = draft.decided.trimmingCharacters(in: .whitespacesAndNewlines)
        let decidedBounds = CompletionTime.bounds(decided)
        if !decided.isEmpty, decidedBounds == nil {
            errors.add("decided", "Skriv når prosjektet ble vedtatt som år (2019) eller dato (15.03.2019).")
        }
        let expected = draft.expectedCompletion.trimmingCharacters(in: .whitespacesAndNewlines)
        if let decidedBounds, let expectedBounds = CompletionTime.bounds(expected), expectedBounds.latest < decidedBounds.earliest {
            errors.add("expectedCompletion", "Forventet ferdigstillelse («\(expected)») kan ikke være før prosjektet ble vedtatt («\(decided)»).")
        }
        if expected.count > 100 { errors.add("expectedCompletion", "Forventet ferdigstillelse kan ha høyst 100 tegn.") }
        let council = draft.councilCompletion.trimmingCharacters(in: .whitespacesAndNewlines)
        if council.count > 100 { errors.add("councilCompletion", "Ferdigstillelse etter vedtak kan ha høyst 100 tegn.") }
        func money(_ entry: AmountEntry, _ field: String, _ label: String) -> Money {
            guard let value = entry.money, abs(value.ore) <= OriginalBudgetRules.limit else {
                errors.add(field, "«\(entry.text)» er ikke et beløp i kroner (\(label)). Skriv f.eks. 1 234 567.")
                return .zero
            }
            return value
        }
        let original = money(draft.originalBudget, "originalBudget", "opprinnelig budsjett")
        let revised = money(draft.revisedBudget, "revisedBudget", "regulert budsjett")
        let actuals = money(draft.actuals, "actuals", "regnskap")
        try errors.check()
        return InvestmentProject(
            chapter: chapter!.number, year: year, number: number, name: name, groups: draft.groups!,
            councilCompletion: council.isEmpty ? nil : council, expectedCompletion: expected.isEmpty ? nil : expected,
            originalBudget: original, revisedBudget: revised, actuals: actuals, decided: decided.isEmpty ? nil : decided)
    }

    /// The fields only the department decides (a project's decision), as opposed to its progress
    /// (expected completion, revised budget with carry-over, actuals) which the agency reports.
    public static func decisionChanged(from stored: InvestmentProject, to edited: InvestmentProject) -> Bool {
        stored.chapter != edited.chapter || stored.number != edited.number || stored.name != edited.name || stored.groups != edited.groups
            || stored.decided != edited.decided || stored.councilCompletion != edited.councilCompletion
            || stored.originalBudget != edited.originalBudget
    }
}

/// A time as written in a project table: a date (`15.03.2019`), a quarter (`4. kv 2021`,
/// `kv 4 2021`), or a text with a year (`Avsluttes 2020`); `Løpende` and other words have none.
public enum CompletionTime {
    public static func bounds(_ text: String) -> (earliest: CalendarDate, latest: CalendarDate)? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let date = CalendarDate(trimmed) { return (date, date) }
        let words = trimmed.lowercased().replacingOccurrences(of: ".", with: " ").split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard let year = words.compactMap({ $0.count == 4 ? Int($0) : nil }).first(where: BudgetYears.contains) else { return nil }
        if let kv = words.firstIndex(where: { $0.hasPrefix("kv") }) {
            let neighbours = [kv - 1, kv + 1].filter(words.indices.contains).compactMap { Int(words[$0]) }.filter { (1...4).contains($0) }
            if let quarter = neighbours.first {
                let lastMonth = quarter * 3
                let lastDay = [31, 30, 30, 31][quarter - 1]
                return (CalendarDate(year: year, month: lastMonth - 2, day: 1), CalendarDate(year: year, month: lastMonth, day: lastDay))
            }
        }
        return (CalendarDate(year: year, month: 1, day: 1), CalendarDate(year: year, month: 12, day: 31))
    }
}
