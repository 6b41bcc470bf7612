import Foundation
@testable import StyrCLI
import StyrTestSupport
import Testing

/// `styr report tertial` on the demo: Markdown and HTML from the stored data, bad periods refused.
@Suite("styr report tertial")
struct TertialReportCLITests {
    @Test("the demo's 2. tertial report 2020 as Markdown and HTML", arguments: TestDatabase.backends)
    func tertial(backend: TestDatabase) async throws {
        try await backend.withFreshURL { database in
            let markdown = try CLITests.temporaryFile("tertial.md"), html = try CLITests.temporaryFile("tertial.html")
            defer { for path in [markdown, html] { try? FileManager.default.removeItem(atPath: path) } }
            try await CLITests.run(["migrate", "--database", database])
            try await CLITests.run(["demo", "--database", database])
            try await CLITests.run(["report", "tertial", "--org", "UKE", "--year", "2020", "--period", "t2", "--out", markdown, "--database", database])
            let text = try String(contentsOfFile: markdown, encoding: .utf8)
            #expect(text.hasPrefix("# Tertialrapport – 2. tertial 2020: Utviklings- og kompetanseetaten"))
            for part in ["## Sammendrag og vurdering", "## Mål og resultatindikatorer", "## Særskilte oppdrag", "## Økonomi: regnskap og prognose",
                         "## Risikovurderinger og risikoreduserende tiltak", "## Avvik og korrigerende tiltak", "Eksempel:", "Status per 31.08.2020"] {
                #expect(text.contains(part), "missing \(part)")
            }
            try await CLITests.run(["report", "tertial", "--org", "UKE", "--year", "2020", "--period", "t2", "--format", "html", "--out", html,
                                    "--database", database])
            let page = try String(contentsOfFile: html, encoding: .utf8)
            #expect(page.contains("<h1>Tertialrapport – 2. tertial 2020</h1>") && page.contains("@media print"))
        }
    }

    @Test("a bad period or year is refused before the database is touched")
    func badArguments() {
        for arguments in [["report", "tertial", "--org", "UKE", "--year", "2020", "--period", "t9"],
                          ["report", "tertial", "--org", "UKE", "--year", "1200"]] {
            #expect(throws: (any Error).self) { _ = try StyrCommand.parseAsRoot(arguments) }
        }
    }
}
