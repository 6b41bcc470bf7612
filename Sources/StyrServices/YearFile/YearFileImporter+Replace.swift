import Foundation
import StyrDomain

extension YearFileImporter {
    /// With `replace`, deletes the organisation's stored records of the file's year that the file
    /// does not hold, before the file is written, so that the year holds exactly the file's records:
    /// budget amounts of the year (Dok. 3 and regnskap), budget revisions and investment projects of
    /// the year, staffing figures dated in the year (and on 1 January of the next), goal areas of the
    /// year with their goals, indicator values of the year (the definitions and other years stay),
    /// annual report texts of the year, and the year's dialogue: letters, status reports, meetings
    /// held, signals given and notices written in the year (a meeting that a signal kept names stays).
    /// A stored budget revision or letter that differs from the file's is deleted too, and the
    /// file's written in its place. Kept: chapters, organisations, indicator definitions, mission
    /// statement versions, the year before's actuals, and every other year. Each delete is audited.
    mutating func deleteWhatTheFileDoesNotHold() async throws {
        guard replace, existing[code] != nil else { return }
        try await deleteBudget()
        try await deleteGoalsAndTexts()
        try await deleteDialogue()
    }

    private static func cell(_ amount: BudgetAmount) -> String {
        "\(amount.chapter)/\(amount.kind.rawValue)/\(amount.group.first)/\(amount.measure.rawValue)"
    }

    private mutating func deleteBudget() async throws {
        let year = file.year
        let cells = Set(file.budgetAmounts.map(Self.cell))
        for chapter in try await store.chapters(of: code) {
            for amount in try await store.budgetAmounts(chapter: chapter.number, years: year...year) where !cells.contains(Self.cell(amount)) {
                try await store.deleteBudgetAmount(amount)
                deleted += 1
            }
            for stored in try await store.storedRevisions(chapter: chapter.number, year: year)
            where !file.budgetRevisions.contains(stored.revision) {
                try await store.deleteRevision(id: stored.id)
                deleted += 1
            }
            let numbers = Set(file.investmentProjects.filter { $0.chapter == chapter.number }.map(\.number))
            for project in try await store.investmentProjects(chapter: chapter.number, year: year) where !numbers.contains(project.number) {
                try await store.deleteInvestmentProject(chapter: chapter.number, year: year, number: project.number)
                deleted += 1
            }
        }
        let dates = Set(file.staffing.map(\.asOf))
        let endOfYear = CalendarDate(year: year + 1, month: 1, day: 1)
        for figure in try await store.staffing(of: code)
        where (figure.asOf.year == year || figure.asOf == endOfYear) && !dates.contains(figure.asOf) {
            try await store.removeStaffing(at: figure.asOf, of: code)
            deleted += 1
        }
    }

    private mutating func deleteGoalsAndTexts() async throws {
        let year = file.year
        let areas = Set(file.goalAreas.map(\.name))
        for area in try await store.goalAreas(of: code, year: year) where !areas.contains(area.name) {
            try await store.deleteGoalArea(of: code, year: year, named: area.name)
            deleted += 1
        }
        let keys = Set(file.indicators.map(\.indicator.key))
        for entry in try await store.indicators(of: code) where entry.value(in: year) != nil && !keys.contains(entry.indicator.key) {
            try await store.deleteValue(ofIndicator: entry.indicator.key, of: code, year: year)
            deleted += 1
        }
        let texts = Set(file.narratives.map(\.key))
        for narrative in try await store.narratives(of: code, year: year) where !texts.contains(narrative.key) {
            try await store.deleteNarrative(of: code, year: year, key: narrative.key)
            deleted += 1
        }
    }

    private mutating func deleteDialogue() async throws {
        let year = file.year, dialogue = file.dialogue
        for letter in try await store.letters(of: code) where letter.year == year && !dialogue.letters.contains(letter) {
            try await store.deleteLetter(of: code, year: year, number: letter.number)
            deleted += 1
        }
        for update in try await store.assignmentUpdates(of: code) where update.year == year && !dialogue.assignmentUpdates.contains(update) {
            try await store.deleteAssignmentUpdate(update)
            deleted += 1
        }
        var kept: [SteeringSignal] = []
        for signal in try await store.signals(of: code) {
            guard let id = signal.id, signal.givenOn.year == year,
                  !dialogue.signals.contains(where: { $0.givenOn == signal.givenOn && $0.text == signal.text }) else {
                kept.append(signal)
                continue
            }
            try await store.deleteSignal(id: id, of: code)
            deleted += 1
        }
        var named = Set(kept.compactMap(\.meetingID))
        for signal in kept { if case .minutesItem(let id, _) = signal.confirmation { named.insert(id) } }
        for meeting in try await store.meetings(of: code) {
            guard let id = meeting.id, meeting.date.year == year, !named.contains(id),
                  !dialogue.meetings.contains(where: { $0.date == meeting.date && $0.title == meeting.title }) else { continue }
            try await store.deleteMeeting(id: id)
            deleted += 1
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Oslo")!
        for notice in try await store.notices(of: code) {
            guard let id = notice.id, calendar.component(.year, from: notice.createdAt) == year,
                  !dialogue.notices.contains(where: { $0.createdAt == notice.createdAt && $0.title == notice.title }) else { continue }
            try await store.deleteNotice(id: id)
            deleted += 1
        }
    }
}
