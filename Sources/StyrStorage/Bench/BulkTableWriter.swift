import Foundation
import Logging
import NIOCore
import PostgresNIO
import SQLKit
import StyrDomain

/// One value of a bulk-written row.
public enum BulkValue: Sendable {
    case int(Int64)
    case text(String)
    case null

    public static func int(_ value: Int) -> BulkValue { .int(Int64(value)) }
    public static func optional(_ text: String?) -> BulkValue { text.map(BulkValue.text) ?? .null }
}

/// Rows straight into tables, for the benchmark's generated data set (`styr bench generate-nation`)
/// only: no repository, no rule, no per-row audit. It is NOT a way to store a user's data; the
/// command line constructs it through `Database.bulkLoad`, nothing else does. Rows are buffered per
/// table and written as `COPY … FROM STDIN` on PostgreSQL and as multi-row `INSERT`s on SQLite, all in
/// the one transaction of `bulkLoad`. Used by one task at a time.
public final class BulkTableWriter: @unchecked Sendable {
    private struct Buffer {
        var columns: [String]
        var rows = 0
        var copy = ByteBuffer()
        var values = ""
    }

    private let db: any SQLDatabase
    private let postgres: PostgresConnection?
    private let logger: Logger
    private var buffers: [String: Buffer] = [:]
    /// Tables in the order first written, so parents are flushed before children.
    private var order: [String] = []
    private var nextIDs: [String: Int64] = [:]
    /// Rows written so far (all tables).
    public private(set) var rowCount = 0

    init(db: any SQLDatabase, postgres: PostgresConnection?, logger: Logger) {
        self.db = db
        self.postgres = postgres
        self.logger = logger
    }

    /// The next free id of `table` (the largest stored id + 1 when first asked), for rows whose id
    /// other rows or documents name.
    public func nextID(_ table: String) async throws -> Int64 {
        if let id = nextIDs[table] {
            nextIDs[table] = id + 1
            return id
        }
        let row = try await db.raw("SELECT COALESCE(MAX(id), 0) AS top FROM \(ident: table)").first()
        let id = (try row?.decode(column: "top", as: Int64.self) ?? 0) + 1
        nextIDs[table] = id + 1
        return id
    }

    /// Tables whose ids this writer handed out (PostgreSQL's sequences are moved past them).
    var tablesWithIDs: [String] { Array(nextIDs.keys).sorted() }

    /// Buffers one row; writes the table's buffer when it is full. A child's rows are written
    /// only after every parent table's buffered rows (the buffers are flushed in first-use order).
    public func append(_ table: String, _ columns: [String], _ row: [BulkValue]) async throws {
        precondition(columns.count == row.count, "one value per column")
        if buffers[table] == nil {
            buffers[table] = Buffer(columns: columns)
            order.append(table)
        }
        buffers[table]!.rows += 1
        rowCount += 1
        if postgres != nil {
            Self.writeCopyRow(row, into: &buffers[table]!.copy)
            if buffers[table]!.copy.readableBytes >= 4 << 20 { try await flushAll() }
        } else {
            Self.writeValuesRow(row, into: &buffers[table]!.values, first: buffers[table]!.rows == 1)
            if buffers[table]!.rows >= 400 { try await flushAll() }
        }
    }

    /// Writes every buffered row, parents first.
    public func flushAll() async throws {
        for table in order {
            guard var buffer = buffers[table], buffer.rows > 0 else { continue }
            if let postgres {
                let bytes = buffer.copy
                try await postgres.copyFrom(table: table, columns: buffer.columns, logger: logger) { writer in
                    try await writer.write(bytes)
                }
                buffer.copy.clear()
            } else {
                let columns = buffer.columns.map { "\"\($0)\"" }.joined(separator: ", ")
                try await db.raw("INSERT INTO \(ident: table) (\(unsafeRaw: columns)) VALUES \(unsafeRaw: buffer.values)").run()
                buffer.values = ""
            }
            buffer.rows = 0
            buffers[table] = buffer
        }
    }

    /// `COPY`'s text format: tab-separated, `\N` for null, backslash escapes in text.
    static func writeCopyRow(_ row: [BulkValue], into buffer: inout ByteBuffer) {
        var line = ""
        for (index, value) in row.enumerated() {
            if index > 0 { line += "\t" }
            switch value {
            case .int(let number): line += String(number)
            case .null: line += "\\N"
            case .text(let text): line += copyEscaped(text)
            }
        }
        line += "\n"
        buffer.writeString(line)
    }

    static func copyEscaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
        else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// One `(…)` of a multi-row `INSERT`, with literals (text quoted, quotes doubled).
    static func writeValuesRow(_ row: [BulkValue], into text: inout String, first: Bool) {
        if !first { text += "," }
        text += "("
        for (index, value) in row.enumerated() {
            if index > 0 { text += "," }
            switch value {
            case .int(let number): text += String(number)
            case .null: text += "NULL"
            case .text(let string): text += "'" + string.replacingOccurrences(of: "'", with: "''") + "'"
            }
        }
        text += ")"
    }
}

extension Database {
    /// Runs a benchmark generator's `body` with a `BulkTableWriter` in ONE transaction (all or
    /// nothing) that raises the data's version once; on PostgreSQL moves the id sequences past the
    /// ids handed out and refreshes the planner's statistics afterwards. Only for generated
    /// benchmark data (`styr bench generate-nation`): nothing is audited row by row.
    public func bulkLoad<T: Sendable>(_ body: @Sendable (BulkTableWriter) async throws -> T) async throws -> (result: T, rows: Int) {
        switch backend {
        case .sqlite(let connection, let lock):
            await lock.lock()
            let db = connection.sql()
            do {
                try await db.raw("BEGIN IMMEDIATE").run()
                let writer = BulkTableWriter(db: db, postgres: nil, logger: logger)
                let result = try await body(writer)
                try await writer.flushAll()
                try await Database.raiseDataVersion(db)
                try await db.raw("COMMIT").run()
                try? await db.raw("ANALYZE").run()
                await lock.unlock()
                return (result, writer.rowCount)
            } catch {
                try? await db.raw("ROLLBACK").run()
                await lock.unlock()
                throw error
            }
        case .postgres(let client):
            return try await client.withConnection { connection in
                let db = connection.sql()
                try await db.raw("BEGIN").run()
                do {
                    let writer = BulkTableWriter(db: db, postgres: connection, logger: self.logger)
                    let result = try await body(writer)
                    try await writer.flushAll()
                    for table in writer.tablesWithIDs {
                        try await db.raw("""
                            SELECT setval(pg_get_serial_sequence(\(bind: table), 'id'), (SELECT COALESCE(MAX(id), 1) FROM \(ident: table)))
                            """).run()
                    }
                    try await Database.raiseDataVersion(db)
                    try await db.raw("COMMIT").run()
                    try? await db.raw("ANALYZE").run()
                    return (result, writer.rowCount)
                } catch {
                    try? await db.raw("ROLLBACK").run()
                    throw error
                }
            }
        }
    }
}
