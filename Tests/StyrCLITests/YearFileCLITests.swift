import ArgumentParser
import Foundation
@testable import StyrCLI
import StyrTestSupport
import StyrServices
import Testing

/// `styr export year` and `styr import year`, run in-process.
@Suite("styr export/import year")
struct YearFileCLITests {
    static func refusal(_ arguments: [String]) async -> String? {
        do {
            try await CLITests.run(arguments)
            Issue.record("expected \(arguments) to be refused")
            return nil
        } catch let error as CLIError {
            return error.message
        } catch let error as ServiceError {
            return error.cliError.message
        } catch {
            Issue.record("expected a CLIError, got \(error)")
            return nil
        }
    }

    @Test("the spreadsheet: export --format xlsx on the demo, import the .xlsx as UKX, same report", arguments: TestDatabase.backends)
    func workbook(backend: TestDatabase) async throws {
        try await backend.withFreshURL { demo in
            try await backend.withFreshURL { empty in
                let workbook = try CLITests.temporaryFile("uke-2020.xlsx")
                let report = try CLITests.temporaryFile("ukx.md")
                defer { for path in [workbook, report] { try? FileManager.default.removeItem(atPath: path) } }
                try await CLITests.run(["demo", "--database", demo])
                try await CLITests.run(["export", "year", "--org", "UKE", "--year", "2020", "--format", "xlsx", "--out", workbook, "--database", demo])
                #expect(FileManager.default.contents(atPath: workbook)?.starts(with: [0x50, 0x4B]) == true)
                try await CLITests.run(["import", "year", workbook, "--org", "UKX", "--database", empty])
                try await CLITests.run(["report", "annual", "--org", "UKX", "--year", "2020", "--out", report, "--database", empty])
                let markdown = try String(contentsOfFile: report, encoding: .utf8)
                for figure in ["1 158 413 263", "420 062 859", "317 261 065", "91,2 %"] { #expect(markdown.contains(figure), "missing \(figure)") }
            }
        }
    }

    @Test("export on the demo, import as UKX into an empty database, report and export again", arguments: TestDatabase.backends)
    func exportImport(backend: TestDatabase) async throws {
        try await backend.withFreshURL { demo in
            try await backend.withFreshURL { empty in
                let file = try CLITests.temporaryFile("uke-2020.json")
                let again = try CLITests.temporaryFile("ukx-2020.json")
                let report = try CLITests.temporaryFile("ukx.md")
                defer { for path in [file, again, report] { try? FileManager.default.removeItem(atPath: path) } }
                try await CLITests.run(["demo", "--database", demo])
                try await CLITests.run(["export", "year", "--org", "UKE", "--year", "2020", "--out", file, "--database", demo])
                let text = try String(contentsOfFile: file, encoding: .utf8)
                #expect(text.hasPrefix("{\n  \"budgetAmounts\" : [") && text.contains("\"schemaVersion\" : 1"))

                try await CLITests.run(["import", "year", file, "--org", "UKX", "--database", empty])
                try await CLITests.run(["report", "annual", "--org", "UKX", "--year", "2020", "--out", report, "--database", empty])
                let markdown = try String(contentsOfFile: report, encoding: .utf8)
                for figure in ["1 158 413 263", "420 062 859", "-132 182 013", "7 858 141", "34 095 000", "1,9 %"] {
                    #expect(markdown.contains(figure), "missing \(figure)")
                }
                try await CLITests.run(["export", "year", "--org", "UKX", "--year", "2020", "--out", again, "--database", empty])
                let exported = try String(contentsOfFile: again, encoding: .utf8)
                // The codes change; free text that names UKE (an action item's owner) does not.
                let expected = text.replacingOccurrences(of: "\"organisationCode\" : \"UKE\"", with: "\"organisationCode\" : \"UKX\"")
                    .replacingOccurrences(of: "\"code\" : \"UKE\"", with: "\"code\" : \"UKX\"")
                #expect(exported == expected, "\(zip(exported.split(separator: "\n"), expected.split(separator: "\n")).first { $0 != $1 }.map { "\($0) ≠ \($1)" } ?? "lengths")")

                let message = await Self.refusal(["import", "year", file, "--org", "UKX", "--database", empty])
                #expect(message?.contains("year: «UKX» har allerede data for 2020") == true)
                #expect(message?.contains("Bruk --replace") == true)
                try await CLITests.run(["import", "year", file, "--org", "UKX", "--replace", "--database", empty])

                let clash = await Self.refusal(["import", "year", file, "--org", "UKY", "--database", demo])
                #expect(clash?.contains("chapters[0].number: Kapittel 125 hører allerede til «UKE»") == true)
            }
        }
    }

    @Test("a file that is not a year file is refused naming the JSON path", arguments: TestDatabase.backends)
    func badFiles(backend: TestDatabase) async throws {
        try await backend.withFreshURL { database in
            let file = try CLITests.temporaryFile("uke-2020.json")
            defer { try? FileManager.default.removeItem(atPath: file) }
            try await CLITests.run(["demo", "--database", database])
            try await CLITests.run(["export", "year", "--org", "UKE", "--year", "2020", "--out", file, "--database", database])
            let text = try String(contentsOfFile: file, encoding: .utf8)

            let truncated = try CLITests.temporaryFile("truncated.json", contents: String(text.prefix(text.count / 2)))
            let wrongType = try CLITests.temporaryFile("wrong.json", contents: text.replacingOccurrences(of: "\"year\" : 2020\n}", with: "\"year\" : \"2020\"\n}"))
            let missing = try CLITests.temporaryFile("missing.json", contents: text.replacingOccurrences(of: "\"number\" : 125,", with: ""))
            let version = try CLITests.temporaryFile("v9.json", contents: text.replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 9"))
            defer { for path in [truncated, wrongType, missing, version] { try? FileManager.default.removeItem(atPath: path) } }

            #expect(await Self.refusal(["import", "year", truncated, "--org", "UKY", "--database", database])?
                .contains("$: Fila er ikke gyldig JSON") == true)
            #expect(await Self.refusal(["import", "year", wrongType, "--org", "UKY", "--database", database])?
                .contains("year: Har feil type; ventet et heltall.") == true)
            #expect(await Self.refusal(["import", "year", missing, "--org", "UKY", "--database", database])?
                .contains("chapters[0].number: Mangler.") == true)
            #expect(await Self.refusal(["import", "year", version, "--org", "UKY", "--database", database])?
                .contains("schemaVersion: Ukjent skjemaversjon 9") == true)
            #expect(await Self.refusal(["export", "year", "--org", "NOPE", "--year", "2020", "--database", database])?
                .contains("«NOPE»") == true)
        }
    }
}
