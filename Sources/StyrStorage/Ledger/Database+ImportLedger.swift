import Foundation
import Logging
import NIOCore
import PostgresNIO
import SQLKit
import SQLiteKit
import StyrDomain

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
            // Leased as any unit of work: a bounded wait while the server is down, and statements
            // that fail at once when the connection is lost (`WatchedSQLDatabase`), the ROLLBACK too.
            return try await withPostgresConnection(client) { connection, watch in
                try await Self.importPostgres(connection, watch, target, logger: self.logger, body)
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
            try await Database.raiseDataVersion(db)
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
        _ connection: PostgresConnection, _ watch: ConnectionWatch, _ target: LedgerImportTarget, logger: Logger,
        _ body: @Sendable (LedgerBatchWriter) async throws -> LedgerImportCount
    ) async throws -> LedgerImportRecord {
        let db = WatchedSQLDatabase(base: connection.sql(), watch: watch)
        try await db.raw("BEGIN").run()
        do {
            let importID = try await SQLLedgerStore(db).beginImport(target)
            let placement = try LedgerLinePlacement(importID: importID)
            var count = LedgerImportCount(lines: 0, controlSum: .zero)
            let totals = LedgerImportTotals()
            // The COPY's start is written as a query is, and would wait for ever on a connection
            // already closed; the statements just before went through, so the window is this check's.
            if watch.isClosed { throw StorageUnavailable(.connectionLost) }
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
            try await Database.raiseDataVersion(db)
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
