import ArgumentParser
import StyrDemo
import StyrStorage

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Laster demodata (UKE 2020) inn i en tom database.")

    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let loaded = try await databaseOptions.withMigratedDatabase { database in
            try await DemoLoader.loadIfEmpty(database)
        }
        guard loaded else {
            throw CLIError("Databasen inneholder allerede data; demodata lastes bare inn i en tom database. Bruk --database for å velge en ny fil.")
        }
        print("Demodata for \(DemoData.organisations.last!.name) \(DemoData.year) er lastet inn.")
    }
}
