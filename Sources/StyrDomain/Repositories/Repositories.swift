/// The narrow interfaces through which rules, reports and pages read and write governance data.
/// Storage implements them for SQLite and PostgreSQL with the same SQL.

public protocol OrganisationRepository: Sendable {
    func organisations() async throws -> [Organisation]
    /// The organisations with these codes, their ancestors and everything under them, in stored
    /// order: what an access check and a page about them need, without reading the whole tree.
    func organisationFamily(of codes: [String]) async throws -> [Organisation]
    func organisation(code: String) async throws -> Organisation?
    /// Inserts or updates by code. The parent must exist and be of a kind the child may sit under.
    func save(_ organisation: Organisation) async throws
    func staffing(of organisationCode: String) async throws -> [StaffingFigure]
    func add(_ figure: StaffingFigure, to organisationCode: String) async throws
    /// Removes the staffing figure of the date (audited); nothing when there is none.
    func removeStaffing(at date: CalendarDate, of organisationCode: String) async throws
}

public protocol MissionRepository: Sendable {
    /// Stores a new version; versions are never overwritten.
    func save(_ missionStatement: MissionStatement) async throws
    /// All versions, oldest first.
    func missionStatements(of organisationCode: String) async throws -> [MissionStatement]
    /// The draft of the next version, when one is being written (at most one per organisation).
    func missionDraft(of organisationCode: String) async throws -> MissionDraft?
    /// Stores the draft, replacing the organisation's earlier draft.
    func save(_ draft: MissionDraft) async throws
    func deleteMissionDraft(of organisationCode: String) async throws
}

public struct IndicatorWithValues: Hashable, Sendable {
    public var indicator: Indicator
    public var values: [IndicatorValue]

    public init(indicator: Indicator, values: [IndicatorValue]) {
        self.indicator = indicator
        self.values = values.sorted { $0.year < $1.year }
    }

    public func value(in year: Int) -> IndicatorValue? { values.first { $0.year == year } }
}

public protocol IndicatorRepository: Sendable {
    func save(_ goalArea: GoalArea, of organisationCode: String, year: Int, position: Int) async throws
    func goalAreas(of organisationCode: String, year: Int) async throws -> [GoalArea]
    /// Renames the year's goal area, keeping its goals and place; indicators linked to the old name follow.
    func renameGoalArea(of organisationCode: String, year: Int, from oldName: String, to newName: String) async throws
    func deleteGoalArea(of organisationCode: String, year: Int, named name: String) async throws
    func save(_ indicator: Indicator, of organisationCode: String, position: Int) async throws
    func save(_ value: IndicatorValue, ofIndicator key: String, of organisationCode: String) async throws
    /// Indicators in their position order, each with all its yearly values.
    func indicators(of organisationCode: String) async throws -> [IndicatorWithValues]
    /// The indicators of each organisation (codes that are not stored are left out), in few statements.
    func indicators(ofEach organisationCodes: [String]) async throws -> [String: [IndicatorWithValues]]
    /// Deletes the indicator's value (target, result, comments) of the year; audited.
    func deleteValue(ofIndicator key: String, of organisationCode: String, year: Int) async throws
}

public protocol BudgetRepository: Sendable {
    func save(_ chapter: Chapter) async throws
    func chapters(of organisationCode: String) async throws -> [Chapter]
    /// The chapter with the number, of any organisation (numbers are unique in a database).
    func chapter(number: Int) async throws -> Chapter?
    /// Stores input amounts, replacing an amount already stored for the same cell.
    func save(_ amounts: [BudgetAmount]) async throws
    func budgetAmounts(chapter: Int, years: ClosedRange<Int>) async throws -> [BudgetAmount]
    func save(_ revision: BudgetRevision) async throws
    func revisions(chapter: Int, year: Int) async throws -> [BudgetRevision]
    /// The revisions with their ids, in stored order.
    func storedRevisions(chapter: Int, year: Int) async throws -> [StoredRevision]
    /// Replaces a stored revision's fields and lines (audited as an update).
    func replaceRevision(id: Int64, with revision: BudgetRevision) async throws
    /// Deletes a stored revision and its lines (audited as a delete).
    func deleteRevision(id: Int64) async throws
    func save(_ project: InvestmentProject) async throws
    func investmentProjects(chapter: Int, year: Int) async throws -> [InvestmentProject]
    /// Deletes the amount of the cell (chapter, year, kind, artsgruppe, measure); audited.
    func deleteBudgetAmount(_ amount: BudgetAmount) async throws
    /// Deletes the year's investment project with the number; audited.
    func deleteInvestmentProject(chapter: Int, year: Int, number: String) async throws
}

