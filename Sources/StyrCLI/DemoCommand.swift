import ArgumentParser
import StyrDemo
import StyrStorage

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Laster demodata (UKE 2020 og 2021) inn i en tom database.",
        discussion: "UKEs årsfiler for 2020 og 2021, som følger med Styr, leses inn på samme måte som «styr import year»; månedlige regnskapslinjer, samfunnsoppdraget og Byrådslederens kontor kommer i tillegg.")

    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let loaded = try await databaseOptions.withMigratedDatabase { database in
            try await DemoLoader.loadIfEmpty(database)
        }
        guard loaded else {
            throw CLIError("Databasen inneholder allerede data; demodata lastes bare inn i en tom database. Bruk --database for å velge en ny fil.")
        }
        let years = DemoData.yearFiles.map { String($0.year) }.joined(separator: " og ")
        print("Demodata for \(DemoData.organisations.last!.name) \(years) er lastet inn fra årsfilene.")
    }
}
