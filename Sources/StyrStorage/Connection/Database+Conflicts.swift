import PostgresNIO
import SQLiteNIO
import StyrDomain

/// Where two concurrent writes surface as a database error, the error becomes a `WriteConflict`
/// (a 409 at the edges, never a 500): a unique constraint (PostgreSQL SQLSTATE 23505, SQLite
/// `SQLITE_CONSTRAINT_UNIQUE`/`_PRIMARYKEY`), and on PostgreSQL a serialization failure (40001)
/// or a deadlock (40P01) between two transactions.
extension Database {
    static func writeConflict(_ error: any Error) -> WriteConflict? {
        if let conflict = error as? WriteConflict { return conflict }
        if let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] {
            return ["23505", "40001", "40P01"].contains(state) ? WriteConflict() : nil
        }
        if let error = error as? SQLiteError {
            switch error.reason {
            case .constraintUniqueFailed, .constraintPrimaryKeyFailed: return WriteConflict()
            case .constraint where error.message.contains("UNIQUE constraint failed"): return WriteConflict()
            default: return nil
            }
        }
        return nil
    }
}
