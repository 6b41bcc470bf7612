import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// Published reports for everyone, without login (`PublicReportService`): `/offentlig` (index by
/// organisation and year), each report's published version with its tables, the tables as CSV
/// and JSON at stable addresses, the documents (PDF, DOCX), and a DCAT-AP style catalogue of the
/// datasets (`/offentlig/katalog.json`). Documented in docs/open-data.md.
struct PublicReportController: Sendable {
    let reports: PublicReportService
    let pages: Pages

    static func path(_ key: ReportKey) -> String {
        let base = "/offentlig/\(key.organisationCode.urlPathEncoded)/\(key.year)"
        return key.kind == .annual ? "\(base)/arsberetning" : "\(base)/tertialrapport/\(key.period.urlPathEncoded)"
    }

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/offentlig") { _, context in
            let published = try await reports.index()
            return pages.html("Publiserte rapporter", template: "public-index", model: PublicIndexView(published), context: context)
        }
        router.get("/offentlig/katalog.json") { request, _ in
            let base = PublicCatalogue.base(request)
            return Self.data(PublicCatalogue.json(try await reports.index(), base: base), type: "application/json")
        }
        for suffix in ["arsberetning", "tertialrapport/:period"] {
            router.get("/offentlig/:code/:year/\(suffix)") { _, context in
                let report = try await reports.report(try key(context))
                return pages.html("\(report.document.title) – \(report.document.organisationName)", template: "public-report",
                                  model: PublicReportView(report, path: Self.path(report.key)), context: context,
                                  trail: [NavigationLink(url: "/offentlig", label: "Publiserte rapporter")])
            }
            router.get("/offentlig/:code/:year/\(suffix)/tabeller/:number/:format") { _, context in
                let report = try await reports.report(try key(context))
                guard let number = context.parameters.get("number", as: Int.self), (1...report.tables.count).contains(number) else {
                    throw notFound(pages, context, heading: "Fant ikke tabellen", message: "Rapporten har \(report.tables.count) tabeller.")
                }
                let table = report.tables[number - 1]
                switch try context.parameters.require("format") {
                case "csv": return Self.data(Data(OpenDataTable.csv(table).utf8), type: "text/csv; charset=utf-8")
                case "json": return Self.data(OpenDataTable.json(table), type: "application/json")
                default: throw notFound(pages, context, heading: "Ukjent format", message: "Tabellene finnes som csv og json.")
                }
            }
            router.get("/offentlig/:code/:year/\(suffix)/dokument/:format") { _, context in
                let report = try await reports.report(try key(context))
                let name = "\(report.key.organisationCode)-\(report.key.year)-\(report.key.kind.rawValue)"
                switch try context.parameters.require("format") {
                case "pdf":
                    do {
                        return Self.data(try PDFDocumentWriter().pdf(report.document, generatedOn: NorwegianFormat.date(.today())), type: "application/pdf",
                                         name: "\(name).pdf")
                    } catch let error as PDFDocumentWriter.WriteError {
                        return pages.error(.serviceUnavailable, heading: "Kan ikke lage PDF nå", message: error.description, context: context).response
                    }
                case "docx":
                    return Self.data(try DOCXWriter.data(report.document), type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                     name: "\(name).docx")
                default: throw notFound(pages, context, heading: "Ukjent format", message: "Rapporten finnes som pdf og docx.")
                }
            }
        }
    }

    func key(_ context: StyrRequestContext) throws -> ReportKey {
        let code = try context.parameters.require("code"), year = try requireYear(context)
        if let period = context.parameters.get("period") {
            return try ReportWorkflowService.key(code, year: year, kind: .tertial, period: period)
        }
        return ReportKey.annual(code, year: year)
    }

    static func data(_ data: Data, type: String, name: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: type, .accessControlAllowOrigin: "*"]
        if let name { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
