import SQLiteNIO
import StyrDomain
// SQLiteNIO's vendored SQLite (symbols prefixed `sqlite_nio_`), the same library its connection uses.
import VaporCSQLite

/// Inserts ledger lines through SQLite's C API with one prepared statement, bound and stepped per
/// line, on the connection SQLiteNIO opened, inside the import's transaction.
///
/// Why by hand: SQLiteNIO prepares every statement anew and binds through an enum per value; for
/// 10 M lines that is most of the import's time (200 000 lines/s through SQLiteNIO, about 1 M/s
/// this way). SQLiteNIO does not hand out its `sqlite3*`, so `rawHandle(of:)` reads it by
/// reflection; when that fails (a future SQLiteNIO), imports take the slower SQLiteNIO path.
/// Use only while holding the connection's lock, so that no SQLiteNIO statement runs meanwhile.
final class SQLiteLedgerLineInserter: @unchecked Sendable {
    private let handle: OpaquePointer
    private var statement: OpaquePointer?
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// The `sqlite3*` behind an SQLiteNIO connection, if this version of SQLiteNIO keeps it where
    /// we look (`handle.raw`).
    static func rawHandle(of connection: SQLiteConnection) -> OpaquePointer? {
        Mirror(reflecting: connection).descendant("handle", "raw") as? OpaquePointer
    }

    init(handle: OpaquePointer) throws {
        self.handle = handle
        let sql = "INSERT INTO ledger_lines (\(Database.lineColumns.joined(separator: ", "))) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        guard sqlite_nio_sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, statement != nil else {
            throw StorageError.invalid("Kunne ikke forberede innsetting av regnskapslinjer: \(Self.message(handle))")
        }
    }

    deinit { finalize() }

    /// Inserts `lines` with ids `firstID`, `firstID + 1`, …
    func insert(_ lines: [LedgerLine], firstID: Int64) throws {
        guard let statement else { throw StorageError.invalid("Innsettingen av regnskapslinjer er avsluttet.") }
        var id = firstID
        for line in lines {
            sqlite_nio_sqlite3_bind_int64(statement, 1, id)
            sqlite_nio_sqlite3_bind_int64(statement, 2, Int64(line.month))
            sqlite_nio_sqlite3_bind_int64(statement, 4, Int64(line.chapter))
            sqlite_nio_sqlite3_bind_int64(statement, 5, line.kind == .operating ? 1 : 0)
            sqlite_nio_sqlite3_bind_int64(statement, 6, Int64(line.art))
            sqlite_nio_sqlite3_bind_int64(statement, 7, Int64(line.function))
            sqlite_nio_sqlite3_bind_int64(statement, 10, line.amount.ore)
            bind(line.responsibility, at: 3)
            bind(line.project, at: 8)
            bind(line.freeDimension, at: 9)
            let result = sqlite_nio_sqlite3_step(statement)
            sqlite_nio_sqlite3_reset(statement)
            guard result == SQLITE_DONE else {
                throw StorageError.invalid("Kunne ikke lagre regnskapslinje \(id & 0xFFFF_FFFF): \(Self.message(handle))")
            }
            id += 1
        }
    }

    /// Text is copied by SQLite at once (`SQLITE_TRANSIENT`): short keys, so the copy costs little.
    private func bind(_ text: String, at index: Int32) {
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
        if let statement { sqlite_nio_sqlite3_finalize(statement) }
        statement = nil
    }

    private static func message(_ handle: OpaquePointer) -> String {
        sqlite_nio_sqlite3_errmsg(handle).map { String(cString: $0) } ?? "ukjent feil"
    }
}
