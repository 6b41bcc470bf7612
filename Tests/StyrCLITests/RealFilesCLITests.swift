import Foundation
@testable import StyrCLI
import StyrTestSupport
import Testing

/// Issue 17 on the command line: `styr codes import` and `styr check --definition`.
@Suite struct RealFilesCLITests {
    @Test("a year's arts from KLASS's export make that year's file import; without --list the name decides")
    func codesImport() async throws {
        try await TestDatabase.sqlite.withFreshURL { database async throws in
            let klass = try CLITests.temporaryFile("klass-arter-2013.csv", contents: """
                "code";"parentCode";"level";"name";"validFrom";"validTo"
                "010";"";"2";"Lønn";"2010-01-01";""
                "060";"";"2";"Gammel art";"2010-01-01";"2016-01-01"

                """)
            let unnamed = try CLITests.temporaryFile("klass.csv", contents: "code;name\n010;Lønn\n")
            let ledger = try CLITests.temporaryFile("regnskap-2013.csv", contents: "art;ansvar;tjeneste_nr;beloep\n10601;A1;12000;100,00\n")
            defer { for path in [klass, unnamed, ledger] { try? FileManager.default.removeItem(atPath: path) } }
            try await CLITests.run(["demo", "--database", database])
            let arguments = ["import", "ledger", ledger, "--org", "UKE", "--year", "2013", "--quiet", "--database", database]
            #expect(await CLITests.exitCode(arguments) == 1)
            #expect(await CLITests.exitCode(["codes", "import", unnamed, "--year", "2013", "--database", database]) != 0)
            try await CLITests.run(["codes", "import", klass, "--year", "2013", "--database", database])
            try await CLITests.run(["codes", "list", "--database", database])
            try await CLITests.run(arguments)
        }
    }

    @Test("check --definition: 0 when the tables hold, 1 with findings, 2 for input that cannot be checked")
    func check() async throws {
        let good = try CLITests.temporaryFile("1b.csv", contents: "Enhet,Regnskap 2018\nOppvekst,300\nHelse,350\nSum fordelt til drift,650\n")
        let wrong = try CLITests.temporaryFile("1b-feil.csv", contents: "Enhet;Regnskap 2018\nOppvekst;300\nHelse;350\nSum fordelt til drift;640\n")
        let unreadable = try CLITests.temporaryFile("1b-x.csv", contents: "Enhet;Regnskap 2018\nOppvekst;3x0\nSum fordelt til drift;640\n")
        let cyclic = try CLITests.temporaryFile("ring.json", contents: #"{"name":"ring","title":"Ring","columns":[{"key":"a","names":["A"]}],"rows":[{"key":"x","names":["X"],"sum":["y"]},{"key":"y","names":["Y"],"sum":["x"]}]}"#)
        defer { for path in [good, wrong, unreadable, cyclic] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(await CLITests.exitCode(["check", good, "--definition", "regnskapsskjema-1b"]) == 0)
        #expect(await CLITests.exitCode(["check", good]) == 0)
        #expect(await CLITests.exitCode(["check", wrong, "--definition", "regnskapsskjema-1b", "--format", "csv"]) == 1)
        #expect(await CLITests.exitCode(["check", wrong, "--definition", "regnskapsskjema-1b", "--tolerance", "10"]) == 0)
        #expect(await CLITests.exitCode(["check", unreadable, "--definition", "regnskapsskjema-1b"]) == 2)
        #expect(await CLITests.exitCode(["check", good, "--definition", cyclic]) == 2)
        #expect(await CLITests.exitCode(["check", good, "--definition", "finnes-ikke"]) == 2)
        #expect(await CLITests.exitCode(["check", "--definitions"]) == 0)
        #expect(await CLITests.exitCode(["check", "--show-definition", "regnskapsskjema-1a"]) == 0)
    }
}
