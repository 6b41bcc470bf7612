import ArgumentParser
import Foundation
@testable import StyrCLI
import SQLKit
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport
import Testing

/// `styr bench generate-ledger`, `styr import ledger`, `styr import profile` and `styr ledger …`,
/// run in-process; what they stored is read back with SQL.
@Suite("styr import ledger")
struct LedgerCLITests {
    /// What the ledger tables hold.
    struct Counts: Hashable, Sendable, CustomStringConvertible {
        var lines: Int64
        var imports: Int64
        /// Audit entries of type ledgerImport.
        var importAudits: Int64
        /// The sum of all stored amounts, in øre.
        var ore: Int64

        var description: String { "\(lines) linjer, \(imports) importer, \(importAudits) revisjonsoppføringer, \(ore) øre" }

        /// What the demo data holds, plus what a test added.
        static func + (lhs: Counts, rhs: Counts) -> Counts {
            Counts(lines: lhs.lines + rhs.lines, imports: lhs.imports + rhs.imports, importAudits: lhs.importAudits + rhs.importAudits,
                   ore: lhs.ore + rhs.ore)
        }
    }

    /// A stored line, as read with SQL.
    struct Row: Hashable, Sendable {
        var responsibility: String
        var art: Int64
        var function: Int64
        var month: Int64
        var ore: Int64
    }

    static func sql<T: Sendable>(_ url: String, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let parsed = try DatabaseURL(parsing: url)
        return try await Database.withDatabase(parsed) { database async throws in
            try await database.withConnection { db async throws in try await body(db) }
        }
    }

    static func number(_ db: any SQLDatabase, _ query: SQLQueryString) async throws -> Int64 {
        try await db.raw(query).first()?.decode(column: "n", as: Int64.self) ?? -1
    }

    static func counts(_ url: String) async throws -> Counts {
        try await Self.sql(url) { db async throws in
            let lines = try await Self.number(db, "SELECT COUNT(*) AS n FROM ledger_lines")
            let imports = try await Self.number(db, "SELECT COUNT(*) AS n FROM ledger_imports")
            let audits = try await Self.number(db, "SELECT COUNT(*) AS n FROM audit_log WHERE entity_type = 'ledgerImport'")
            let ore = try await Self.number(db, "SELECT CAST(COALESCE(SUM(amount_ore), 0) AS BIGINT) AS n FROM ledger_lines")
            return Counts(lines: lines, imports: imports, importAudits: audits, ore: ore)
        }
    }

    /// The stored lines of one year, in the order they were imported.
    static func rows(_ url: String, year: Int) async throws -> [Row] {
        try await Self.sql(url) { db async throws in
            try await db.raw("""
                SELECT responsibility, art, function, month, amount_ore FROM ledger_lines
                WHERE id / 4294967296 IN (SELECT id FROM ledger_imports WHERE year = \(bind: year)) ORDER BY id
                """).all().map { row in
                Row(responsibility: try row.decode(column: "responsibility", as: String.self),
                    art: try row.decode(column: "art", as: Int64.self), function: try row.decode(column: "function", as: Int64.self),
                    month: try row.decode(column: "month", as: Int64.self), ore: try row.decode(column: "amount_ore", as: Int64.self))
            }
        }
    }

    /// The number of lines of a generated file and the sum of their amounts in øre, read from the
    /// text (the amount is the last field: kroner, a point and two decimals).
    static func fileTotals(_ path: String) throws -> (lines: Int64, ore: Int64) {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines: Int64 = 0
        var ore: Int64 = 0
        for line in text.split(separator: "\n").dropFirst() {
            let amount = String(line.split(separator: ";", omittingEmptySubsequences: false).last ?? "")
            guard let value = Int64(amount.replacingOccurrences(of: ".", with: "")) else {
                Issue.record("not an amount: \(amount)")
                continue
            }
            lines += 1
            ore += value
        }
        return (lines, ore)
    }

