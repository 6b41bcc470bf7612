import Foundation

/// Writes a `ReportDocument` as PDF through WeasyPrint (Debian's `weasyprint`): the document as
/// HTML with a paged-media style sheet (`PrintStyleSheet`: A4, running header with the
/// organisation and year, page numbers, a table of contents with page numbers), converted by
/// the `weasyprint` program. WeasyPrint embeds the fonts it uses, and tags the PDF (PDF/UA-1,
/// `--pdf-variant pdf/ua-1`: headings, tables and reading order for screen readers).
public struct PDFDocumentWriter: Sendable {
    public enum WriteError: Error, CustomStringConvertible {
        case missingProgram(String)
        case failed(String)

        public var description: String {
            switch self {
            case .missingProgram(let path):
                "Fant ikke WeasyPrint (\(path)), som lager PDF. Installer det med «apt-get install weasyprint», eller sett STYR_WEASYPRINT."
            case .failed(let reason): "WeasyPrint kunne ikke lage PDF-en: \(reason)"
            }
        }
    }

    /// The program: `STYR_WEASYPRINT`, else `/usr/bin/weasyprint`.
    public var program: String

    public init(program: String? = nil) {
        self.program = program ?? ProcessInfo.processInfo.environment["STYR_WEASYPRINT"] ?? "/usr/bin/weasyprint"
    }

    /// The print HTML WeasyPrint reads (also useful on its own for checking).
    public static func html(_ document: ReportDocument, generatedOn: String) -> String {
        HTMLRenderer().render(PrintDocumentView(document, generatedOn: generatedOn), template: "print-document")
    }

    public func pdf(_ document: ReportDocument, generatedOn: String) throws -> Data {
        guard FileManager.default.isExecutableFile(atPath: program) else { throw WriteError.missingProgram(program) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("styr-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("report.html"), output = folder.appendingPathComponent("report.pdf")
        try Data(Self.html(document, generatedOn: generatedOn).utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["--quiet", "--encoding", "utf-8", "--pdf-variant", "pdf/ua-1", input.path, output.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = try? Data(contentsOf: output) else {
            throw WriteError.failed(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return data
    }
}

/// The view model of `print-document.mustache`.
struct PrintDocumentView: Sendable {
    struct Entry: Sendable {
        var anchor: String
        var text: String
        var isChapter: Bool
    }

    var title: String
    var organisationName: String
    var year: Int
    var generatedOn: String
    var css: String
    var contents: [Entry]
    var blocks: [ReportBlockView]

    init(_ document: ReportDocument, generatedOn: String) {
        title = document.title
        organisationName = document.organisationName
        year = document.year
        self.generatedOn = generatedOn
        css = PrintStyleSheet.css
        blocks = ReportBlockView.views(document.blocks)
        contents = blocks.compactMap { block in
            guard let heading = block.blockHeading, !heading.isSubsection else { return nil }
            return Entry(anchor: heading.anchor, text: heading.text, isChapter: heading.isChapter)
        }
    }
}
