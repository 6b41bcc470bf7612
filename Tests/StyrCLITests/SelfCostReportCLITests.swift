import Foundation
@testable import StyrCLI
import StyrTestSupport
import Testing

/// `styr report selvkost` on the demo: Markdown, CSV and XLSX read back.
@Suite("styr report selvkost")
struct SelfCostReportCLITests {
    @Test("the demo's self-cost 2020 as Markdown, CSV (one service) and XLSX", arguments: TestDatabase.backends)
    func selfCost(backend: TestDatabase) async throws {
        try await backend.withFreshURL { database in
            let markdown = try CLITests.temporaryFile("selvkost.md"), csv = try CLITests.temporaryFile("selvkost.csv")
            let xlsx = try CLITests.temporaryFile("selvkost.xlsx")
            defer { for path in [markdown, csv, xlsx] { try? FileManager.default.removeItem(atPath: path) } }
            try await CLITests.run(["migrate", "--database", database])
            try await CLITests.run(["demo", "--database", database])
            try await CLITests.run(["report", "selvkost", "--org", "UKE", "--year", "2020", "--out", markdown, "--database", database])
            let text = try String(contentsOfFile: markdown, encoding: .utf8)
            for part in ["## Tjenesteregnskap 2020 – Utviklings- og kompetanseetaten (eksempel)", "## Selvkost 2020", "## Prisliste 2021",
                         "## Fakturagrunnlag 2020", "| F Kostnadsgrunnlag (A + B + C + D − E) | 701 703 895 |", "| Drift og forvaltning av fellessystemer | bruker |"] {
                #expect(text.contains(part), "missing \(part)")
            }
            try await CLITests.run(["report", "selvkost", "--org", "UKE", "--year", "2020", "--service", "kompetanse", "--format", "csv",
                                    "--out", csv, "--database", database])
            let rows = try String(contentsOfFile: csv, encoding: .utf8)
            #expect(rows.contains("Selvkostkalkyle 2020;Kompetanseutviklingstiltak\r\n"))
            #expect(rows.contains("B Indirekte kostnader (fordelingsnøkler);18000000\r\n"))
            try await CLITests.run(["report", "selvkost", "--org", "UKE", "--year", "2020", "--format", "xlsx", "--out", xlsx, "--database", database])
            let data = try Data(contentsOf: URL(fileURLWithPath: xlsx))
            #expect(data.prefix(2) == Data("PK".utf8))
            #expect(await CLITests.exitCode(["report", "selvkost", "--org", "UKE", "--year", "2020", "--service", "finnes-ikke", "--database", database]) != 0)
        }
    }

    @Test("xlsx without --out and a bad year are refused before the database is touched")
    func badArguments() {
        for arguments in [["report", "selvkost", "--org", "UKE", "--year", "2020", "--format", "xlsx"],
                          ["report", "selvkost", "--org", "UKE", "--year", "1200"]] {
            #expect(throws: (any Error).self) { _ = try StyrCommand.parseAsRoot(arguments) }
        }
    }
}