    static func importArguments(_ file: String, _ database: String, _ extra: [String] = []) -> [String] {
        ["import", "ledger", file, "--org", "UKE", "--year", "2025", "--quiet", "--database", database] + extra
    }

    /// The message of the `CLIError` a command throws, or of the use case's refusal as
    /// `StyrCommand.runMain` prints it; nil (and an issue) when it succeeds or fails otherwise.
    static func cliError(_ arguments: [String]) async -> String? {
        do {
            try await CLITests.run(arguments)
            Issue.record("\(arguments) must fail")
            return nil
        } catch let error as CLIError {
            return error.message
        } catch let error as ServiceError {
            return error.cliError.message
        } catch {
            Issue.record("\(arguments) failed with \(error), not a CLIError")
            return nil
        }
    }

    @Test("generate-ledger gives the same file for the same seed and another for another seed")
    func generateIsDeterministic() async throws {
        let first = try CLITests.temporaryFile("seed3a.csv")
        let second = try CLITests.temporaryFile("seed3b.csv")
        let other = try CLITests.temporaryFile("seed4.csv")
        defer { for path in [first, second, other] { try? FileManager.default.removeItem(atPath: path) } }
        try await CLITests.run(["bench", "generate-ledger", "--lines", "5000", "--seed", "3", first])
        try await CLITests.run(["bench", "generate-ledger", "--lines", "5000", "--seed", "3", second])
        try await CLITests.run(["bench", "generate-ledger", "--lines", "5000", "--seed", "4", other])
        let a = try Data(contentsOf: URL(fileURLWithPath: first))
        let b = try Data(contentsOf: URL(fileURLWithPath: second))
        let c = try Data(contentsOf: URL(fileURLWithPath: other))
        #expect(!a.isEmpty)
        #expect(a == b, "seed 3 twice must give identical files")
        #expect(a != c, "seed 4 must give another file")
        let text = String(decoding: a, as: UTF8.self)
        #expect(text.hasPrefix("virksomhetsomraade;art;art_tekst;ansvar;ansvar_tekst;tjeneste_nr;tjeneste_tekst;prosjekt;prosjekt_tekst;fri_dim;fri_dim_tekst;periode;beloep\n"))
        #expect(text.split(separator: "\n").count == 5_001)
        #expect(try Self.fileTotals(first).lines == 5_000)
    }

