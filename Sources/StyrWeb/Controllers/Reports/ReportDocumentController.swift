import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The annual and tertial reports as files to download: Word (.docx), PDF (WeasyPrint),
/// Markdown and standalone HTML, all from the same report model through the same use case as
/// the API and the command line (`ReportDocumentService`). `?enhet=1000` gives the annual
/// report's amounts in 1000 kr with totals-preserving rounding. A year without data is a 404
/// page that says so.
struct ReportDocumentController: Sendable {
    let annualReports: AnnualReportService
    let tertialReports: TertialReportService
    let pages: Pages

    var documents: ReportDocumentService { ReportDocumentService(annualReports: annualReports, tertialReports: tertialReports) }

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/arsberetning/:year/dokument/:format") { request, context in
            let code = try context.parameters.require("code"), year = try requireYear(context)
            let format = try requireFormat(context)
            let unit: AnnualReport.AmountUnit = request.uri.queryParameters.get("enhet") == "1000" ? .thousands : .kroner
            return try await file(heading: "Kan ikke lage årsberetningen", context) {
                try await documents.annual(of: code, year: year, format: format, unit: unit, by: context.session?.user)
            }
        }
        router.get("/organisasjoner/:code/tertialrapport/:year/:period/dokument/:format") { _, context in
            let code = try context.parameters.require("code"), year = try requireYear(context)
            let period = try context.parameters.require("period"), format = try requireFormat(context)
            return try await file(heading: "Kan ikke lage tertialrapporten", context) {
                try await documents.tertial(in: code, year: year, period: period, format: format, by: context.session?.user)
            }
        }
    }

    func requireFormat(_ context: StyrRequestContext) throws -> ReportFileFormat {
        let text = try context.parameters.require("format")
        guard let format = ReportFileFormat(rawValue: text) else {
            throw notFound(pages, context, heading: "Ukjent format", message: "Rapporten kan lastes ned som docx, pdf, md eller html, ikke «\(text)».")
        }
        return format
    }

    func file(heading: String, _ context: StyrRequestContext, _ make: () async throws -> ReportFile) async throws -> Response {
        let file: ReportFile
        do {
            file = try await make()
        } catch ServiceError.notFound(let message) {
            return pages.error(.notFound, heading: heading, message: message, context: context).response
        } catch let error as PDFDocumentWriter.WriteError {
            return pages.error(.serviceUnavailable, heading: "Kan ikke lage PDF nå", message: error.description, context: context).response
        }
        return Response(
            status: .ok, headers: [.contentType: file.format.contentType, .contentDisposition: "attachment; filename=\"\(file.fileName)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
    }
}
