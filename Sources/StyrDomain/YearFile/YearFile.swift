import Foundation

/// The year file: everything that is *input* for one agency and one year, as one JSON document
/// (`styr export year` / `styr import year`, described field by field in `docs/year-file.md`).
/// Nothing derived is in it (no sums, revised budget, deviations, statuses of indicators): those
/// are computed from it, as from the database.
///
/// The records are the domain's own types, coded as they are stored (money as `{"ore": …}`,
/// quantities as `{"milli": …}`, calendar dates as `{"year", "month", "day"}`, instants as ISO 8601).
/// A change of the shape raises `schemaVersion`; a reader refuses a version it does not know.
public struct YearFile: Hashable, Sendable, Codable {
    /// The version this build writes and reads.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// The agency (code, name, kind, parent code).
    public var organisation: Organisation
    /// The organisations above it, top first, each the parent of the next; the last is the
    /// organisation's parent. An import creates those that are missing and leaves the others.
    public var parents: [Organisation]
    public var year: Int
    /// The agency's budget chapters (kapitler); chapter numbers are unique in a database.
    public var chapters: [Chapter]
    /// Dok. 3 (`originalBudget`) and regnskap (`actuals`) of the year, per chapter × kind × artsgruppe.
    public var budgetAmounts: [BudgetAmount]
    /// Regnskap of the year before, which the annual report compares with. An import writes a cell
    /// only where the database holds nothing for it (that year's own file is its authority).
    public var previousYearActuals: [BudgetAmount]
    public var budgetRevisions: [BudgetRevision]
    public var investmentProjects: [InvestmentProject]
    /// Staffing at dates in the year and on 1 January of the next (the end of the year).
    public var staffing: [StaffingFigure]
    /// Goal areas of the year with their goals, in order.
    public var goalAreas: [GoalArea]
    /// Indicators with a value in the year, in order.
    public var indicators: [YearFileIndicator]
    /// The mission statement's versions fixed by the end of the year, oldest first.
    public var missionStatements: [MissionStatement]
    /// The annual report's texts of the year, in order.
    public var narratives: [Narrative]
    public var dialogue: YearFileDialogue
    /// Chapters 4–6 (optional: files written before they were carried have none).
    public var specialReporting: YearFileSpecialReporting?

    public init(
        organisation: Organisation, parents: [Organisation], year: Int, chapters: [Chapter] = [],
        budgetAmounts: [BudgetAmount] = [], previousYearActuals: [BudgetAmount] = [], budgetRevisions: [BudgetRevision] = [],
        investmentProjects: [InvestmentProject] = [], staffing: [StaffingFigure] = [], goalAreas: [GoalArea] = [],
        indicators: [YearFileIndicator] = [], missionStatements: [MissionStatement] = [], narratives: [Narrative] = [],
        dialogue: YearFileDialogue = YearFileDialogue(), specialReporting: YearFileSpecialReporting? = nil,
        schemaVersion: Int = YearFile.currentSchemaVersion
    ) {
        self.schemaVersion = schemaVersion
        self.organisation = organisation
        self.parents = parents
        self.year = year
        self.chapters = chapters
        self.budgetAmounts = budgetAmounts
        self.previousYearActuals = previousYearActuals
        self.budgetRevisions = budgetRevisions
        self.investmentProjects = investmentProjects
        self.staffing = staffing
        self.goalAreas = goalAreas
        self.indicators = indicators
        self.missionStatements = missionStatements
        self.narratives = narratives
        self.dialogue = dialogue
        self.specialReporting = specialReporting
    }
}

/// An indicator's definition, its value in the file's year (target, result, comments), and the
/// results of earlier years that the report shows beside it (imported only where none is stored).
public struct YearFileIndicator: Hashable, Sendable, Codable {
    public var indicator: Indicator
    public var value: IndicatorValue
    public var history: [IndicatorValue]

    public init(indicator: Indicator, value: IndicatorValue, history: [IndicatorValue] = []) {
        self.indicator = indicator
        self.value = value
        self.history = history
    }
}

/// The governance dialogue of the year: letters and status updates of the year, meetings held,
/// signals given and notices written in it (plus meetings of other years that a signal names).
/// `Meeting.id` and the meeting ids in signals are references within the file; an import gives
/// the meetings new ids and points the signals at them.
public struct YearFileDialogue: Hashable, Sendable, Codable {
    public var letters: [AllocationLetter]
    public var assignmentUpdates: [AssignmentStatusUpdate]
    public var meetings: [Meeting]
    public var signals: [SteeringSignal]
    public var notices: [InformationNotice]

    public init(letters: [AllocationLetter] = [], assignmentUpdates: [AssignmentStatusUpdate] = [], meetings: [Meeting] = [],
                signals: [SteeringSignal] = [], notices: [InformationNotice] = []) {
        self.letters = letters
        self.assignmentUpdates = assignmentUpdates
        self.meetings = meetings
        self.signals = signals
        self.notices = notices
    }

    public var isEmpty: Bool { letters.isEmpty && assignmentUpdates.isEmpty && meetings.isEmpty && signals.isEmpty && notices.isEmpty }
}