    @Test("import ledger stores every line once; --aggregate-only stores nothing; a second import needs --replace; a bad file stores nothing",
          arguments: TestDatabase.backends)
    func importLedger(backend: TestDatabase) async throws {
        try await backend.withFreshURL { database async throws in
            let file = try CLITests.temporaryFile("ledger-seed3.csv")
            let replacement = try CLITests.temporaryFile("ledger-seed4.csv")
            let broken = try CLITests.temporaryFile("ledger-broken.csv", contents: """
                art;ansvar;tjeneste_nr;periode;beloep
                10101;A101;12000;1;100,00
                10101;A101;12000;13;100,00
                10101;A101;12000;2;12,3,4

                """)
            defer { for path in [file, replacement, broken] { try? FileManager.default.removeItem(atPath: path) } }
            try await CLITests.run(["demo", "--database", database])
            try await CLITests.run(["bench", "generate-ledger", "--lines", "5000", "--seed", "3", file])
            try await CLITests.run(["bench", "generate-ledger", "--lines", "1200", "--seed", "4", replacement])
            let seed3Totals = try Self.fileTotals(file)
            let replacementTotals = try Self.fileTotals(replacement)
            // What the demo data holds (its ledger, if any, is of other years); the test counts from here.
            let demo = try await Self.counts(database)

            // Reading and totalling only: nothing is stored.
            try await CLITests.run(Self.importArguments(file, database, ["--aggregate-only"]))
            #expect(try await Self.counts(database) == demo)

            try await CLITests.run(Self.importArguments(file, database))
            let imported = demo + Counts(lines: 5_000, imports: 1, importAudits: 1, ore: seed3Totals.ore)
            #expect(try await Self.counts(database) == imported)
            let recorded = try await Self.sql(database) { db async throws in
                try await Self.number(db, "SELECT lines AS n FROM ledger_imports WHERE year = 2025")
            }
            #expect(recorded == 5_000)

            // Again without --replace: refused, nothing changes.
            let refusal = await Self.cliError(Self.importArguments(file, database))
            #expect(refusal?.contains("er allerede importert") == true, "\(refusal ?? "")")
            #expect(refusal?.contains("--replace") == true, "\(refusal ?? "")")
            #expect(refusal?.contains("Ingenting er lagret") == true, "\(refusal ?? "")")
            #expect(try await Self.counts(database) == imported)

            // With --replace: the other file's lines instead, in one import.
            try await CLITests.run(Self.importArguments(replacement, database, ["--replace"]))
            // Three import entries in the audit log: the first import, its deletion, the new import.
            let replaced = demo + Counts(lines: 1_200, imports: 1, importAudits: 3, ore: replacementTotals.ore)
            #expect(try await Self.counts(database) == replaced)

            // A file with errors exits 1 and stores nothing, even with --replace.
            #expect(await CLITests.exitCode(Self.importArguments(broken, database, ["--replace"])) == 1)
            #expect(try await Self.counts(database) == replaced)
            #expect(await CLITests.exitCode(Self.importArguments(broken, database, ["--replace", "--aggregate-only"])) == 1)
            #expect(try await Self.counts(database) == replaced)

            // An organisation that does not exist is a Norwegian error, and nothing is stored.
            let unknown = await Self.cliError(["import", "ledger", file, "--org", "NOPE", "--year", "2025", "--quiet", "--database", database])
            #expect(unknown?.contains("NOPE") == true, "\(unknown ?? "")")
            #expect(try await Self.counts(database) == replaced)

            // The totals and the lines behind them can be read (last, so that a failure here hides nothing above).
            try await CLITests.run(["ledger", "lines", "--org", "UKE", "--year", "2025", "--where", "group=100-299", "--where", "month=3",
                                    "--limit", "5", "--database", database])
            try await CLITests.run(["ledger", "totals", "--org", "UKE", "--year", "2025", "--by", "kind", "--database", database])
            try await CLITests.run(["ledger", "totals", "--org", "UKE", "--year", "2025", "--by", "group", "--by", "month", "--database", database])
        }
    }

    @Test("a funksjon outside the KOSTRA list stops the import; --invalid-codes warning takes the lines in")
    func invalidCodes() async throws {
        try await TestDatabase.sqlite.withFreshURL { database async throws in
            let file = try CLITests.temporaryFile("ledger-codes.csv", contents: """
                art;ansvar;tjeneste_nr;beloep
                10101;A101;12000;100,00
                10101;A101;99900;250,00

                """)
            defer { try? FileManager.default.removeItem(atPath: file) }
            try await CLITests.run(["demo", "--database", database])
            let demo = try await Self.counts(database)
            #expect(await CLITests.exitCode(Self.importArguments(file, database)) == 1)
            #expect(try await Self.counts(database) == demo)
            #expect(await CLITests.exitCode(Self.importArguments(file, database, ["--invalid-codes", "maybe"])) != 0)
            try await CLITests.run(Self.importArguments(file, database, ["--invalid-codes", "warning"]))
            #expect(try await Self.counts(database) == demo + Counts(lines: 2, imports: 1, importAudits: 1, ore: 35_000))
        }
    }

