import StyrDomain

/// Allocation letters: the letter as in force on a date, the department's drafts, issue and
/// supplements, and the agency's status reports on assignments (`LetterRules`). Pages, API and
/// command line call these.
public struct LetterService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// The letters of one agency and year, as of a date.
    public struct Reading: Sendable {
        public var scope: OrganisationScope
        public var year: Int
        /// The date the letter is shown as of: the one asked for, or today within the letter's year.
        public var date: CalendarDate
        /// The letter and its supplements of the year.
        public var letters: [AllocationLetter]
        /// The status reports of the year, oldest first as stored.
        public var updates: [AssignmentStatusUpdate]
        /// The letter as in force on `date`; nil when it was not issued by then.
        public var inForce: LetterInForce?
        /// Status reports count up to this date: the date asked for, or today.
        public var statusDate: CalendarDate
        /// The goal areas and indicators of the year (only when asked for).
        public var goalAreas: [GoalArea]
        public var indicators: [IndicatorWithValues]

        /// The letter itself (number 0), draft or issued.
        public var main: AllocationLetter? { letters.first { $0.number == 0 } }

        /// Each assignment's latest report up to `statusDate`.
        public var latestUpdates: [String: AssignmentStatusUpdate] { LetterRules.latestUpdates(updates, upTo: statusDate) }

        /// The reports up to `statusDate` of one assignment.
        public func updates(of key: String) -> [AssignmentStatusUpdate] {
            updates.filter { $0.assignmentKey == key && $0.date <= statusDate }
        }
    }

    /// The agency's letters of `year` as of `date` (nil: today, within the year).
    public func read(
        in code: String, year: Int, on date: CalendarDate?, by user: UserAccount?, withGoals: Bool = false, today: CalendarDate = .today()
    ) async throws -> Reading {
        let year = try AccessCheck.year(year)
        return try await storage.read { repositories in
            let scope = try await AccessCheck.agencyScope(.read, on: code, by: user, repositories)
            let store = repositories.governance
            let letters = try await store.letters(of: code).filter { $0.year == year }
            let shownOn = date ?? LetterRules.dateInYear(today, year: year)
            return Reading(
                scope: scope, year: year, date: shownOn, letters: letters,
                updates: try await store.assignmentUpdates(of: code).filter { $0.year == year },
                inForce: LetterRules.inForce(letters, on: shownOn), statusDate: date ?? today,
                goalAreas: withGoals ? try await store.goalAreas(of: code, year: year) : [],
                indicators: withGoals ? try await store.indicators(of: code) : [])
        }
    }

    /// As `read`, when the letter was in force on the date; else not found.
    public func inForce(in code: String, year: Int, on date: CalendarDate?, by user: UserAccount?, today: CalendarDate = .today()) async throws -> Reading {
        let reading = try await read(in: code, year: year, on: date, by: user, today: today)
        guard reading.inForce != nil else { throw Self.noLetter(reading.scope, year: year, on: reading.date) }
        return reading
    }

    // MARK: The department's drafts

    /// Starts the letter of `year`: empty, or from last year's letter as in force at its end.
    public func createDraft(in code: String, year: Int, fromPrevious: Bool, by user: UserAccount?) async throws -> AllocationLetter {
        let year = try AccessCheck.year(year)
        return try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.agencyScope(.steer, on: code, by: user, repositories)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            let store = repositories.governance
            let (letters, updates) = (try await store.letters(of: code), try await store.assignmentUpdates(of: code))
            let draft = try ServiceError.rule {
                try LetterRules.newDraft(
                    organisationCode: code, year: year, issuedByCode: scope.steeringDepartmentCode, fromPrevious: fromPrevious,
                    letters: letters, previousUpdates: updates)
            }
            try await store.save(draft)
            return draft
        }
    }

    /// The draft of `year`, to edit or issue; not found when there is none or it is issued.
    public func draft(in code: String, year: Int, by user: UserAccount?) async throws -> (scope: OrganisationScope, draft: AllocationLetter) {
        let year = try AccessCheck.year(year)
        return try await storage.read { repositories in
            let scope = try await AccessCheck.agencyScope(.steer, on: code, by: user, repositories)
            return (scope, try await Self.draft(of: scope, year: year, repositories.governance))
        }
    }

    /// Saves the draft with the title, introduction and lists as typed (`LetterText`). `version`:
    /// the draft's version the form was loaded at (`RecordVersions.letterDraft`); a newer one is a `WriteConflict`.
    public func saveDraft(
        in code: String, year: Int, title: String, introduction: String, lists: [LetterText.List: String], version: Int? = nil, by user: UserAccount?
    ) async throws -> AllocationLetter {
        let year = try AccessCheck.year(year)
        return try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.agencyScope(.steer, on: code, by: user, repositories)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            let draft = try await Self.draft(of: scope, year: year, repositories.governance)
            try await RecordVersions.advance(RecordVersions.letterDraft(code, year: year), from: version, repositories)
            let edited = try ServiceError.rule { try LetterRules.editDraft(draft, title: title, introduction: introduction, lists: lists) }
            try await repositories.governance.save(edited)
            return edited
        }
    }

    /// Issues the draft on `date` (nil: a date that could not be read).
    public func issue(in code: String, year: Int, on date: CalendarDate?, by user: UserAccount?) async throws -> AllocationLetter {
        let year = try AccessCheck.year(year)
        return try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.agencyScope(.steer, on: code, by: user, repositories)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            let draft = try await Self.draft(of: scope, year: year, repositories.governance)
            try await RecordVersions.advance(RecordVersions.letterDraft(code, year: year), from: nil, repositories)
            let issued = try ServiceError.rule { try LetterRules.issue(draft, on: date) }
            try await repositories.governance.save(issued)
            return issued
        }
    }

    // MARK: Supplements

    /// The letter a supplement amends: as in force today within its year.
    public func current(in code: String, year: Int, by user: UserAccount?, today: CalendarDate = .today()) async throws -> (scope: OrganisationScope, letter: LetterInForce) {
        let year = try AccessCheck.year(year)
        return try await storage.read { repositories in
            let scope = try await AccessCheck.agencyScope(.steer, on: code, by: user, repositories)
            let letters = try await repositories.governance.letters(of: code)
            return (scope, try Self.current(letters, scope: scope, year: year, today: today))
        }
    }

    /// Issues a supplement to the letter in force, with the changes as typed (`LetterText`).
    public func issueSupplement(
        in code: String, year: Int, title: String, issuedOn: CalendarDate?, introduction: String, lists: [LetterText.List: String],
        by user: UserAccount?, today: CalendarDate = .today()
    ) async throws -> AllocationLetter {
        let year = try AccessCheck.year(year)
        return try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.agencyScope(.steer, on: code, by: user, repositories)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            let letters = try await repositories.governance.letters(of: code)
            let current = try Self.current(letters, scope: scope, year: year, today: today)
            let supplement = try ServiceError.rule {
                try LetterRules.supplement(
                    title: title, issuedOn: issuedOn, introduction: introduction, lists: lists, to: current, letters: letters,
                    issuedByCode: scope.steeringDepartmentCode)
            }
            try await repositories.governance.save(supplement)
            return supplement
        }
    }

    // MARK: Assignment status

    /// The agency's status report on an assignment of the letter as it stood on the report's date
    /// (within the letter's year); not found when the letter had no such assignment then.
    public func reportStatus(
        in code: String, year: Int, assignment key: String, date: CalendarDate?, status: AssignmentStatus?, comment: String,
        by user: UserAccount?, today: CalendarDate = .today()
    ) async throws -> (update: AssignmentStatusUpdate, assignment: Assignment) {
        let year = try AccessCheck.year(year)
        return try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.agencyScope(.inform, on: code, by: user, repositories)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            let update = try ServiceError.rule {
                try LetterRules.statusUpdate(
                    organisationCode: code, year: year, assignmentKey: key, date: date, status: status, comment: comment,
                    recordedBy: scope.user.email, today: today)
            }
            let on = LetterRules.dateInYear(update.date, year: year)
            let letters = try await repositories.governance.letters(of: code).filter { $0.year == year }
            guard let inForce = LetterRules.inForce(letters, on: on) else { throw Self.noLetter(scope, year: year, on: on) }
            guard let assignment = inForce.content.assignments.first(where: { $0.key == key }) else {
                throw ServiceError.notFound(
                    "Tildelingsbrevet for \(year) til \(scope.organisation.name) har ikke noe særskilt oppdrag «\(key)» per \(NorwegianFormat.date(on)).")
            }
            try await repositories.governance.add(update)
            return (update, assignment)
        }
    }

    // MARK: Helpers

    static func draft(of scope: OrganisationScope, year: Int, _ store: any GovernanceRepository) async throws -> AllocationLetter {
        guard let letter = try await store.letters(of: scope.code).first(where: { $0.year == year && $0.number == 0 }) else {
            throw ServiceError.notFound("Det finnes ikke noe tildelingsbrev for \(year) til \(scope.organisation.name) ennå.")
        }
        guard letter.status == .draft else {
            throw ServiceError.notFound("Tildelingsbrevet for \(year) er utstedt og endres ikke; lag et supplerende tildelingsbrev i stedet.")
        }
        return letter
    }

    static func current(_ letters: [AllocationLetter], scope: OrganisationScope, year: Int, today: CalendarDate) throws -> LetterInForce {
        guard let inForce = LetterRules.inForce(letters.filter { $0.year == year }, on: LetterRules.dateInYear(today, year: year)) else {
            throw ServiceError.notFound(
                "Et supplerende tildelingsbrev endrer et utstedt tildelingsbrev; for \(year) er det ikke utstedt noe til \(scope.organisation.name) ennå.")
        }
        return inForce
    }

    static func noLetter(_ scope: OrganisationScope, year: Int, on date: CalendarDate) -> ServiceError {
        .notFound("\(scope.organisation.name) hadde ikke noe utstedt tildelingsbrev for \(year) per \(NorwegianFormat.date(date)).")
    }
}
