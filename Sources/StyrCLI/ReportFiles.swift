import Foundation
import StyrDomain
import StyrReports

/// The report commands' files: one document model in Markdown, HTML, Word or PDF, written to a
/// file or to standard output.
enum ReportFiles {
    static func bytes(_ document: ReportDocument, format: String, markdown: () -> String, html: () -> String) throws -> Data {
        switch format {
        case "md": Data(markdown().utf8)
        case "html": Data(html().utf8)
        case "docx": try DOCXWriter.data(document)
        default: try PDFDocumentWriter().pdf(document, generatedOn: NorwegianFormat.date(.today()))
        }
    }

    static func write(_ bytes: Data, to out: String?, what: String) throws {
        if let out {
            do {
                try bytes.write(to: URL(fileURLWithPath: out))
            } catch {
                throw CLIError("Kan ikke skrive til «\(out)»: \(error.localizedDescription)")
            }
            printError("Skrev \(what) til \(out).")
        } else {
            FileHandle.standardOutput.write(bytes)
        }
    }
}
