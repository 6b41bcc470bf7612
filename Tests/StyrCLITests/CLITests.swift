import ArgumentParser
import Foundation
@testable import StyrCLI
import SQLKit
import StyrStorage
import StyrTestSupport
import Testing

/// Runs real `styr` commands in-process and checks their effects and exit codes.
@Suite("styr command line")
struct CLITests {
    static func run(_ arguments: [String]) async throws {
        var command = try StyrCommand.parseAsRoot(arguments)
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    }

    static func exitCode(_ arguments: [String]) async -> Int32 {
        do {
            try await run(arguments)
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            return -1
        }
    }

    static func temporaryFile(_ name: String, contents: String? = nil) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("styr-cli-\(UUID().uuidString)-\(name)").path
        if let contents { try contents.write(toFile: path, atomically: true, encoding: .utf8) }
        return path
    }

    @Test("migrate, demo, then report annual writes the seed's figures to a file", arguments: TestDatabase.backends)
    func demoAndReport(backend: TestDatabase) async throws {
        try await backend.withFreshURL { database in
            let output = try Self.temporaryFile("report.md")
            let html = try Self.temporaryFile("report.html")
            defer { for path in [output, html] { try? FileManager.default.removeItem(atPath: path) } }
            try await Self.run(["migrate", "--database", database])
            try await Self.run(["demo", "--database", database])
            do {
                try await Self.run(["demo", "--database", database])
                Issue.record("loading the demo twice must be refused")
            } catch let error as CLIError {
                #expect(error.message.contains("allerede data"))
            }
            try await Self.run(["report", "annual", "--org", "UKE", "--year", "2020", "--format", "md", "--out", output,
                                "--database", database])
            let markdown = try String(contentsOfFile: output, encoding: .utf8)
            for figure in ["1 158 413 263", "420 062 859", "-132 182 013", "7 858 141", "34 095 000", "-3,3", "1,9 %"] {
                #expect(markdown.contains(figure), "missing \(figure)")
            }
            try await Self.run(["report", "annual", "--org", "UKE", "--year", "2020", "--format", "html", "--unit", "1000",
                                "--out", html, "--database", database])
            let page = try String(contentsOfFile: html, encoding: .utf8)
            #expect(page.contains("<td class=\"num\">420 063</td>"))
            #expect(page.contains("største-rest-metoden"))
        }
    }

    @Test("argument errors are put into Norwegian")
    func norwegianArgumentErrors() throws {
        for (arguments, expected) in [
            (["report", "annual", "--org", "UKE", "--year", "20x"], "Verdien «20x» er ugyldig for «--year <year>»"),
            (["report", "annual", "--year", "2020"], "Mangler argumentet «--org <org>»"),
            (["check", "f.csv", "--kind", "foo"], "Bruk en av «operating», «investment» eller «projects»."),
            (["report", "annual", "--org", "UKE", "--year", "2020", "--bogus"], "Ukjent valg «--bogus»"),
        ] {
            do {
                _ = try StyrCommand.parseAsRoot(arguments)
                Issue.record("\(arguments) must be refused")
            } catch {
                let message = NorwegianErrors.translate(StyrCommand.fullMessage(for: error))
                #expect(message.contains(expected), "\(message)")
                #expect(message.hasPrefix("Feil: "), "\(message)")
                #expect(StyrCommand.exitCode(for: error) == .validationFailure)
            }
        }
        #expect(try StyrCommand.parseAsRoot(["check", "f.csv", "--kind", "investering"]) is CheckCommand)
    }

    @Test("report annual refuses bad arguments before touching the database")
    func badArguments() async throws {
        for (arguments, expected) in [
            (["report", "annual", "--org", "UKE", "--year", "1200"], "Året 1200 er utenfor 1900–2200."),
            (["report", "annual", "--org", "UKE", "--year", "2020", "--unit", "100"], "--unit må være «kr» eller «1000»"),
            (["serve", "--port", "70000"], "--port må være mellom 1 og 65535"),
            (["check", "f.csv", "--kind", "projects", "--tolerance=-1"], "--tolerance kan ikke være negativ"),
        ] {
            do {
                _ = try StyrCommand.parseAsRoot(arguments)
                Issue.record("\(arguments) must be refused")
            } catch {
                #expect(StyrCommand.fullMessage(for: error).contains(expected))
            }
        }
    }

    @Test("a bad database URL is a Norwegian error")
    func badDatabaseURL() async throws {
        do {
            try await Self.run(["migrate", "--database", "mysql://localhost/styr"])
            Issue.record("expected an error")
        } catch let error as CLIError {
            #expect(error.message.hasPrefix("Ugyldig database-URL"))
        }
    }

    @Test("check exits 0 when a table adds up, 1 when it does not, 2 when it cannot be read")
    func checkExitCodes() async throws {
        let consistent = try Self.temporaryFile("ok.csv", contents: """
            prosjektnr;navn;dok3;regulert;regnskap;avvik
            1;A;0;100;40;60
            2;B;0;50;50;-
            sum;Sum;0;150;90;60

            """)
        let inconsistent = try Self.temporaryFile("bad.csv", contents: """
            prosjektnr;navn;dok3;regulert;regnskap;avvik
            1;A;0;100;40;61
            sum;Sum;0;100;40;60

            """)
        let unreadable = try Self.temporaryFile("broken.csv", contents: """
            prosjektnr;navn;dok3;regulert;regnskap;avvik
            1;A;0;1x0;40;60

            """)
        defer { for path in [consistent, inconsistent, unreadable] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(await Self.exitCode(["check", consistent, "--kind", "projects"]) == 0)
        #expect(await Self.exitCode(["check", inconsistent, "--kind", "projects"]) == 1)
        #expect(await Self.exitCode(["check", inconsistent, "--kind", "projects", "--tolerance", "1"]) == 0)
        #expect(await Self.exitCode(["check", unreadable, "--kind", "projects"]) == 2)
        #expect(await Self.exitCode(["check", "/nonexistent/file.csv", "--kind", "projects"]) == 2)
    }
}

@Suite("styr audit")
struct AuditCLITests {
    @Test("audit verify exits 0 on an intact log and 1 after a hand edit", arguments: TestDatabase.backends)
    func verify(backend: TestDatabase) async throws {
        try await backend.withFreshURL { database in
            try await CLITests.run(["demo", "--database", database])
            #expect(await CLITests.exitCode(["audit", "verify", "--database", database]) == 0)
            try await CLITests.run(["audit", "log", "--database", database, "--entity-key", "UKE", "--values"])
            let url = try DatabaseURL(parsing: database)
            try await Database.withDatabase(url) { opened in
                try await opened.withConnection { db in
                    try await db.raw("UPDATE audit_log SET actor = 'mallory' WHERE sequence = 7").run()
                }
            }
            #expect(await CLITests.exitCode(["audit", "verify", "--database", database]) == 1)
        }
    }
}