/// Text written by the agency for a report, keyed by where it goes (e.g. `leders-beretning`).
/// Narratives hold no figures that could be computed: those are generated.
public struct Narrative: Hashable, Sendable, Codable {
    public var organisationCode: String
    public var year: Int
    public var key: String
    public var title: String
    public var body: String

    public init(organisationCode: String, year: Int, key: String, title: String, body: String) {
        self.organisationCode = organisationCode
        self.year = year
        self.key = key
        self.title = title
        self.body = body
    }
}

public protocol NarrativeRepository: Sendable {
    func save(_ narrative: Narrative, position: Int) async throws
    func narratives(of organisationCode: String, year: Int) async throws -> [Narrative]
    /// Deletes the year's text with the key; audited.
    func deleteNarrative(of organisationCode: String, year: Int, key: String) async throws
}

public typealias GovernanceRepository = OrganisationRepository & MissionRepository & IndicatorRepository
    & BudgetRepository & NarrativeRepository & DialogueRepository & AuthorityRepository & BudgetYearRepository & ServiceRepository & RiskRepository
    & InternalControlRepository
    & ReportRepository & IndicatorPeriodRepository & SpecialReportRepository
    & OIDCRepository & OIDCGroupMappingRepository & OIDCNationalIDRepository
    & RecordVersionRepository

/// Letters, meetings, signals and notices of the governance dialogue with one agency.
public protocol DialogueRepository: Sendable {
    /// Inserts a letter or supplement, or updates a draft. An issued letter is never changed.
    func save(_ letter: AllocationLetter) async throws
    func letters(of organisationCode: String) async throws -> [AllocationLetter]
    func add(_ update: AssignmentStatusUpdate) async throws
    func assignmentUpdates(of organisationCode: String) async throws -> [AssignmentStatusUpdate]
    /// Inserts (when `id` is nil) or updates a meeting; returns its id.
    @discardableResult func save(_ meeting: Meeting) async throws -> Int64
    func meetings(of organisationCode: String) async throws -> [Meeting]
    func meeting(id: Int64) async throws -> Meeting?
    @discardableResult func save(_ signal: SteeringSignal) async throws -> Int64
    func signals(of organisationCode: String) async throws -> [SteeringSignal]
    /// The oldest `limit` unconfirmed signals of the organisations together and each one's count of
    /// unconfirmed signals, without reading the others (the start page).
    func unconfirmedSignals(ofEach organisationCodes: [String], first limit: Int) async throws -> UnconfirmedSignals
    @discardableResult func save(_ notice: InformationNotice) async throws -> Int64
    func notices(of organisationCode: String) async throws -> [InformationNotice]
    /// The notices of each organisation (codes that are not stored are left out), in few statements.
    func notices(ofEach organisationCodes: [String]) async throws -> [String: [InformationNotice]]
    func notice(id: Int64) async throws -> InformationNotice?
    /// Deletes records of the dialogue (a year file replaced); each audited, nothing when not stored.
    func deleteLetter(of organisationCode: String, year: Int, number: Int) async throws
    func deleteAssignmentUpdate(_ update: AssignmentStatusUpdate) async throws
    func deleteMeeting(id: Int64) async throws
    func deleteSignal(id: Int64, of organisationCode: String) async throws
    func deleteNotice(id: Int64) async throws
}

extension DialogueRepository {
    /// Everything of the dialogue with one agency, for the calendar, the log and the pages.
    public func dialogue(of organisation: Organisation) async throws -> AgencyDialogue {
        let code = organisation.code
        return AgencyDialogue(
            organisationCode: code, organisationName: organisation.name, letters: try await letters(of: code),
            assignmentUpdates: try await assignmentUpdates(of: code), meetings: try await meetings(of: code),
            signals: try await signals(of: code), notices: try await notices(of: code))
    }
}
