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
        let report = try await databaseOptions.withContext { context in
            let services = context.services
            do {
                return try await services.tertialReports.report(
                    in: organisationCode, year: year, period: period, by: try await services.organisations.commandLineUser()).report
            } catch ServiceError.unknownOrganisation(let code) {
                throw CLIError(ReportError.unknownOrganisation(code).description)
            } catch ServiceError.notFound(let message) {
                throw CLIError(message)
            }
        }
        let bytes: Data
        do {
            bytes = try ReportFiles.bytes(report.document, format: format.rawValue, markdown: { TertialReportMarkdown.render(report) },
                                          html: { HTMLRenderer().tertialReportDocument(report) })
        } catch {
            throw CLIError(String(describing: error))
        }
        try ReportFiles.write(bytes, to: out, what: "tertialrapporten")
    }
}
