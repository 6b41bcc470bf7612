/// The rules of a year file on its own, before it meets a database: a known schema version, a
/// year Styr keeps, and records that all belong to the file's organisation, chapters and year.
/// Errors are keyed by JSON path.
public enum YearFileRules {
    public static func checkVersion(_ version: Int) throws {
        guard version == YearFile.currentSchemaVersion else {
            throw InputErrors.single(
                "schemaVersion",
                "Ukjent skjemaversjon \(version); denne versjonen av Styr leser versjon \(YearFile.currentSchemaVersion). Eksporter fila på nytt med samme versjon av Styr som skal lese den.")
        }
    }

    /// Every rule that needs only the file. Throws `InputErrors` keyed by JSON path.
    public static func check(_ file: YearFile) throws {
        try checkVersion(file.schemaVersion)
        var errors = InputErrors()
        let year = file.year
        if !BudgetYears.contains(year) { errors.add("year", BudgetYears.outOfRangeMessage(year)) }
        let code = file.organisation.code
        if code.trimmingCharacters(in: .whitespaces).isEmpty { errors.add("organisation.code", "Mangler en organisasjonskode.") }
        if file.organisation.kind != .agency && file.organisation.kind != .section {
            errors.add("organisation.kind", "En årsfil gjelder en etat eller en seksjon, ikke «\(file.organisation.kind.norwegianName.lowercased())».")
        }
        // The parent chain: each the parent of the next, the last the organisation's parent.
        var expectedParent: String? = nil
        for (index, parent) in file.parents.enumerated() {
            if index > 0, parent.parentCode != expectedParent {
                errors.add("parents[\(index)].parentCode", "Skal være «\(expectedParent ?? "")», organisasjonen foran i lista.")
            }
            expectedParent = parent.code
        }
        if !file.parents.isEmpty, file.organisation.parentCode != expectedParent {
            errors.add("organisation.parentCode", "Skal være «\(expectedParent ?? "")», den siste i «parents».")
        }
        let chapters = Set(file.chapters.map(\.number))
        var seen = Set<Int>()
        for (index, chapter) in file.chapters.enumerated() {
            if chapter.organisationCode != code { errors.add("chapters[\(index)].organisationCode", belongs(code)) }
            if !seen.insert(chapter.number).inserted { errors.add("chapters[\(index)].number", "Kapittel \(chapter.number) står to ganger.") }
        }
        func chapterAndYear(_ path: String, chapter: Int, year recordYear: Int, expected: Int = year) {
            if !chapters.contains(chapter) { errors.add("\(path).chapter", "Kapittel \(chapter) er ikke blant kapitlene i fila.") }
            if recordYear != expected { errors.add("\(path).year", "Skal være \(expected).") }
        }
        for (index, amount) in file.budgetAmounts.enumerated() {
            chapterAndYear("budgetAmounts[\(index)]", chapter: amount.chapter, year: amount.year)
        }
        for (index, amount) in file.previousYearActuals.enumerated() {
            chapterAndYear("previousYearActuals[\(index)]", chapter: amount.chapter, year: amount.year, expected: year - 1)
            if amount.measure != .actuals { errors.add("previousYearActuals[\(index)].measure", "Skal være «actuals» (regnskap).") }
        }
        for (index, revision) in file.budgetRevisions.enumerated() {
            chapterAndYear("budgetRevisions[\(index)]", chapter: revision.chapter, year: revision.year)
        }
        for (index, project) in file.investmentProjects.enumerated() {
            chapterAndYear("investmentProjects[\(index)]", chapter: project.chapter, year: project.year)
        }
        for (index, entry) in file.indicators.enumerated() where entry.value.year != year {
            errors.add("indicators[\(index)].value.year", "Skal være \(year).")
        }
        for (index, entry) in file.indicators.enumerated() {
            for (position, value) in entry.history.enumerated() where value.year >= year {
                errors.add("indicators[\(index)].history[\(position)].year", "Skal være før \(year).")
            }
        }
        for (index, statement) in file.missionStatements.enumerated() where statement.organisationCode != code {
            errors.add("missionStatements[\(index)].organisationCode", belongs(code))
        }
        for (index, narrative) in file.narratives.enumerated() {
            if narrative.organisationCode != code { errors.add("narratives[\(index)].organisationCode", belongs(code)) }
            if narrative.year != year { errors.add("narratives[\(index)].year", "Skal være \(year).") }
        }
        let dialogue = file.dialogue
        for (index, letter) in dialogue.letters.enumerated() where letter.organisationCode != code {
            errors.add("dialogue.letters[\(index)].organisationCode", belongs(code))
        }
        for (index, update) in dialogue.assignmentUpdates.enumerated() where update.organisationCode != code {
            errors.add("dialogue.assignmentUpdates[\(index)].organisationCode", belongs(code))
        }
        var meetingIDs = Set<Int64>()
        for (index, meeting) in dialogue.meetings.enumerated() {
            if meeting.organisationCode != code { errors.add("dialogue.meetings[\(index)].organisationCode", belongs(code)) }
            if let id = meeting.id, !meetingIDs.insert(id).inserted {
                errors.add("dialogue.meetings[\(index)].id", "Møte-id \(id) står to ganger.")
            }
        }
        for (index, signal) in dialogue.signals.enumerated() {
            if signal.organisationCode != code { errors.add("dialogue.signals[\(index)].organisationCode", belongs(code)) }
            if let id = signal.meetingID, !meetingIDs.contains(id) {
                errors.add("dialogue.signals[\(index)].meetingID", "Møte \(id) er ikke blant møtene i fila.")
            }
            if case .minutesItem(let id, _) = signal.confirmation, !meetingIDs.contains(id) {
                errors.add("dialogue.signals[\(index)].confirmation", "Møte \(id) er ikke blant møtene i fila.")
            }
        }
        for (index, notice) in dialogue.notices.enumerated() where notice.organisationCode != code {
            errors.add("dialogue.notices[\(index)].organisationCode", belongs(code))
        }
        for entry in file.specialReporting?.problems(organisationCode: code, year: year).entries ?? [] { errors.add(entry.field, entry.message) }
        try errors.check()
    }

