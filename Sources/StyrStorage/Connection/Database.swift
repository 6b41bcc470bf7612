import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresKit
import PostgresNIO
import SQLKit
import SQLiteKit
import Synchronization

public enum DatabaseDialect: String, Sendable { case sqlite, postgres }

/// The one door to storage: hands out an `SQLDatabase` for a unit of work, inside a transaction
/// when asked. SQLite (in WAL mode) writes through one connection taken in turn and reads through
/// a small pool of reader connections, so reads never queue behind each other or a write;
/// PostgreSQL uses a pool shared by requests. Every transaction bumps the data's version
/// (`DataVersion`), which caches compare to know that nothing changed.
public final class Database: Sendable {
    public let dialect: DatabaseDialect
    public let url: DatabaseURL
    let backend: Backend
    let logger: Logger
    /// SQLite's reader connections (none for PostgreSQL or an in-memory database).
    let readers: SQLiteReaderPool?
    let usage = Mutex(DatabaseStatistics())
    /// Whether `styr_data_version` exists (false until migration 0026 has run).
    let hasVersionTable = Mutex(false)
    /// What is known of the PostgreSQL pool's connections (unused on SQLite).
    let leases = PostgresLeases()

    enum Backend: Sendable {
        case sqlite(SQLiteConnection, AsyncSerialLock)
        case postgres(PostgresClient)
    }

    private init(url: DatabaseURL, backend: Backend, logger: Logger, readers: SQLiteReaderPool? = nil) {
        self.url = url
        self.backend = backend
        self.logger = logger
        self.readers = readers
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
            var readers: SQLiteReaderPool?
            do {
                let db = connection.sql()
                try await db.raw("PRAGMA foreign_keys = ON").run()
                try await db.raw("PRAGMA journal_mode = WAL").run()
                try await db.raw("PRAGMA busy_timeout = 5000").run()
                if Self.sqliteReaders > 0 && !path.isEmpty && path != ":memory:" && !path.hasPrefix("file::memory:") {
                    readers = try await SQLiteReaderPool.open(path: path, count: Self.sqliteReaders, logger: logger)
                }
                let database = Database(url: url, backend: .sqlite(connection, AsyncSerialLock()), logger: logger, readers: readers)
                let result = try await body(database)
                await readers?.close()
                try await connection.close()
                return result
            } catch {
                await readers?.close()
                try? await connection.close()
                throw error
            }
        case .postgres(let location):
            var configuration = PostgresClient.Configuration(
                host: location.host, port: location.port, username: location.username, password: location.password,
                database: location.database, tls: Self.tls(for: location.sslMode)
            )
            configuration.options.maximumConnections = Self.maximumConnections
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

    /// SQLite reader connections: a few, since SQLiteNIO runs every statement on NIO's blocking
    /// thread pool (one thread per core) anyway. `STYR_SQLITE_READERS=0` reads through the writer
    /// connection, in turn, as before (for comparison in `Benchmarks/pages.sh`).
    static let sqliteReaders = max(0, min(32, Int(ProcessInfo.processInfo.environment["STYR_SQLITE_READERS"] ?? "") ?? 4))

    /// Runs `body`, which only reads, with a connection of its own: on SQLite one of the reader
    /// connections (each statement sees the last committed write, as on PostgreSQL), so readers
    /// run side by side; on PostgreSQL a pooled connection as `withConnection`.
    public func withReadConnection<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard let readers else { return try await withConnection(body) }
        usage.withLock { $0.begin() }
        defer { usage.withLock { $0.end() } }
        return try await readers.withConnection { connection in try await body(connection.sql()) }
    }

    /// What the connections are doing now and have done since start (for `/metrics`).
    public var statistics: DatabaseStatistics {
        var statistics = usage.withLock { $0 }
        statistics.sqliteReaders = readers?.size ?? 0
        if let readers {
            let (inUse, waiting, waits) = readers.usage
            statistics.sqliteReadersInUse = inUse
            statistics.sqliteReadersWaiting = waiting
            statistics.sqliteReaderWaits = waits
        }
        return statistics
    }

