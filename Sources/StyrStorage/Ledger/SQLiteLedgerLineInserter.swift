import SQLiteNIO
import StyrDomain
// SQLiteNIO's vendored SQLite (symbols prefixed `sqlite_nio_`), the same library its connection uses.
import VaporCSQLite

/// Inserts ledger lines through SQLite's C API with prepared statements of 32 rows, bound and
/// stepped again and again, on the connection SQLiteNIO opened, inside the import's transaction.
///
/// Why by hand: SQLiteNIO prepares every statement anew and binds through an enum per value, once
/// for every 1 000 lines; a reused statement skips both (2 M lines in about 2.2 s this way).
/// SQLiteNIO does not hand out its `sqlite3*`, so `rawHandle(of:)` reads it by reflection; when
/// that fails (a future SQLiteNIO), imports take the SQLiteNIO path.
/// Use only while holding the connection's lock, so that no SQLiteNIO statement runs meanwhile.
final class SQLiteLedgerLineInserter: @unchecked Sendable {
    private let handle: OpaquePointer
    /// Inserts `rowsPerStatement` lines a step, and the one for the lines left over.
    private var many: OpaquePointer?
    private var one: OpaquePointer?
    /// A step costs its own entry, reset and bookkeeping: 32 rows a step took 2.2 s for 2 M lines
    /// where one row a step took 2.3–2.5 s (user time 2.8 s against 3.0–3.2 s).
    static let rowsPerStatement = 32
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// The `sqlite3*` behind an SQLiteNIO connection, if this version of SQLiteNIO keeps it where
    /// we look (`handle.raw`).
    static func rawHandle(of connection: SQLiteConnection) -> OpaquePointer? {
        Mirror(reflecting: connection).descendant("handle", "raw") as? OpaquePointer
    }

    init(handle: OpaquePointer) throws {
        self.handle = handle
        let row = "(" + Array(repeating: "?", count: Database.lineColumns.count).joined(separator: ", ") + ")"
        let insert = "INSERT INTO ledger_lines (\(Database.lineColumns.joined(separator: ", "))) VALUES "
        many = try Self.prepare(handle, insert + Array(repeating: row, count: Self.rowsPerStatement).joined(separator: ", "))
        one = try Self.prepare(handle, insert + row)
    }

    private static func prepare(_ handle: OpaquePointer, _ sql: String) throws -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw StorageError.invalid("Kunne ikke forberede innsetting av regnskapslinjer: \(message(handle))")
        }
        return statement
    }

    deinit { finalize() }

    /// Inserts `lines` with ids `firstID`, `firstID + 1`, …
    func insert(_ lines: [LedgerLine], firstID: Int64) throws {
        guard let many, let one else { throw StorageError.invalid("Innsettingen av regnskapslinjer er avsluttet.") }
        var start = 0
        while start < lines.count {
            let statement = lines.count - start >= Self.rowsPerStatement ? many : one
            let rows = statement == many ? Self.rowsPerStatement : 1
            for row in 0..<rows {
                bind(lines[start + row], id: firstID + Int64(start + row), into: statement, at: Int32(row * Database.lineColumns.count))
            }
            let result = sqlite_nio_sqlite3_step(statement)
            sqlite_nio_sqlite3_reset(statement)
            guard result == SQLITE_DONE else {
                throw StorageError.invalid("Kunne ikke lagre regnskapslinjer fra \((firstID + Int64(start)) & 0xFFFF_FFFF): \(Self.message(handle))")
            }
            start += rows
        }
    }

    @inline(__always)
    private func bind(_ line: LedgerLine, id: Int64, into statement: OpaquePointer, at base: Int32) {
        sqlite_nio_sqlite3_bind_int64(statement, base + 1, id)
        sqlite_nio_sqlite3_bind_int64(statement, base + 2, Int64(line.month))
        sqlite_nio_sqlite3_bind_int64(statement, base + 4, Int64(line.chapter))
        sqlite_nio_sqlite3_bind_int64(statement, base + 5, line.kind == .operating ? 1 : 0)
        sqlite_nio_sqlite3_bind_int64(statement, base + 6, Int64(line.art))
        sqlite_nio_sqlite3_bind_int64(statement, base + 7, Int64(line.function))
        sqlite_nio_sqlite3_bind_int64(statement, base + 10, line.amount.ore)
        bind(line.responsibility, into: statement, at: base + 3)
        bind(line.project, into: statement, at: base + 8)
        bind(line.freeDimension, into: statement, at: base + 9)
    }

    /// Text is copied by SQLite at once (`SQLITE_TRANSIENT`): short keys, so the copy costs little.
    private func bind(_ text: String, into statement: OpaquePointer, at index: Int32) {
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                // An empty buffer has no address, and a NULL pointer would bind NULL, not ''.
                if chars.isEmpty {
                    _ = sqlite_nio_sqlite3_bind_text(statement, index, "", 0, Self.transient)
                } else {
                    _ = sqlite_nio_sqlite3_bind_text(statement, index, chars.baseAddress, Int32(chars.count), Self.transient)
                }
            }
        }
    }

    func finalize() {
        if let many { sqlite_nio_sqlite3_finalize(many) }
        if let one { sqlite_nio_sqlite3_finalize(one) }
        many = nil
        one = nil
    }

    private static func message(_ handle: OpaquePointer) -> String {
        sqlite_nio_sqlite3_errmsg(handle).map { String(cString: $0) } ?? "ukjent feil"
    }
}
