import ArgumentParser
import Foundation
import StyrDomain
import StyrReports
import StyrServices

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Lager rapporter.", subcommands: [AnnualReportCommand.self, TertialReportCommand.self, SelfCostReportCommand.self])
}

struct AnnualReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annual", abstract: "Årsberetning for en etat og et år, beregnet fra dataene.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, md, docx, pdf }

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "Organisasjonskode, f.eks. UKE.")
    var org: String

    @Option(help: "Budsjettåret.")
    var year: Int

    @Option(help: "Format: html, md, docx (Word) eller pdf (med WeasyPrint). docx og pdf skrives til --out eller standard ut.")
    var format: Format = .md

    @Option(help: "Beløp i kroner (kr) eller i hele tusen (1000), avrundet slik at summene stemmer.")
    var unit: String = "kr"

    @Option(help: "Skriv til denne filen i stedet for til standard ut.")
    var out: String?

    func validate() throws {
        guard BudgetYears.contains(year) else { throw ValidationError(BudgetYears.outOfRangeMessage(year)) }
        guard ["kr", "1000"].contains(unit) else { throw ValidationError("--unit må være «kr» eller «1000», ikke «\(unit)».") }
    }

    func run() async throws {
        let (organisationCode, year) = (org, year)
        let unit: AnnualReport.AmountUnit = unit == "1000" ? .thousands : .kroner
        let format = ReportFileFormat(rawValue: format.rawValue) ?? .md
        let bytes = try await databaseOptions.withContext { context in
            let services = context.services
            do {
                return try await services.reportDocuments.annual(
                    of: organisationCode, year: year, format: format, unit: unit, by: try await services.organisations.commandLineUser()).data
            } catch ServiceError.unknownOrganisation(let code) {
                throw CLIError(ReportError.unknownOrganisation(code).description, exitCode: 3)
            } catch let error as PDFDocumentWriter.WriteError {
                throw CLIError(error.description)
            }
        }
        try ReportFiles.write(bytes, to: out, what: "årsberetningen")
    }
}
