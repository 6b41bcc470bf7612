import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The annual report (årsberetning) as a web page: one use case (`AnnualReportService`) reads
/// and computes it; this page renders it, with the regnskap cells linked to the ledger lines.
struct AnnualReportController: Sendable {
    let reports: AnnualReportService
    let pages: Pages

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/arsberetning/:year") { request, context in
            let code = try context.parameters.require("code")
            let year = try context.parameters.require("year", as: Int.self)
            do {
                let unit: AnnualReport.AmountUnit = request.uri.queryParameters.get("enhet") == "1000" ? .thousands : .kroner
                let found = try await reports.annualReport(of: code, year: year, unit: unit, by: context.session?.user)
                let report = found.report
                let textsLabel = found.scope.can(.enterResults) ? "Skriv tekstene i årsberetningen" : "Tekstene i årsberetningen"
                let reportBase = "/organisasjoner/\(code.urlPathEncoded)/arsberetning/\(year)"
                let textsLink = "<p class=\"report-actions\"><a href=\"\(reportBase)/tekster\">\(textsLabel)</a> · <a href=\"\(reportBase)/kapittel-4-6\">Kapittel 4–6: tabeller og funn</a> · <a href=\"/organisasjoner/\(code.urlPathEncoded)/oppfolgingssaker\">Oppfølgingssaker</a></p>\n<p class=\"report-actions\">Last ned: <a href=\"\(reportBase)/dokument/docx\">Word</a> · <a href=\"\(reportBase)/dokument/pdf\">PDF</a> · <a href=\"\(reportBase)/dokument/md\">Markdown</a> · <a href=\"\(reportBase)/dokument/html\">HTML</a> · i hele tusen kroner: <a href=\"\(reportBase)/dokument/docx?enhet=1000\">Word</a>, <a href=\"\(reportBase)/dokument/pdf?enhet=1000\">PDF</a> · <a href=\"\(reportBase)?enhet=1000\">vis i 1000 kr</a></p>\n"
                let body = textsLink + pages.renderer.annualReportBody(report, accountsCellLink: found.imported.cellLink(code: code))
                return HTML(html: pages.document(
                    "\(report.title) – \(report.organisationName)", body: body, context: context,
                    trail: [NavigationLink(url: "/organisasjoner/\(code.urlPathEncoded)", label: report.organisationName)]))
            } catch ServiceError.notFound(let message) {
                return pages.error(.notFound, heading: "Kan ikke lage årsberetningen", message: message, context: context)
            }
        }
    }
}

extension ImportedActuals {
    /// Links from the regnskap cells to the ledger lines behind them (`AccountsDrillDown`).
    func cellLink(code: String) -> HTMLRenderer.AccountsCellLink {
        let ledger = Dictionary(totals.map { (AccountsDrillDown.LedgerKey(year: $0.key.year, kind: $0.key.kind, group: $0.key.group), $0.value) },
                                uniquingKeysWith: +)
        return AccountsDrillDown.cellLink(code: code, chapter: chapter, ledger: ledger)
    }
}
