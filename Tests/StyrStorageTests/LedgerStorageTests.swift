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
}
