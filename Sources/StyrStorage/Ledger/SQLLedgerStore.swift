import Foundation
import Logging
import NIOCore
import PostgresNIO
import SQLKit
import SQLiteKit
import StyrDomain

/// Sums the lines handed to an import's writer per chapter, kontoklasse and artsgruppe. The
/// batches come one at a time; the lock only makes that safe to share with the writer's closure.
final class LedgerImportTotals: @unchecked Sendable {
    private let lock = NSLock()
    /// 32 sums a chapter (kontoklasse × 16 + artsgruppe index → øre), one after another in the
    /// order the chapters came, and which of them lines went into (a bit each).
    private var amounts: [Int64] = []
    private var used: [UInt32] = []
    private var chapters: [Int: Int] = [:]

    func add(_ lines: [LedgerLine]) {
        lock.lock()
        defer { lock.unlock() }
        // A file has few chapters (often only 0), mostly in runs: the chapter of the line before
        // is at hand without hashing.
        var chapter: Int?
        var slot = 0
        for line in lines {
            if line.chapter != chapter {
                chapter = line.chapter
                if let known = chapters[line.chapter] {
                    slot = known
                } else {
                    slot = used.count
                    chapters[line.chapter] = slot
                    amounts += repeatElement(0, count: 32)
                    used.append(0)
                }
            }
            let group = line.art < 100 ? 0 : line.art < 300 ? 1 : min(8, line.art / 100 - 1)
            let key = (line.kind == .operating ? 0 : 16) &+ group
            amounts[slot &* 32 &+ key] &+= line.amount.ore
            used[slot] |= 1 << key
        }
    }

    var totals: [LedgerImportTotal] {
        lock.lock()
        defer { lock.unlock() }
        return chapters.sorted { $0.key < $1.key }.flatMap { chapter, slot in
            (0..<32).filter { used[slot] & 1 << $0 != 0 }.map { key in
                LedgerImportTotal(chapter: chapter, kind: key < 16 ? .operating : .investment,
                                  group: ObjectGroup.standard[key % 16].code, amount: Money(ore: amounts[slot * 32 + key]))
            }
        }
    }
}

/// Runs inserts one after another, in the order they are enqueued, one at a time.
final class SerialInserts: @unchecked Sendable {
    private let lock = NSLock()
    private var last: Task<Void, any Error>?

    /// Starts `work` after the insert enqueued before it, and returns once that one has finished
    /// (so at most one insert waits while another runs), with its error if it failed.
    func enqueue(_ work: @escaping @Sendable () async throws -> Void) async throws {
        let previous = lock.withLock {
            let previous = last
            last = Task {
                try await previous?.value
                try await work()
            }
            return previous
        }
        try await previous?.value
    }

    /// Waits for every insert enqueued; throws the first failure.
    func drain() async throws {
        try await lock.withLock { last }?.value
    }
}

/// Hands batches of lines to the database during an import.
public struct LedgerBatchWriter: Sendable {
    let write: @Sendable ([LedgerLine]) async throws -> Void

    /// Stores `lines` after those appended before. One call at a time: a batch is numbered when
    /// it is placed and inserted in turn after, so two calls at once could swap their order (on
    /// SQLite the import then fails its numbering check). It returns once the batch's insert has
    /// begun, so the next batch can be read meanwhile.
    public func append(_ lines: [LedgerLine]) async throws {
        guard !lines.isEmpty else { return }
        try await write(lines)
    }
}

/// What the import's body reports when it has fed every line.
public struct LedgerImportCount: Sendable {
    public var lines: Int64
    public var controlSum: Money
    /// Filled in by `importLedger` from the lines written.
    var totals: [LedgerImportTotal] = []

    public init(lines: Int64, controlSum: Money) {
        self.lines = lines
        self.controlSum = controlSum
    }
}

extension Database {
    /// Imports lines all or nothing, through each database's fastest path: multi-row prepared
    /// inserts in one transaction on SQLite, `COPY … FROM STDIN` in one transaction on PostgreSQL.
    /// `body` feeds the lines; if it throws (bad input), nothing is written. With `replace`, the
    /// period's earlier import is swapped out in the same transaction.
    public func importLedger(
        _ target: LedgerImportTarget, _ body: @Sendable (LedgerBatchWriter) async throws -> LedgerImportCount
    ) async throws -> LedgerImportRecord {
        switch backend {
        case .sqlite(let connection, let lock):
            await lock.lock()
            do {
                let record = try await Self.importSQLite(connection, target, body)
                await lock.unlock()
                return record
            } catch {
                await lock.unlock()
                throw error
            }
        case .postgres(let client):
            return try await client.withConnection { connection in
                try await Self.importPostgres(connection, target, logger: self.logger, body)
            }
        }
    }

