import ArgumentParser
import Foundation
import StyrDomain
import StyrReports
import StyrServices

/// `styr report selvkost`: the agency's tjenesteregnskap, self-cost calculation, price list and
/// invoice basis for a year, as Markdown, CSV or a workbook (`SelfCostTable`).
struct SelfCostReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selvkost",
        abstract: "Tjenesteregnskap, selvkostkalkyle, prisliste og fakturagrunnlag for en etats tjenester og et år.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, csv, xlsx }

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "Organisasjonskode for etaten, f.eks. UKE.")
    var org: String

    @Option(help: "Regnskapsåret (prislisten gjelder året etter).")
    var year: Int

    @Option(help: "Bare denne tjenesten i selvkostkalkylen (nøkkelen, f.eks. faktura-regnskap).")
    var service: String?

    @Option(help: "Format: md, csv eller xlsx (xlsx krever --out).")
    var format: Format = .md

    @Option(help: "Skriv til denne filen i stedet for til standard ut.")
    var out: String?

    func validate() throws {
        guard BudgetYears.contains(year) else { throw ValidationError(BudgetYears.outOfRangeMessage(year)) }
        if format == .xlsx, out == nil { throw ValidationError("--format xlsx skriver en arbeidsbok; oppgi filen med --out.") }
    }

    func run() async throws {
        let (code, year, service) = (org, year, service)
        let tables = try await databaseOptions.withContext { context in
            let services = context.services
            let computed = try await services.selfCost.year(year, of: code, by: try await services.organisations.commandLineUser())
            if let service, !computed.services.contains(where: { $0.service.key == service }) {
                throw CLIError("\(computed.scope.organisation.name) har ingen tjeneste «\(service)».")
            }
            return computed.tables(service: service)
        }
        let data: Data
        switch format {
        case .md: data = Data(tables.map(\.markdown).joined(separator: "\n").utf8)
        case .csv: data = Data(tables.map { "# \($0.title)\r\n" + $0.csv }.joined(separator: "\r\n").utf8)
        case .xlsx: data = try XLSXWriter.data(tables.map(\.sheet))
        }
        if let out {
            do {
                try data.write(to: URL(fileURLWithPath: out))
            } catch {
                throw CLIError("Kan ikke skrive til «\(out)»: \(error.localizedDescription)")
            }
            printError("Skrev selvkostrapporten til \(out).")
        } else {
            try? FileHandle.standardOutput.write(contentsOf: data)
        }
    }
}
