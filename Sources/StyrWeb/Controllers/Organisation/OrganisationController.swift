import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The start page, an organisation's page, its mission statement and the changes between two
/// versions, and the accessibility statement. The use cases are `OrganisationService`'s; this
/// page only translates the address and renders the view models.
struct OrganisationController: Sendable {
    let organisations: OrganisationService
    let pages: Pages

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/") { request, context in
            let start = try await organisations.startPage(for: context.session?.user)
            let kind = request.uri.queryParameters.get("type").flatMap(OrganisationKind.init(rawValue:))
            let sort = request.uri.queryParameters.get("sorter") ?? "navn"
            return pages.html("Start", template: "home", model: HomeView(start, kind: kind, sort: sort, today: CalendarDate.today()), context: context)
        }
        router.get("/organisasjoner/:code") { _, context in
            let overview = try await organisations.overview(of: try context.parameters.require("code"), by: context.session?.user)
            return pages.html(overview.organisation.name, template: "organisation", model: OrganisationView(overview, today: CalendarDate.today()),
                              context: context)
        }
        router.get("/organisasjoner/:code/samfunnsoppdrag") { request, context in
            try await missionStatement(try context.parameters.require("code"), version: request.uri.queryParameters.get("versjon", as: Int.self), context)
        }
        router.get("/organisasjoner/:code/samfunnsoppdrag/endringer") { request, context in
            let query = request.uri.queryParameters
            return try await missionDiff(try context.parameters.require("code"), from: query.get("fra", as: Int.self), to: query.get("til", as: Int.self), context)
        }
        router.get("/tilgjengelighet") { _, context in
            pages.html("Tilgjengelighetserklæring", template: "accessibility", model: AccessibilityView(), context: context)
        }
    }

    func missionStatement(_ code: String, version: Int?, _ context: StyrRequestContext) async throws -> HTML {
        do {
            let (missions, mission) = try await organisations.missionStatement(of: code, version: version, by: context.session?.user)
            let view = MissionView(missions, mission: mission)
            return pages.html("\(mission.title) – \(view.organisationName)", template: "mission", model: view, context: context,
                              trail: [NavigationLink(url: "/organisasjoner/\(code.urlPathEncoded)", label: view.organisationName)])
        } catch ServiceError.notFound(let message) {
            return pages.error(.notFound, heading: "Fant ikke samfunnsoppdraget", message: message, context: context)
        }
    }

    /// Both versions must be given (`?fra=1&til=2`), and exist.
    func missionDiff(_ code: String, from: Int?, to: Int?, _ context: StyrRequestContext) async throws -> HTML {
        let user = context.session?.user
        let hint = "Oppgi to versjoner som finnes, f.eks. ?fra=1&til=2."
        guard let from, let to else {
            // The access check first: only someone who may read the statements learns what is missing.
            _ = try await organisations.missionStatements(of: code, by: user)
            return pages.error(.notFound, heading: "Fant ikke versjonene", message: hint, context: context)
        }
        do {
            let (scope, diff) = try await organisations.missionDiff(of: code, from: from, to: to, by: user)
            let base = "/organisasjoner/\(code.urlPathEncoded)"
            return pages.html("Endringer i samfunnsoppdraget", template: "mission-diff",
                              model: MissionDiffView(organisationName: scope.organisation.name, from: from, to: to, diff: diff), context: context,
                              trail: [NavigationLink(url: base, label: scope.organisation.name),
                                      NavigationLink(url: "\(base)/samfunnsoppdrag", label: "Samfunnsoppdrag")])
        } catch ServiceError.notFound(let message) {
            return pages.error(.notFound, heading: "Fant ikke versjonene", message: "\(message) \(hint)", context: context)
        }
    }
}

/// The view model of `accessibility.mustache`: a fixed text.
struct AccessibilityView: Sendable {}