    /// The columns of a stored line. The id is `import id << 32 + position` (`LedgerLinePlacement`),
    /// so an import's lines are one key range and each art of a batch a range within it.
    static let lineColumns = ["id", "month", "responsibility", "chapter", "kind", "art", "function", "project", "free_dimension", "amount_ore"]

    private static func importSQLite(
        _ connection: SQLiteConnection, _ target: LedgerImportTarget,
        _ body: @Sendable (LedgerBatchWriter) async throws -> LedgerImportCount
    ) async throws -> LedgerImportRecord {
        let db = connection.sql()
        // The default page cache (2 MB): lines only append, so a larger one (32 MB was tried)
        // saved no time and cost its size in memory.
        try await db.raw("BEGIN IMMEDIATE").run()
        var inserter: SQLiteLedgerLineInserter?
        let inserts = SerialInserts()
        do {
            let importID = try await SQLLedgerStore(db).beginImport(target)
            let placement = try LedgerLinePlacement(importID: importID)
            let totals = LedgerImportTotals()
            let write: @Sendable ([LedgerLine], Int64) async throws -> Void
            let writeCells: @Sendable ([LedgerCellRow]) async throws -> Void
            if let handle = SQLiteLedgerLineInserter.rawHandle(of: connection) {
                let fast = try SQLiteLedgerLineInserter(handle: handle)
                inserter = fast
                // SQLite blocks its thread: off the cooperative pool, while the next batch is parsed.
                write = { lines, firstID in
                    try await NIOThreadPool.singleton.runIfActive { try fast.insert(lines, firstID: firstID) }
                }
                writeCells = { rows in try await NIOThreadPool.singleton.runIfActive { try fast.insertCells(rows, importID: importID) } }
            } else {
                write = { lines, firstID in try await Self.insertThroughSQLiteNIO(lines, firstID: firstID, connection) }
                writeCells = { rows in try await SQLLedgerStore(db).insertCells(rows, importID: importID) }
            }
            let writer = LedgerBatchWriter { unsorted in
                totals.add(unsorted)
                let (lines, firstID) = try placement.place(unsorted)
                // The batch is sorted while the one before is inserted; it returns when its own
                // insert has begun, so the caller parses the next batch meanwhile.
                try await inserts.enqueue { try await write(lines, firstID) }
            }
            var count = try await body(writer)
            try await inserts.drain()
            count.totals = totals.totals
            try await placement.forEachBatchOfRanges(writeCells)
            inserter?.finalize()
            let record = try await SQLLedgerStore(db).finishImport(importID, target, count)
            try await db.raw("COMMIT").run()
            return record
        } catch {
            // The connection must be idle before the statement is finalised and the transaction
            // rolled back. The placement's temporary file goes with it (deinit).
            try? await inserts.drain()
            inserter?.finalize()
            try? await db.raw("ROLLBACK").run()
            throw error
        }
    }

    /// The portable path, when the fast one is not available: multi-row prepared inserts.
    private static func insertThroughSQLiteNIO(_ lines: [LedgerLine], firstID: Int64, _ connection: SQLiteConnection) async throws {
        // SQLite allows 32 766 variables a statement; 10 columns × 1 000 rows stays well inside.
        let rowsPerStatement = 1000
        let placeholders = "(" + Array(repeating: "?", count: lineColumns.count).joined(separator: ",") + ")"
        var start = lines.startIndex
        while start < lines.endIndex {
            let end = min(start + rowsPerStatement, lines.endIndex)
            var binds: [SQLiteData] = []
            binds.reserveCapacity((end - start) * lineColumns.count)
            for (offset, line) in lines[start..<end].enumerated() {
                binds.append(.integer(Int(firstID) + start + offset))
                binds.append(.integer(line.month))
                binds.append(.text(line.responsibility))
                binds.append(.integer(line.chapter))
                binds.append(.integer(line.kind == .operating ? 1 : 0))
                binds.append(.integer(line.art))
                binds.append(.integer(line.function))
                binds.append(.text(line.project))
                binds.append(.text(line.freeDimension))
                binds.append(.integer(Int(line.amount.ore)))
            }
            let sql = "INSERT INTO ledger_lines (\(lineColumns.joined(separator: ","))) VALUES "
                + Array(repeating: placeholders, count: end - start).joined(separator: ",")
            try await connection.query(sql, binds) { _ in }
            start = end
        }
    }

