import ArgumentParser
import Foundation
import Logging
import StyrStorage

/// `styr backup --out FILE`: a consistent copy of the whole database while it runs (SQLite's
/// `VACUUM INTO`, PostgreSQL's `pg_dump -Fc`), for `styr restore`.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Tar en sikkerhetskopi av hele databasen mens den er i bruk (SQLite: VACUUM INTO, PostgreSQL: pg_dump).")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(name: .long, help: "Filen kopien skrives til.")
    var out: String

    func run() async throws {
        let url = try databaseOptions.url()
        try await databaseOptions.withMigratedDatabase { database in
            do {
                try await DatabaseBackup.backup(database, to: out)
            } catch let failure as DatabaseBackup.Failure {
                throw CLIError(failure.description)
            }
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
        print("Sikkerhetskopi av \(url) skrevet til \(out) (\(size) byte). Legg den tilbake med «styr restore \(out) --database URL» i en tom database.")
    }
}
