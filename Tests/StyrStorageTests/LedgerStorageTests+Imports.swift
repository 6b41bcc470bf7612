import Foundation
import SQLKit
import StyrDemo
import StyrDomain
@testable import StyrStorage
import StyrTestSupport
import Testing

/// Imports that clash with earlier ones, bad files, and each format and encoding end to end.
extension LedgerStorageTests {
    @Test("a second import of the year is refused without replace; with replace the old lines go and the new come in", arguments: TestDatabase.backends)
    func replace(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database async throws in
            _ = try await DemoLoader.loadIfEmpty(database)
            let baseline = try await Self.state(database)
            let first = try #require(try await Self.importBytes(Self.utf8(Self.erpFile), into: database).record)
            let before = try await Self.state(database)
            #expect(before.lineRows == baseline.lineRows + 7 && before.importRows == baseline.importRows + 1)

            // The same year again, without replace: refused, in Norwegian, and nothing changes.
            let again = try await Self.importBytes(Self.utf8(Self.erpFile), into: database)
            #expect(again.record == nil)
            let message = try #require(again.fileError)
            #expect(message.contains("«UKE» 2025"), "\(message)")
            #expect(message.contains("er allerede importert"), "\(message)")
            // Storage names the clash; how to replace it is each edge's to say.
            #expect(!message.contains("--replace"), "\(message)")
            #expect(again.clash == .alreadyImported(measure: .actuals, organisationCode: "UKE", year: 2025, period: 0))
            #expect(message.contains("ingenting er endret"), "\(message)")
            #expect(try await Self.state(database) == before)

            // With replace: the earlier import and its lines are gone, the new ones in.
            let auditBefore = try await Self.auditCount(database)
            let newFile = Self.utf8([
                "art;ansvar;tjeneste_nr;prosjekt;periode;beloep",
                "11200;B200;12000;;6;10,00",
                "11201;B200;12000;;7;20,00",
            ])
            let replaced = try await Self.importBytes(newFile, into: database, replace: true)
            let second = try #require(replaced.record, "\(replaced.fileError ?? "") \(replaced.errors.errors)")
            #expect(second.id != first.id)
            #expect(second.lines == 2)
            let after = try await Self.state(database)
            #expect(after.lineRows == baseline.lineRows + 2)
            #expect(after.importRows == baseline.importRows + 1)
            #expect(after.imports == [second])
            #expect(after.lines.map(\.line) == [
                LedgerLine(responsibility: "B200", kind: .operating, art: 120, function: 120, year: 2025, month: 6, amount: Money(ore: 1_000)),
                LedgerLine(responsibility: "B200", kind: .operating, art: 120, function: 120, year: 2025, month: 7, amount: Money(ore: 2_000)),
            ])
            let oldLines = try await database.withConnection { db async throws in
                try await db.raw("SELECT COUNT(*) AS n FROM ledger_lines WHERE id / 4294967296 = \(bind: first.id)").first()?.decode(column: "n", as: Int64.self)
            }
            #expect(oldLines == 0)
            #expect(try await Self.cells(database, by: [.group]) == [Cell("100-299", 3_000, 2)])
            // The swap is recorded: the old import deleted, the new one created.
            #expect(try await Self.auditCount(database) == AuditCount(all: auditBefore.all + 2, ledgerImports: auditBefore.ledgerImports + 2))
        }
    }

    @Test("a monthly import next to an import of the whole year is refused; measures and other periods stand apart", arguments: TestDatabase.backends)
    func periods(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database async throws in
            _ = try await DemoLoader.loadIfEmpty(database)
            _ = try #require(try await Self.importBytes(Self.utf8(Self.erpFile), into: database).record)
            let monthly = Self.utf8(["art;ansvar;tjeneste_nr;beloep", "10101;C1;12000;5"])
            let before = try await Self.state(database)

            let refused = try await Self.importBytes(monthly, into: database, period: 3)
            #expect(refused.record == nil)
            #expect(refused.fileError?.contains("(periode 3) er allerede importert, eller overlapper en import av hele året") == true,
                    "\(refused.fileError ?? "")")
            #expect(try await Self.state(database) == before)

            // Not even with replace: a whole year is only swapped out by a whole year.
            let stillRefused = try await Self.importBytes(monthly, into: database, period: 3, replace: true)
            #expect(stillRefused.record == nil)
            #expect(stillRefused.fileError?.contains("Det finnes en import av hele året 2025") == true, "\(stillRefused.fileError ?? "")")
            #expect(stillRefused.fileError?.contains("Ingenting er endret") == true)
            #expect(try await Self.state(database) == before)

            // The budget of the same year is a separate measure: monthly imports of it sit side by side.
            let march = try await Self.importBytes(monthly, into: database, period: 3, measure: .budget)
            let marchRecord = try #require(march.record, "\(march.fileError ?? "")")
            #expect(marchRecord.measure == .budget && marchRecord.period == 3)
            let april = try await Self.importBytes(monthly, into: database, period: 4, measure: .budget)
            #expect(april.succeeded, "\(april.fileError ?? "")")
            #expect(try await Self.cells(database, LedgerFilter(year: 2025, measure: .budget), by: [.month]) == [
                Cell("3", 500, 1), Cell("4", 500, 1),
            ])
            let budgetBefore = try await Self.state(database)
            let marchAgain = try await Self.importBytes(monthly, into: database, period: 3, measure: .budget)
            #expect(marchAgain.fileError?.contains("(periode 3) er allerede importert") == true, "\(marchAgain.fileError ?? "")")
            let wholeBudgetYear = try await Self.importBytes(monthly, into: database, measure: .budget)
            #expect(wholeBudgetYear.fileError?.contains("(hele året) er allerede importert") == true, "\(wholeBudgetYear.fileError ?? "")")
            #expect(try await Self.state(database) == budgetBefore)
            // The actuals are untouched by all of it.
            #expect(try await Self.cells(database, by: []) == [Cell("", 771_865, 7)])
        }
    }

    /// A file that must be refused, and where its first error is.
    struct BadFile: Sendable, CustomStringConvertible {
        enum Expected: Sendable {
            /// An error in a line: line, column, field and (part of) the reason.
            case line(Int, column: Int, field: String, reason: String)
            /// An error of the whole file (no usable header, no lines, no such profile).
            case file(String)
        }

        var name: String
        var bytes: [UInt8]
        var profile: String? = nil
        var expected: Expected

        var description: String { name }
    }

    static let header = "art;ansvar;tjeneste_nr;prosjekt;periode;beloep"
    static let goodLine = "10101;A101;12000;;1;1000,50"

    static var badFiles: [BadFile] {
        let record2025 = kostraExample.replacingOccurrences(of: "0A2019", with: "0A2025")
        return [
            BadFile(name: "last line cut short", bytes: Array((header + "\n" + goodLine + "\n" + "10101;A101;120").utf8),
                    expected: .line(3, column: 4, field: "prosjekt", reason: "linjen har 3 felt, overskriften har 6")),
            BadFile(name: "KOSTRA record cut short", bytes: Array((record2025 + "\n" + String(record2025.prefix(46))).utf8),
                    expected: .line(2, column: 47, field: "beløp", reason: "posten er avkortet: 46 tegn, en KOSTRA-post har 48")),
            BadFile(name: "comma-separated line in a semicolon file", bytes: Self.utf8([header, goodLine, "10101,A101,12000,,1,100"]),
                    expected: .line(3, column: 2, field: "ansvar", reason: "er skilletegnet «;» riktig?")),
            BadFile(name: "comma file read with a profile that says semicolon",
                    bytes: Self.utf8(["art,ansvar,tjeneste_nr,prosjekt,periode,beloep", "10101,A101,12000,,1,100"]), profile: "semikolon",
                    expected: .file("skilletegnet er trolig feil")),
            BadFile(name: "amount with two decimal commas", bytes: Self.utf8([header, goodLine, "10101;A101;12000;;1;12,3,4"]),
                    expected: .line(3, column: 6, field: "beløp", reason: "«12,3,4» er ikke et beløp")),
            BadFile(name: "amount in words", bytes: Self.utf8([header, goodLine, "10101;A101;12000;;1;tusen"]),
                    expected: .line(3, column: 6, field: "beløp", reason: "«tusen» er ikke et beløp")),
            BadFile(name: "investment art in operating accounts", bytes: Self.utf8([header, goodLine, "12800;A101;12000;;1;100"]),
                    expected: .line(3, column: 1, field: "art", reason: "«12800» art 280 er ikke gyldig i drift")),
            BadFile(name: "operating art in investment accounts", bytes: Self.utf8([header, goodLine, "06000;A101;12000;;1;100"]),
                    expected: .line(3, column: 1, field: "art", reason: "«06000» art 600 er ikke gyldig i investering")),
            BadFile(name: "period 14", bytes: Self.utf8([header, goodLine, "10101;A101;12000;;14;100"]),
                    expected: .line(3, column: 5, field: "periode", reason: "«14» er ikke en måned")),
            BadFile(name: "period of another year", bytes: Self.utf8([header, goodLine, "10101;A101;12000;;202412;100"]),
                    expected: .line(3, column: 5, field: "periode", reason: "«202412» er en periode i 2024, ikke i importåret 2025")),
            BadFile(name: "empty file", bytes: [], expected: .file("Filen er tom")),
            BadFile(name: "header only", bytes: Self.utf8([header]), expected: .file("Filen er tom: den har bare overskriften")),
            BadFile(name: "unknown profile", bytes: Self.utf8([header, goodLine]), profile: "finnes-ikke",
                    expected: .file("Det finnes ingen importprofil «finnes-ikke».")),
        ]
    }

    @Test("each bad file leaves the database exactly as before and names the line and column", arguments: TestDatabase.backends)
    func badFilesChangeNothing(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database async throws in
            _ = try await DemoLoader.loadIfEmpty(database)
            try await database.transaction { db async throws in
                try await SQLImportProfileStore(db, actor: "test@styr").save(ImportProfile(name: "semikolon", delimiter: ";"))
            }
            let baseline = try await Self.state(database)
            _ = try #require(try await Self.importBytes(Self.utf8(Self.erpFile), into: database).record)
            let before = try await Self.state(database)
            #expect(before.lineRows == baseline.lineRows + 7 && before.importRows == baseline.importRows + 1)

            for bad in Self.badFiles {
                // With replace, so that the earlier import would be swapped out if the bad file got through.
                let outcome = try await Self.importBytes(bad.bytes, into: database, replace: true, profile: bad.profile)
                #expect(outcome.record == nil, "\(bad.name) was imported")
                switch bad.expected {
                case .line(let line, let column, let field, let reason):
                    #expect(outcome.fileError == nil, "\(bad.name): \(outcome.fileError ?? "")")
                    #expect(outcome.errors.count == 1, "\(bad.name): \(outcome.errors.errors)")
                    let error = try #require(outcome.errors.errors.first, "\(bad.name): no error reported")
                    #expect(error.line == line, "\(bad.name): \(error)")
                    #expect(error.column == column, "\(bad.name): \(error)")
                    #expect(error.field == field, "\(bad.name): \(error)")
                    #expect(error.description.hasPrefix("linje \(line), kolonne \(column) (\(field)): "), "\(bad.name): \(error)")
                    #expect(error.description.contains(reason), "\(bad.name): \(error)")
                case .file(let text):
                    let message = try #require(outcome.fileError, "\(bad.name): no file error (errors: \(outcome.errors.errors))")
                    #expect(message.contains(text), "\(bad.name): \(message)")
                }
                let after = try await Self.state(database)
                #expect(after == before, "\(bad.name) changed the database: \(after), before \(before)")
            }

            // The wrong delimiter in the header names the header line.
            let comma = try await Self.importBytes(
                Self.utf8(["art,ansvar,tjeneste_nr,prosjekt,periode,beloep", "10101,A101,12000,,1,100"]), into: database, replace: true,
                profile: "semikolon")
            #expect(comma.fileError?.hasPrefix("linje 1 (art): ") == true, "\(comma.fileError ?? "")")
            #expect(comma.fileError?.contains("mangler kolonnen for art") == true, "\(comma.fileError ?? "")")
            // Read with the standard profile (delimiter detected), the same file imports.
            let detected = try await Self.importBytes(
                Self.utf8(["art,ansvar,tjeneste_nr,prosjekt,periode,beloep", "10101,A101,12000,,1,100"]), into: database, year: 2026)
            #expect(detected.summary?.delimiter == ",")
            #expect(detected.succeeded, "\(detected.fileError ?? "") \(detected.errors.errors)")

            // A file that cannot be read at all changes nothing either.
            let missing = try await LedgerFileImport.run(
                LedgerFileImport.Settings(organisationCode: "UKE", year: 2025, sourceName: "borte.csv", replace: true, actor: "test@styr"),
                chunks: FileChunks(path: "/nonexistent/styr/borte.csv"), database: database)
            #expect(missing.record == nil)
            #expect(missing.fileError?.contains("Kan ikke lese filen") == true, "\(missing.fileError ?? "")")
            // An organisation that does not exist neither.
            let nobody = try await LedgerFileImport.run(
                LedgerFileImport.Settings(organisationCode: "NOPE", year: 2025, sourceName: "x.csv", actor: "test@styr"),
                chunks: AsyncStream<[UInt8]> { continuation in
                    continuation.yield(Self.utf8(Self.erpFile))
                    continuation.finish()
                },
                database: database)
            #expect(nobody.record == nil)
            #expect(nobody.fileError?.contains("NOPE") == true, "\(nobody.fileError ?? "")")
            let after = try await Self.state(database)
            #expect(after.lineRows == before.lineRows + 1, "only the 2026 import was added")
            #expect(after.importRows == before.importRows + 1)
            #expect(after.imports == before.imports && after.lines == before.lines)
        }
    }

    @Test("a Latin-1 file imports, with its Norwegian letters decoded", arguments: TestDatabase.backends)
    func latin1File(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database async throws in
            _ = try await DemoLoader.loadIfEmpty(database)
            let auditBefore = try await Self.auditCount(database)
            let bytes = Self.latin1("""
                art;ansvar;tjeneste;prosjekt;periode;beløp
                10101;Økonomi;12000;Bjørvika;1;1000,00
                11200;Særskilt;20100;;2;-250,50

                """)
            #expect(bytes.contains(0xF8) && !bytes.contains(0xC3), "the file must be Latin-1, not UTF-8")
            let outcome = try await Self.importBytes(bytes, into: database, chunkSize: 5)
            let record = try #require(outcome.record, "\(outcome.fileError ?? "") \(outcome.errors.errors)")
            #expect(record.lines == 2)
            #expect(outcome.summary?.encoding == .windows1252)
            let state = try await Self.state(database)
            #expect(state.lines.map(\.line) == [
                LedgerLine(responsibility: "Økonomi", kind: .operating, art: 10, function: 120, project: "Bjørvika", year: 2025, month: 1,
                           amount: Money(ore: 100_000)),
                LedgerLine(responsibility: "Særskilt", kind: .operating, art: 120, function: 201, year: 2025, month: 2, amount: Money(ore: -25_050)),
            ])
            #expect(try await Self.cells(database, LedgerFilter(year: 2025, equals: [.responsibility: "Økonomi"]), by: [.responsibility])
                    == [Cell("Økonomi", 100_000, 1)])
            #expect(try await Self.auditCount(database) == AuditCount(all: auditBefore.all + 1, ledgerImports: auditBefore.ledgerImports + 1))
        }
    }

    @Test("the KOSTRA example record of FORMATS.md imports as 36 328 000 kr on art 010, funksjon 120", arguments: TestDatabase.backends)
    func kostraRecord(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database async throws in
            _ = try await DemoLoader.loadIfEmpty(database)
            let auditBefore = try await Self.auditCount(database)
            // The example, then a balance record (skjema 0B), which is not bevilgningsregnskap and is passed over.
            let balance = "0B" + String(Self.kostraExample.dropFirst(2))
            // With replace: the demo data may hold UKE's 2019 accounts already; the record takes their place.
            let outcome = try await Self.importBytes(
                Array((Self.kostraExample + "\n" + balance + "\n").utf8), into: database, year: 2019, replace: true)
            let record = try #require(outcome.record, "\(outcome.fileError ?? "") \(outcome.errors.errors)")
            #expect(outcome.summary?.format == .kostra)
            #expect(outcome.summary?.skipped[.skjema("0B")] == 1)
            #expect(record.lines == 1)
            #expect(record.controlSum == Money.kroner(36_328_000))
            #expect(try await Self.cells(database, LedgerFilter(year: 2019), by: [.art, .function]) == [Cell("010/120", 3_632_800_000, 1)])
            #expect(try await Self.cells(database, LedgerFilter(year: 2019), by: [.kind, .group, .month]) == [
                Cell("operating/000-099/12", 3_632_800_000, 1),
            ])
            let state = try await Self.state(database, year: 2019)
            #expect(state.lines.map(\.line) == [
                LedgerLine(responsibility: "040200", kind: .operating, art: 10, function: 120, year: 2019, month: 12, amount: Money.kroner(36_328_000)),
            ])
            // It replaced the demo's 2019 ledger: one entry for the deletion, one for the import.
            #expect(try await Self.auditCount(database) == AuditCount(all: auditBefore.all + 2, ledgerImports: auditBefore.ledgerImports + 2))
        }
    }

    @Test("Oslo's \"Årsregnskap drift\" CSV imports with chapter and artsgruppe; actuals, budget and revised budget apart", arguments: TestDatabase.backends)
    func osloAnnual(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database async throws in
            _ = try await DemoLoader.loadIfEmpty(database)
            let auditBefore = try await Self.auditCount(database)
            // Handed over in pieces of 5 bytes, so that å, ø and the byte order mark are split.
            let chunks = Self.chunked(Self.utf8(Self.osloFile), size: 5)
            let outcome = try await Self.importStream(chunks, into: database, year: 2024)
            let record = try #require(outcome.record, "\(outcome.fileError ?? "") \(outcome.errors.errors)")
            #expect(outcome.summary?.format == .osloAnnual)
            #expect(outcome.summary?.hasByteOrderMark == true)
            #expect(record.lines == 4)
            #expect(try await Self.cells(database, LedgerFilter(year: 2024), by: [.chapter, .group]) == [
                Cell("125/000-099", 42_006_285_900, 1), Cell("125/100-299", 123_456_789, 1), Cell("125/600-699", -13_218_201_300, 1),
                Cell("200/100-299", 500_000, 1),
            ])
            let state = try await Self.state(database, year: 2024)
            #expect(state.lines.map(\.line) == Self.storedOrder([
                LedgerLine(responsibility: "100", chapter: 125, kind: .operating, art: 0, function: 120, year: 2024, amount: Money(ore: 42_006_285_900)),
                LedgerLine(responsibility: "100", chapter: 125, kind: .operating, art: 100, function: 120, year: 2024, amount: Money(ore: 123_456_789)),
                LedgerLine(responsibility: "100", chapter: 125, kind: .operating, art: 600, function: 120, year: 2024, amount: Money(ore: -13_218_201_300)),
                LedgerLine(responsibility: "200", chapter: 200, kind: .operating, art: 100, function: 202, year: 2024, amount: Money(ore: 500_000)),
            ]))
            let chapter125 = try await Self.page(database, LedgerFilter(year: 2024, equals: [.chapter: "125"]), after: 0, limit: 10)
            #expect(chapter125.count == 3)

            // The original budget of the same file is a measure of its own ("-" is 0).
            let budget = try await Self.importStream(chunks, into: database, year: 2024, measure: .budget)
            #expect(budget.succeeded, "\(budget.fileError ?? "") \(budget.errors.errors)")
            #expect(try await Self.cells(database, LedgerFilter(year: 2024, measure: .budget), by: []) == [Cell("", 39_120_600_000, 4)])
            #expect(try await Self.cells(database, LedgerFilter(year: 2024), by: []) == [Cell("", 28_912_041_389, 4)])
            // The revised budget is kept beside the original budget, not instead of it.
            let revised = try await Self.importStream(chunks, into: database, year: 2024, measure: .revisedBudget)
            #expect(revised.succeeded, "\(revised.fileError ?? "") \(revised.errors.errors)")
            #expect(revised.record?.measure == .revisedBudget)
            #expect(try await Self.cells(database, LedgerFilter(year: 2024, measure: .revisedBudget), by: []) == [Cell("", 40_230_600_000, 4)])
            #expect(try await Self.cells(database, LedgerFilter(year: 2024, measure: .budget), by: []) == [Cell("", 39_120_600_000, 4)])
            #expect(try await Self.auditCount(database) == AuditCount(all: auditBefore.all + 3, ledgerImports: auditBefore.ledgerImports + 3))
            let entries = try await Self.ledgerImportEntries(database)
            let keys = entries.suffix(3).map(\.entityKey)
            #expect(keys.count == 3)
            #expect(keys[0].hasPrefix("UKE/2024/actuals/0/") && keys[1].hasPrefix("UKE/2024/budget/0/") && keys[2].hasPrefix("UKE/2024/revised-budget/0/"), "\(keys)")
        }
    }
}

