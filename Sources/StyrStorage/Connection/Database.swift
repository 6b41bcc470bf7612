import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresKit
import PostgresNIO
import SQLKit
import SQLiteKit

public enum DatabaseDialect: String, Sendable { case sqlite, postgres }

/// The one door to storage: hands out an `SQLDatabase` for a unit of work, inside a transaction
/// when asked. SQLite uses one connection taken in turn; PostgreSQL a pool shared by requests.
public final class Database: Sendable {
    public let dialect: DatabaseDialect
    public let url: DatabaseURL
    let backend: Backend
    let logger: Logger

    enum Backend: Sendable {
        case sqlite(SQLiteConnection, AsyncSerialLock)
        case postgres(PostgresClient)
    }

    private init(url: DatabaseURL, backend: Backend, logger: Logger) {
        self.url = url
        self.backend = backend
        self.logger = logger
        switch backend {
        case .sqlite: dialect = .sqlite
        case .postgres: dialect = .postgres
        }
    }

    /// Opens the database, runs `body` with it, and closes it again, also when `body` throws.
    public static func withDatabase<T: Sendable>(
        _ url: DatabaseURL, logger: Logger = Logger(label: "styr.database"),
        searchPath: String? = nil,
        _ body: @Sendable (Database) async throws -> T
    ) async throws -> T {
        switch url {
        case .sqlite(let path):
            let connection: SQLiteConnection
            do {
                connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            } catch {
                throw StorageError.cannotOpen(url.description, String(describing: error))
            }
            let database = Database(url: url, backend: .sqlite(connection, AsyncSerialLock()), logger: logger)
            do {
                try await database.withConnection { db in
                    try await db.raw("PRAGMA foreign_keys = ON").run()
                    try await db.raw("PRAGMA journal_mode = WAL").run()
                    try await db.raw("PRAGMA busy_timeout = 5000").run()
                }
                let result = try await body(database)
                try await connection.close()
                return result
            } catch {
                try? await connection.close()
                throw error
            }
        case .postgres(let location):
            var configuration = PostgresClient.Configuration(
                host: location.host, port: location.port, username: location.username, password: location.password,
                database: location.database, tls: Self.tls(for: location.sslMode)
            )
            if let searchPath = searchPath ?? location.searchPath {
                configuration.options.additionalStartupParameters = [("search_path", searchPath)]
            }
            let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
            let database = Database(url: url, backend: .postgres(client), logger: logger)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }
                do {
                    try await database.withConnection { db in try await db.raw("SELECT 1").run() }
                } catch {
                    throw StorageError.cannotOpen(url.description, String(reflecting: error))
                }
                return try await body(database)
            }
        }
    }

    /// As libpq: `prefer` and `require` encrypt without checking the certificate (servers often
    /// run with a self-signed one); `verify-full` checks it and the host name.
    private static func tls(for mode: DatabaseURL.PostgresLocation.SSLMode) -> PostgresClient.Configuration.TLS {
        var unverified = TLSConfiguration.makeClientConfiguration()
        unverified.certificateVerification = .none
        switch mode {
        case .disable: return .disable
        case .prefer: return .prefer(unverified)
        case .require: return .require(unverified)
        case .verifyFull: return .require(.makeClientConfiguration())
        }
    }

    /// Runs `body` with a connection of its own.
    public func withConnection<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(let connection, let lock):
            await lock.lock()
            do {
                let result = try await body(connection.sql())
                await lock.unlock()
                return result
            } catch {
                await lock.unlock()
                throw error
            }
        case .postgres(let client):
            return try await client.withConnection { connection in
                try await body(connection.sql())
            }
        }
    }

    /// Runs `body` in one transaction: everything it writes is committed together, or nothing is.
    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withConnection { db in
            try await db.raw(self.dialect == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
            do {
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}

/// Storage failures, with messages in Norwegian for the user.
public enum StorageError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(String, String)
    case notFound(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .cannotOpen(let url, let reason): "Kan ikke åpne databasen \(url): \(reason)"
        case .notFound(let what): "Fant ikke \(what)."
        case .invalid(let reason): reason
        }
    }
}
