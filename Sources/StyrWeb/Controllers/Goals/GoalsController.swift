import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The year's goal areas and goals with their indicators and targets (`GoalService`). One form
/// address takes every change; the button pressed (`handling`) says which.
struct GoalsController: Sendable {
    let goals: GoalService
    let pages: Pages
    let access: Authorizer

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/mal/:year") { request, context in
            let chain = try await goals.chain(in: try context.parameters.require("code"), year: try requireYear(context), by: context.session?.user)
            return page(chain, saved: Confirmation.message(request, context), errorMessage: nil, context)
        }
        router.post("/organisasjoner/:code/mal/:year") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let code = try context.parameters.require("code"), year = try requireYear(context)
            let user = context.session?.user
            do {
                let (message, anchor) = try await apply(fields, code: code, year: year, user: user)
                return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/mal/\(year)\(anchor)", message: message, context)
            } catch ServiceError.invalid(let errors) {
                let chain = try await goals.chain(in: code, year: year, by: user)
                return page(chain, saved: nil, errorMessage: errors.entries.map(\.message).joined(separator: " "), context).response
            }
        }
    }

    func page(_ chain: GoalService.Chain, saved: String?, errorMessage: String?, _ context: StyrRequestContext) -> HTML {
        let scope = chain.scope
        return pages.html(
            "Mål \(chain.year) – \(scope.organisation.name)", template: "goals",
            model: GoalsView(chain, saved: saved, errorMessage: errorMessage, csrfToken: context.session?.csrfToken ?? ""),
            context: context, status: errorMessage == nil ? .ok : .unprocessableContent,
            trail: [NavigationLink(url: scope.base, label: scope.organisation.name)])
    }

    /// Carries out the button's change; returns the confirmation and where on the page to land.
    func apply(_ fields: [String: String], code: String, year: Int, user: UserAccount?) async throws -> (String, String) {
        let area = fields["omrade"] ?? "", text = fields.text("tekst"), name = fields.text("navn")
        let index = Int(fields.text("nr")) ?? -1
        let version = RecordVersions.parse(fields[FormPage.versionField])
        switch fields.text("handling") {
        case "nytt-omrade":
            let added = try await goals.addGoalArea(named: name, in: code, year: year, version: version, by: user)
            return ("Målområdet «\(added.name)» er lagt til.", "")
        case "gi-nytt-navn":
            let renamed = try await goals.renameGoalArea(area, to: name, in: code, year: year, version: version, by: user)
            return ("Målområdet heter nå «\(renamed.name)».", "")
        case "omrade-opp", "omrade-ned":
            try await goals.moveGoalArea(area, offset: fields.text("handling") == "omrade-opp" ? -1 : 1, in: code, year: year, version: version, by: user)
            return ("Målområdet «\(area)» er flyttet.", "")
        case "slett-omrade":
            try await goals.deleteGoalArea(area, in: code, year: year, version: version, by: user)
            return ("Målområdet «\(area)» er slettet.", "")
        case "nytt-mal":
            try await goals.addGoal(text, to: area, in: code, year: year, version: version, by: user)
            return ("Målet er lagt til i «\(area)».", "")
        case "endre-mal":
            try await goals.editGoal(at: index, of: area, to: text, in: code, year: year, version: version, by: user)
            return ("Målet er endret.", "")
        case "mal-opp", "mal-ned":
            try await goals.moveGoal(at: index, of: area, offset: fields.text("handling") == "mal-opp" ? -1 : 1, in: code, year: year, version: version, by: user)
            return ("Målet er flyttet.", "")
        case "slett-mal":
            try await goals.deleteGoal(at: index, of: area, in: code, year: year, version: version, by: user)
            return ("Målet er slettet fra «\(area)».", "")
        case "knytt":
            try await goals.linkIndicator(fields.text("indikator"), to: area, in: code, year: year, version: version, by: user)
            return (area.isEmpty ? "Resultatindikatoren hører ikke lenger til noe målområde." : "Resultatindikatoren er knyttet til «\(area)».", "")
        default:
            throw ServiceError.badRequest("Skjemaet sa ikke hva som skulle endres.")
        }
    }
}
