import ArgumentParser
import StyrDomain
import StyrStorage

/// `styr ledger totals --org UKE --year 2025 --by group --by month`: sums for every combination.
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
        let totals = try await databaseOptions.withMigratedDatabase { database in
            try await database.withConnection { db in try await SQLLedgerStore(db).totals(of: code, filter, by: dimensions) }
        }
        say((dimensions.map(\.norwegianName) + ["Beløp (kr)", "Linjer"]).joined(separator: ";"))
        for total in totals {
            say((dimensions.map { total.values[$0] ?? "" } + [NorwegianFormat.exactKroner(total.amount), String(total.lines)]).joined(separator: ";"))
        }
    }
}
