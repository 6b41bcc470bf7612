import Foundation
import StyrDomain

extension YearFileService {
    /// Loads a year file in one unit of work: all of it, or nothing. Access: administer (on the
    /// organisation, or on its nearest existing parent when it is new; a wholly new tree needs an
    /// administrator of every existing top-level organisation, and on an empty database the command
    /// line's user). `code` imports the file under another organisation code.
    ///
    /// Refused (`ServiceError.invalid`, keyed by JSON path): what `YearFileRules.check` refuses; a
    /// parent that neither the database nor the file's `parents` holds; an organisation or parent
    /// stored as another kind or under another parent; a chapter number of another organisation;
    /// an organisation that already holds the year (see `holdsYear`) unless `replace`; a closed
    /// year; and a stored mission statement version which differs from the file's (a fixed version
    /// is never changed, not even by `replace`).
    ///
    /// With `replace`, the organisation's records of the year become the file's: stored records of
    /// the year that the file does not hold are deleted (see `YearFileImporter.deleteWhatTheFileDoesNotHold`),
    /// records with the same key are overwritten, the rest added; all audited, in the same unit of work.
    public func importFile(_ file: YearFile, as code: String?, replace: Bool, by user: UserAccount?) async throws -> ImportSummary {
        let file = try Self.prepared(file, as: code)
        guard let user else { throw ServiceError.unauthenticated }
        return try await storage.write(as: user.email) { repositories in
            try await Self.load(file, replace: replace, by: user, into: repositories.governance)
        }
    }

    /// The same import (the same rules, access check and writes) inside a unit of work the caller
    /// already holds, audited as that unit of work's actor. The demo loader builds the demo from the
    /// year files shipped with Styr through it, in the one transaction that loads the whole demo.
    public static func importFile(
        _ file: YearFile, as code: String?, replace: Bool, by user: UserAccount, within store: any GovernanceRepository
    ) async throws -> ImportSummary {
        try await load(try prepared(file, as: code), replace: replace, by: user, into: store)
    }

    /// The file under its new code, checked on its own.
    private static func prepared(_ file: YearFile, as code: String?) throws -> YearFile {
        let newCode = code?.trimmingCharacters(in: .whitespaces).nonEmptyCode
        let file = newCode.map { YearFileRules.renamed(file, to: $0) } ?? file
        try ServiceError.rule { try YearFileRules.check(file) }
        return file
    }

    private static func load(_ file: YearFile, replace: Bool, by user: UserAccount, into store: any GovernanceRepository) async throws -> ImportSummary {
        var importer = YearFileImporter(file: file, store: store, replace: replace)
        try await importer.checkAccess(user)
        // YearGuard, on the governance store alone: a closed year is not imported into.
        guard try await store.budgetYear(of: file.organisation.code, year: file.year).status.isOpen else {
            throw ServiceError.invalid(.single("year", BudgetYearRules.closedMessage(file.organisation.code, file.year)))
        }
        try await importer.checkAgainstDatabase()
        try await importer.deleteWhatTheFileDoesNotHold()
        try await importer.write()
        return ImportSummary(organisationCode: file.organisation.code, year: file.year, createdOrganisations: importer.created,
                             written: importer.written, skipped: importer.skipped, deleted: importer.deleted)
    }

    /// What "the organisation already holds the year" means: a budget amount, budget revision or
    /// investment project of one of its chapters in the year, an indicator value of the year, a goal
    /// area of the year, or an annual report text of the year.
    public static func holdsYear(_ code: String, _ year: Int, _ store: any GovernanceRepository) async throws -> Bool {
        for chapter in try await store.chapters(of: code) {
            if try await !store.budgetAmounts(chapter: chapter.number, years: year...year).isEmpty { return true }
            if try await !store.revisions(chapter: chapter.number, year: year).isEmpty { return true }
            if try await !store.investmentProjects(chapter: chapter.number, year: year).isEmpty { return true }
        }
        if try await store.indicators(of: code).contains(where: { $0.value(in: year) != nil }) { return true }
        if try await !store.goalAreas(of: code, year: year).isEmpty { return true }
        return try await !store.narratives(of: code, year: year).isEmpty
    }
}

private extension String {
    var nonEmptyCode: String? { isEmpty ? nil : self }
}

/// One import of a year file inside a write.
struct YearFileImporter {
    let file: YearFile
    let store: any GovernanceRepository
    let replace: Bool
    var existing: [String: Organisation] = [:]
    var created: [String] = []
    var written = 0
    var skipped = 0
    var deleted = 0

    init(file: YearFile, store: any GovernanceRepository, replace: Bool) {
        self.file = file
        self.store = store
        self.replace = replace
    }

    var code: String { file.organisation.code }

