import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The annual and tertial reports as files to download: Word (.docx), PDF (WeasyPrint),
/// Markdown and standalone HTML, all from the same report model (`ReportDocument`). `?enhet=1000`
/// gives the annual report's amounts in 1000 kr with totals-preserving rounding.
struct ReportDocumentController: Sendable {
    let annualReports: AnnualReportService
    let tertialReports: TertialReportService
    let pages: Pages

    static let formats = ["docx", "pdf", "md", "html"]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/arsberetning/:year/dokument/:format") { request, context in
            let code = try context.parameters.require("code"), year = try requireYear(context)
            let format = try requireFormat(context)
            let unit: AnnualReport.AmountUnit = request.uri.queryParameters.get("enhet") == "1000" ? .thousands : .kroner
            let report: AnnualReport
            do {
                report = try await annualReports.annualReport(of: code, year: year, unit: unit, by: context.session?.user).report
            } catch ServiceError.notFound(let message) {
                return pages.error(.notFound, heading: "Kan ikke lage årsberetningen", message: message, context: context).response
            }
            let name = "arsberetning-\(code)-\(year)\(unit == .thousands ? "-1000kr" : "")"
            return try file(report.document, format: format, name: name, markdown: { MarkdownRenderer.render(report) },
                            html: { pages.renderer.annualReportDocument(report) }, context)
        }
        router.get("/organisasjoner/:code/tertialrapport/:year/:period/dokument/:format") { _, context in
            let code = try context.parameters.require("code"), year = try requireYear(context)
            let period = try context.parameters.require("period"), format = try requireFormat(context)
            let report = try await tertialReports.report(in: code, year: year, period: period, by: context.session?.user).report
            return try file(report.document, format: format, name: "tertialrapport-\(code)-\(year)-\(report.periodCode)",
                            markdown: { TertialReportMarkdown.render(report) }, html: { pages.renderer.tertialReportDocument(report) }, context)
        }
    }

    func requireFormat(_ context: StyrRequestContext) throws -> String {
        let format = try context.parameters.require("format")
        guard Self.formats.contains(format) else {
            throw notFound(pages, context, heading: "Ukjent format", message: "Rapporten kan lastes ned som docx, pdf, md eller html, ikke «\(format)».")
        }
        return format
    }

    func file(_ document: ReportDocument, format: String, name: String, markdown: () -> String, html: () -> String,
              _ context: StyrRequestContext) throws -> Response {
        let bytes: Data, type: String
        switch format {
        case "docx":
            bytes = try DOCXWriter.data(document)
            type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "pdf":
            do {
                bytes = try PDFDocumentWriter().pdf(document, generatedOn: NorwegianFormat.date(.today()))
            } catch let error as PDFDocumentWriter.WriteError {
                return pages.error(.serviceUnavailable, heading: "Kan ikke lage PDF nå", message: error.description, context: context).response
            }
            type = "application/pdf"
        case "md":
            bytes = Data(markdown().utf8)
            type = "text/markdown; charset=utf-8"
        default:
            bytes = Data(html().utf8)
            type = "text/html; charset=utf-8"
        }
        return Response(
            status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name).\(format)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
