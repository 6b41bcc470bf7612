import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The annual report's written sections, a form per section (`AnnualReportTextService`).
struct AnnualReportTextController: Sendable {
    let texts: AnnualReportTextService
    let pages: Pages
    let access: Authorizer

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/arsberetning/:year/tekster") { request, context in
            let found = try await texts.texts(of: try context.parameters.require("code"), year: try requireYear(context), by: context.session?.user)
            return page(found, saved: Confirmation.message(request, context), failed: nil, context)
        }
        router.post("/organisasjoner/:code/arsberetning/:year/tekster/malomrade") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let code = try context.parameters.require("code"), year = try requireYear(context), area = fields["omrade"] ?? ""
            return try await save(code, year, key: "malomrade:\(area)", body: fields["tekst"] ?? "", context) {
                try await texts.saveGoalAreaAccount(area, body: fields["tekst"] ?? "", of: code, year: year, by: context.session?.user)
                return "Omtalen av «\(area)» er lagret."
            }
        }
        router.post("/organisasjoner/:code/arsberetning/:year/tekster/:key") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let code = try context.parameters.require("code"), year = try requireYear(context)
            guard let section = AnnualReportTextSection(rawValue: try context.parameters.require("key")) else {
                throw notFound(pages, context, heading: "Fant ikke avsnittet", message: "Årsberetningen har ikke noe slikt avsnitt.")
            }
            return try await save(code, year, key: section.key, body: fields["tekst"] ?? "", context) {
                try await texts.save(section, body: fields["tekst"] ?? "", of: code, year: year, by: context.session?.user)
                return "«\(section.title)» er lagret."
            }
        }
    }

    func save(
        _ code: String, _ year: Int, key: String, body: String, _ context: StyrRequestContext, _ write: () async throws -> String
    ) async throws -> Response {
        do {
            let message = try await write()
            let anchor = key.hasPrefix("malomrade:") ? "#malomrader" : "#\(key)"
            return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/arsberetning/\(year)/tekster\(anchor)", message: message, context)
        } catch ServiceError.invalid(let errors) {
            let found = try await texts.texts(of: code, year: year, by: context.session?.user)
            return page(found, saved: nil, failed: (key, body, errors.entries.map(\.message).joined(separator: " ")), context).response
        }
    }

    func page(_ found: AnnualReportTextService.Texts, saved: String?, failed: (key: String, body: String, message: String)?, _ context: StyrRequestContext) -> HTML {
        let scope = found.scope
        return pages.html(
            "Tekstene i årsberetningen \(found.year) – \(scope.organisation.name)", template: "annual-report-texts",
            model: AnnualReportTextsView(found, saved: saved, csrfToken: context.session?.csrfToken ?? "", failed: failed),
            context: context, status: failed == nil ? .ok : .unprocessableContent,
            trail: [NavigationLink(url: scope.base, label: scope.organisation.name),
                    NavigationLink(url: "\(scope.base)/arsberetning/\(found.year)", label: "Årsberetning \(found.year)")])
    }
}
