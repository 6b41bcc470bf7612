import StyrDomain
import StyrReports

/// The annual and tertial reports as files (Word, PDF, HTML, Markdown), for the pages, the API
/// and the command line alike: the report computed by its own use case (same access, same
/// refusals), then made into the format by `ReportFile`. A year without data is not found, with
/// a sentence naming the organisation and the year.
public struct ReportDocumentService: Sendable {
    let annualReports: AnnualReportService
    let tertialReports: TertialReportService

    public init(annualReports: AnnualReportService, tertialReports: TertialReportService) {
        self.annualReports = annualReports
        self.tertialReports = tertialReports
    }

    /// Throws `PDFDocumentWriter.WriteError` when the PDF cannot be made (WeasyPrint missing or failing).
    public func annual(of code: String, year: Int, format: ReportFileFormat, unit: AnnualReport.AmountUnit = .kroner,
                       by user: UserAccount?) async throws -> ReportFile {
        // A year without budget, accounts or results is `notFound` (`AnnualReportService.data`).
        let report = try await annualReports.annualReport(of: code, year: year, unit: unit, by: user)
        return try ReportFile.annual(report.report, of: report.scope.code, format: format, unit: unit)
    }

    public func tertial(in code: String, year: Int, period: String, format: ReportFileFormat, by user: UserAccount?) async throws -> ReportFile {
        let report = try await tertialReports.report(in: code, year: year, period: period, by: user).report
        guard !report.isEmpty else { throw ServiceError.notFound(Self.noTertialData(report)) }
        return try ReportFile.tertial(report, format: format)
    }

    static func noTertialData(_ report: TertialReport) -> String {
        "\(report.organisationName) har ingen mål, oppdrag, regnskap, avviksmeldinger eller tekster å rapportere for "
            + "\(report.periodTitle), så det er ingen rapport å laste ned."
    }
}
