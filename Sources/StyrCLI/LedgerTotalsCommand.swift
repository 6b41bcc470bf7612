import ArgumentParser
import StyrDomain
import StyrServices

/// `styr ledger totals --org UKE --year 2025 --by group --by month`: sums for every combination
/// (`LedgerQueryService`, which checks the filter and the dimensions).
struct LedgerTotalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "totals", abstract: "Summer for hver kombinasjon av dimensjonene.")

    @OptionGroup var databaseOptions: DatabaseOptions
    @OptionGroup var selection: LedgerFilterOptions

    @Option(help: "Dimensjon å summere etter (kan gjentas): \(LedgerDimension.allCases.map(\.rawValue).joined(separator: ", ")).")
    var by: [String] = ["group"]

    func run() async throws {
        let filter = try selection.filter()
        let dimensions = try by.map { name in
            guard let dimension = LedgerDimension(rawValue: name) else { throw CLIError("Ukjent dimensjon «\(name)».") }
            return dimension
        }
        let code = selection.org
        let totals = try await databaseOptions.withContext { context in
            try await context.services.ledger.totals(in: code, filter, by: dimensions, by: try await context.services.organisations.commandLineUser())
        }
        say((dimensions.map(\.norwegianName) + ["Beløp (kr)", "Linjer"]).joined(separator: ";"))
        for total in totals {
            say((dimensions.map { total.values[$0] ?? "" } + [NorwegianFormat.exactKroner(total.amount), String(total.lines)]).joined(separator: ";"))
        }
    }
}
