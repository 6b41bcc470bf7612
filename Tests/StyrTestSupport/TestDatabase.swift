import Foundation
import Logging
import StyrStorage

/// Fresh, migrated databases for tests: a temporary SQLite file, and a schema of its own in the
/// PostgreSQL server named by `STYR_TEST_POSTGRES_URL`. Tests take `TestDatabase.backends` as
/// arguments so the same test runs on both.
public enum TestDatabase: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["STYR_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// SQLite always; PostgreSQL when a server is configured. With `STYR_REQUIRE_POSTGRES=1`
    /// (set by scripts/test) PostgreSQL is always included, so a missing server fails loudly.
    public static var backends: [TestDatabase] {
        let required = ProcessInfo.processInfo.environment["STYR_REQUIRE_POSTGRES"] == "1"
        return postgresURL != nil || required ? [.sqlite, .postgres] : [.sqlite]
    }

    /// Runs `body` with a new, migrated database that is removed afterwards.
    @discardableResult
    public func withFreshDatabase<T: Sendable>(
        migrated: Bool = true, _ body: @Sendable (Database) async throws -> T
    ) async throws -> T {
        var logger = Logger(label: "styr.test")
        logger.logLevel = .error
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("styr-test-\(UUID().uuidString).sqlite").path
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            return try await Database.withDatabase(.sqlite(path: path), logger: logger) { database in
                if migrated { try await MigrationRunner().migrate(database) }
                return try await body(database)
            }
        case .postgres:
            guard let text = Self.postgresURL else {
                throw StorageError.invalid("STYR_TEST_POSTGRES_URL is not set, but PostgreSQL tests are required")
            }
            let url = try DatabaseURL(parsing: text)
            let schema = "styr_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try await Database.withDatabase(url, logger: logger) { admin in
                try await admin.withConnection { db in try await db.raw("CREATE SCHEMA \(unsafeRaw: schema)").run() }
            }
            do {
                let result = try await Database.withDatabase(url, logger: logger, searchPath: schema) { database in
                    if migrated { try await MigrationRunner().migrate(database) }
                    return try await body(database)
                }
                try await Self.dropSchema(schema, url: url, logger: logger)
                return result
            } catch {
                try? await Self.dropSchema(schema, url: url, logger: logger)
                throw error
            }
        }
    }

    /// Runs `body` with the URL of a new, empty database (for commands that open it themselves),
    /// removed afterwards.
    @discardableResult
    public func withFreshURL<T: Sendable>(_ body: @Sendable (String) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("styr-test-\(UUID().uuidString).sqlite").path
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            return try await body("sqlite://\(path)")
        case .postgres:
            guard let text = Self.postgresURL else {
                throw StorageError.invalid("STYR_TEST_POSTGRES_URL is not set, but PostgreSQL tests are required")
            }
            let url = try DatabaseURL(parsing: text)
            var logger = Logger(label: "styr.test")
            logger.logLevel = .error
            let schema = "styr_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try await Database.withDatabase(url, logger: logger) { admin in
                try await admin.withConnection { db in try await db.raw("CREATE SCHEMA \(unsafeRaw: schema)").run() }
            }
            let separator = text.contains("?") ? "&" : "?"
            do {
                let result = try await body(text + separator + "search_path=" + schema)
                try await Self.dropSchema(schema, url: url, logger: logger)
                return result
            } catch {
                try? await Self.dropSchema(schema, url: url, logger: logger)
                throw error
            }
        }
    }

    private static func dropSchema(_ schema: String, url: DatabaseURL, logger: Logger) async throws {
        try await Database.withDatabase(url, logger: logger) { admin in
            try await admin.withConnection { db in try await db.raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run() }
        }
    }
}
