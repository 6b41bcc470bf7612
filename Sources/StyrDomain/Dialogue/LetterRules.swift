import Foundation

/// The letter as in force on a date, with what each supplement changed.
public struct LetterInForce: Hashable, Sendable {
    public var letter: AllocationLetter
    public var date: CalendarDate
    public var content: LetterContent
    /// The supplements in force on the date, oldest first, each with its changes in words.
    public var supplements: [(letter: AllocationLetter, changes: [String])]
    /// Issued supplements that come into force after the date.
    public var laterSupplements: [AllocationLetter]

    public static func == (lhs: LetterInForce, rhs: LetterInForce) -> Bool {
        lhs.letter == rhs.letter && lhs.date == rhs.date && lhs.content == rhs.content
            && lhs.supplements.map(\.letter) == rhs.supplements.map(\.letter) && lhs.laterSupplements == rhs.laterSupplements
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(letter)
        hasher.combine(date)
    }
}

/// Rules of allocation letters: what is valid, what is in force, how a year starts from the last.
public enum LetterRules {
    /// The letter of the year with the supplements issued on or before `date` applied in order;
    /// nil when the letter itself was not yet issued on that date.
    public static func inForce(_ letters: [AllocationLetter], on date: CalendarDate) -> LetterInForce? {
        guard let letter = letters.first(where: { $0.number == 0 }), letter.isInForce(on: date) else { return nil }
        var content = letter.content
        var applied: [(letter: AllocationLetter, changes: [String])] = []
        let supplements = letters.filter { $0.isSupplement && $0.status == .issued }.sorted { $0.number < $1.number }
        for supplement in supplements where supplement.isInForce(on: date) {
            var changes: [String] = []
            for amendment in supplement.amendments {
                changes.append(describe(amendment, before: content))
                apply(amendment, to: &content)
            }
            applied.append((supplement, changes))
        }
        return LetterInForce(
            letter: letter, date: date, content: content, supplements: applied,
            laterSupplements: supplements.filter { !$0.isInForce(on: date) })
    }

    public static func apply(_ amendment: LetterAmendment, to content: inout LetterContent) {
        switch amendment {
        case .setFrame(let frame):
            if let index = content.frames.firstIndex(where: { $0.chapter == frame.chapter }) { content.frames[index] = frame }
            else { content.frames.append(frame) }
        case .setExpectation(let expectation):
            if let index = content.expectations.firstIndex(where: { $0.key == expectation.key }) { content.expectations[index] = expectation }
            else { content.expectations.append(expectation) }
        case .withdrawExpectation(let key):
            content.expectations.removeAll { $0.key == key }
        case .setAssignment(let assignment):
            if let index = content.assignments.firstIndex(where: { $0.key == assignment.key }) { content.assignments[index] = assignment }
            else { content.assignments.append(assignment) }
        case .withdrawAssignment(let key):
            content.assignments.removeAll { $0.key == key }
        case .addMeeting(let meeting):
            content.meetingPlan.append(meeting)
            content.meetingPlan.sort { $0.date < $1.date }
        case .addReportingRequirement(let requirement):
            content.reportingRequirements.append(requirement)
            content.reportingRequirements.sort { $0.due < $1.due }
        }
    }

    /// The change in words, against the content it is applied to.
    public static func describe(_ amendment: LetterAmendment, before content: LetterContent) -> String {
        switch amendment {
        case .setFrame(let frame):
            let amounts = "utgifter \(NorwegianFormat.kroner(frame.expenses)) kr, inntekter \(NorwegianFormat.kroner(frame.revenues)) kr, netto \(NorwegianFormat.kroner(frame.net)) kr"
            guard let old = content.frames.first(where: { $0.chapter == frame.chapter }) else {
                return "Ny budsjettramme for kap. \(frame.chapter): \(amounts)."
            }
            let change = frame.net - old.net
            let sign = change.ore >= 0 ? "+" : ""
            return "Budsjettrammen for kap. \(frame.chapter) endret til \(amounts) (netto \(sign)\(NorwegianFormat.kroner(change, zeroAsDash: false)) kr)."
        case .setExpectation(let expectation):
            return content.expectations.contains { $0.key == expectation.key }
                ? "Forventningen «\(expectation.key)» endret: \(expectation.text)" : "Ny forventning: \(expectation.text)"
        case .withdrawExpectation(let key):
            return "Forventningen «\(content.expectations.first { $0.key == key }?.text ?? key)» trukket tilbake."
        case .setAssignment(let assignment):
            if let old = content.assignments.first(where: { $0.key == assignment.key }) {
                let deadline = old.deadline == assignment.deadline ? "" : " Frist flyttet fra \(NorwegianFormat.date(old.deadline)) til \(NorwegianFormat.date(assignment.deadline))."
                return "Oppdraget «\(assignment.title)» endret.\(deadline)"
            }
            return "Nytt særskilt oppdrag: «\(assignment.title)», frist \(NorwegianFormat.date(assignment.deadline))."
        case .withdrawAssignment(let key):
            return "Oppdraget «\(content.assignments.first { $0.key == key }?.title ?? key)» trukket tilbake."
        case .addMeeting(let meeting):
            return "Nytt møte i møteplanen: \(meeting.title) (\(meeting.kind.norwegianName.lowercased())) \(NorwegianFormat.date(meeting.date))."
        case .addReportingRequirement(let requirement):
            return "Nytt rapporteringskrav: \(requirement.report) for \(requirement.period), frist \(NorwegianFormat.date(requirement.due))."
        }
    }

