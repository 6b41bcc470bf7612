/// The workflow of every report (state, steps, the agency's texts) and its frozen versions.
public protocol ReportRepository: Sendable {
    /// The report's workflow, nil while nothing is written or submitted (a draft).
    func reportWorkflow(_ key: ReportKey) async throws -> ReportWorkflow?
    /// The organisation's workflows of the year (every kind and period).
    func reportWorkflows(of organisationCode: String, year: Int) async throws -> [ReportWorkflow]
    /// Every published report of every organisation.
    func publishedReportWorkflows() async throws -> [ReportWorkflow]
    /// Inserts or updates the workflow (audited as `reportWorkflow`).
    func save(_ workflow: ReportWorkflow) async throws
    /// Stores a frozen version (audited as `reportVersion`); a version is never changed.
    func add(_ version: ReportVersion) async throws
    /// The report's versions, oldest first.
    func reportVersions(_ key: ReportKey) async throws -> [ReportVersion]
}

/// Indicator results for a period of the year (a tertial or a month), beside the year's result.
public protocol IndicatorPeriodRepository: Sendable {
    /// Inserts or replaces the result of the indicator for the period (audited as `indicatorPeriodResult`).
    func save(_ result: IndicatorPeriodResult, ofIndicator key: String, of organisationCode: String) async throws
    /// The year's period results, by indicator key.
    func indicatorPeriodResults(of organisationCode: String, year: Int) async throws -> [String: [IndicatorPeriodResult]]
}
