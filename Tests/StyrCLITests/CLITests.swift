import ArgumentParser
import Foundation
@testable import StyrCLI
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

    @Test("demo, then report annual, writes the seed's figures to a file")
    func demoAndReport() async throws {
        let database = try Self.temporaryFile("demo.sqlite")
        let output = try Self.temporaryFile("report.md")
        defer { for path in [database, database + "-wal", database + "-shm", output] { try? FileManager.default.removeItem(atPath: path) } }
        try await Self.run(["demo", "--database", "sqlite://\(database)"])
        do {
            try await Self.run(["demo", "--database", "sqlite://\(database)"])
            Issue.record("loading the demo twice must be refused")
        } catch let error as CLIError {
            #expect(error.message.contains("allerede data"))
        }
        try await Self.run(["report", "annual", "--org", "UKE", "--year", "2020", "--format", "md", "--out", output,
                            "--database", "sqlite://\(database)"])
        let markdown = try String(contentsOfFile: output, encoding: .utf8)
        #expect(markdown.contains("1 158 413 263") && markdown.contains("34 095 000") && markdown.contains("1,9 %"))
        let html = try Self.temporaryFile("report.html")
        defer { try? FileManager.default.removeItem(atPath: html) }
        try await Self.run(["report", "annual", "--org", "UKE", "--year", "2020", "--format", "html", "--out", html,
                            "--database", "sqlite://\(database)"])
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("<td class=\"num\">420 062 859</td>"))
    }

    @Test("report annual refuses bad arguments before touching the database")
    func badArguments() async throws {
        #expect(throws: (any Error).self) { try StyrCommand.parseAsRoot(["report", "annual", "--org", "UKE", "--year", "20x"]) }
        #expect(throws: (any Error).self) { try StyrCommand.parseAsRoot(["report", "annual", "--org", "UKE", "--year", "1200"]) }
        #expect(throws: (any Error).self) { try StyrCommand.parseAsRoot(["report", "annual", "--org", "UKE", "--year", "2020", "--format", "pdf"]) }
        #expect(throws: (any Error).self) { try StyrCommand.parseAsRoot(["serve", "--port", "70000"]) }
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
