/// How the department sets up an agency's accounting report: post groupings per chapter, the
/// agency's monthly budget profiles and the threshold for explanations.
public protocol BudgetSetupRepository: Sendable {
    func groupings() async throws -> ChapterPostGroupings
    /// Nil restores the default (the artsgrupper).
    func saveGrouping(_ grouping: PostGrouping?, chapter: Int) async throws
    func profiles(of organisationCode: String, year: Int) async throws -> BudgetSetupText.Profiles
    func saveProfiles(_ profiles: BudgetSetupText.Profiles, of organisationCode: String, year: Int) async throws
    /// The department's own threshold for the year; nil when the server's default applies.
    func threshold(of organisationCode: String, year: Int) async throws -> ForecastThreshold?
    func saveThreshold(_ threshold: ForecastThreshold?, of organisationCode: String, year: Int) async throws
}