    private static func belongs(_ code: String) -> String { "Skal være «\(code)», organisasjonen fila gjelder." }

    /// The file for another organisation code: the organisation and every record that names it.
    /// Parents and the records' other organisations (the department that issued a letter) stay.
    public static func renamed(_ file: YearFile, to newCode: String) -> YearFile {
        let old = file.organisation.code
        guard newCode != old else { return file }
        func swap(_ code: String) -> String { code == old ? newCode : code }
        var file = file
        file.organisation.code = newCode
        for index in file.chapters.indices { file.chapters[index].organisationCode = swap(file.chapters[index].organisationCode) }
        for index in file.missionStatements.indices {
            file.missionStatements[index].organisationCode = swap(file.missionStatements[index].organisationCode)
            file.missionStatements[index].fixedByCode = swap(file.missionStatements[index].fixedByCode)
        }
        for index in file.narratives.indices { file.narratives[index].organisationCode = swap(file.narratives[index].organisationCode) }
        for index in file.dialogue.letters.indices {
            file.dialogue.letters[index].organisationCode = swap(file.dialogue.letters[index].organisationCode)
            file.dialogue.letters[index].issuedByCode = swap(file.dialogue.letters[index].issuedByCode)
        }
        for index in file.dialogue.assignmentUpdates.indices {
            file.dialogue.assignmentUpdates[index].organisationCode = swap(file.dialogue.assignmentUpdates[index].organisationCode)
        }
        for index in file.dialogue.meetings.indices {
            file.dialogue.meetings[index].organisationCode = swap(file.dialogue.meetings[index].organisationCode)
            file.dialogue.meetings[index].chairedByCode = swap(file.dialogue.meetings[index].chairedByCode)
        }
        for index in file.dialogue.signals.indices {
            file.dialogue.signals[index].organisationCode = swap(file.dialogue.signals[index].organisationCode)
        }
        for index in file.dialogue.notices.indices {
            file.dialogue.notices[index].organisationCode = swap(file.dialogue.notices[index].organisationCode)
        }
        file.specialReporting = file.specialReporting?.renamed(from: old, to: newCode)
        return file
    }
}
