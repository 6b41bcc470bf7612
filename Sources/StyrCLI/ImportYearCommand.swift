import ArgumentParser
import Foundation
import StyrDomain
import StyrServices

/// `styr import year uke-2020.json [--org UKX] [--replace]`: loads a year file (docs/year-file.md)
/// through `YearFileService.importFile`, all or nothing. Refusals name the JSON path.
struct ImportYearCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "year", abstract: "Leser inn en årsfil (JSON eller regneark, .xlsx) for en etat og et år, alt eller ingenting.")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Argument(help: "Årsfila (JSON), eller regnearket (.xlsx), skrevet av «styr export year».")
    var file: String

    @Option(help: "Les inn under denne organisasjonskoden i stedet for fila sin.")
    var org: String?

    @Flag(help: ArgumentHelp(
        "Bytt ut årets data: organisasjonens poster for året som fila ikke har, slettes (og logges).",
        discussion: """
            Slettes når de ikke er i fila: årets budsjett- og regnskapsbeløp, budsjettreguleringer, \
            investeringsprosjekter, bemanningstall datert i året (og 1. januar året etter), målområder med mål, \
            indikatorverdier for året, årsberetningstekster, og årets tildelingsbrev, statusrapporter, møter, \
            styringssignaler og meldinger. Beholdes: kapitler, organisasjoner, indikatordefinisjoner, \
            samfunnsoppdragets versjoner, fjorårets regnskap og alle andre år.
            """))
    var replace = false

    func run() async throws {
        let (path, code, replace) = (file, org, replace)
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("Kan ikke lese «\(path)».") }
        let yearFile: YearFile
        do {
            // An .xlsx workbook is a ZIP archive ("PK"); anything else is read as JSON.
            yearFile = data.starts(with: [0x50, 0x4B]) ? try YearFileWorkbook.read(data) : try YearFile.decode(data)
        } catch let errors as InputErrors {
            throw CLIError("«\(path)» kan ikke leses som årsfil:\n" + Self.lines(errors))
        }
        let summary = try await databaseOptions.withContext { context in
            do {
                return try await context.services.yearFiles.importFile(
                    yearFile, as: code, replace: replace, by: try await context.services.organisations.commandLineUser())
            } catch ServiceError.invalid(let errors) {
                var text = "Årsfila ble ikke lest inn; ingenting er endret.\n" + Self.lines(errors)
                if !replace, errors["year"] != nil, BudgetYears.contains(yearFile.year) {
                    text += "\nBruk --replace for å bytte dem ut."
                }
                throw CLIError(text)
            }
        }
        let created = summary.createdOrganisations.isEmpty ? "" : " Opprettet \(summary.createdOrganisations.joined(separator: ", "))."
        let deleted = replace ? ", \(summary.deleted) slettet" : ""
        say("Leste inn årsfila for \(summary.organisationCode) \(summary.year): \(summary.written) poster skrevet, \(summary.skipped) uendret\(deleted).\(created)")
    }

    /// One line a refusal: "chapters[0].number: …".
    static func lines(_ errors: InputErrors) -> String {
        errors.entries.map { "\($0.field): \($0.message)" }.joined(separator: "\n")
    }
}
