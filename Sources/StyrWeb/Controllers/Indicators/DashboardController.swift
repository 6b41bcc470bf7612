import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The year dashboard of an organisation (årsoversikt): indicators with status and a trend line,
/// budget against accounts as bars (or that the year has no budget), and what still needs an
/// explanation. The figures are `YearOverviewService`'s; this page only shows them.
struct DashboardController: Sendable {
    let yearOverview: YearOverviewService
    let pages: Pages

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/ar/:year") { _, context in
            let overview = try await yearOverview.overview(
                of: try context.parameters.require("code"), year: try context.parameters.require("year", as: Int.self), by: context.session?.user)
            let scope = overview.scope
            return pages.html("Årsoversikt \(overview.year) – \(scope.organisation.name)", template: "dashboard", model: DashboardView(overview),
                              context: context, trail: [NavigationLink(url: scope.base, label: scope.organisation.name)])
        }
    }
}