    @Test("Oslo's investment file is investering by its name; --kind says otherwise")
    func investmentByName() async throws {
        try await TestDatabase.sqlite.withFreshURL { database async throws in
            let file = try CLITests.temporaryFile("2025 Årsregnskap investering.csv", contents: """
                Avdelingskode;Avdelingsnavn;Kapittelkode;Kapittelnavn;Artgruppekode;Artsgruppenavn;Kostrafunksjonskode;Kostrafunksjonsnavn;Årsregnskap;Regulert budsjett;Opprinnelig budsjett
                100;Byrådsavdeling for finans;125;Utviklings- og kompetanseetaten;2;Kjøp;120;Administrasjon;5000;6000;6000

                """)
            defer { try? FileManager.default.removeItem(atPath: file) }
            try await CLITests.run(["demo", "--database", database])
            func kinds() async throws -> [Int64] {
                try await Self.sql(database) { db async throws in
                    try await db.raw("SELECT kind AS n FROM ledger_lines WHERE id / 4294967296 = (SELECT MAX(id) FROM ledger_imports)").all()
                        .map { try $0.decode(column: "n", as: Int64.self) }
                }
            }
            try await CLITests.run(Self.importArguments(file, database))
            #expect(try await kinds() == [0], "investering")
            // The drift file of the same year stands beside it, without --replace.
            let drift = try CLITests.temporaryFile("2025 Årsregnskap drift.csv", contents: try String(contentsOfFile: file, encoding: .utf8))
            defer { try? FileManager.default.removeItem(atPath: drift) }
            try await CLITests.run(Self.importArguments(drift, database))
            #expect(try await kinds() == [1], "drift")
            let imports = try await Self.sql(database) { db async throws in
                try await Self.number(db, "SELECT COUNT(*) AS n FROM ledger_imports WHERE year = 2025")
            }
            #expect(imports == 2)
            // A file of both kontoklasser clashes with both; --kind for a file with lines of the other is refused.
            let both = try CLITests.temporaryFile("hovedbok.csv", contents: "art;ansvar;tjeneste_nr;beloep\n10101;A101;12000;100,00\n00101;A101;12000;50,00\n")
            defer { try? FileManager.default.removeItem(atPath: both) }
            let clash = await Self.cliError(Self.importArguments(both, database))
            #expect(clash?.contains("er allerede importert") == true, "\(clash ?? "")")
            let mixed = await Self.cliError(Self.importArguments(both, database, ["--replace", "--kind", "drift"]))
            #expect(mixed?.contains("Importen gjelder bare drift (--kind), men filen har linjer i investering") == true, "\(mixed ?? "")")
            #expect(imports == 2)
            // Names that mention both, or a named profile, decide nothing.
            for (name, expected) in [("drift og investering.csv", nil), ("2025 Årsregnskap investering.csv", AccountKind.investment),
                                     ("2025_arsregnskap-drift.csv", .operating), ("investeringstilskudd.csv", nil)] as [(String, AccountKind?)] {
                let settings = LedgerFileImport.Settings(organisationCode: "UKE", year: 2025, sourceName: name, actor: "t")
                #expect(settings.scope == expected, "\(name)")
                #expect(LedgerFileImport.Settings(organisationCode: "UKE", year: 2025, sourceName: name, profileName: "egen", actor: "t").scope == nil)
            }
            #expect(await CLITests.exitCode(Self.importArguments(file, database, ["--replace", "--kind", "capital"])) != 0)
        }
    }