    private static func importPostgres(
        _ connection: PostgresConnection, _ target: LedgerImportTarget, logger: Logger,
        _ body: @Sendable (LedgerBatchWriter) async throws -> LedgerImportCount
    ) async throws -> LedgerImportRecord {
        let db = connection.sql()
        try await db.raw("BEGIN").run()
        do {
            let importID = try await SQLLedgerStore(db).beginImport(target)
            let placement = try LedgerLinePlacement(importID: importID)
            var count = LedgerImportCount(lines: 0, controlSum: .zero)
            let totals = LedgerImportTotals()
            try await connection.copyFrom(table: "ledger_lines", columns: lineColumns, logger: logger) { copy in
                let writer = LedgerBatchWriter { unsorted in
                    totals.add(unsorted)
                    let (lines, firstID) = try placement.place(unsorted)
                    var buffer = ByteBuffer()
                    buffer.reserveCapacity(lines.count * 64)
                    for (offset, line) in lines.enumerated() { Self.writeCopyRow(line, id: firstID + Int64(offset), into: &buffer) }
                    try await copy.write(buffer)
                }
                count = try await body(writer)
            }
            count.totals = totals.totals
            // After the COPY: the connection takes no other statement while one is in progress.
            try await placement.forEachBatchOfRanges { rows in try await SQLLedgerStore(db).insertCells(rows, importID: importID) }
            let record = try await SQLLedgerStore(db).finishImport(importID, target, count)
            try await db.raw("COMMIT").run()
            // As PostgreSQL advises after a bulk load: until autovacuum gets to it, the planner
            // would take a large import's ranges for the default's thousands of rows each, and
            // plan drill-downs as scans in parallel (10 M lines: 144–267 ms a page instead of 15).
            // Sampled, so about 0.4 s at 10 M lines; a failure leaves the import as it is.
            if count.lines >= 100_000 { try? await db.raw("ANALYZE ledger_lines, ledger_cells").run() }
            return record
        } catch {
            try? await db.raw("ROLLBACK").run()
            throw error
        }
    }

    /// One row of `COPY`'s text format: tab-separated, with backslash escapes in text.
    static func writeCopyRow(_ line: LedgerLine, id: Int64, into buffer: inout ByteBuffer) {
        buffer.writeString(String(id))
        buffer.writeInteger(UInt8(ascii: "\t"))
        buffer.writeString(String(line.month))
        buffer.writeInteger(UInt8(ascii: "\t"))
        writeCopyText(line.responsibility, into: &buffer)
        buffer.writeInteger(UInt8(ascii: "\t"))
        buffer.writeString(String(line.chapter))
        buffer.writeString(line.kind == .operating ? "\t1\t" : "\t0\t")
        buffer.writeString(String(line.art))
        buffer.writeInteger(UInt8(ascii: "\t"))
        buffer.writeString(String(line.function))
        buffer.writeInteger(UInt8(ascii: "\t"))
        writeCopyText(line.project, into: &buffer)
        buffer.writeInteger(UInt8(ascii: "\t"))
        writeCopyText(line.freeDimension, into: &buffer)
        buffer.writeInteger(UInt8(ascii: "\t"))
        buffer.writeString(String(line.amount.ore))
        buffer.writeInteger(UInt8(ascii: "\n"))
    }

    static func writeCopyText(_ text: String, into buffer: inout ByteBuffer) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer.writeString("\\\\")
            case UInt8(ascii: "\t"): buffer.writeString("\\t")
            case UInt8(ascii: "\n"): buffer.writeString("\\n")
            case UInt8(ascii: "\r"): buffer.writeString("\\r")
            default: buffer.writeInteger(byte)
            }
        }
    }
}

/// One row of `ledger_cells` as stored: an id range of one art, and where each funksjon starts in
/// it as text (`120:0,253:14`).
struct LedgerCellRow: Sendable, Hashable {
    var art: Int
    var firstID: Int64
    var lastID: Int64
    var functions: String

    var range: LedgerArtRange { LedgerArtRange(art: art, firstID: firstID, lastID: lastID, functionStarts: LedgerArtRange.functionStarts(functions)) }

    init(art: Int, firstID: Int64, lastID: Int64, functions: String) {
        (self.art, self.firstID, self.lastID, self.functions) = (art, firstID, lastID, functions)
    }

    /// Reads a line written by `LedgerArtRange.appendRow`; nil if it is not one.
    init?<Bytes: Collection<UInt8>>(spilled line: Bytes) {
        let fields = line.split(separator: UInt8(ascii: ";"), maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count == 4, let art = decimal(fields[0]), let first = decimal(fields[1]), let last = decimal(fields[2]),
              fields[3].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ",") })
        else { return nil }
        self.init(art: Int(art), firstID: first, lastID: last, functions: String(decoding: fields[3], as: UTF8.self))
    }
}

/// Appends `value`'s decimal digits (with a minus sign if negative).
func appendDecimal(_ value: Int64, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: String(value).utf8)
}

/// The number written in `digits` (0–9 only); nil otherwise, or if it exceeds `Int64`.
func decimal<Bytes: Collection<UInt8>>(_ digits: Bytes) -> Int64? {
    guard !digits.isEmpty else { return nil }
    var value: Int64 = 0
    for byte in digits {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        let (tens, overflow) = value.multipliedReportingOverflow(by: 10)
        let (sum, carry) = tens.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
        guard !overflow, !carry else { return nil }
        value = sum
    }
    return value
}

