import Foundation
import StyrDomain

extension BudgetYearService {
    /// What "start next year" created.
    public struct Started: Sendable, Hashable {
        public var organisationCode: String
        /// The new year, now planned.
        public var year: Int
        public var goalAreas: Int
        /// Indicators that now appear in the new year, each without a target or result.
        public var indicators: Int
        /// The draft allocation letter of the new year, when the year before had a letter.
        public var letter: AllocationLetter?
        public var budgetYear: BudgetYear
    }

    /// Starts year `year + 1` from `year`: copies its structure and marks the new year planned, in
    /// one unit of work. Copied: the goal areas with their goals (without their annual report
    /// texts); the indicators of the year, each with an empty value for the new year (no target,
    /// no result), so they appear there for the department to set targets; and, for an agency, a
    /// DRAFT allocation letter from the year's letter (the letter as in force at the year's end
    /// when it was issued, else the draft), without budget frames, with open assignments and
    /// deadlines, meetings and reporting dates moved a year on. Never copied: figures (amounts,
    /// frames, targets, results). Chapters and post groupings belong to the organisation, not a
    /// year, and are already there.
    ///
    /// Access: an administrator, or the department that steers the agency (`.steer`).
    /// Refused (`ServiceError.invalid`, field `year`) when the new year already holds structure
    /// (goal areas, indicator values or an allocation letter), when `year` holds none to copy, or
    /// when the new year is closed.
    public func startNextYear(from year: Int, in code: String, by user: UserAccount?, now: Date = Date()) async throws -> Started {
        let year = try AccessCheck.year(year)
        let next = try AccessCheck.year(year + 1)
        return try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.scope(.steer, on: code, by: user, repositories)
            let store = repositories.governance
            try await YearGuard.requireOpen(organisationCode: code, year: next, repositories)
            let structure = try await Self.yearsWithStructure(code, store, among: [year, next])
            guard !structure.contains(next) else {
                throw ServiceError.invalid(.single("year",
                    "Budsjettåret \(next) er allerede startet for \(code): det har målområder, indikatorer eller tildelingsbrev. Fyll det ut der i stedet for å starte det på nytt."))
            }
            guard structure.contains(year) else {
                throw ServiceError.invalid(.single("year",
                    "Budsjettåret \(year) har ingen målområder, indikatorer eller tildelingsbrev for \(code) å starte \(next) fra."))
            }
            let goalAreas = try await store.goalAreas(of: code, year: year)
            for (position, area) in goalAreas.enumerated() {
                try await store.save(GoalArea(name: area.name, goals: area.goals), of: code, year: next, position: position)
            }
            let indicators = try await store.indicators(of: code).filter { $0.value(in: year) != nil }
            for entry in indicators {
                try await store.save(IndicatorValue(year: next), ofIndicator: entry.indicator.key, of: code)
            }
            let letter = scope.isAgency ? try await Self.draftLetter(for: next, scope, store) : nil
            if let letter { try await store.save(letter) }
            let current = try await store.budgetYear(of: code, year: next)
            let planned = try ServiceError.rule { try BudgetYearRules.set(current, to: .planned, by: scope.user.email, at: Self.second(now)) }
            try await store.save(planned)
            return Started(organisationCode: code, year: next, goalAreas: goalAreas.count, indicators: indicators.count, letter: letter,
                           budgetYear: planned)
        }
    }

    /// The draft letter of `year` from the letter of the year before, without figures; nil when
    /// the year before has no letter.
    static func draftLetter(for year: Int, _ scope: OrganisationScope, _ store: any GovernanceRepository) async throws -> AllocationLetter? {
        let letters = try await store.letters(of: scope.code)
        var draft: AllocationLetter
        if LetterRules.inForce(letters.filter { $0.year == year - 1 }, on: CalendarDate(year: year - 1, month: 12, day: 31)) != nil {
            let updates = try await store.assignmentUpdates(of: scope.code)
            draft = try ServiceError.rule {
                try LetterRules.newDraft(organisationCode: scope.code, year: year, issuedByCode: scope.steeringDepartmentCode, fromPrevious: true,
                                         letters: letters, previousUpdates: updates)
            }
        } else if let previous = letters.first(where: { $0.year == year - 1 && $0.number == 0 }) {
            // Only a draft the year before: its text, as a draft of this year.
            draft = AllocationLetter(
                organisationCode: scope.code, year: year, number: 0,
                title: previous.title.replacingOccurrences(of: String(year - 1), with: String(year)), issuedByCode: scope.steeringDepartmentCode,
                introduction: previous.introduction, content: previous.content)
            draft.content.assignments = previous.content.assignments.map {
                var next = $0
                next.deadline = $0.deadline.addingYears(1)
                return next
            }
            draft.content.meetingPlan = previous.content.meetingPlan.map {
                PlannedMeeting(date: $0.date.addingYears(1), kind: $0.kind, title: $0.title)
            }
            draft.content.reportingRequirements = previous.content.reportingRequirements.map {
                ReportingRequirement(report: $0.report, period: $0.period, due: $0.due.addingYears(1))
            }
        } else {
            return nil
        }
        draft.content.frames = []
        return draft
    }
}
