import Foundation
import SQLKit
import StyrDemo
import StyrDomain
@testable import StyrStorage
import StyrTestSupport
import Testing

/// Ledger files imported through `LedgerFileImport` (the one driver of the command line, the web
/// upload and the API), then read back as totals and drill-down pages. Every test runs on SQLite
/// and on PostgreSQL, after the demo data set (organisation UKE) is loaded.
@Suite("Ledger storage")
struct LedgerStorageTests {
    // MARK: Files

    /// An ERP export (FORMATS.md §3) with a period column in each of its spellings, a group
    /// separator, both decimal separators, an investment account and a balance account (skipped).
    static let erpFile: [String] = [
        "art;ansvar;tjeneste_nr;prosjekt;periode;beloep",
        "10101;A101;12000;;1;1000,50",
        "10200;A101;12001;P1;01;250.25",
        "11200;A102;20100;;2025-02;-99,99",
        "22000;A101;12000;;1;777",
        "11201;A102;20199;P1;202503;1 234,56",
        "16200;A101;12000;;3;-5000",
        "00100;A103;25300;P2;2;10000",
        "12000;A103;25302;;12;333,33",
    ]

    /// The lines of `erpFile`, in file order (the balance account is not among them).
    static let erpLines: [LedgerLine] = [
        LedgerLine(responsibility: "A101", kind: .operating, art: 10, function: 120, year: 2025, month: 1, amount: Money(ore: 100_050)),
        LedgerLine(responsibility: "A101", kind: .operating, art: 20, function: 120, project: "P1", year: 2025, month: 1, amount: Money(ore: 25_025)),
        LedgerLine(responsibility: "A102", kind: .operating, art: 120, function: 201, year: 2025, month: 2, amount: Money(ore: -9_999)),
        LedgerLine(responsibility: "A102", kind: .operating, art: 120, function: 201, project: "P1", year: 2025, month: 3, amount: Money(ore: 123_456)),
        LedgerLine(responsibility: "A101", kind: .operating, art: 620, function: 120, year: 2025, month: 3, amount: Money(ore: -500_000)),
        LedgerLine(responsibility: "A103", kind: .investment, art: 10, function: 253, project: "P2", year: 2025, month: 2, amount: Money(ore: 1_000_000)),
        LedgerLine(responsibility: "A103", kind: .operating, art: 200, function: 253, year: 2025, month: 12, amount: Money(ore: 33_333)),
    ]

    static let erpControlSum = Money(ore: 771_865)

    /// Lines in the order they are stored (by id): a batch goes by art and funksjon, and the lines
    /// of one cell keep their order in the file (the sort is stable).
    static func storedOrder(_ lines: [LedgerLine]) -> [LedgerLine] { LedgerLinePlacement.sortedInCellOrder(lines) }

    /// The example record of FORMATS.md §1: 0A, 2019, fourth quarter, Bergen, drift, funksjon 120, art 010, 36 328 (1000 kr).
    static let kostraExample = "0A20194040200                  1120 010    36328"

    static let osloHeader =
        "Avdelingskode;Avdelingsnavn;Kapittelkode;Kapittelnavn;Artgruppekode;Artsgruppenavn;Kostrafunksjonskode;Kostrafunksjonsnavn;Årsregnskap;Regulert budsjett;Opprinnelig budsjett"

    static let osloFile: [String] = [
        "\u{FEFF}" + osloHeader,
        "100;Byrådsavdeling for finans;125;Utviklings- og kompetanseetaten;0;Lønn og sosiale utgifter;120;Administrasjon;420062859;401000000;390000000",
        "100;Byrådsavdeling for finans;125;Utviklings- og kompetanseetaten;1;Kjøp av varer og tjenester;120;Administrasjon;1234567,89;1300000;1200000",
        "100;Byrådsavdeling for finans;125;Utviklings- og kompetanseetaten;6;Salgsinntekter;120;Administrasjon;-132182013;-;-",
        "200;Byrådsavdeling for oppvekst og kunnskap;200;Utdanningsetaten;1;Kjøp av varer og tjenester;202;Grunnskole;5000;6000;6000",
    ]

