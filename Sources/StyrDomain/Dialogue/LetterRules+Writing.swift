/// How letters are written: the department's draft, its issue and supplements, and the agency's
/// status reports on assignments. Errors are keyed by domain fields (`title`, `issuedOn`,
/// `assignments`, `status`, `date`, `comment`, …); the pages and the API name them their own way.
extension LetterRules {
    /// The longest status comment.
    public static let maximumCommentLength = 4000

    /// `date` within the letter's year: 1 January for a date before it, 31 December after it.
    /// A letter is shown as of today within its year when no date is asked for, and a status
    /// report concerns the letter as it stood on the report's date within the year.
    public static func dateInYear(_ date: CalendarDate, year: Int) -> CalendarDate {
        max(CalendarDate(year: year, month: 1, day: 1), min(date, CalendarDate(year: year, month: 12, day: 31)))
    }

    /// Each assignment's latest status report dated on or before `date` (the last of a day wins).
    public static func latestUpdates(_ updates: [AssignmentStatusUpdate], upTo date: CalendarDate) -> [String: AssignmentStatusUpdate] {
        var latest: [String: AssignmentStatusUpdate] = [:]
        for update in updates.filter({ $0.date <= date }).sorted(by: { $0.date < $1.date }) { latest[update.assignmentKey] = update }
        return latest
    }

    /// A new draft letter for `year`: empty, or from last year's letter as in force at its end
    /// (`draftForNextYear`, with last year's title moved a year on). Refused (`year`) when the
    /// year has a letter, or when last year has no issued letter to start from.
    public static func newDraft(
        organisationCode: String, year: Int, issuedByCode: String, fromPrevious: Bool, letters: [AllocationLetter],
        previousUpdates: [AssignmentStatusUpdate]
    ) throws -> AllocationLetter {
        guard !letters.contains(where: { $0.year == year && $0.number == 0 }) else {
            throw InputErrors.single("year", "Det finnes allerede et tildelingsbrev for \(year).")
        }
        guard fromPrevious else {
            return AllocationLetter(organisationCode: organisationCode, year: year, number: 0, title: "Tildelingsbrev \(year)", issuedByCode: issuedByCode)
        }
        guard let previous = inForce(letters.filter { $0.year == year - 1 }, on: CalendarDate(year: year - 1, month: 12, day: 31)) else {
            throw InputErrors.single("year", "Det finnes ikke noe utstedt tildelingsbrev for \(year - 1) å starte fra; velg et tomt brev.")
        }
        let statuses = currentStatuses(previousUpdates.filter { $0.year == year - 1 })
        var draft = draftForNextYear(from: previous, statuses: statuses, issuedByCode: issuedByCode)
        draft.title = previous.letter.title.replacingOccurrences(of: String(year - 1), with: String(year))
        return draft
    }

    /// The draft with the title, introduction and lists as typed; the lists' errors first, then the letter's.
    public static func editDraft(
        _ draft: AllocationLetter, title: String, introduction: String, lists: [LetterText.List: String]
    ) throws -> AllocationLetter {
        var edited = draft
        edited.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        edited.introduction = introduction.trimmingCharacters(in: .whitespacesAndNewlines)
        edited.content = try LetterText.content(lists).get()
        try validate(edited).check()
        return edited
    }

    /// The draft issued on `date`; from then on it is never edited.
    public static func issue(_ draft: AllocationLetter, on date: CalendarDate?) throws -> AllocationLetter {
        guard let date else { throw InputErrors.single("issuedOn", "Skriv datoen brevet utstedes (DD.MM.ÅÅÅÅ).") }
        var issued = draft
        issued.status = .issued
        issued.issuedOn = date
        try validate(issued).check()
        return issued
    }

    /// A supplement to the letter in force, issued when it is written: numbered after the year's
    /// letters, not issued before the letter nor before the last supplement, and the letter as it
    /// will read with it must be valid (deadlines in the year, one frame per chapter…).
    public static func supplement(
        title: String, issuedOn: CalendarDate?, introduction: String, lists: [LetterText.List: String], to current: LetterInForce,
        letters: [AllocationLetter], issuedByCode: String
    ) throws -> AllocationLetter {
        let year = current.letter.year
        let ofYear = letters.filter { $0.year == year }
        var supplement = AllocationLetter(
            organisationCode: current.letter.organisationCode, year: year, number: (ofYear.map(\.number).max() ?? 0) + 1,
            title: title.trimmingCharacters(in: .whitespacesAndNewlines), status: .issued, issuedOn: issuedOn, issuedByCode: issuedByCode,
            introduction: introduction.trimmingCharacters(in: .whitespacesAndNewlines))
        var errors = InputErrors()
        switch LetterText.amendments(lists, withdrawable: current.content) {
        case .success(let amendments): supplement.amendments = amendments
        case .failure(let found): errors = found
        }
        if let issuedOn {
            if let mainIssued = current.letter.issuedOn, issuedOn < mainIssued {
                errors.add("issuedOn", "Et supplerende brev kan ikke utstedes før tildelingsbrevet (\(NorwegianFormat.date(mainIssued))).")
            }
            if let lastIssued = ofYear.filter(\.isSupplement).compactMap(\.issuedOn).max(), issuedOn < lastIssued {
                errors.add("issuedOn", "Et nytt supplerende brev kan ikke utstedes før det forrige (\(NorwegianFormat.date(lastIssued))).")
            }
        } else {
            errors.add("issuedOn", "Skriv datoen brevet utstedes (DD.MM.ÅÅÅÅ).")
        }
        if errors.isEmpty {
            var letter = current.letter
            letter.content = current.content
            letter.amendments = supplement.amendments
            for entry in validate(letter).entries { errors.add(entry.field, entry.message) }
            for entry in validate(supplement).entries { errors.add(entry.field, entry.message) }
        }
        try errors.check()
        return supplement
    }

    /// The agency's status report on an assignment: a status, a date not ahead of `today`, and a
    /// comment (at most `maximumCommentLength` characters). Whether the letter has the assignment
    /// on that date is the caller's to check (`dateInYear`).
    public static func statusUpdate(
        organisationCode: String, year: Int, assignmentKey: String, date: CalendarDate?, status: AssignmentStatus?, comment: String,
        recordedBy: String, today: CalendarDate
    ) throws -> AssignmentStatusUpdate {
        var errors = InputErrors()
        let comment = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        if status == nil { errors.add("status", "Velg en status.") }
        if let date {
            if date > today { errors.add("date", "Datoen (\(NorwegianFormat.date(date))) er frem i tid.") }
        } else {
            errors.add("date", "Skriv datoen for statusen (DD.MM.ÅÅÅÅ).")
        }
        if comment.isEmpty { errors.add("comment", "Skriv en kommentar om hvor arbeidet står.") }
        if comment.count > maximumCommentLength { errors.add("comment", "Kommentaren kan være på høyst \(maximumCommentLength) tegn.") }
        try errors.check()
        guard let date, let status else { throw errors }
        return AssignmentStatusUpdate(
            organisationCode: organisationCode, year: year, assignmentKey: assignmentKey, date: date, status: status, comment: comment,
            recordedBy: recordedBy)
    }
}
