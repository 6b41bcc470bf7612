import Foundation
import SQLKit
import StyrDemo
import StyrDomain
@testable import StyrStorage
import StyrTestSupport
import Testing

/// How the lines are placed (ids, art ranges, the spill file, SQLite's numbering), the totals kept, and migration 0018.
extension LedgerStorageTests {
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
            // Only the agency is needed, written in the schema as it was then (today's stores write
            // columns of later migrations).
            try await database.withConnection { db in
                try await db.insert(into: "organisations").columns("code", "name", "kind")
                    .values(SQLBind("UKE"), SQLBind("Utviklings- og kompetanseetaten"), SQLBind("agency")).run()
            }
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
}
