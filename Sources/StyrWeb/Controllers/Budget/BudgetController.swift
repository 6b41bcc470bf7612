import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// Budget and accounts of an agency's chapter for a year: the revisions with their references,
/// and the computed operating, investment and project tables (`BudgetService`).
struct BudgetController: Sendable {
    let budget: BudgetService
    let pages: Pages

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/budsjett/:year") { request, context in
            let code = try context.parameters.require("code"), year = try context.parameters.require("year", as: Int.self)
            let sort = BudgetView.Sort(rawValue: request.uri.queryParameters.get("sorter") ?? "") ?? .reference
            do {
                let overview = try await budget.overview(of: code, year: year, by: context.session?.user)
                let name = overview.scope.organisation.name
                return pages.html(
                    "Budsjett og regnskap \(year) – \(name)", template: "budget",
                    model: BudgetView(overview, sort: sort, cellLink: overview.imported.cellLink(code: code)), context: context,
                    trail: [NavigationLink(url: "/organisasjoner/\(code.urlPathEncoded)", label: name)])
            } catch ServiceError.notFound(let message) {
                // No chapter or no figures yet: say so, and where to enter them (404, as before).
                let organisation = try await budget.organisation(code, by: context.session?.user)
                return pages.html(
                    "Budsjett og regnskap \(year) – \(organisation.name)", template: "budget-empty",
                    model: BudgetEmptyView(organisationName: organisation.name, year: year, message: message, links: BudgetDataLinks(code: code, year: year)),
                    context: context, status: .notFound, trail: [NavigationLink(url: "/organisasjoner/\(code.urlPathEncoded)", label: organisation.name)])
            }
        }
    }
}
