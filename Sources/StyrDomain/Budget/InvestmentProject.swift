/// An investment project of a chapter and its figures for one year.
public struct InvestmentProject: Hashable, Sendable, Codable {
    public var chapter: Int
    public var year: Int
    public var number: String
    public var name: String
    /// The artsgrupper the project's budget and actuals cover, e.g. 000–599 (sum financing need).
    public var groups: ObjectGroup
    /// When the project was decided: a year (`2019`) or a date (`15.03.2019`); nil when not recorded.
    public var decided: String?
    /// Completion decided by the city council (kv/år), if any.
    public var councilCompletion: String?
    /// Actual or expected completion (kv/år, "Avsluttes 2020", "Løpende").
    public var expectedCompletion: String?
    public var originalBudget: Money
    /// Revised budget including carry-over (YDISP) from the year before.
    public var revisedBudget: Money
    public var actuals: Money

    public init(
        chapter: Int, year: Int, number: String, name: String, groups: ObjectGroup, councilCompletion: String?,
        expectedCompletion: String?, originalBudget: Money, revisedBudget: Money, actuals: Money, decided: String? = nil
    ) {
        self.decided = decided
        self.chapter = chapter
        self.year = year
        self.number = number
        self.name = name
        self.groups = groups
        self.councilCompletion = councilCompletion
        self.expectedCompletion = expectedCompletion
        self.originalBudget = originalBudget
        self.revisedBudget = revisedBudget
        self.actuals = actuals
    }

    /// Avvik (VII − VIII): revised budget − actuals; positive is underspend.
    public var deviation: Money { revisedBudget - actuals }
}

/// The project table with its computed sum row.
public struct InvestmentProjectTable: Hashable, Sendable {
    public var projects: [InvestmentProject]

    public init(projects: [InvestmentProject]) {
        self.projects = projects.sorted { $0.number < $1.number }
    }

    public var originalBudget: Money { projects.map(\.originalBudget).sum() }
    public var revisedBudget: Money { projects.map(\.revisedBudget).sum() }
    public var actuals: Money { projects.map(\.actuals).sum() }
    public var deviation: Money { projects.map(\.deviation).sum() }
}
