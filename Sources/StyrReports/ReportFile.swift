import Foundation
import StyrDomain

/// The formats a report is downloaded in: Word, PDF (WeasyPrint), standalone HTML and Markdown.
public enum ReportFileFormat: String, Sendable, CaseIterable {
    case pdf, docx, html, md

    /// The media type of the file (the same in every edge).
    public var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .html: "text/html; charset=utf-8"
        case .md: "text/markdown; charset=utf-8"
        }
    }

    public static let unknownMessage = "Rapporten kan lastes ned som docx, pdf, md eller html."
}

/// A report as a file: its bytes, format and file name. One place decides how each format is
/// made from the report model, for the pages, the API and the command line.
public struct ReportFile: Sendable {
    public var data: Data
    public var format: ReportFileFormat
    /// Without the extension, e.g. `arsberetning-UKE-2020-1000kr`.
    public var baseName: String

    public var fileName: String { "\(baseName).\(format.rawValue)" }

    public init(data: Data, format: ReportFileFormat, baseName: String) {
        self.data = data
        self.format = format
        self.baseName = baseName
    }

    /// The annual report in `format`; the amounts in the unit the report was computed with.
    public static func annual(_ report: AnnualReport, of organisationCode: String, format: ReportFileFormat, unit: AnnualReport.AmountUnit,
                              generatedOn: String = NorwegianFormat.date(.today())) throws -> ReportFile {
        let name = "arsberetning-\(organisationCode)-\(report.year)\(unit == .thousands ? "-1000kr" : "")"
        return ReportFile(
            data: try bytes(report.document, format: format, generatedOn: generatedOn, markdown: { MarkdownRenderer.render(report) },
                            html: { HTMLRenderer().annualReportDocument(report) }),
            format: format, baseName: name)
    }

    /// The tertial (or monthly) report in `format`.
    public static func tertial(_ report: TertialReport, format: ReportFileFormat,
                               generatedOn: String = NorwegianFormat.date(.today())) throws -> ReportFile {
        ReportFile(
            data: try bytes(report.document, format: format, generatedOn: generatedOn, markdown: { TertialReportMarkdown.render(report) },
                            html: { HTMLRenderer().tertialReportDocument(report) }),
            format: format, baseName: "tertialrapport-\(report.organisationCode)-\(report.year)-\(report.periodCode)")
    }

    /// Throws `PDFDocumentWriter.WriteError` when WeasyPrint is missing or fails.
    static func bytes(_ document: ReportDocument, format: ReportFileFormat, generatedOn: String, markdown: () -> String,
                      html: () -> String) throws -> Data {
        switch format {
        case .md: Data(markdown().utf8)
        case .html: Data(html().utf8)
        case .docx: try DOCXWriter.data(document)
        case .pdf: try PDFDocumentWriter().pdf(document, generatedOn: generatedOn)
        }
    }
}

extension TertialReport {
    /// Nothing of the year to report: no goals with indicators, assignments, accounting lines,
    /// deviation notices or written texts (the risk register is not a year's, so its risks alone
    /// do not make a report). A document of such a report is refused (`ReportDocumentService`).
    public var isEmpty: Bool {
        goalAreas.allSatisfy { $0.indicators.isEmpty } && assignments.isEmpty
            && (accounting?.sections.allSatisfy { $0.lines.isEmpty } ?? true)
            && deviations.isEmpty && texts.allSatisfy { $0.paragraphs.isEmpty }
    }
}