    /// Counts one ledger import and its lines (for `/metrics`).
    func countImport(lines: Int64) {
        usage.withLock {
            $0.imports += 1
            $0.importedLines += lines
        }
    }

    /// Runs `body` with a connection of its own (on SQLite, the one connection that writes).
    public func withConnection<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        usage.withLock { $0.begin() }
        defer { usage.withLock { $0.end() } }
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
            return try await withPostgresConnection(client) { connection, watch in
                try await body(WatchedSQLDatabase(base: connection.sql(), watch: watch))
            }
        }
    }

    /// Runs `body` with a pooled PostgreSQL connection and its watch, leased as every unit of work
    /// leases one (the wait bounded, the pool's health kept): for the ledger import's COPY, which
    /// needs the connection itself; its statements go through `WatchedSQLDatabase` all the same.
    func withPostgresConnection<T: Sendable>(
        _ client: PostgresClient, _ body: @Sendable (PostgresConnection, ConnectionWatch) async throws -> T
    ) async throws -> T {
        if leases.reserveIdle() {
            defer { leases.release() }
            return try await client.withConnection { connection in try await self.leases.run(on: connection, body) }
        }
        return try await withoutActuallyEscaping(body) { body in try await Self.leasing(client, leases, Self.leaseTimeout, body) }
    }

    /// How long a unit of work waits for a PostgreSQL connection: PostgresClient waits for ever
    /// while the server is down (every request would hang); after this the request fails as
    /// `StorageUnavailable` (a 503 at the edges) and the pool keeps reconnecting by itself.
    /// `STYR_DATABASE_WAIT_SECONDS=0` waits for ever, as PostgresClient does (the Swift test suite
    /// does: hundreds of tests at once on two cores queue for connections for minutes).
    static let leaseTimeout: Duration? = {
        let seconds = Double(ProcessInfo.processInfo.environment["STYR_DATABASE_WAIT_SECONDS"] ?? "") ?? 10
        return seconds > 0 ? Duration.seconds(seconds) : nil
    }()

    /// The most connections one PostgreSQL pool opens (`STYR_DATABASE_CONNECTIONS`, 20 as
    /// PostgresClient's default). The Swift test suite runs hundreds of tests at once, each with a
    /// pool of its own: at 20 a pool they asked for more than the server's 600 connections, were
    /// refused («too many clients already»), and the pools' backoff made units of work wait for
    /// minutes; a smaller number for the suite keeps them under the server's limit.
    static let maximumConnections: Int = {
        let number = Int(ProcessInfo.processInfo.environment["STYR_DATABASE_CONNECTIONS"] ?? "") ?? 20
        return max(1, min(1000, number))
    }()

    /// Runs `body` on a pooled connection when no idle one is known (`PostgresLeases`), giving up
    /// when none is leased within `leaseTimeout` (two tasks: the lease and the deadline). Only the
    /// wait for the connection is bounded, never the work on it.
    private static func leasing<T: Sendable>(
        _ client: PostgresClient, _ leases: PostgresLeases, _ leaseTimeout: Duration?,
        _ body: @Sendable @escaping (PostgresConnection, ConnectionWatch) async throws -> T
    ) async throws -> T {
        let race = LeaseRace()
        leases.beginWaiting()
        defer { if !race.leased { leases.stopWaiting() } }
        let work: @Sendable () async throws -> T = {
            try await client.withConnection { connection in
                guard race.lease() else { throw StorageUnavailable() }
                leases.granted()
                defer { leases.release() }
                return try await leases.run(on: connection, body)
            }
        }
        guard let leaseTimeout else { return try await work() }
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: leaseTimeout)
                if race.timeOut() { throw StorageUnavailable() }
                return nil
            }
            while let result = try await group.next() {
                if let value = result {
                    group.cancelAll()
                    return value
                }
            }
            throw StorageUnavailable()
        }
    }

    /// Runs `body` in one transaction: everything it writes is committed together, or nothing is.
    /// The data's version is bumped in the same transaction.
    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withConnection { db in
            try await db.raw(self.dialect == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
            do {
                let result = try await body(db)
                try await self.bumpDataVersion(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw Self.writeConflict(error) ?? error
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
