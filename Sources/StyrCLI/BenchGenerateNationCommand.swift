import ArgumentParser
import Foundation
import StyrDomain
import StyrStorage

/// `styr bench generate-nation`: the national data set of issue 14 into an empty database. A
/// benchmark generator, not a use case: it writes through StyrStorage's bulk writer in one
/// transaction (no per-row audit; the data's version is raised once), so it takes minutes, not hours.
struct BenchGenerateNationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-nation",
        abstract: "Fyller en tom database med et helt lands eksempeldata (kommuner, byrådsavdelinger, etater, ti år) for ytelsesmålinger.")

    @Option(help: "Antall kommuner.")
    var municipalities = 356

    @Option(help: "Antall etater per kommune.")
    var agencies = 50

    @Option(help: "Antall år.")
    var years = 10

    @Option(name: .customLong("first-year"), help: "Det første året.")
    var firstYear = 2016

    @Option(help: "Frø for tilfeldighetene; samme frø gir samme data.")
    var seed: UInt64 = 1

    @Option(help: "Passordet til alle brukerne som lages.")
    var password = "nasjon-bench-passord"

    @OptionGroup var databaseOptions: DatabaseOptions

    func validate() throws {
        guard (1...10_000).contains(municipalities) else { throw ValidationError("--municipalities må være mellom 1 og 10 000.") }
        guard (1...99).contains(agencies) else { throw ValidationError("--agencies må være mellom 1 og 99.") }
        guard (1...50).contains(years) else { throw ValidationError("--years må være mellom 1 og 50.") }
        guard BudgetYears.supported.contains(firstYear), BudgetYears.supported.contains(firstYear + years - 1) else {
            throw ValidationError("Årene må ligge innenfor \(BudgetYears.supported.lowerBound)–\(BudgetYears.supported.upperBound).")
        }
        guard municipalities * agencies <= 89_999 else { throw ValidationError("Høyst 89 999 etater i alt (kapittelnumrene).") }
    }

    func run() async throws {
        let generator = NationGenerator(municipalities: municipalities, agencies: agencies, years: years, firstYear: firstYear,
                                        seed: seed, password: password)
        try await databaseOptions.withMigratedDatabase { database in
            guard try await database.withConnection({ try await SQLGovernanceStore($0).isEmpty() }) else {
                throw CLIError("Databasen har allerede organisasjoner; generate-nation fyller bare en tom database.")
            }
            let start = Date()
            let (organisations, rows) = try await database.bulkLoad { writer in try await generator.generate(into: writer) }
            let seconds = max(Date().timeIntervalSince(start), 0.001)
            say("Skrev \(NorwegianFormat.integer(Int64(rows))) rader (\(NorwegianFormat.integer(Int64(organisations))) organisasjoner, "
                + "\(municipalities) kommuner × \(agencies) etater × \(years) år) på \(String(format: "%.1f", seconds)) s: "
                + "\(NorwegianFormat.integer(Int64(Double(rows) / seconds))) rader/s.")
            say("Innlogging: \(NationGenerator.adminEmail) og \(NationGenerator.steererEmail(1)) (…\(NationGenerator.steererEmail(municipalities))), passord «\(password)».")
        }
    }
}