    /// Checks a letter or supplement before it is saved. Errors are keyed by the letter's fields
    /// (`title`, `year`, `issuedOn`, `frames`, `assignments`, `meetingPlan`, `reportingRequirements`, `amendments`).
    public static func validate(_ letter: AllocationLetter) -> InputErrors {
        var errors = InputErrors()
        if letter.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors.add("title", "Skriv en tittel.") }
        if !BudgetYears.contains(letter.year) { errors.add("year", BudgetYears.outOfRangeMessage(letter.year)) }
        if let issuedOn = letter.issuedOn, letter.number == 0, issuedOn.year > letter.year {
            errors.add("issuedOn", "Tildelingsbrevet for \(letter.year) kan ikke utstedes etter at året er omme (\(NorwegianFormat.date(issuedOn))).")
        }
        var content = letter.content
        for amendment in letter.amendments { apply(amendment, to: &content) }
        check(content, year: letter.year, into: &errors)
        if letter.isSupplement && letter.amendments.isEmpty { errors.add("amendments", "Et supplerende tildelingsbrev må endre noe.") }
        return errors
    }

    static func check(_ content: LetterContent, year: Int, into errors: inout InputErrors) {
        for frame in content.frames {
            if frame.expenses.ore < 0 { errors.add("frames", "Kap. \(frame.chapter): utgiftene kan ikke være negative.") }
            if frame.revenues.ore > 0 { errors.add("frames", "Kap. \(frame.chapter): inntekter føres med minus (f.eks. -10 000 000).") }
        }
        if Set(content.frames.map(\.chapter)).count != content.frames.count { errors.add("frames", "Hvert kapittel kan bare ha én ramme.") }
        for assignment in content.assignments {
            if assignment.title.trimmingCharacters(in: .whitespaces).isEmpty { errors.add("assignments", "Hvert oppdrag må ha en tittel.") }
            if assignment.deadline.year != year {
                errors.add("assignments", "Fristen for «\(assignment.title)» (\(NorwegianFormat.date(assignment.deadline))) er utenfor brevets år \(year).")
            }
        }
        if Set(content.assignments.map(\.key)).count != content.assignments.count { errors.add("assignments", "To oppdrag har samme nøkkel.") }
        for meeting in content.meetingPlan where meeting.date.year != year {
            errors.add("meetingPlan", "Møtet «\(meeting.title)» (\(NorwegianFormat.date(meeting.date))) er utenfor brevets år \(year).")
        }
        for requirement in content.reportingRequirements where !(year...(year + 1)).contains(requirement.due.year) {
            errors.add("reportingRequirements", "Fristen for «\(requirement.report)» (\(NorwegianFormat.date(requirement.due))) må ligge i \(year) eller \(year + 1).")
        }
    }

    /// A draft for the next year from the letter in force at the end of this one: frames,
    /// expectations and the meeting and reporting plans carried a year on; assignments that are
    /// still open carried over with their deadline a year on; done and cancelled ones left out.
    public static func draftForNextYear(
        from previous: LetterInForce, statuses: [String: AssignmentStatus], issuedByCode: String
    ) -> AllocationLetter {
        let year = previous.letter.year + 1
        let content = previous.content
        return AllocationLetter(
            organisationCode: previous.letter.organisationCode, year: year, number: 0, title: "Tildelingsbrev \(year)",
            status: .draft, issuedByCode: issuedByCode, introduction: previous.letter.introduction,
            content: LetterContent(
                frames: content.frames, expectations: content.expectations,
                assignments: content.assignments.filter { !(statuses[$0.key]?.isClosed ?? false) }.map {
                    var next = $0
                    next.deadline = $0.deadline.addingYears(1)
                    return next
                },
                meetingPlan: content.meetingPlan.map {
                    PlannedMeeting(date: $0.date.addingYears(1), kind: $0.kind, title: $0.title.replacingYear(year - 1, with: year))
                },
                reportingRequirements: content.reportingRequirements.map {
                    ReportingRequirement(report: $0.report, period: $0.period.replacingYear(year - 1, with: year), due: $0.due.addingYears(1))
                }))
    }

    /// The latest status of each assignment from its dated updates.
    public static func currentStatuses(_ updates: [AssignmentStatusUpdate]) -> [String: AssignmentStatus] {
        var statuses: [String: AssignmentStatus] = [:]
        for update in updates.sorted(by: { $0.date < $1.date }) { statuses[update.assignmentKey] = update.status }
        return statuses
    }
}

extension String {
    /// "2. tertial 2020" and "per 31.08.2020" become "2. tertial 2021" and "per 31.08.2021".
    func replacingYear(_ old: Int, with new: Int) -> String {
        replacingOccurrences(of: "(?<![0-9])\(old)(?![0-9])", with: String(new), options: .regularExpression)
    }
}