    mutating func checkAccess(_ user: UserAccount) async throws {
        let organisations = try await store.organisations()
        existing = Dictionary(organisations.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let tree = OrganisationTree(organisations)
        let anchor = ([code] + file.parents.reversed().map(\.code) + [file.organisation.parentCode].compactMap { $0 })
            .first { existing[$0] != nil }
        if let anchor {
            guard AccessPolicy.allows(user, .administer, on: anchor, in: tree) else { throw ServiceError.forbidden(organisationCode: anchor) }
            return
        }
        let roots = organisations.filter { $0.parentCode.map { existing[$0] == nil } ?? true }
        let administersAll = roots.isEmpty
            ? user.email == YearFileService.commandLineEmail
            : roots.allSatisfy { AccessPolicy.allows(user, .administer, on: $0.code, in: tree) }
        guard administersAll else { throw ServiceError.forbidden(organisationCode: file.parents.first?.code ?? code) }
    }

    func checkAgainstDatabase() async throws {
        var errors = InputErrors()
        if let parentCode = file.organisation.parentCode, existing[parentCode] == nil, !file.parents.contains(where: { $0.code == parentCode }) {
            errors.add("organisation.parentCode",
                       "Overordnet organisasjon «\(parentCode)» finnes ikke i databasen. Importer eller opprett den først, eller ta den med i «parents».")
        }
        if let root = file.parents.first, let parentCode = root.parentCode, existing[parentCode] == nil {
            errors.add("parents[0].parentCode", "Overordnet organisasjon «\(parentCode)» finnes ikke i databasen. Importer eller opprett den først.")
        }
        for (index, parent) in file.parents.enumerated() {
            if let stored = existing[parent.code], stored.kind != parent.kind {
                errors.add("parents[\(index)].kind", "«\(parent.code)» er lagret som «\(stored.kind.norwegianName.lowercased())», ikke «\(parent.kind.norwegianName.lowercased())».")
            }
        }
        if let stored = existing[code] {
            if stored.kind != file.organisation.kind {
                errors.add("organisation.kind", "«\(code)» er lagret som «\(stored.kind.norwegianName.lowercased())», ikke «\(file.organisation.kind.norwegianName.lowercased())».")
            }
            if stored.parentCode != file.organisation.parentCode {
                errors.add("organisation.parentCode", "«\(code)» ligger under «\(stored.parentCode ?? "")» i databasen, ikke under «\(file.organisation.parentCode ?? "")».")
            }
        }
        var owners: [Int: String] = [:]
        for organisation in existing.values {
            for chapter in try await store.chapters(of: organisation.code) { owners[chapter.number] = organisation.code }
        }
        for (index, chapter) in file.chapters.enumerated() {
            if let owner = owners[chapter.number], owner != code {
                errors.add("chapters[\(index)].number",
                           "Kapittel \(chapter.number) hører allerede til «\(owner)»; et kapittelnummer brukes av én organisasjon i databasen.")
            }
        }
        try errors.checkInvalid()
        if existing[code] != nil, !replace, try await YearFileService.holdsYear(code, file.year, store) {
            throw ServiceError.invalid(.single(
                "year", "«\(code)» har allerede data for \(file.year) (budsjett, regnskap, indikatorverdier, målområder eller tekster). Importen må be om å bytte dem ut; ingenting er endret."))
        }
    }

    mutating func write() async throws {
        for parent in file.parents where existing[parent.code] == nil {
            try await store.save(parent)
            created.append(parent.code)
        }
        if existing[code] == nil { created.append(code) }
        try await store.save(file.organisation)
        for chapter in file.chapters { try await store.save(chapter) }
        try await store.save(file.budgetAmounts)
        written += file.chapters.count + file.budgetAmounts.count
        try await writePreviousYearActuals()
        try await writeRevisions()
        for project in file.investmentProjects { try await store.save(project) }
        let staffing = try await store.staffing(of: code)
        for figure in file.staffing {
            if staffing.contains(figure) { skipped += 1; continue }
            try await store.add(figure, to: code)
            written += 1
        }
        for (position, area) in file.goalAreas.enumerated() { try await store.save(area, of: code, year: file.year, position: position) }
        try await writeIndicators()
        try await writeMissionStatements()
        for (position, narrative) in file.narratives.enumerated() { try await store.save(narrative, position: position) }
        written += file.investmentProjects.count + file.goalAreas.count + file.narratives.count
        try await writeDialogue()
        try await writeSpecialReporting()
    }

    private mutating func writePreviousYearActuals() async throws {
        var missing: [BudgetAmount] = []
        for chapter in Set(file.previousYearActuals.map(\.chapter)) {
            let stored = try await store.budgetAmounts(chapter: chapter, years: (file.year - 1)...(file.year - 1))
            for amount in file.previousYearActuals where amount.chapter == chapter {
                let taken = stored.contains { $0.kind == amount.kind && $0.group == amount.group && $0.measure == amount.measure }
                if taken { skipped += 1 } else { missing.append(amount) }
            }
        }
        if !missing.isEmpty { try await store.save(missing) }
        written += missing.count
    }

    private mutating func writeRevisions() async throws {
        for (index, revision) in file.budgetRevisions.enumerated() {
            let stored = try await store.revisions(chapter: revision.chapter, year: revision.year)
            if stored.contains(revision) { skipped += 1; continue }
            if stored.contains(where: { $0.reference == revision.reference && $0.kind == revision.kind }) {
                throw ServiceError.invalid(.single(
                    "budgetRevisions[\(index)]",
                    "Budsjettreguleringen «\(revision.reference)» er lagret med annet innhold; en vedtatt regulering endres ikke uten at året byttes ut (--replace)."))
            }
            try await store.save(revision)
            written += 1
        }
    }

    private mutating func writeIndicators() async throws {
        let stored = try await store.indicators(of: code)
        let offset = stored.filter { stored in !file.indicators.contains { $0.indicator.key == stored.indicator.key } }.count
        for (position, entry) in file.indicators.enumerated() {
            let before = stored.first { $0.indicator.key == entry.indicator.key }
            try await store.save(entry.indicator, of: code, position: before == nil ? offset + position : position)
            try await store.save(entry.value, ofIndicator: entry.indicator.key, of: code)
            written += 2
            for value in entry.history where before?.value(in: value.year) == nil {
                try await store.save(value, ofIndicator: entry.indicator.key, of: code)
                written += 1
            }
        }
    }

    private mutating func writeMissionStatements() async throws {
        let stored = try await store.missionStatements(of: code)
        for (index, statement) in file.missionStatements.enumerated() {
            if let version = stored.first(where: { $0.version == statement.version }) {
                guard version == statement else {
                    throw ServiceError.invalid(.single(
                        "missionStatements[\(index)].version",
                        "Versjon \(statement.version) av samfunnsoppdraget er lagret med annet innhold; en fastsatt versjon endres ikke."))
                }
                skipped += 1
                continue
            }
            try await store.save(statement)
            written += 1
        }
    }

    private mutating func writeDialogue() async throws {
        let dialogue = file.dialogue
        let letters = try await store.letters(of: code)
        for (index, letter) in dialogue.letters.enumerated() {
            if let before = letters.first(where: { $0.year == letter.year && $0.number == letter.number }), before.status != .draft {
                guard before == letter else {
                    throw ServiceError.invalid(.single(
                        "dialogue.letters[\(index)]", "\(before.kindName) for \(letter.year) er utstedt med annet innhold og kan ikke endres."))
                }
                skipped += 1
                continue
            }
            try await store.save(letter)
            written += 1
        }
        let updates = try await store.assignmentUpdates(of: code)
        for update in dialogue.assignmentUpdates {
            if updates.contains(update) { skipped += 1; continue }
            try await store.add(update)
            written += 1
        }
        // Meetings: the same title on the same date is the same meeting (updated); others are new.
        let meetings = try await store.meetings(of: code)
        var ids: [Int64: Int64] = [:]
        for meeting in dialogue.meetings {
            var stored = meeting
            stored.id = meetings.first { $0.date == meeting.date && $0.title == meeting.title }?.id
            let id = try await store.save(stored)
            if let fileID = meeting.id { ids[fileID] = id }
            written += 1
        }
        let signals = try await store.signals(of: code)
        for signal in dialogue.signals {
            var stored = signal
            stored.meetingID = signal.meetingID.flatMap { ids[$0] }
            if case .minutesItem(let id, let item) = signal.confirmation, let mapped = ids[id] {
                stored.confirmation = .minutesItem(meetingID: mapped, itemNumber: item)
            }
            stored.id = signals.first { $0.givenOn == signal.givenOn && $0.text == signal.text }?.id
            try await store.save(stored)
            written += 1
        }
        let notices = try await store.notices(of: code)
        for notice in dialogue.notices {
            var stored = notice
            stored.id = notices.first { $0.createdAt == notice.createdAt && $0.title == notice.title }?.id
            try await store.save(stored)
            written += 1
        }
    }
}

extension InputErrors {
    /// Throws the errors as `ServiceError.invalid` when there are any.
    fileprivate func checkInvalid() throws { if !isEmpty { throw ServiceError.invalid(self) } }
}

extension YearFileService {
    /// The command line's user (`OrganisationService.commandLineUser`): the one who may create the
    /// first organisations of an empty database.
    static let commandLineEmail = "system:cli"
}
