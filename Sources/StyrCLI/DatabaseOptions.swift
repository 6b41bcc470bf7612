import ArgumentParser
import Foundation
import Logging
import StyrStorage

/// `--database URL`, falling back to `STYR_DATABASE_URL` and then to `styr.sqlite` here.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Database-URL: sqlite:///sti/fil.sqlite eller postgres://bruker:passord@vert:port/db (ellers STYR_DATABASE_URL, ellers styr.sqlite).")
    var database: String?

    func url(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DatabaseURL {
        guard let text = database ?? environment["STYR_DATABASE_URL"], !text.isEmpty else { return .defaultURL }
        do {
            return try DatabaseURL(parsing: text)
        } catch {
            throw CLIError(error.description)
        }
    }

    /// Opens the database, migrates it, and runs `body`.
    func withMigratedDatabase<T: Sendable>(_ body: @Sendable (Database) async throws -> T) async throws -> T {
        let url = try url()
        var logger = Logger(label: "styr")
        logger.logLevel = .warning
        do {
            return try await Database.withDatabase(url, logger: logger) { database in
                try await MigrationRunner().migrate(database)
                return try await body(database)
            }
        } catch let error as StorageError {
            throw CLIError(error.description)
        }
    }
}

/// An error the user caused or can fix, printed in Norwegian without a stack of details.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32

    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    var description: String { message }
}

/// Writes a line to standard output at once (unbuffered), so a long-running `serve` is heard in logs.
func say(_ text: String) {
    // A closed pipe (`styr … | head`) must not crash the command.
    try? FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8))
}

/// Writes to standard error.
func printError(_ text: String) {
    try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8))
}
