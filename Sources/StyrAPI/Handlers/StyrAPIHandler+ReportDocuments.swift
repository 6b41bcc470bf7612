import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrReports
import StyrServices

/// The annual and tertial reports as files through the API: the same use case as the pages'
/// download links and `styr report` (`ReportDocumentService`); the body's content type follows the
/// format in the path. A year without data is a 404 problem naming it.
extension StyrAPIHandler {
    func getAnnualReportDocument(_ input: Operations.GetAnnualReportDocument.Input) async throws -> Operations.GetAnnualReportDocument.Output {
        try validate(year: input.path.year)
        let unit: AnnualReport.AmountUnit = input.query.unit == ._1000 ? .thousands : .kroner
        let file = try await document {
            try await services.reportDocuments.annual(
                of: input.path.code, year: input.path.year, format: Self.fileFormat(input.path.format), unit: unit, by: APICaller.current)
        }
        let body = HTTPBody(file.data)
        let content: Operations.GetAnnualReportDocument.Output.Ok.Body = switch file.format {
        case .pdf: .pdf(body)
        case .docx: .applicationVnd_openxmlformatsOfficedocument_wordprocessingml_document(body)
        case .html: .html(body)
        case .md: .textMarkdown(body)
        }
        return .ok(.init(body: content))
    }

    func getTertialReportDocument(_ input: Operations.GetTertialReportDocument.Input) async throws -> Operations.GetTertialReportDocument.Output {
        try validate(year: input.path.year)
        let file = try await document {
            try await services.reportDocuments.tertial(
                in: input.path.code, year: input.path.year, period: input.path.period, format: Self.fileFormat(input.path.format), by: APICaller.current)
        }
        let body = HTTPBody(file.data)
        let content: Operations.GetTertialReportDocument.Output.Ok.Body = switch file.format {
        case .pdf: .pdf(body)
        case .docx: .applicationVnd_openxmlformatsOfficedocument_wordprocessingml_document(body)
        case .html: .html(body)
        case .md: .textMarkdown(body)
        }
        return .ok(.init(body: content))
    }

    /// A use case's refusal as its problem; a PDF that WeasyPrint cannot make as 503.
    func document(_ make: () async throws -> ReportFile) async throws -> ReportFile {
        do {
            return try await service { try await make() }
        } catch let error as PDFDocumentWriter.WriteError {
            throw APIProblem(status: 503, title: "Kan ikke lage PDF nå", detail: error.description)
        }
    }

    static func fileFormat(_ format: Components.Parameters.ReportFileFormat) -> ReportFileFormat {
        switch format {
        case .pdf: .pdf
        case .docx: .docx
        case .html: .html
        case .md: .md
        }
    }
}