    static func utf8(_ lines: [String]) -> [UInt8] {
        Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// Text in Latin-1 (every character of it below U+0100), as Norwegian Windows and Excel write it.
    static func latin1(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }

    static func chunked(_ bytes: [UInt8], size: Int) -> [[UInt8]] {
        stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<min($0 + size, bytes.count)]) }
    }

    // MARK: Importing

    /// Writes `bytes` to a temporary file and imports it for UKE through `FileChunks`, in small
    /// chunks so that lines and characters are split between chunks.
    static func importBytes(
        _ bytes: [UInt8], into database: Database, year: Int = 2025, period: Int = 0, measure: LedgerImportMeasure = .actuals,
        replace: Bool = false, profile: String? = nil, chunkSize: Int = 7
    ) async throws -> LedgerFileImport.Outcome {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("styr-ledger-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let settings = LedgerFileImport.Settings(
            organisationCode: "UKE", year: year, period: period, measure: measure, sourceName: url.lastPathComponent, replace: replace,
            profileName: profile, actor: "test@styr")
        return try await LedgerFileImport.run(settings, chunks: FileChunks(path: url.path, chunkSize: chunkSize), database: database)
    }

    /// Imports chunks handed over by an `AsyncStream`, as the web upload does.
    static func importStream(
        _ chunks: [[UInt8]], into database: Database, year: Int, measure: LedgerImportMeasure = .actuals
    ) async throws -> LedgerFileImport.Outcome {
        let stream = AsyncStream<[UInt8]> { continuation in
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish()
        }
        let settings = LedgerFileImport.Settings(
            organisationCode: "UKE", year: year, measure: measure, sourceName: "opplasting.csv", actor: "test@styr")
        return try await LedgerFileImport.run(settings, chunks: stream, database: database)
    }

    // MARK: Reading back

    /// What the database holds of ledgers, to show that a refused import changed nothing.
    struct State: Hashable, Sendable, CustomStringConvertible {
        var lineRows: Int64
        var importRows: Int64
        var auditEntries: Int
        var lastAuditHash: String?
        var imports: [LedgerImportRecord]
        var lines: [StoredLedgerLine]

        var description: String {
            "\(lineRows) rader i ledger_lines, \(importRows) i ledger_imports, \(auditEntries) revisjonsoppføringer"
        }
    }

    static func rowCount(_ table: String, _ db: any SQLDatabase) async throws -> Int64 {
        try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(column: "n", as: Int64.self) ?? -1
    }

    static func state(_ database: Database, year: Int = 2025) async throws -> State {
        try await database.withConnection { db async throws in
            let store = SQLLedgerStore(db)
            let lineRows = try await Self.rowCount("ledger_lines", db)
            let importRows = try await Self.rowCount("ledger_imports", db)
            let entries = try await SQLAuditLog(db).entries()
            let imports = try await store.imports(of: "UKE", year: year)
            // Drill-down pages come by art; in stored order (by id) here.
            let lines = try await store.lines(of: "UKE", LedgerFilter(year: year), limit: 10_000).sorted { $0.id < $1.id }
            return State(
                lineRows: lineRows, importRows: importRows, auditEntries: entries.count, lastAuditHash: entries.last?.hash,
                imports: imports, lines: lines)
        }
    }

    /// How many audit entries there are, and how many of them record a ledger import.
    struct AuditCount: Hashable, Sendable {
        var all: Int
        var ledgerImports: Int
    }

    static func auditCount(_ database: Database) async throws -> AuditCount {
        try await database.withConnection { db async throws in
            let log = SQLAuditLog(db)
            let all = try await log.entries().count
            let imports = try await log.entries(entityType: "ledgerImport").count
            return AuditCount(all: all, ledgerImports: imports)
        }
    }

    static func ledgerImportEntries(_ database: Database) async throws -> [AuditEntry] {
        try await database.withConnection { db async throws in try await SQLAuditLog(db).entries(entityType: "ledgerImport") }
    }

    /// A total as compared here: the dimension values joined by `/`, øre and the number of lines.
    struct Cell: Hashable, Sendable, CustomStringConvertible {
        var key: String
        var ore: Int64
        var lines: Int64

        init(_ key: String, _ ore: Int64, _ lines: Int64) {
            self.key = key
            self.ore = ore
            self.lines = lines
        }

        var description: String { "\(key): \(ore) øre, \(lines) linjer" }
    }

    static func cells(_ database: Database, _ filter: LedgerFilter = LedgerFilter(year: 2025), by dimensions: [LedgerDimension]) async throws -> [Cell] {
        let totals = try await database.withConnection { db async throws in
            try await SQLLedgerStore(db).totals(of: "UKE", filter, by: dimensions)
        }
        return totals.map { total in
            Cell(dimensions.map { total.values[$0] ?? "?" }.joined(separator: "/"), total.amount.ore, total.lines)
        }
    }

    static func page(_ database: Database, _ filter: LedgerFilter, after: Int64, limit: Int) async throws -> [StoredLedgerLine] {
        try await database.withConnection { db async throws in
            try await SQLLedgerStore(db).lines(of: "UKE", filter, afterID: after, limit: limit)
        }
    }

    /// Every line of a filter, read page by page (keyset: after the last id of the page before).
    static func allPages(_ database: Database, _ filter: LedgerFilter, limit: Int) async throws -> (lines: [StoredLedgerLine], pages: Int) {
        var lines: [StoredLedgerLine] = []
        var pages = 0
        var after: Int64 = 0
        while true {
            let found = try await Self.page(database, filter, after: after, limit: limit)
            guard let last = found.last else { break }
            #expect(found.count <= limit)
            lines += found
            pages += 1
            after = last.id
            if pages > 1_000 {
                Issue.record("paging does not end")
                break
            }
        }
        return (lines, pages)
    }

    // MARK: Tests

    @Test("an ERP file is stored line by line, with totals by group, art, month and kind exact to the øre", arguments: TestDatabase.backends)
    func erpImport(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database async throws in
            _ = try await DemoLoader.loadIfEmpty(database)
            // Whatever the demo holds (its ledger is of other years), the test counts from here.
            let baseline = try await Self.state(database)
            #expect(baseline.imports.isEmpty && baseline.lines.isEmpty)
            let auditBefore = try await Self.auditCount(database)
            let outcome = try await Self.importBytes(Self.utf8(Self.erpFile), into: database)
            #expect(outcome.fileError == nil, "\(outcome.fileError ?? "")")
            #expect(outcome.errors.isEmpty, "\(outcome.errors.errors)")
            let record = try #require(outcome.record)
            #expect(record.organisationCode == "UKE" && record.year == 2025 && record.period == 0 && record.measure == .actuals)
            #expect(record.lines == 7)
            #expect(record.controlSum == Self.erpControlSum)
            #expect(record.importedBy == "test@styr")
            let summary = try #require(outcome.summary)
            #expect(summary.format == .erp)
            #expect(summary.delimiter == ";")
            #expect(summary.linesImported == 7)
            #expect(summary.skipped[.kontoklasse(2)] == 1)
            #expect(summary.controlSum == Self.erpControlSum)

            let state = try await Self.state(database)
            #expect(state.lineRows == baseline.lineRows + 7)
            #expect(state.importRows == baseline.importRows + 1)
            #expect(state.imports == [record])
            #expect(state.lines.map(\.line) == Self.storedOrder(Self.erpLines))

            #expect(try await Self.cells(database, by: []) == [Cell("", 771_865, 7)])
            #expect(try await Self.cells(database, by: [.group]) == [
                Cell("000-099", 1_125_075, 3), Cell("100-299", 146_790, 3), Cell("600-699", -500_000, 1),
            ])
            #expect(try await Self.cells(database, by: [.art]) == [
                Cell("010", 1_100_050, 2), Cell("020", 25_025, 1), Cell("120", 113_457, 2), Cell("200", 33_333, 1), Cell("620", -500_000, 1),
            ])
            #expect(try await Self.cells(database, by: [.month]) == [
                Cell("1", 125_075, 2), Cell("2", 990_001, 2), Cell("3", -376_544, 2), Cell("12", 33_333, 1),
            ])
            #expect(try await Self.cells(database, by: [.kind]) == [Cell("investment", 1_000_000, 1), Cell("operating", -228_135, 6)])
            #expect(try await Self.cells(database, by: [.kind, .group]) == [
                Cell("investment/000-099", 1_000_000, 1),
                Cell("operating/000-099", 125_075, 2), Cell("operating/100-299", 146_790, 3), Cell("operating/600-699", -500_000, 1),
            ])
            #expect(try await Self.cells(database, by: [.responsibility]) == [
                Cell("A101", -374_925, 3), Cell("A102", 113_457, 2), Cell("A103", 1_033_333, 2),
            ])
            // Nothing for another organisation, another year or the budget.
            let other = try await database.withConnection { db async throws in
                try await SQLLedgerStore(db).totals(of: "FIN", LedgerFilter(year: 2025), by: [.group])
            }
            #expect(other.isEmpty)
            #expect(try await Self.cells(database, LedgerFilter(year: 2024), by: [.group]).isEmpty)
            #expect(try await Self.cells(database, LedgerFilter(year: 2025, measure: .budget), by: [.group]).isEmpty)

            // Exactly one audit entry, of type ledgerImport, naming the import.
            let auditAfter = try await Self.auditCount(database)
            #expect(auditAfter == AuditCount(all: auditBefore.all + 1, ledgerImports: auditBefore.ledgerImports + 1))
            let entry = try #require(try await Self.ledgerImportEntries(database).last)
            #expect(entry.entityKey == "UKE/2025/actuals/0/\(record.id)")
            #expect(entry.actor == "test@styr")
            #expect(entry.action == .create)
            #expect(entry.after?.contains("\"lines\":7") == true, "\(entry.after ?? "")")
        }
    }

    @Test("drill-down pages by keyset without repeating or skipping a line, and filters by every dimension", arguments: TestDatabase.backends)
    func drillDown(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database async throws in
            _ = try await DemoLoader.loadIfEmpty(database)
            let outcome = try await Self.importBytes(Self.utf8(Self.erpFile), into: database)
            #expect(outcome.succeeded, "\(outcome.fileError ?? "") \(outcome.errors.errors)")

            let everything = try await Self.page(database, LedgerFilter(year: 2025), after: 0, limit: 100)
            // Pages come by art, funksjon, then as imported (one batch).
            let indexOrder = Self.erpLines.enumerated().sorted { ($0.element.art, $0.element.function, $0.offset) < ($1.element.art, $1.element.function, $1.offset) }
            #expect(everything.map(\.line) == indexOrder.map(\.element))
            for limit in [1, 2, 3, 7, 50] {
                let (lines, pages) = try await Self.allPages(database, LedgerFilter(year: 2025), limit: limit)
                #expect(lines == everything, "pages of \(limit)")
                #expect(pages == (7 + limit - 1) / limit, "pages of \(limit)")
                let ids = lines.map(\.id)
                #expect(Set(ids).count == ids.count, "a line came twice in pages of \(limit)")
                #expect(lines.map(\.line) == indexOrder.map(\.element), "pages of \(limit)")
            }
            // After the last id there is nothing more.
            let lastID = try #require(everything.last?.id)
            #expect(try await Self.page(database, LedgerFilter(year: 2025), after: lastID, limit: 10).isEmpty)

            let cases: [(equals: [LedgerDimension: String], throughMonth: Int?, indices: [Int])] = [
                ([.group: "100-299"], nil, [2, 3, 6]),
                ([.group: "000-099"], nil, [0, 1, 5]),
                ([.kind: "operating"], nil, [0, 1, 2, 3, 4, 6]),
                ([.kind: "investment"], nil, [5]),
                ([.responsibility: "A101"], nil, [0, 1, 4]),
                ([.month: "3"], nil, [3, 4]),
                ([.month: "12"], nil, [6]),
                ([.kind: "operating", .group: "000-099"], nil, [0, 1]),
                ([.art: "120"], nil, [2, 3]),
                ([.art: "010"], nil, [0, 5]),
                ([.function: "253"], nil, [5, 6]),
                ([.project: "P1"], nil, [1, 3]),
                ([.responsibility: "A101", .month: "1"], nil, [0, 1]),
                ([:], 2, [0, 1, 2, 5]),
                ([.group: "100-299"], 2, [2]),
                ([.responsibility: "A999"], nil, []),
                ([.group: "700-799"], nil, []),
            ]
            for (equals, throughMonth, indices) in cases {
                let filter = LedgerFilter(year: 2025, throughMonth: throughMonth, equals: equals)
                let expected = indices.map { Self.erpLines[$0] }
                let (lines, _) = try await Self.allPages(database, filter, limit: 2)
                let through = throughMonth.map { String($0) } ?? "-"
                #expect(lines.sorted { $0.id < $1.id }.map(\.line) == Self.storedOrder(expected), "\(equals) through month \(through)")
                let sum = expected.reduce(Int64(0)) { $0 + $1.amount.ore }
                let total = try await Self.cells(database, filter, by: [])
                #expect(total == (expected.isEmpty ? [] : [Cell("", sum, Int64(expected.count))]), "\(equals)")
            }

            // A filter value that is not one is refused in Norwegian, before any SQL runs.
            for equals: [LedgerDimension: String] in [[.group: "abc"], [.kind: "drift"], [.month: "mars"], [.art: "x10"]] {
                await #expect(throws: StorageError.self, "\(equals)") {
                    try await Self.page(database, LedgerFilter(year: 2025, equals: equals), after: 0, limit: 10)
                }
            }
            await #expect(throws: StorageError.notFound("organisasjonen «NOPE»")) {
                try await database.withConnection { db async throws in
                    try await SQLLedgerStore(db).lines(of: "NOPE", LedgerFilter(year: 2025))
                }
            }
        }
    }

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
            BadFile(name: "period 13", bytes: Self.utf8([header, goodLine, "10101;A101;12000;;13;100"]),
                    expected: .line(3, column: 5, field: "periode", reason: "«13» er ikke en måned")),
            BadFile(name: "period 0", bytes: Self.utf8([header, goodLine, "10101;A101;12000;;0;100"]),
                    expected: .line(3, column: 5, field: "periode", reason: "«0» er ikke en måned")),
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

    @Test("an import keeps its sums per chapter, kontoklasse and artsgruppe, equal to its lines'; older imports get them from their lines",
          arguments: TestDatabase.backends)
    func importTotals(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database async throws in
            _ = try await DemoLoader.loadIfEmpty(database)
            for (file, year) in [(Self.osloFile, 2024), (Self.erpFile, 2025)] {
                let outcome = try await Self.importBytes(Self.utf8(file), into: database, year: year)
                let record = try #require(outcome.record, "\(outcome.fileError ?? "") \(outcome.errors.errors)")
                let fromLines = try await Self.cells(database, LedgerFilter(year: year), by: [.chapter, .kind, .group])
                let kept = record.totals.map { Cell("\($0.chapter)/\($0.kind.rawValue)/\($0.group)", $0.amount.ore, 0) }
                #expect(Set(kept) == Set(fromLines.map { Cell($0.key, $0.ore, 0) }), "\(year)")
                #expect(kept.count == fromLines.count)
                #expect(!kept.isEmpty)
            }
            // As migration 0018 finds an import made before 0017: no totals kept, so they are summed from the lines.
            let before = try await database.withConnection { db in try await SQLLedgerStore(db).imports(of: "UKE", year: 2024) }
            try await database.withConnection { db in
                try await db.raw("UPDATE ledger_imports SET totals = ''").run()
                #expect(try await SQLLedgerStore(db).imports(of: "UKE", year: 2024).allSatisfy(\.totals.isEmpty))
                try await AddLedgerImportTotals.fillTotals(db)
            }
            #expect(try await database.withConnection { db in try await SQLLedgerStore(db).imports(of: "UKE", year: 2024) } == before)
        }
    }

    @Test("batches are stored by art and funksjon, each art of a batch one id range: drill-down reads the ranges by art, then batch by batch, page by page; a replace removes lines and ranges",
          arguments: TestDatabase.backends)
    func batchesByArt(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database async throws in
            _ = try await DemoLoader.loadIfEmpty(database)
            // Three batches; art 10 and 620 in every one, so each has three ranges. The amount numbers the lines in file order.
            let arts = [620, 10, 120, 10, 620, 10]
            let batches: [[LedgerLine]] = (0..<3).map { batch in
                arts.enumerated().map { offset, art in
                    LedgerLine(responsibility: "A\(offset % 2)", kind: .operating, art: art, function: offset % 3 == 0 ? 120 : 253,
                               year: 2025, month: 1 + batch, amount: Money(ore: Int64(batch * arts.count + offset)))
                }
            }
            func load(replace: Bool) async throws -> LedgerImportRecord {
                try await database.importLedger(LedgerImportTarget(
                    organisationCode: "UKE", year: 2025, sourceName: "batcher", format: "test", replace: replace, actor: "test")) { writer in
                    for batch in batches { try await writer.append(batch) }
                    let all = batches.flatMap { $0 }
                    return LedgerImportCount(lines: Int64(all.count), controlSum: all.map(\.amount).sum())
                }
            }
            let first = try await load(replace: false)
            let ranges = try await database.withConnection { db in
                try await db.raw("SELECT art, first_id, last_id FROM ledger_cells WHERE import_id = \(bind: first.id) ORDER BY art, first_id").all()
                    .map { [try $0.decode(column: "art", as: Int64.self), try $0.decode(column: "first_id", as: Int64.self) - first.id << 32,
                            try $0.decode(column: "last_id", as: Int64.self) - first.id << 32] }
            }
            // Batch 1 is 10 ×3 (0–2: funksjon 120 at 0, 253 from 1), 120 (3), 620 ×2 (4–5: 120, 253); batch 2 starts at 6.
            #expect(ranges == [[10, 0, 2], [10, 6, 8], [10, 12, 14], [120, 3, 3], [120, 9, 9], [120, 15, 15],
                               [620, 4, 5], [620, 10, 11], [620, 16, 17]])
            let functions = try await database.withConnection { db in
                try await db.raw("SELECT functions FROM ledger_cells WHERE import_id = \(bind: first.id) ORDER BY art, first_id").all()
                    .map { try $0.decode(column: "functions", as: String.self) }
            }
            #expect(functions == ["120:0,253:1", "120:0,253:1", "120:0,253:1", "253:0", "253:0", "253:0", "120:0,253:1", "120:0,253:1", "120:0,253:1"])
            let all = batches.flatMap { $0 }
            // By art, then batch by batch, within a batch by funksjon, then as imported.
            let byArt = all.enumerated().sorted {
                ($0.element.art, $0.offset / arts.count, $0.element.function, $0.offset) < ($1.element.art, $1.offset / arts.count, $1.element.function, $1.offset)
            }.map(\.element)
            for filter in [LedgerFilter(year: 2025), LedgerFilter(year: 2025, equals: [.art: "010", .function: "253"]),
                           LedgerFilter(year: 2025, equals: [.group: "000-099,600-699", .responsibility: "A0"]),
                           LedgerFilter(year: 2025, throughMonth: 2, equals: [.function: "120"])] {
                let expected = byArt.filter { line in
                    (filter.equals[.art].map { Int($0) == line.art } ?? true) && (filter.equals[.function].map { Int($0) == line.function } ?? true)
                        && (filter.equals[.responsibility].map { $0 == line.responsibility } ?? true)
                        && (filter.equals[.group] == nil || line.art < 100 || (600...699).contains(line.art))
                        && line.month <= (filter.throughMonth ?? 12)
                }
                #expect(!expected.isEmpty)
                for limit in [1, 2, 5, 100] {
                    let (lines, _) = try await Self.allPages(database, filter, limit: limit)
                    #expect(lines.map(\.line) == expected, "\(filter.equals) through \(filter.throughMonth ?? 12), pages of \(limit)")
                }
                let total = try await Self.cells(database, filter, by: [])
                #expect(total == [Cell("", expected.map(\.amount.ore).reduce(0, +), Int64(expected.count))])
            }
            let second = try await load(replace: true)
            let left = try await database.withConnection { db in
                let ids = LedgerLinePlacement.idRange(ofImport: first.id)
                let cells = try await db.raw("SELECT COUNT(*) AS n FROM ledger_cells WHERE import_id = \(bind: first.id)").first()?.decode(column: "n", as: Int64.self)
                let lines = try await db.raw("SELECT COUNT(*) AS n FROM ledger_lines WHERE id BETWEEN \(bind: ids.lowerBound) AND \(bind: ids.upperBound)").first()?
                    .decode(column: "n", as: Int64.self)
                return [cells, lines]
            }
            #expect(left == [0, 0])
            #expect(second.id != first.id)
            #expect(try await Self.allPages(database, LedgerFilter(year: 2025), limit: 4).lines.map(\.line) == byArt)
        }
    }

    @Test("a batch of 1 001 lines (32 rows a statement, and one for the last) is stored whole, by art and funksjon, each cell in the file's order",
          arguments: TestDatabase.backends)
    func largeBatch(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database async throws in
            _ = try await DemoLoader.loadIfEmpty(database)
            let lines = (0..<1_001).map { index in
                LedgerLine(responsibility: index % 4 == 0 ? "" : "A\(index % 7)", chapter: index % 2, kind: index % 5 == 0 ? .investment : .operating,
                           art: [10, 20, 120, 620][index % 4], function: [120, 201, 253][index % 3], project: index % 9 == 0 ? "P\(index)" : "",
                           freeDimension: index % 11 == 0 ? "F" : "", year: 2025, month: 1 + index % 12, amount: Money(ore: Int64(index * 101 - 50_000)))
            }
            _ = try await database.importLedger(LedgerImportTarget(organisationCode: "UKE", year: 2025, sourceName: "stor", format: "test", actor: "test")) { writer in
                try await writer.append(lines)
                return LedgerImportCount(lines: Int64(lines.count), controlSum: lines.map(\.amount).sum())
            }
            let stored = try await Self.allPages(database, LedgerFilter(year: 2025), limit: 250).lines
            #expect(stored.map(\.line) == LedgerLinePlacement.sortedInCellOrder(lines))
            #expect(LedgerLinePlacement.sortedInCellOrder(lines) == lines.enumerated().sorted {
                ($0.element.art, $0.element.function, $0.offset) < ($1.element.art, $1.element.function, $1.offset)
            }.map(\.element))
            let cell = try await Self.allPages(database, LedgerFilter(year: 2025, equals: [.art: "120", .function: "253"]), limit: 10).lines
            #expect(cell.map(\.line) == lines.filter { $0.art == 120 && $0.function == 253 })
        }
    }

    @Test("two imports of a year (drift and investering) page as one listing across their boundary; totals by art read only the art's ranges; a cursor whose import was replaced gives an empty page",
          arguments: TestDatabase.backends)
    func twoImports(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database async throws in
            _ = try await DemoLoader.loadIfEmpty(database)
            func load(_ kind: AccountKind, arts: [Int], replace: Bool = false) async throws -> LedgerImportRecord {
                let lines = arts.enumerated().map { offset, art in
                    LedgerLine(responsibility: "A\(offset)", kind: kind, art: art, function: 120, year: 2025, month: 1, amount: Money(ore: Int64(100 + offset)))
                }
                return try await database.importLedger(LedgerImportTarget(
                    organisationCode: "UKE", year: 2025, sourceName: kind.rawValue, format: "test", replace: replace, actor: "test", scope: kind)) { writer in
                    try await writer.append(lines)
                    return LedgerImportCount(lines: Int64(lines.count), controlSum: lines.map(\.amount).sum())
                }
            }
            let drift = try await load(.operating, arts: [10, 20, 10])
            _ = try await load(.investment, arts: [10, 670])
            let everything = try await Self.page(database, LedgerFilter(year: 2025), after: 0, limit: 100)
            #expect(everything.map { "\($0.id >> 32 == drift.id ? "d" : "i")\($0.line.art)" } == ["d10", "d10", "d20", "i10", "i670"])
            for limit in 1...5 {
                #expect(try await Self.allPages(database, LedgerFilter(year: 2025), limit: limit).lines == everything, "pages of \(limit)")
            }
            // Art 010 in both imports: the second page starts in the second import.
            let art10 = LedgerFilter(year: 2025, equals: [.art: "010"])
            let first = try await Self.page(database, art10, after: 0, limit: 2)
            #expect(first.map(\.line.kind) == [.operating, .operating])
            let second = try await Self.page(database, art10, after: first[1].id, limit: 2)
            #expect(second.map(\.line.kind) == [.investment])
            #expect(try await Self.cells(database, art10, by: [.kind]) == [Cell("investment", 100, 1), Cell("operating", 202, 2)])
            #expect(try await Self.cells(database, LedgerFilter(year: 2025, equals: [.group: "600-699"]), by: [.art]) == [Cell("670", 101, 1)])
            // A kontoklasse's lines come from its own import only.
            #expect(try await Self.page(database, LedgerFilter(year: 2025, equals: [.kind: "investment"]), after: 0, limit: 10).map(\.line.art) == [10, 670])
            // The drift import replaced: a cursor into it no longer leads anywhere.
            _ = try await load(.operating, arts: [30], replace: true)
            #expect(try await Self.page(database, LedgerFilter(year: 2025), after: everything[0].id, limit: 10).isEmpty)
            // The new drift import is the year's latest: its lines come after the investering import's.
            #expect(try await Self.page(database, LedgerFilter(year: 2025), after: 0, limit: 10).map(\.line.art) == [10, 670, 30])
        }
    }

    @Test("an import's ranges past 1 MB go to a temporary file, unlinked at once, and come back whole and in order")
    func rangesSpill() async throws {
        let placement = try LedgerLinePlacement(importID: 7)
        var expected: [LedgerArtRange] = []
        for batch in 0..<120 {
            // 150 arts × 10 funksjoner a batch, given in reverse so that the batch is sorted.
            let lines = (0..<1500).reversed().map { index in
                LedgerLine(responsibility: "", kind: .operating, art: index / 10, function: 100 + index % 10, year: 2025, month: 1, amount: Money(ore: Int64(batch)))
            }
            let (sorted, firstID) = try placement.place(lines)
            #expect(firstID == 7 << 32 + Int64(batch * 1500))
            #expect(sorted.map(\.art) == lines.map(\.art).sorted())
            expected += LedgerLinePlacement.ranges(of: sorted, firstID: firstID)
        }
        let path = try #require(placement.spillPath)
        // Unlinked as soon as it was opened: a killed import leaves nothing behind.
        #expect(!FileManager.default.fileExists(atPath: path))
        var read: [LedgerArtRange] = []
        try await placement.forEachBatchOfRanges { rows in
            #expect(rows.count <= 1000)
            read += rows.map(\.range)
        }
        #expect(read.count == 120 * 150)
        #expect(read == expected)
        let cell = try #require(read[151].ids(ofFunction: 103))
        #expect([cell.lowerBound, cell.upperBound] == [7 << 32 + 1500 + 13, 7 << 32 + 1500 + 13])
        #expect(read[151].ids(ofFunction: 99) == nil)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a spilled range reads back with ids of 19 digits; a damaged line is refused, not misread")
    func spilledRowFormat() throws {
        let range = LedgerArtRange(art: 7, firstID: Int64(1 << 29) << 32 + 5, lastID: Int64.max, functionStarts: [.init(function: 120, offset: 0), .init(function: 999, offset: 4_294_967_295)])
        var bytes: [UInt8] = []
        range.appendRow(to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "7;2305843009213693957;9223372036854775807;120:0,999:4294967295\n")
        let row = try #require(LedgerCellRow(spilled: bytes.dropLast()))
        #expect(row.range == range)
        #expect(row == range.row)
        for damaged in ["7;1;2", "7;x;2;", "7;1;9223372036854775808;", ";1;2;", "7;-1;2;", "7;1;2;120:0;253"] {
            #expect(LedgerCellRow(spilled: Array(damaged.utf8)) == nil, "\(damaged)")
        }
        var negative: [UInt8] = []
        appendDecimal(-1_234, to: &negative)
        #expect(String(decoding: negative, as: UTF8.self) == "-1234")
    }

    @Test("on SQLite, an import whose lines could not be numbered from its first id (a line with a higher id is stored) is refused and leaves nothing behind")
    func numberingGuard() async throws {
        try await TestDatabase.sqlite.withFreshDatabase { database async throws in
            _ = try await DemoLoader.loadIfEmpty(database)
            // A line far above any import's ids: SQLite would number the next lines after it.
            try await database.withConnection { db in
                try await db.raw("INSERT INTO ledger_lines (id, month, responsibility, chapter, kind, art, function, project, free_dimension, amount_ore) VALUES (\(unsafeRaw: String(Int64(1 << 40) << 20)), 1, '', 0, 1, 10, 120, '', '', 1)").run()
            }
            let before = try await Self.state(database)
            let lines = (0..<40).map { LedgerLine(kind: .operating, art: 10, function: 120, year: 2025, month: 1, amount: Money(ore: Int64($0))) }
            let error = await #expect(throws: StorageError.self) {
                _ = try await database.importLedger(LedgerImportTarget(organisationCode: "UKE", year: 2025, sourceName: "vakt", format: "test", actor: "test")) { writer in
                    try await writer.append(lines)
                    return LedgerImportCount(lines: Int64(lines.count), controlSum: lines.map(\.amount).sum())
                }
            }
            #expect(error?.description.contains("fikk ikke numrene") == true, "\(error.map { "\($0)" } ?? "")")
            #expect(try await Self.state(database) == before)
        }
    }

    @Test("SQLite imports reach the sqlite3 handle of SQLiteNIO's connection, for the prepared-statement path")
    func sqliteHandle() async throws {
        try await TestDatabase.sqlite.withFreshDatabase { database async throws in
            guard case .sqlite(let connection, _) = database.backend else {
                Issue.record("not an SQLite database")
                return
            }
            // Without it imports still work, through SQLiteNIO's statements.
            #expect(SQLiteLedgerLineInserter.rawHandle(of: connection) != nil)
        }
    }

    @Test("migration 0018 renumbers lines stored before it in art order, keeps every line and sum, and fills the art ranges and totals",
          arguments: TestDatabase.backends)
    func placementMigration(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase(migrated: false) { database async throws in
            let before = MigrationRunner(migrations: StyrMigrations.all.filter { $0.name < "0018" })
            try await before.migrate(database)
            try await database.transaction { db in try await DemoData.load(into: SQLGovernanceStore(db, actor: "system:demo")) }
            // Two imports in the layout before 0018: lines keyed by a serial id with an import_id.
            let lines: [(importID: Int64, art: Int64, function: Int64, ore: Int64)] = [
                (0, 620, 120, -500), (0, 10, 120, 100), (0, 10, 253, 200), (1, 20, 120, 300), (0, 10, 120, 400),
            ]
            try await database.transaction { db in
                let organisationID = try await SQLGovernanceStore(db).organisationID("UKE")
                var ids: [Int64] = []
                for year in [2025, 2026] {
                    let row = try await db.insert(into: "ledger_imports")
                        .columns("organisation_id", "year", "period", "measure", "source_name", "format", "lines", "control_sum_ore", "imported_at", "imported_by", "scope")
                        .values(SQLBind(organisationID), SQLBind(Int64(year)), SQLBind(Int64(0)), SQLBind("actuals"), SQLBind("gammel.csv"), SQLBind("ERP"),
                                SQLBind(Int64(0)), SQLBind(Int64(0)), SQLBind("2025-01-01T00:00:00Z"), SQLBind("test"), SQLBind(""))
                        .returning("id").first()
                    ids.append(try #require(row).decode(column: "id", as: Int64.self))
                }
                for line in lines {
                    try await db.insert(into: "ledger_lines")
                        .columns("import_id", "month", "responsibility", "chapter", "kind", "art", "function", "project", "free_dimension", "amount_ore")
                        .values(SQLBind(ids[Int(line.importID)]), SQLBind(Int64(1)), SQLBind("A1"), SQLBind(Int64(0)), SQLBind(Int64(1)), SQLBind(line.art),
                                SQLBind(line.function), SQLBind(""), SQLBind(""), SQLBind(line.ore))
                        .run()
                }
            }
            try await MigrationRunner().migrate(database)
            let state = try await Self.state(database, year: 2025)
            // By art and funksjon; within a cell, the order they were stored in.
            #expect(state.lines.map { [Int64($0.line.art), Int64($0.line.function), $0.line.amount.ore] } == [[10, 120, 100], [10, 120, 400], [10, 253, 200], [620, 120, -500]])
            let record = try #require(state.imports.first)
            #expect(state.lines.map(\.id) == Array(record.id << 32 ..< record.id << 32 + 4))
            #expect(Set(record.totals.map(\.amount.ore)) == [700, -500])
            let page = try await Self.page(database, LedgerFilter(year: 2025, equals: [.art: "010", .function: "120"]), after: 0, limit: 1)
            #expect(page.map(\.line.amount.ore) == [100])
            let next = try await Self.page(database, LedgerFilter(year: 2025, equals: [.art: "010", .function: "120"]), after: page[0].id, limit: 5)
            #expect(next.map(\.line.amount.ore) == [400])
            let ranges = try await database.withConnection { db in
                try await db.raw("SELECT art, first_id, last_id, functions FROM ledger_cells ORDER BY import_id, art").all()
                    .map { "\(try $0.decode(column: "art", as: Int64.self)) \(try $0.decode(column: "last_id", as: Int64.self) - $0.decode(column: "first_id", as: Int64.self)) \(try $0.decode(column: "functions", as: String.self))" }
            }
            #expect(ranges == ["10 2 120:0,253:2", "620 0 120:0", "20 0 120:0"])
            #expect(try await Self.cells(database, LedgerFilter(year: 2026), by: [.art]) == [Cell("020", 300, 1)])
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
