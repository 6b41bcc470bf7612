import Foundation
import Logging
import SQLKit

/// Whole-database copies: SQLite through `VACUUM INTO` (an online, consistent copy taken on the
/// writer connection, so writes wait for it and reads go on), PostgreSQL through `pg_dump -Fc`
/// and `pg_restore`. A restore goes only into an empty database: restoring over data would mix
/// two histories (and the audit chain with them), so an existing database must be emptied or a
/// new one created on purpose first.
public enum DatabaseBackup {
    /// What a backup file holds, read from its first bytes.
    public enum Kind: Equatable, Sendable {
        case sqlite, postgresDump
    }

    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// Writes a copy of the open database to `path` (replaced atomically when it exists).
    public static func backup(_ database: Database, to path: String) async throws {
        let partial = path + ".partial-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: partial) }
        switch database.url {
        case .sqlite:
            try await database.withConnection { db in try await db.raw("VACUUM INTO \(bind: partial)").run() }
        case .postgres(let location):
            var arguments = ["--format=custom", "--file=\(partial)"]
            if let schema = location.searchPath { arguments.append("--schema=\(schema)") }
            try PostgresTools.run("pg_dump", arguments, location: location)
        }
        do {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch {
            throw Failure("Kan ikke skrive sikkerhetskopien til \(path): \(error.localizedDescription)")
        }
    }

    /// The kind of backup in `path`, or a failure naming why it is none.
    public static func kind(of path: String) throws -> Kind {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Failure("Fant ikke sikkerhetskopien \(path).") }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        if head.starts(with: Data("SQLite format 3\0".utf8)) { return .sqlite }
        if head.starts(with: Data("PGDMP".utf8)) { return .postgresDump }
        throw Failure("\(path) er ingen sikkerhetskopi fra «styr backup» (verken en SQLite-fil eller en pg_dump-fil).")
    }

    /// Restores `path` into the empty database at `url`; refuses a database that holds tables.
    public static func restore(from path: String, into url: DatabaseURL, logger: Logger) async throws {
        let kind = try kind(of: path)
        switch (kind, url) {
        case (.sqlite, .sqlite(let target)):
            try await requireEmpty(url, logger: logger)
            let partial = target + ".partial-\(UUID().uuidString.prefix(8))"
            defer { try? FileManager.default.removeItem(atPath: partial) }
            do {
                try FileManager.default.copyItem(atPath: path, toPath: partial)
                for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: target + suffix) {
                    try FileManager.default.removeItem(atPath: target + suffix)
                }
                try FileManager.default.moveItem(atPath: partial, toPath: target)
            } catch {
                throw Failure("Kan ikke skrive databasen \(target): \(error.localizedDescription)")
            }
        case (.postgresDump, .postgres(let location)):
            try await requireEmpty(url, logger: logger)
            try PostgresTools.run(
                "pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", path], location: location)
        case (.sqlite, .postgres):
            throw Failure("\(path) er en SQLite-kopi; den kan bare legges tilbake i en SQLite-database (sqlite:///sti/fil.sqlite).")
        case (.postgresDump, .sqlite):
            throw Failure("\(path) er en PostgreSQL-kopi (pg_dump); den kan bare legges tilbake i en PostgreSQL-database.")
        }
    }

    /// The tables of the database (of its schema on PostgreSQL), sorted.
    public static func tables(_ database: Database) async throws -> [String] {
        try await database.withConnection { db in
            let query = database.dialect == .sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
            return try await db.raw(SQLQueryString(query)).all().map { try $0.decode(column: "name", as: String.self) }
        }
    }

    private static func requireEmpty(_ url: DatabaseURL, logger: Logger) async throws {
        if case .sqlite(let path) = url {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
            guard let size, size > 0 else { return }
        }
        let tables: [String] = try await Database.withDatabase(url, logger: logger) { database in try await Self.tables(database) }
        guard tables.isEmpty else {
            throw Failure("Databasen \(url) er ikke tom (\(tables.count) tabeller). En sikkerhetskopi legges bare tilbake i en tom database: opprett en ny, eller tøm denne med vilje først.")
        }
    }
}
