import ArgumentParser
import StyrDomain

/// `styr codes list`: the years with a code list of their own.
struct CodesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Viser årene som har egne KOSTRA-kodelister.")

    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let years = try await databaseOptions.withContext { context in
            try await context.services.kostraCodeLists.years(by: try await context.services.organisations.commandLineUser())
        }
        say("Listen Styr leveres med gjelder \(KostraYearCodeList.shippedYear); andre år uten egen liste kontrolleres mot den, med en advarsel.")
        for year in years.keys.sorted() {
            say("\(year): " + KostraListKind.allCases.filter { years[year]!.contains($0) }.map(\.norwegianName).joined(separator: " og "))
        }
    }
}
