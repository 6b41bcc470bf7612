import ArgumentParser
import Foundation
import StyrDomain
import StyrServices

/// `styr export …`: Styr's own data as files.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Eksporterer Styrs egne data som filer.", subcommands: [ExportYearCommand.self])
}

/// `styr export year --org UKE --year 2020 [--out uke-2020.json] [--format xlsx]`: the year file
/// (docs/year-file.md), pretty-printed with sorted keys, or as a workbook (`YearFileWorkbook`), to
/// standard output or a file. Through `YearFileService.export`.
struct ExportYearCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "year", abstract: "Skriver årsfila for en etat og et år: alt som er registrert, ingenting som er beregnet (JSON).")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "Organisasjonskode, f.eks. UKE.")
    var org: String

    @Option(help: "Budsjettåret.")
    var year: Int

    @Option(help: "Skriv til denne filen i stedet for til standard ut.")
    var out: String?

    @Option(help: ArgumentHelp(
        "Format: json (årsfila) eller xlsx (regneark med et ark per tabell og norske overskrifter, som kan fylles ut og leses inn igjen).",
        valueName: "json|xlsx"))
    var format: YearFileFormat?

    enum YearFileFormat: String, ExpressibleByArgument {
        case json, xlsx
    }

    func validate() throws {
        guard BudgetYears.contains(year) else { throw ValidationError(BudgetYears.outOfRangeMessage(year)) }
    }

    func run() async throws {
        let (code, year) = (org, year)
        let file = try await databaseOptions.withContext { context in
            try await context.services.yearFiles.export(code: code, year: year, by: try await context.services.organisations.commandLineUser())
        }
        let xlsx = (format ?? (out?.lowercased().hasSuffix(".xlsx") == true ? .xlsx : .json)) == .xlsx
        let data = xlsx ? try YearFileWorkbook.data(file) : try file.encoded()
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: data) else { throw CLIError("Kan ikke skrive til «\(out)».") }
            printError("Skrev årsfila for \(code) \(year) til \(out).")
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
