import Foundation
@testable import StyrCLI
import Logging
import SQLKit
import StyrStorage
import StyrTestSupport
import Testing

/// `styr backup` and `styr restore`: the demo copied into an empty database holds every table's
/// rows, and gives the same annual report; a database with tables is refused.
@Suite("styr backup and restore")
struct BackupRestoreCLITests {
    @Test("a backup restored into an empty database has every row and the same annual report", arguments: TestDatabase.backends)
    func roundTrip(backend: TestDatabase) async throws {
        try await backend.withFreshURL { source in
            try await Self.withEmptyTarget(backend, like: source) { target in
                let backup = try CLITests.temporaryFile("backup")
                let before = try CLITests.temporaryFile("before.md"), after = try CLITests.temporaryFile("after.md")
                defer { for path in [backup, before, after] { try? FileManager.default.removeItem(atPath: path) } }
                try await CLITests.run(["demo", "--database", source])
                try await CLITests.run(["backup", "--out", backup, "--database", source])
                try await CLITests.run(["restore", backup, "--database", target])

                let original = try await Self.contents(of: source), restored = try await Self.contents(of: target)
                #expect(original.count > 40, "tables: \(original.keys.sorted())")
                #expect(Set(original.keys) == Set(restored.keys))
                // `styr_data_version` is the caches' counter (raised by every transaction, the
                // migration check on opening included), not data: it only has to move on.
                for (table, rows) in original where table != "styr_data_version" {
                    #expect(restored[table] == rows, "table \(table) differs after the restore")
                }
                #expect((original["audit_log"]?.count ?? 0) > 100)
                #expect((original["organisations"]?.count ?? 0) > 3)

                for (database, out) in [(source, before), (target, after)] {
                    try await CLITests.run(["report", "annual", "--org", "UKE", "--year", "2020", "--format", "md", "--out", out, "--database", database])
                }
                let report = try String(contentsOfFile: before, encoding: .utf8)
                #expect(report.contains("1 158 413 263"))
                #expect(try String(contentsOfFile: after, encoding: .utf8) == report)
                #expect(await CLITests.exitCode(["audit", "verify", "--database", target]) == 0)

                // The restored database is no longer empty: a second restore is refused.
                do {
                    try await CLITests.run(["restore", backup, "--database", target])
                    Issue.record("a restore into a database with tables must be refused")
                } catch let error as CLIError {
                    #expect(error.message.contains("er ikke tom"), "\(error.message)")
                }
            }
        }
    }

    @Test("a file that is no backup, and a backup of the other kind of database, are refused")
    func refusals() async throws {
        let text = try CLITests.temporaryFile("not-a-backup", contents: "hei")
        defer { try? FileManager.default.removeItem(atPath: text) }
        do {
            try await CLITests.run(["restore", text, "--database", "sqlite:///tmp/styr-never-\(UUID().uuidString).sqlite"])
            Issue.record("a text file must be refused")
        } catch let error as CLIError {
            #expect(error.message.contains("ingen sikkerhetskopi"))
        }
        let dump = try CLITests.temporaryFile("dump", contents: "PGDMP....")
        defer { try? FileManager.default.removeItem(atPath: dump) }
        do {
            try await CLITests.run(["restore", dump, "--database", "sqlite:///tmp/styr-never-\(UUID().uuidString).sqlite"])
            Issue.record("a PostgreSQL dump must not go into SQLite")
        } catch let error as CLIError {
            #expect(error.message.contains("PostgreSQL-kopi"))
        }
    }

    /// Every table's rows as sorted texts, read from the schema's own list of tables.
    static func contents(of url: String) async throws -> [String: [String]] {
        var logger = Logger(label: "styr.test")
        logger.logLevel = .error
        return try await Database.withDatabase(try DatabaseURL(parsing: url), logger: logger) { database in
            var contents: [String: [String]] = [:]
            for table in try await DatabaseBackup.tables(database) {
                contents[table] = try await database.withConnection { db in
                    let query: String
                    if database.dialect == .sqlite {
                        let columns = try await db.raw("SELECT name FROM pragma_table_info(\(bind: table)) ORDER BY cid").all()
                            .map { "quote(\"\(try $0.decode(column: "name", as: String.self))\")" }
                        query = "SELECT \(columns.joined(separator: " || '|' || ")) AS r FROM \"\(table)\""
                    } else {
                        query = "SELECT CAST(t AS text) AS r FROM \"\(table)\" AS t"
                    }
                    return try await db.raw(SQLQueryString(query)).all().map { try $0.decode(column: "r", as: String.self) }.sorted()
                }
            }
            return contents
        }
    }

    /// An empty database of the same kind: a new SQLite path, or a new PostgreSQL database on the
    /// test server (the source's own schema name is kept by the dump, so the URL names it too).
    static func withEmptyTarget(_ backend: TestDatabase, like source: String, _ body: @Sendable (String) async throws -> Void) async throws {
        switch backend {
        case .sqlite:
            try await backend.withFreshURL(body)
        case .postgres:
            guard let text = ProcessInfo.processInfo.environment["STYR_TEST_POSTGRES_URL"], var components = URLComponents(string: source) else {
                throw StorageError.invalid("STYR_TEST_POSTGRES_URL is not set")
            }
            let name = "styr_restore_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            var logger = Logger(label: "styr.test")
            logger.logLevel = .error
            let admin = try DatabaseURL(parsing: text)
            try await Database.withDatabase(admin, logger: logger) { db in
                try await db.withConnection { try await $0.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            }
            components.path = "/" + name
            do {
                try await body(components.string!)
            } catch {
                try? await Self.drop(name, admin: admin, logger: logger)
                throw error
            }
            try await Self.drop(name, admin: admin, logger: logger)
        }
    }

    private static func drop(_ name: String, admin: DatabaseURL, logger: Logger) async throws {
        try await Database.withDatabase(admin, logger: logger) { db in
            try await db.withConnection { try await $0.raw("DROP DATABASE \(unsafeRaw: name) WITH (FORCE)").run() }
        }
    }
}
