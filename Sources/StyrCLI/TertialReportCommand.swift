import ArgumentParser
import Foundation
import StyrDomain
import StyrReports
import StyrServices

/// `styr report tertial --org UKE --year 2020 --period t2 [--format html|md] [--out FIL]`: the
/// tertial (or monthly) report computed from the stored data, with the agency's written sections.
struct TertialReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tertial", abstract: "Tertialrapport (eller månedsrapport) for en etat og en periode, beregnet fra dataene.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, md, docx, pdf }

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "Organisasjonskode, f.eks. UKE.")
    var org: String

    @Option(help: "Budsjettåret.")
    var year: Int

    @Option(help: "Perioden: t1–t3 (tertial) eller m01–m12 (måned).")
    var period: String = "t2"

    @Option(help: "Format: html, md, docx (Word) eller pdf (med WeasyPrint).")
    var format: Format = .md

    @Option(help: "Skriv til denne filen i stedet for til standard ut.")
    var out: String?

    func validate() throws {
        guard BudgetYears.contains(year) else { throw ValidationError(BudgetYears.outOfRangeMessage(year)) }
        guard ReportPeriod(code: period) != nil else { throw ValidationError(ReportPeriod.unknownCodeMessage(period)) }
    }

    func run() async throws {
        let (organisationCode, year, period) = (org, year, period)
        let format = ReportFileFormat(rawValue: format.rawValue) ?? .md
        let bytes = try await databaseOptions.withContext { context in
            let services = context.services
            do {
                return try await services.reportDocuments.tertial(
                    in: organisationCode, year: year, period: period, format: format, by: try await services.organisations.commandLineUser()).data
            } catch ServiceError.unknownOrganisation(let code) {
                throw CLIError(ReportError.unknownOrganisation(code).description, exitCode: 3)
            } catch let error as PDFDocumentWriter.WriteError {
                throw CLIError(error.description)
            }
        }
        try ReportFiles.write(bytes, to: out, what: "tertialrapporten")
    }
}
