import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The self-cost pages of a year: the ledger mapped to services, the calculation per service,
/// tjenesteregnskap, next year's price list, the invoice basis per customer (each also as CSV
/// and XLSX), the department's overview, and the forms for the year's input.
struct SelfCostController: Sendable {
    let selfCost: SelfCostService
    let catalogue: ServiceCatalogueService
    let pages: Pages
    let access: Authorizer

    static let formFields = [
        "swapRate": "swaprente", "name": "navn", "amount": "belop", "basis": "nokkel", "shares": "andeler", "serviceKey": "tjeneste",
        "plannedCostBase": "kostnadsgrunnlag", "plannedFundUse": "fondsbruk", "plannedVolume": "volum", "year": "swaprente",
        "organisation": "navn",
    ]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/tjenester/kobling/:year") { _, context in
            let code = try context.parameters.require("code")
            let mapping = try await selfCost.mapping(of: code, year: try year(context), by: context.session?.user)
            return pages.html("Regnskapet fordelt på tjenester \(mapping.year) – \(mapping.scope.organisation.name)", template: "service-mapping",
                              model: ServiceMappingView(mapping, canEdit: mapping.scope.can(.enterResults)), context: context, trail: trail(mapping.scope))
        }
        router.get("/organisasjoner/:code/tjenester/selvkost/:year") { request, context in
            let code = try context.parameters.require("code")
            let computed = try await selfCost.year(try year(context), of: code, by: context.session?.user)
            if let download = download(computed.calculationTable(), request, name: "selvkost-\(code)-\(computed.year)") { return download }
            return pages.html("Selvkost \(computed.year) – \(computed.scope.organisation.name)", template: "selfcost",
                              model: SelfCostView(computed, canEdit: computed.scope.can(.enterResults), saved: Confirmation.message(request, context)),
                              context: context, trail: trail(computed.scope)).response
        }
        router.get("/organisasjoner/:code/tjenester/regnskap/:year") { request, context in
            try await tablePage(request, context, name: "tjenesteregnskap", intro: "Inntekter og utgifter per tjeneste fra regnskapslinjene reglene fører til den (bare drift). Internkjøp er art 290, internsalg art 790.",
                                empty: "Ingen tjenester i katalogen.") { $0.serviceAccountsTable }
        }
        router.get("/organisasjoner/:code/tjenester/priser/:year") { request, context in
            try await tablePage(request, context, name: "prisliste", intro: "Pris per enhet året etter = (planlagt kostnadsgrunnlag − planlagt bruk av selvkostfond) ÷ planlagt volum, avrundet til nærmeste øre. Utregningen trinn for trinn står på selvkostsiden.",
                                empty: "Ingen tjenester i katalogen.") { $0.priceListTable }
        }
        router.get("/organisasjoner/:code/tjenester/faktura/:year") { request, context in
            try await tablePage(request, context, name: "fakturagrunnlag", intro: "Fakturagrunnlag per kunde: avtalt volum × pris per enhet for avtalene som gjelder året.",
                                empty: "Ingen avtaler gjelder året.") { $0.invoiceBasisTable }
        }
        router.get("/organisasjoner/:code/tjenester/oversikt/:year") { request, context in
            let code = try context.parameters.require("code")
            let (scope, rows) = try await selfCost.overview(of: code, year: try year(context), by: context.session?.user)
            let year = try year(context)
            let table = SelfCostTable(
                key: "oversikt", title: "Dekningsgrad og selvkostfond \(year) – \(scope.organisation.name)",
                header: ["Tjeneste", "Etat", "Kostnadsgrunnlag", "Inntekter fra kunder", "Dekningsgrad", "Selvkostfond 31.12.", "Merknad"],
                rows: rows.map { row in
                    guard let c = row.calculation else {
                        return [.text(row.service.name), .text(row.agency.name), .text(""), .text(""), .text(""), .text(""), .text(row.problem ?? "")]
                    }
                    return [.text(row.service.name + (row.service.isExample ? " (eksempel)" : "")), .text(row.agency.name), .money(c.costBase),
                            .money(c.customerIncome), .text(c.coverageText), .money(c.fund.closing), .text(c.fund.flags.map(\.message).joined(separator: " "))]
                })
            if let download = download(table, request, name: "selvkost-oversikt-\(code)-\(year)") { return download }
            let model = SelfCostTableView(table, organisationName: scope.organisation.name,
                                          intro: "Hver tjenestes dekningsgrad (G / F) og selvkostfond i etatene du har innsyn i.",
                                          isExample: rows.contains { $0.service.isExample }, emptyText: "Ingen etat har tjenester i katalogen.",
                                          backURL: scope.base, downloadBase: "\(scope.base)/tjenester/oversikt/\(year)")
            return pages.html(table.title, template: "selfcost-table", model: model, context: context,
                              trail: [NavigationLink(url: scope.base, label: scope.organisation.name)]).response
        }
        addFormRoutes(to: router)
    }

    func tablePage(_ request: Request, _ context: StyrRequestContext, name: String, intro: String, empty: String,
                   table: (SelfCostService.Year) -> SelfCostTable) async throws -> Response {
        let code = try context.parameters.require("code")
        let computed = try await selfCost.year(try year(context), of: code, by: context.session?.user)
        let built = table(computed)
        if let download = download(built, request, name: "\(name)-\(code)-\(computed.year)") { return download }
        let base = "\(computed.scope.base)/tjenester"
        let model = SelfCostTableView(built, organisationName: computed.scope.organisation.name, intro: intro, isExample: computed.isExample,
                                      emptyText: empty, backURL: base, downloadBase: request.uri.path)
        return pages.html(built.title, template: "selfcost-table", model: model, context: context, trail: trail(computed.scope)).response
    }

    /// The table as CSV or XLSX when `?format=` asks for it.
    func download(_ table: SelfCostTable, _ request: Request, name: String) -> Response? {
        switch request.uri.queryParameters.get("format") {
        case "csv":
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name).csv\""],
                            body: .init(byteBuffer: ByteBuffer(string: table.csv)))
        case "xlsx":
            guard let data = try? XLSXWriter.data([table.sheet]) else { return nil }
            return Response(status: .ok, headers: [.contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                                   .contentDisposition: "attachment; filename=\"\(name).xlsx\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        default: return nil
        }
    }

    func year(_ context: StyrRequestContext) throws -> Int {
        guard let year = context.parameters.get("year", as: Int.self) else { throw ServiceError.badRequest("Året i adressen må være et tall.") }
        return try AccessCheck.year(year)
    }

    func trail(_ scope: OrganisationScope) -> [NavigationLink] {
        [NavigationLink(url: scope.base, label: scope.organisation.name), NavigationLink(url: "\(scope.base)/tjenester", label: "Tjenester")]
    }
}