    @Test("a saved import profile reads columns only it knows; an unknown profile is refused", arguments: TestDatabase.backends)
    func importProfile(backend: TestDatabase) async throws {
        try await backend.withFreshURL { database async throws in
            let profile = try CLITests.temporaryFile("profile.json", contents: """
                {
                  "name": "fra-fil",
                  "delimiter": "|",
                  "accountNames": ["kontonr"],
                  "responsibilityNames": ["koststed"],
                  "functionNames": ["tjenestekode"],
                  "periodNames": ["mnd"],
                  "amountNames": ["sum_nok"],
                  "accountRule": {"artOverrides": {"1165x": 50}}
                }
                """)
            let badProfile = try CLITests.temporaryFile("bad-profile.json", contents: "{\"name\": \"feil\", \"delimiter\": \"#\"}")
            let notJSON = try CLITests.temporaryFile("not-a-profile.json", contents: "kontonr|sum_nok")
            let file = try CLITests.temporaryFile("kommune.csv", contents: """
                kontonr|koststed|tjenestekode|mnd|sum_nok
                10101|K1|12000|1|100,00
                11651|K2|20100|2|-50,5

                """)
            let nynorsk = try CLITests.temporaryFile("nynorsk.csv", contents: """
                konto;ansvar;teneste;periode;rekneskap
                10101;R1;12000;3;10

                """)
            defer { for path in [profile, badProfile, notJSON, file, nynorsk] { try? FileManager.default.removeItem(atPath: path) } }
            try await CLITests.run(["demo", "--database", database])
            try await CLITests.run(["import", "profile", "--name", "kommune", "--file", profile, "--database", database])
            // Shown and listed under the name given on the command line.
            try await CLITests.run(["import", "profile", "--name", "kommune", "--database", database])
            try await CLITests.run(["import", "profile", "--database", database])
            let saved = try await Self.sql(database) { db async throws in
                try await db.raw("SELECT name FROM import_profiles ORDER BY name").all().map { try $0.decode(column: "name", as: String.self) }
            }
            #expect(saved == ["kommune"])
            let demo = try await Self.counts(database)

            // Without the profile the columns are not found.
            let withoutProfile = await Self.cliError(Self.importArguments(file, database))
            #expect(withoutProfile?.contains("mangler kolonnen for art") == true, "\(withoutProfile ?? "")")
            #expect(try await Self.counts(database) == demo)

            // An unknown profile is refused, whether the lines are stored or only totalled.
            let unknown = await Self.cliError(Self.importArguments(file, database, ["--profile", "nope"]))
            #expect(unknown?.contains("Det finnes ingen importprofil «nope»") == true, "\(unknown ?? "")")
            let unknownAggregate = await Self.cliError(Self.importArguments(file, database, ["--profile", "nope", "--aggregate-only"]))
            #expect(unknownAggregate?.contains("Det finnes ingen importprofil «nope»") == true, "\(unknownAggregate ?? "")")
            #expect(try await Self.counts(database) == demo)
            #expect(await Self.cliError(["import", "profile", "--name", "nope", "--database", database])?.contains("«nope»") == true)

            // With it: the pipe-separated columns, and 11651 mapped to art 050 by the profile's override.
            try await CLITests.run(Self.importArguments(file, database, ["--profile", "kommune", "--aggregate-only"]))
            #expect(try await Self.counts(database) == demo)
            try await CLITests.run(Self.importArguments(file, database, ["--profile", "kommune"]))
            #expect(try await Self.rows(database, year: 2025) == [
                Row(responsibility: "K1", art: 10, function: 120, month: 1, ore: 10_000),
                Row(responsibility: "K2", art: 50, function: 201, month: 2, ore: -5_050),
            ])
            #expect(try await Self.counts(database) == demo + Counts(lines: 2, imports: 1, importAudits: 1, ore: 4_950))

            // Nynorsk headers are read by the standard profile.
            try await CLITests.run(["import", "ledger", nynorsk, "--org", "UKE", "--year", "2026", "--quiet", "--database", database])
            #expect(try await Self.rows(database, year: 2026) == [Row(responsibility: "R1", art: 10, function: 120, month: 3, ore: 1_000)])

            // A profile that cannot be used is not saved.
            let invalid = await Self.cliError(["import", "profile", "--name", "feil", "--file", badProfile, "--database", database])
            #expect(invalid?.contains("er ugyldig") == true, "\(invalid ?? "")")
            let unreadable = await Self.cliError(["import", "profile", "--name", "feil", "--file", notJSON, "--database", database])
            #expect(unreadable?.contains("er ikke en gyldig importprofil") == true, "\(unreadable ?? "")")
            let afterwards = try await Self.sql(database) { db async throws in
                try await db.raw("SELECT name FROM import_profiles ORDER BY name").all().map { try $0.decode(column: "name", as: String.self) }
            }
            #expect(afterwards == ["kommune"])
        }
    }
}
