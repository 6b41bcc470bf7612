import ArgumentParser
import StyrStorage

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Oppdaterer databaseskjemaet (kjører migreringer som ikke er kjørt).")

    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let url = try databaseOptions.url()
        let applied = try await Database.withDatabase(url) { database in
            try await MigrationRunner().migrate(database)
        }
        print(applied.isEmpty ? "Databasen \(url) er allerede oppdatert." : "Kjørte \(applied.count) \(applied.count == 1 ? "migrering" : "migreringer") i \(url): \(applied.joined(separator: ", ")).")
    }
}
