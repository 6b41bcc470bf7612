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
        let report = try await databaseOptions.withContext { context in
            let services = context.services
            do {
                return try await services.annualReports.annualReport(
                    of: organisationCode, year: year, unit: unit, by: try await services.organisations.commandLineUser()).report
            } catch ServiceError.unknownOrganisation(let code) {
                throw CLIError(ReportError.unknownOrganisation(code).description)
            } catch ServiceError.notFound(let message) {
                throw CLIError(message)
            }
        }
        let bytes: Data
        do {
            bytes = try ReportFiles.bytes(report.document, format: format.rawValue, markdown: { MarkdownRenderer.render(report) },
                                          html: { HTMLRenderer().annualReportDocument(report) })
        } catch {
            throw CLIError(String(describing: error))
        }
        try ReportFiles.write(bytes, to: out, what: "årsberetningen")
    }
}