/// Issue 17: a file is checked against its own year's code list; a year without one against the shipped lists, with a warning.
extension LedgerStorageTests {
    @Test("a year's own KOSTRA list decides; a year without one is checked against 2025's and says so", arguments: TestDatabase.backends)
    func codeListsPerYear(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database async throws in
            _ = try await DemoLoader.loadIfEmpty(database)
            // Art 060 is not in the 2025 list; 2013's list has it.
            let file = Self.utf8(["art;ansvar;tjeneste_nr;beloep", "10601;A1;12000;100,00", "10101;A1;12000;50,00"])
            let without = try await Self.importBytes(file, into: database, year: 2012)
            #expect(without.record == nil)
            #expect(without.warnings.errors.first?.reason.contains("ikke lastet inn noen KOSTRA-kodeliste") == true)
            try await database.withConnection { db in
                try await SQLImportProfileStore(db).save(KostraYearCodeList(year: 2013, kind: .arts, entries: [KostraCodeEntry(code: "060"), KostraCodeEntry(code: "010")]))
            }
            let with = try await Self.importBytes(file, into: database, year: 2013)
            #expect(with.record?.lines == 2, "\(with.errors.errors) \(with.fileError ?? "")")
            #expect(with.warnings.errors.first?.reason.contains("(funksjoner)") == true)
            let shipped = try await Self.importBytes(Self.utf8(["art;ansvar;tjeneste_nr;beloep", "10101;A1;12000;50,00"]), into: database, year: 2025)
            #expect(shipped.warnings.isEmpty)
        }
    }
}
