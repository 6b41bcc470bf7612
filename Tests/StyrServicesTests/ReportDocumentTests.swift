import Foundation
import StyrDomain
@testable import StyrReports
import StyrServices
import StyrTestSupport
import Testing

/// The annual report as PDF (WeasyPrint) and DOCX, read back with `pdftotext` and LibreOffice:
/// the seed's figures of chapters 1–6 are in both. Without the tools the test fails when
/// `STYR_REQUIRE_DOCUMENT_TOOLS=1` (scripts/test sets it), and is skipped otherwise.
@Suite("Report documents")
struct ReportDocumentTests {
    static let figures = ["Årsberetning 2020", "382", "93,4 %", "764", "5,2 %", "6,7 %", "18,40", "11,80", "Tabell 4.7.2. Kjønn og lønn",
                          "Miljøfyrtårn", "Rapport 06/2020", "1 158 413 263"]

    static func tool(_ name: String) -> String? {
        // LibreOffice converts Word documents only with Writer installed (Debian's libreoffice-writer-nogui).
        if name == "libreoffice-writer" {
            return FileManager.default.fileExists(atPath: "/usr/lib/libreoffice/program/libswlo.so") ? "/usr/lib/libreoffice/program/libswlo.so" : nil
        }
        return ["/usr/bin/\(name)", "/usr/local/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func toolsPresent(_ names: [String]) throws -> Bool {
        let missing = names.filter { tool($0) == nil }
        if missing.isEmpty { return true }
        if ProcessInfo.processInfo.environment["STYR_REQUIRE_DOCUMENT_TOOLS"] == "1" {
            Issue.record("Mangler \(missing.joined(separator: ", ")) (STYR_REQUIRE_DOCUMENT_TOOLS=1)")
        }
        return false
    }

    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func report(_ backend: TestDatabase, _ body: @Sendable @escaping (AnnualReport) async throws -> Void) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            try await body(try await services.annualReports.annualReport(of: "UKE", year: 2020, by: users[ServiceTestApp.auditor]).report)
        }
    }

    @Test("the PDF holds the figures, page numbers and a table of contents")
    func pdf() async throws {
        guard try Self.toolsPresent(["weasyprint", "pdftotext"]) else { return }
        try await Self.report(.sqlite) { report in
            let data = try PDFDocumentWriter().pdf(report.document, generatedOn: "04.12.2026")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("styr-test-\(UUID().uuidString).pdf")
            try data.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let text = try Self.run(Self.tool("pdftotext")!, ["-layout", file.path, "-"])
            for figure in Self.figures { #expect(text.contains(figure), "\(figure)") }
            #expect(text.contains("Innhold") && text.contains("Side 2 av"))
            #expect(text.contains("Utviklings- og kompetanseetaten"))
            let fonts = try Self.run(Self.tool("pdffonts") ?? "/usr/bin/pdffonts", [file.path])
            #expect(fonts.contains("yes"), "fonts embedded")
            let info = try Self.run(Self.tool("pdfinfo") ?? "/usr/bin/pdfinfo", [file.path])
            #expect(info.contains("Tagged:          yes"), "tagged (PDF/UA-1)")
        }
    }

    @Test("the DOCX opens in LibreOffice with the figures, headings and a table of contents")
    func docx() async throws {
        guard try Self.toolsPresent(["libreoffice", "libreoffice-writer"]) else { return }
        try await Self.report(.sqlite) { report in
            let data = try DOCXWriter.data(report.document)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("styr-docx-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("arsberetning.docx")
            try data.write(to: file)
            _ = try Self.run(Self.tool("libreoffice")!, [
                "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", folder.path, file.path,
            ])
            let text = (try? String(contentsOf: folder.appendingPathComponent("arsberetning.txt"), encoding: .utf8)) ?? ""
            #expect(!text.isEmpty, "LibreOffice Writer converted the document (libreoffice-writer installed)")
            for figure in Self.figures { #expect(text.contains(figure), "\(figure)") }
            #expect(text.contains("Innhold") && text.contains("4. Særskilt rapportering"))
            let document = String(decoding: data, as: UTF8.self)
            #expect(!document.isEmpty)
        }
    }

    @Test("the DOCX package has real heading styles, a TOC field, repeating header rows and the header text")
    func docxParts() async throws {
        try await Self.report(.sqlite) { report in
            let parts = Dictionary(uniqueKeysWithValues: DOCXParts.parts(report.document))
            let body = try #require(parts["word/document.xml"])
            #expect(body.contains("<w:pStyle w:val=\"Heading1\"/>") && body.contains("<w:pStyle w:val=\"Heading2\"/>"))
            #expect(body.contains("TOC \\o \"1-2\"") && body.contains("<w:tblHeader/>") && body.contains("<w:pStyle w:val=\"Caption\"/>"))
            #expect(parts["word/header1.xml"]?.contains("Utviklings- og kompetanseetaten") == true)
            #expect(parts["word/styles.xml"]?.contains("<w:outlineLvl w:val=\"0\"/>") == true)
        }
    }
}
