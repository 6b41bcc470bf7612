import ArgumentParser
import Logging
import StyrStorage

/// `styr restore FILE [--database URL]`: puts a backup from `styr backup` into an EMPTY database
/// (a database with tables is refused; see `DatabaseBackup`), then migrates it to this version.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Legger en sikkerhetskopi fra «styr backup» tilbake i en tom database.")

    @Argument(help: "Sikkerhetskopien.")
    var file: String

    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let url = try databaseOptions.url()
        var logger = Logger(label: "styr")
        logger.logLevel = .warning
        do {
            try await DatabaseBackup.restore(from: file, into: url, logger: logger)
        } catch let failure as DatabaseBackup.Failure {
            throw CLIError(failure.description)
        } catch let error as StorageError {
            throw CLIError(error.description)
        }
        let applied = try await databaseOptions.withMigratedDatabase { database in try await DatabaseBackup.tables(database).count }
        print("Sikkerhetskopien \(file) er lagt tilbake i \(url) (\(applied) tabeller).")
    }
}
