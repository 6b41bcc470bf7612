import SQLiteNIO
import StyrDomain
// SQLiteNIO's vendored SQLite (symbols prefixed `sqlite_nio_`), the same library its connection uses.
import VaporCSQLite

/// Inserts ledger lines through SQLite's C API with prepared statements of 32 rows, bound and
/// stepped again and again, on the connection SQLiteNIO opened, inside the import's transaction.
///
/// Why by hand: SQLiteNIO prepares every statement anew and binds through an enum per value, once
/// for every 1 000 lines; a reused statement skips both.
/// SQLiteNIO does not hand out its `sqlite3*`, so `rawHandle(of:)` reads it by reflection; when
/// that fails (a future SQLiteNIO), imports take the SQLiteNIO path.
/// Use only while holding the connection's lock, so that no SQLiteNIO statement runs meanwhile.
final class SQLiteLedgerLineInserter: @unchecked Sendable {
    private let handle: OpaquePointer
    /// Inserts a batch's first line with its id; SQLite numbers the lines after it.
    private var first: OpaquePointer?
    /// Inserts `rowsPerStatement` lines a step, and the one for the lines left over.
    private var many: OpaquePointer?
    private var one: OpaquePointer?
    private var cells: OpaquePointer?
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
        // OR FAIL: a failure ends the whole import anyway, so the statement needs no journal of its
        // own to undo just itself (OR ABORT, the default, keeps one for every multi-row insert).
        let withID = Database.lineColumns, numbered = Array(Database.lineColumns.dropFirst())
        func insert(_ columns: [String], rows: Int) -> String {
            let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            return "INSERT OR FAIL INTO ledger_lines (\(columns.joined(separator: ", "))) VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")
        }
        first = try Self.prepare(handle, insert(withID, rows: 1))
        many = try Self.prepare(handle, insert(numbered, rows: Self.rowsPerStatement))
        one = try Self.prepare(handle, insert(numbered, rows: 1))
        cells = try Self.prepare(handle, "INSERT INTO ledger_cells (import_id, art, first_id, last_id, functions) VALUES (?, ?, ?, ?, ?)")
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
    ///
    /// The first line gets its id bound; SQLite gives each line after it the largest id so far plus
    /// one, which skips the search for an existing row with the same id that an id of our own costs
    /// a line. That numbering holds only while no stored line has a higher id (imports get rising
    /// ids); the last id is checked, and the import fails rather than store lines under other ids.
    func insert(_ lines: [LedgerLine], firstID: Int64) throws {
        guard let first, let many, let one else { throw StorageError.invalid("Innsettingen av regnskapslinjer er avsluttet.") }
        guard !lines.isEmpty else { return }
        // SQLiteNIO opens its connections FULLMUTEX: every bind and step takes the connection's
        // mutex. Held for the batch, each of those is a recursive re-entry without an atomic.
        let mutex = sqlite_nio_sqlite3_db_mutex(handle)
        sqlite_nio_sqlite3_mutex_enter(mutex)
        defer { sqlite_nio_sqlite3_mutex_leave(mutex) }
        bind(lines[0], id: firstID, into: first, at: 0)
        try step(first, firstID)
        var start = 1
        while start < lines.count {
            let statement = lines.count - start >= Self.rowsPerStatement ? many : one
            let rows = statement == many ? Self.rowsPerStatement : 1
            for row in 0..<rows {
                bind(lines[start + row], id: nil, into: statement, at: Int32(row * (Database.lineColumns.count - 1)))
            }
            try step(statement, firstID + Int64(start))
            start += rows
        }
        let lastID = firstID + Int64(lines.count - 1)
        guard sqlite_nio_sqlite3_last_insert_rowid(handle) == lastID else {
            throw StorageError.invalid("Regnskapslinjene fikk ikke numrene \(firstID)–\(lastID) (det finnes linjer med høyere nummer); ingenting er lagret.")
        }
    }

    private func step(_ statement: OpaquePointer, _ id: Int64) throws {
        let result = sqlite_nio_sqlite3_step(statement)
        sqlite_nio_sqlite3_reset(statement)
        guard result == SQLITE_DONE else {
            throw StorageError.invalid("Kunne ikke lagre regnskapslinjer fra \(id & 0xFFFF_FFFF): \(Self.message(handle))")
        }
    }

    /// Inserts the ranges of an import's lines (`LedgerLinePlacement`).
    func insertCells(_ rows: [LedgerCellRow], importID: Int64) throws {
        guard let cells else { throw StorageError.invalid("Innsettingen av regnskapslinjer er avsluttet.") }
        for row in rows {
            sqlite_nio_sqlite3_bind_int64(cells, 1, importID)
            sqlite_nio_sqlite3_bind_int64(cells, 2, Int64(row.art))
            sqlite_nio_sqlite3_bind_int64(cells, 3, row.firstID)
            sqlite_nio_sqlite3_bind_int64(cells, 4, row.lastID)
            bind(row.functions, into: cells, at: 5)
            let result = sqlite_nio_sqlite3_step(cells)
            sqlite_nio_sqlite3_reset(cells)
            guard result == SQLITE_DONE else {
                throw StorageError.invalid("Kunne ikke lagre linjenes plassering (art \(row.art)): \(Self.message(handle))")
            }
        }
    }

    /// Binds the columns of `Database.lineColumns` after `base`, the id only when given.
    @inline(__always)
    private func bind(_ line: LedgerLine, id: Int64?, into statement: OpaquePointer, at base: Int32) {
        var base = base
        if let id {
            sqlite_nio_sqlite3_bind_int64(statement, base + 1, id)
            base += 1
        }
        sqlite_nio_sqlite3_bind_int64(statement, base + 1, Int64(line.month))
        sqlite_nio_sqlite3_bind_int64(statement, base + 3, Int64(line.chapter))
        sqlite_nio_sqlite3_bind_int64(statement, base + 4, line.kind == .operating ? 1 : 0)
        sqlite_nio_sqlite3_bind_int64(statement, base + 5, Int64(line.art))
        sqlite_nio_sqlite3_bind_int64(statement, base + 6, Int64(line.function))
        sqlite_nio_sqlite3_bind_int64(statement, base + 9, line.amount.ore)
        bind(line.responsibility, into: statement, at: base + 2)
        bind(line.project, into: statement, at: base + 7)
        bind(line.freeDimension, into: statement, at: base + 8)
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
        if let first { sqlite_nio_sqlite3_finalize(first) }
        if let many { sqlite_nio_sqlite3_finalize(many) }
        if let one { sqlite_nio_sqlite3_finalize(one) }
        if let cells { sqlite_nio_sqlite3_finalize(cells) }
        first = nil
        many = nil
        one = nil
        cells = nil
    }

    private static func message(_ handle: OpaquePointer) -> String {
        sqlite_nio_sqlite3_errmsg(handle).map { String(cString: $0) } ?? "ukjent feil"
    }
}