/// One id range of an import's lines that all have the same art (`ledger_cells`), in funksjon
/// order within it.
public struct LedgerArtRange: Sendable, Hashable {
    public var art: Int
    public var firstID: Int64
    public var lastID: Int64
    /// Where each funksjon's lines start, as offsets from `firstID`, ascending; nil when unknown
    /// (then a funksjon's lines may be anywhere in the range).
    public var functionStarts: [FunctionStart]?

    public struct FunctionStart: Sendable, Hashable {
        public var function: Int
        public var offset: Int64
    }

    /// The ids of one funksjon's lines in the range: nil when it has none there.
    public func ids(ofFunction function: Int) -> ClosedRange<Int64>? {
        guard let starts = functionStarts else { return firstID...lastID }
        guard let index = starts.firstIndex(where: { $0.function == function }) else { return nil }
        let end = index + 1 < starts.count ? firstID + starts[index + 1].offset - 1 : lastID
        return (firstID + starts[index].offset)...end
    }

    /// As stored: `120:0,253:14` (funksjon and offset).
    var functionsText: String {
        var bytes: [UInt8] = []
        appendFunctions(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    var row: LedgerCellRow { LedgerCellRow(art: art, firstID: firstID, lastID: lastID, functions: functionsText) }

    private func appendFunctions(to bytes: inout [UInt8]) {
        for (index, start) in (functionStarts ?? []).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendDecimal(Int64(start.function), to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            appendDecimal(start.offset, to: &bytes)
        }
    }

    /// One line of an import's spilled ranges: `art;first;last;functions`.
    func appendRow(to bytes: inout [UInt8]) {
        appendDecimal(Int64(art), to: &bytes)
        bytes.append(UInt8(ascii: ";"))
        appendDecimal(firstID, to: &bytes)
        bytes.append(UInt8(ascii: ";"))
        appendDecimal(lastID, to: &bytes)
        bytes.append(UInt8(ascii: ";"))
        appendFunctions(to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
    }

    static func functionStarts(_ text: String) -> [FunctionStart]? {
        guard !text.isEmpty else { return nil }
        var starts: [FunctionStart] = []
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let function = Int(parts[0]), let offset = Int64(parts[1]) else { return nil }
            starts.append(FunctionStart(function: function, offset: offset))
        }
        return starts
    }
}

/// Gives an import's lines their ids and keeps where each art and funksjon lies.
///
/// A line's id is `import id << 32 + its position in the import`, so an import is one key range and
/// lines append at the end of the table's key (no secondary index grows at random places: on 2 M
/// rows that index cut SQLite's insert rate from 1.18 M to 0.29 M rows/s, and PostgreSQL's COPY
/// from 682 000 to 278 000). Each batch is stored in art
/// and funksjon order, keeping the file's order within a cell, so an art of a batch is one id
/// range and a funksjon a range within it; drill-down reads those ranges (`ledger_cells`, about
/// one an art per batch of 100 000 lines) instead of an index per line.
final class LedgerLinePlacement: @unchecked Sendable {
    static let linesPerImport: Int64 = 1 << 32
    let importID: Int64
    private let lock = NSLock()
    private var placed: Int64 = 0
    /// The ranges so far as text lines (`art;first;last;funksjoner`), spilled to a temporary file
    /// past 1 MB: a 10 M-line import has about 14 000 ranges of about 1 KB, and memory must stay
    /// bounded whatever the import's size.
    private var pending: [UInt8] = []
    private var spill: (path: String, handle: FileHandle)?
    /// Where the ranges went past 1 MB (for tests).
    var spillPath: String? { lockedState().0?.path }

    init(importID: Int64) throws {
        guard importID > 0, importID < 1 << 30 else { throw StorageError.invalid("Importnummeret \(importID) er utenfor det lagringen tåler.") }
        self.importID = importID
    }

    static func idRange(ofImport importID: Int64) -> ClosedRange<Int64> {
        (importID << 32)...(importID << 32 + linesPerImport - 1)
    }

    /// The batch in art and funksjon order and the id of its first line.
    func place(_ lines: [LedgerLine]) throws -> (lines: [LedgerLine], firstID: Int64) {
        if let odd = lines.first(where: { !(0..<1000).contains($0.art) || !(0..<1000).contains($0.function) }) {
            throw StorageError.invalid("Art \(odd.art) eller funksjon \(odd.function) er utenfor 000–999.")
        }
        let sorted = Self.sortedInCellOrder(lines)
        lock.lock()
        defer { lock.unlock() }
        guard placed + Int64(lines.count) <= Self.linesPerImport else {
            throw StorageError.invalid("En import kan ha høyst \(Self.linesPerImport) linjer.")
        }
        let firstID = importID << 32 + placed
        for range in Self.ranges(of: sorted, firstID: firstID) { range.appendRow(to: &pending) }
        if pending.count >= 1 << 20 { try flush() }
        placed += Int64(lines.count)
        return (sorted, firstID)
    }

    private func flush() throws {
        if spill == nil {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("styr-ranges-\(UUID().uuidString)").path
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forUpdatingAtPath: path) else {
                throw StorageError.invalid("Kan ikke skrive en midlertidig fil for importen.")
            }
            // Unlinked at once: the open handle keeps it while the import runs, and nothing is left
            // behind if the process is killed.
            try? FileManager.default.removeItem(atPath: path)
            spill = (path, handle)
        }
        try spill?.handle.write(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
    }

    /// Hands every range over in order as the rows of `ledger_cells`, a thousand at a time, and
    /// removes the temporary file. The funksjon starts stay text, as they are stored.
    func forEachBatchOfRanges(_ body: ([LedgerCellRow]) async throws -> Void) async throws {
        defer { discard() }
        var batch: [LedgerCellRow] = []
        var rest: [UInt8] = []
        func take(_ bytes: [UInt8]) async throws {
            rest += bytes
            guard let end = rest.lastIndex(of: UInt8(ascii: "\n")) else { return }
            for line in rest[...end].split(separator: UInt8(ascii: "\n")) {
                guard let row = LedgerCellRow(spilled: line) else { throw StorageError.invalid("Den midlertidige fila for importen er skadet.") }
                batch.append(row)
                if batch.count == 1000 {
                    try await body(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            rest.removeSubrange(...end)
        }
        let (spilled, tail) = lockedState()
        if let spilled {
            try spilled.handle.seek(toOffset: 0)
            while let data = try spilled.handle.read(upToCount: 1 << 20), !data.isEmpty { try await take([UInt8](data)) }
        }
        try await take(tail)
        // Every range written ends in a newline: bytes after the last one are a damaged file.
        guard rest.isEmpty else { throw StorageError.invalid("Den midlertidige fila for importen er skadet.") }
        if !batch.isEmpty { try await body(batch) }
    }

    private func lockedState() -> ((path: String, handle: FileHandle)?, [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        return (spill, pending)
    }

    /// Removes the temporary file, if any (also when the import is given up).
    func discard() {
        lock.lock()
        defer { lock.unlock() }
        if let spill {
            try? spill.handle.close()
            try? FileManager.default.removeItem(atPath: spill.path)
        }
        spill = nil
        pending = []
    }

    deinit { discard() }

    /// The art ranges of lines in cell order whose first id is `firstID`.
    static func ranges(of sorted: [LedgerLine], firstID: Int64) -> [LedgerArtRange] {
        var ranges: [LedgerArtRange] = []
        var index = 0
        while index < sorted.count {
            let art = sorted[index].art
            var starts: [LedgerArtRange.FunctionStart] = []
            let start = index
            while index < sorted.count, sorted[index].art == art {
                if starts.last?.function != sorted[index].function {
                    starts.append(.init(function: sorted[index].function, offset: Int64(index - start)))
                }
                index += 1
            }
            ranges.append(LedgerArtRange(art: art, firstID: firstID + Int64(start), lastID: firstID + Int64(index - 1), functionStarts: starts))
        }
        return ranges
    }

    /// The lines by art, then funksjon, each cell's lines in the file's order: a stable radix sort
    /// of the positions, by funksjon and then by art (two counting passes over a key a line), after
    /// which each line is copied once to its place. Moving the lines themselves in each pass cost a
    /// copy (and its retains) a pass.
    static func sortedInCellOrder(_ lines: [LedgerLine]) -> [LedgerLine] {
        let count = lines.count
        guard count > 1 else { return lines }
        // Codes are 000–999 (`place` checked): art in the high bits, funksjon in the low ten.
        let keys = [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
            lines.withUnsafeBufferPointer { lines in
                for index in 0..<count { buffer[index] = UInt32(truncatingIfNeeded: lines[index].art) << 10 | UInt32(truncatingIfNeeded: lines[index].function) }
            }
            initialized = count
        }
        let byFunction = positions(keys, in: Array(0..<Int32(count))) { $0 & 1023 }
        let order = positions(keys, in: byFunction) { $0 >> 10 }
        // Each line's place, so that the lines are read in order and written at random: reading
        // them at random stalled on every line (10 MB a batch is beyond the caches).
        var places = [Int32](repeating: 0, count: count)
        for (place, position) in order.enumerated() { places[Int(position)] = Int32(place) }
        return [LedgerLine](unsafeUninitializedCapacity: count) { buffer, initialized in
            lines.withUnsafeBufferPointer { lines in
                for (position, place) in places.enumerated() { (buffer.baseAddress! + Int(place)).initialize(to: lines[position]) }
            }
            initialized = count
        }
    }

    /// `positions` reordered stably by `bucket(keys[position])` (0–1023): one counting-sort pass.
    private static func positions(_ keys: [UInt32], in positions: [Int32], bucket: (UInt32) -> UInt32) -> [Int32] {
        var next = [Int](repeating: 0, count: 1025)
        keys.withUnsafeBufferPointer { keys in
            for key in keys { next[Int(bucket(key)) + 1] += 1 }
        }
        for index in 0..<1024 { next[index + 1] += next[index] }
        return [Int32](unsafeUninitializedCapacity: positions.count) { buffer, initialized in
            keys.withUnsafeBufferPointer { keys in
                for position in positions {
                    let slot = Int(bucket(keys[Int(position)]))
                    buffer[next[slot]] = position
                    next[slot] += 1
                }
            }
            initialized = positions.count
        }
    }
}

/// Ledger imports and their lines: totals by any dimension and the lines behind a cell.
public struct SQLLedgerStore: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    func organisationID(_ code: String) async throws -> Int64 { try await SQLGovernanceStore(db).organisationID(code) }

    /// Checks the period, swaps out an earlier import when asked, and records the new one.
    func beginImport(_ target: LedgerImportTarget) async throws -> Int64 {
        let organisationID = try await organisationID(target.organisationCode)
        let existing = try await imports(of: target.organisationCode, year: target.year).filter { $0.measure == target.measure }
        let clashing = existing.filter { record in
            (target.period == 0 || record.period == 0 || record.period == target.period)
                && (target.scope == nil || record.scope == nil || record.scope == target.scope)
        }
        if !clashing.isEmpty {
            guard target.replace else {
                throw LedgerImportClash.alreadyImported(
                    measure: target.measure, organisationCode: target.organisationCode, year: target.year, period: target.period)
            }
            if target.period != 0, clashing.contains(where: { $0.period == 0 }) {
                throw LedgerImportClash.wholeYearImported(year: target.year)
            }
        }
        // The new row before the old ones go, so that SQLite cannot give it the id of the one it replaces.
        guard let row = try await db.insert(into: "ledger_imports")
            .columns("organisation_id", "year", "period", "measure", "source_name", "format", "lines", "control_sum_ore", "imported_at", "imported_by", "scope")
            .values(SQLBind(organisationID), SQLBind(Int64(target.year)), SQLBind(Int64(target.period)), SQLBind(target.measure.rawValue),
                    SQLBind(target.sourceName), SQLBind(target.format), SQLBind(Int64(0)), SQLBind(Int64(0)),
                    SQLBind(ISO8601DateFormatter().string(from: Date())), SQLBind(target.actor), SQLBind(target.scope?.rawValue ?? ""))
            .returning("id").first() else {
            throw StorageError.invalid("Databasen returnerte ingen id for importen.")
        }
        let newID = try row.decode(column: "id", as: Int64.self)
        for old in clashing {
            try await deleteLines(ofImport: old.id)
            try await db.delete(from: "ledger_imports").where("id", .equal, old.id).run()
            _ = try await SQLAuditLog(db).append(
                actor: target.actor, action: .delete, entityType: "ledgerImport",
                entityKey: "\(target.organisationCode)/\(target.year)/\(old.measure.rawValue)/\(old.period)/\(old.id)",
                before: try storedJSON(old), after: nil)
        }
        return newID
    }

    /// Removes an import's lines and their ranges.
    func deleteLines(ofImport id: Int64) async throws {
        let ids = LedgerLinePlacement.idRange(ofImport: id)
        try await db.delete(from: "ledger_lines").where("id", .greaterThanOrEqual, ids.lowerBound)
            .where("id", .lessThanOrEqual, ids.upperBound).run()
        try await db.delete(from: "ledger_cells").where("import_id", .equal, id).run()
    }

    /// Records where each art of each batch lies (`LedgerLinePlacement`).
    func insertCells(_ rows: [LedgerCellRow], importID: Int64) async throws {
        // 5 values a row; 1 000 rows a statement stays within every database's limit on binds.
        for start in stride(from: 0, to: rows.count, by: 1000) {
            var insert = db.insert(into: "ledger_cells").columns("import_id", "art", "first_id", "last_id", "functions")
            for row in rows[start..<min(start + 1000, rows.count)] {
                insert = insert.values(SQLBind(importID), SQLBind(Int64(row.art)), SQLBind(row.firstID), SQLBind(row.lastID), SQLBind(row.functions))
            }
            try await insert.run()
        }
    }

    func finishImport(_ id: Int64, _ target: LedgerImportTarget, _ count: LedgerImportCount) async throws -> LedgerImportRecord {
        try await db.update("ledger_imports").set("lines", to: count.lines).set("control_sum_ore", to: count.controlSum.ore)
            .set("totals", to: try storedJSON(count.totals)).where("id", .equal, id).run()
        guard let record = try await imports(of: target.organisationCode, year: target.year).first(where: { $0.id == id }) else {
            throw StorageError.notFound("importen \(id)")
        }
        _ = try await SQLAuditLog(db).append(
            actor: target.actor, action: .create, entityType: "ledgerImport",
            entityKey: "\(target.organisationCode)/\(target.year)/\(target.measure.rawValue)/\(target.period)/\(id)",
            before: nil, after: try storedJSON(record))
        return record
    }

    public func imports(of organisationCode: String, year: Int) async throws -> [LedgerImportRecord] {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().columns("id", "year", "period", "measure", "source_name", "format", "lines", "control_sum_ore", "imported_at", "imported_by", "scope", "totals")
            .from("ledger_imports").where("organisation_id", .equal, organisationID).where("year", .equal, year).orderBy("id").all().map { row in
                LedgerImportRecord(
                    id: try row.decode(column: "id"), organisationCode: organisationCode, year: Int(try row.decode(column: "year", as: Int64.self)),
                    period: Int(try row.decode(column: "period", as: Int64.self)),
                    measure: LedgerMeasure(rawValue: try row.decode(column: "measure")) ?? .actuals,
                    sourceName: try row.decode(column: "source_name"), format: try row.decode(column: "format"),
                    lines: try row.decode(column: "lines"), controlSum: Money(ore: try row.decode(column: "control_sum_ore")),
                    importedAt: try row.decode(column: "imported_at"), importedBy: try row.decode(column: "imported_by"),
                    scope: AccountKind(rawValue: try row.decode(column: "scope", as: String.self)),
                    totals: try Self.totals(try row.decode(column: "totals", as: String.self)))
            }
    }
}

extension SQLLedgerStore {
    static func totals(_ stored: String) throws -> [LedgerImportTotal] {
        stored.isEmpty ? [] : try decodeStoredJSON([LedgerImportTotal].self, from: stored)
    }
}

/// Lines are keyed `import id << 32 + position`, stored in art and funksjon order per batch, with
/// the id ranges of each art (and where each funksjon starts in it) in `ledger_cells`, instead of an
/// index on (import, art, funksjon) that grew at random places with every line
/// (`LedgerLinePlacement`). Earlier lines are renumbered in that order.
struct PlaceLedgerLinesByArt: Migration {
    let name = "0018_ledger_lines_by_art"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "ledger_lines_placed")
            .column("id", type: .bigint, .primaryKey(autoIncrement: false))
            .column("month", type: .bigint, .notNull)
            .column("responsibility", type: .text, .notNull)
            .column("chapter", type: .bigint, .notNull)
            .column("kind", type: .bigint, .notNull)
            .column("art", type: .bigint, .notNull)
            .column("function", type: .bigint, .notNull)
            .column("project", type: .text, .notNull)
            .column("free_dimension", type: .text, .notNull)
            .column("amount_ore", type: .bigint, .notNull)
            .run()
        try await db.raw("""
            INSERT INTO ledger_lines_placed (id, month, responsibility, chapter, kind, art, function, project, free_dimension, amount_ore)
            SELECT import_id * 4294967296 + ROW_NUMBER() OVER (PARTITION BY import_id ORDER BY art, function, id) - 1,
                   month, responsibility, chapter, kind, art, function, project, free_dimension, amount_ore
            FROM ledger_lines
            """).run()
        try await db.drop(table: "ledger_lines").run()
        try await db.raw("ALTER TABLE ledger_lines_placed RENAME TO ledger_lines").run()
        // PostgreSQL keeps the key's index name from the table's first name.
        if db.dialect.name == "postgresql" { try await db.raw("ALTER INDEX ledger_lines_placed_pkey RENAME TO ledger_lines_pkey").run() }
        try await db.create(table: "ledger_cells")
            .column("import_id", type: .bigint, .notNull)
            .column("art", type: .bigint, .notNull)
            .column("first_id", type: .bigint, .notNull)
            .column("last_id", type: .bigint, .notNull)
            .column("functions", type: .text, .notNull)
            .run()
        try await db.create(index: "ledger_cells_order").on("ledger_cells").column("import_id").column("art").column("first_id").run()
        // Each earlier import is now one batch in cell order: one range an art.
        let cells = try await db.raw("""
            SELECT id / 4294967296 AS import_id, art, function, MIN(id) AS first_id, MAX(id) AS last_id FROM ledger_lines
            GROUP BY id / 4294967296, art, function ORDER BY import_id, art, function
            """).all().map { row in
            (importID: try row.decode(column: "import_id", as: Int64.self), art: Int(try row.decode(column: "art", as: Int64.self)),
             function: Int(try row.decode(column: "function", as: Int64.self)),
             first: try row.decode(column: "first_id", as: Int64.self), last: try row.decode(column: "last_id", as: Int64.self))
        }
        var ranges: [Int64: [LedgerArtRange]] = [:]
        for cell in cells {
            if let last = ranges[cell.importID]?.last, last.art == cell.art {
                var range = last
                range.functionStarts?.append(.init(function: cell.function, offset: cell.first - range.firstID))
                range.lastID = cell.last
                ranges[cell.importID]![ranges[cell.importID]!.count - 1] = range
            } else {
                ranges[cell.importID, default: []].append(LedgerArtRange(
                    art: cell.art, firstID: cell.first, lastID: cell.last, functionStarts: [.init(function: cell.function, offset: 0)]))
            }
        }
        for (importID, importRanges) in ranges { try await SQLLedgerStore(db).insertCells(importRanges.map(\.row), importID: importID) }
        try await AddLedgerImportTotals.fillTotals(db)
        // As after an import: the planner's estimates for the new tables (see `importPostgres`).
        if db.dialect.name == "postgresql" { try await db.raw("ANALYZE ledger_lines, ledger_cells").run() }
    }
}

/// Each import keeps its sums per chapter, kontoklasse and artsgruppe (`LedgerImportRecord.totals`);
/// imports made before are summed from their lines here.
struct AddLedgerImportTotals: Migration {
    let name = "0017_ledger_import_totals"

    func prepare(on db: any SQLDatabase) async throws {
        // Filled from the lines by the next migration, in the lines' layout from then on.
        try await db.raw("ALTER TABLE ledger_imports ADD COLUMN totals TEXT NOT NULL DEFAULT ''").run()
    }

    /// Sums the lines of every import whose totals are not kept yet.
    static func fillTotals(_ db: any SQLDatabase) async throws {
        for row in try await db.raw("SELECT id FROM ledger_imports WHERE totals = ''").all() {
            let id = try row.decode(column: "id", as: Int64.self)
            let ids = LedgerLinePlacement.idRange(ofImport: id)
            let group = LedgerDimension.group.sqlExpression
            let sums = try await db.raw("""
                SELECT chapter, kind, \(unsafeRaw: group) AS art_group, CAST(SUM(amount_ore) AS BIGINT) AS amount
                FROM ledger_lines WHERE id BETWEEN \(bind: ids.lowerBound) AND \(bind: ids.upperBound)
                GROUP BY chapter, kind, art_group ORDER BY chapter, kind, art_group
                """).all().map { sum in
                LedgerImportTotal(
                    chapter: Int(try sum.decode(column: "chapter", as: Int64.self)),
                    kind: try sum.decode(column: "kind", as: Int64.self) == 1 ? .operating : .investment,
                    group: ObjectGroup.standardGroup(ofArt: Int(try sum.decode(column: "art_group", as: Int64.self)))?.code ?? "",
                    amount: Money(ore: try sum.decode(column: "amount", as: Int64.self)))
            }
            try await db.update("ledger_imports").set("totals", to: try storedJSON(sums)).where("id", .equal, id).run()
        }
    }
}

/// Oslo publishes drift and investering as two files a year: an import may hold one kontoklasse.
struct AddLedgerImportScope: Migration {
    let name = "0016_ledger_import_scope"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.raw("ALTER TABLE ledger_imports ADD COLUMN scope TEXT NOT NULL DEFAULT ''").run()
    }
}

struct CreateLedger: Migration {
    let name = "0012_ledger"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "ledger_imports").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("year", type: .bigint, .notNull)
            .column("period", type: .bigint, .notNull)
            .column("measure", type: .text, .notNull)
            .column("source_name", type: .text, .notNull)
            .column("format", type: .text, .notNull)
            .column("lines", type: .bigint, .notNull)
            .column("control_sum_ore", type: .bigint, .notNull)
            .column("imported_at", type: .text, .notNull)
            .column("imported_by", type: .text, .notNull)
            .run()
        try await db.create(index: "ledger_imports_scope").on("ledger_imports").column("organisation_id").column("year").column("measure").run()
        // Narrow rows without foreign keys per line: the import row carries organisation, year and
        // measure, and lines go when their import is swapped out (deleted explicitly, in bulk).
        try await db.create(table: "ledger_lines").idColumn()
            .column("import_id", type: .bigint, .notNull)
            .column("month", type: .bigint, .notNull)
            .column("responsibility", type: .text, .notNull)
            .column("chapter", type: .bigint, .notNull)
            .column("kind", type: .bigint, .notNull)
            .column("art", type: .bigint, .notNull)
            .column("function", type: .bigint, .notNull)
            .column("project", type: .text, .notNull)
            .column("free_dimension", type: .text, .notNull)
            .column("amount_ore", type: .bigint, .notNull)
            .run()
        // Cells are found by art (one art, or an artsgruppe's range) and then funksjon within an import.
        try await db.create(index: "ledger_lines_cell").on("ledger_lines").column("import_id").column("art").column("function").run()
    }
}
