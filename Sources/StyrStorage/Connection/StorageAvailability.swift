import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// Whether an error means the database cannot be reached right now (PostgreSQL restarting or
/// down, its connections lost), rather than a fault of the request or of Styr: the edges answer
/// such errors with 503 once (`ErrorPageMiddleware`, `APIMiddleware`), and the pool reconnects by
/// itself when the server is back.
public enum StorageAvailability {
    public static func isUnavailable(_ error: any Error) -> Bool {
        if let error = error as? PSQLError {
            switch error.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
                return true
            case .server:
                // Class 08 (connection exception) and 57P01–57P03 (shutting down, starting up).
                let state = error.serverInfo?[.sqlState] ?? ""
                return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
            default:
                return false
            }
        }
        // The COPY writer's error when the connection has closed under it (PostgresNIO's older type).
        if case PostgresError.connectionClosed = error { return true }
        if error is NIOConnectionError || error is ChannelError { return true }
        if let error = error as? IOError { return [ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT].contains(error.errnoCode) }
        if error is StorageUnavailable { return true }
        if case StorageError.cannotOpen = error { return true }
        // The pool's own errors (`ConnectionPoolError` of an underscored module): circuit breaker
        // tripped while the server is down, requests cancelled while waiting for a connection.
        let name = String(reflecting: type(of: error))
        return name.hasSuffix("ConnectionPoolError")
    }
}

/// No database connection could be had in time (`Database.leaseTimeout`), or the connection was
/// lost during the unit of work (`WatchedSQLDatabase`).
public struct StorageUnavailable: Error, CustomStringConvertible {
    public enum Reason: Sendable { case noConnectionInTime, connectionLost }
    public let reason: Reason

    public init(_ reason: Reason = .noConnectionInTime) {
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .noConnectionInTime: "Databasen svarer ikke: ingen forbindelse innen tidsfristen."
        case .connectionLost: "Databasen svarer ikke: forbindelsen ble brutt."
        }
    }
}
