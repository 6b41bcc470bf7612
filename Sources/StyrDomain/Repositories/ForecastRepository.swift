/// The agency's forecast choices and its submitted accounting reports.
public protocol ForecastRepository: Sendable {
    func choices(of organisationCode: String, year: Int) async throws -> [ForecastChoice]
    func save(_ choice: ForecastChoice, of organisationCode: String, year: Int) async throws
    func submissions(of organisationCode: String, year: Int) async throws -> [AccountingReportSubmission]
    func submit(_ report: AccountingReport, of organisationCode: String, by person: String) async throws -> AccountingReportSubmission
}
