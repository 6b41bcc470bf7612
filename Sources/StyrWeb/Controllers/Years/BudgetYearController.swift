import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// An organisation's budget years (`/organisasjoner/:code/budsjettar`): their status, starting
/// the next year from one, closing and reopening; and the menu's year chooser. The rules are
/// `BudgetYearService`'s; this page only translates.
struct BudgetYearController: Sendable {
    let years: BudgetYearService
    let pages: Pages
    let access: Authorizer
    let cookies: CookiePolicy

    static let formFields = ["reopenReason": "begrunnelse"]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/budsjettar") { request, context in
            let listing = try await years.list(in: try context.parameters.require("code"), by: context.session?.user)
            return page(listing, saved: Confirmation.message(request, context), problem: nil, context)
        }
        router.post("/organisasjoner/:code/budsjettar/:year/start-neste") { request, context in
            try await act(request, context) { code, year, user in
                let started = try await years.startNextYear(from: year, in: code, by: user)
                var parts = ["\(started.goalAreas) målområder", "\(started.indicators) indikatorer uten måltall"]
                if started.letter != nil { parts.append("et utkast til tildelingsbrev") }
                return "Budsjettåret \(started.year) er startet som planlagt med \(parts.joined(separator: ", ")). Tallene fylles inn for \(started.year)."
            }
        }
        router.post("/organisasjoner/:code/budsjettar/:year/avslutt") { request, context in
            try await act(request, context) { code, year, user in
                _ = try await years.close(in: code, year: year, by: user)
                return "Budsjettåret \(year) er avsluttet og kan ikke lenger endres."
            }
        }
        router.get("/organisasjoner/:code/budsjettar/:year/gjenapne") { _, context in
            let code = try context.parameters.require("code"), year = try yearParameter(context)
            let listing = try await years.list(in: code, by: context.session?.user)
            guard listing.canReopen else { throw ServiceError.forbidden(organisationCode: code) }
            return pages.form(reopenForm(listing.scope, year: year, reason: "", errors: InputErrors()), context: context, trail: trail(listing.scope))
        }
        router.post("/organisasjoner/:code/budsjettar/:year/gjenapne") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let code = try context.parameters.require("code"), year = try yearParameter(context)
            do {
                _ = try await years.reopen(in: code, year: year, reason: fields.text("begrunnelse"), by: context.session?.user)
                return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/budsjettar",
                                             message: "Budsjettåret \(year) er gjenåpnet. Begrunnelsen er lagret i historikken.", context)
            } catch ServiceError.invalid(let errors) {
                let listing = try await years.list(in: code, by: context.session?.user)
                return pages.form(reopenForm(listing.scope, year: year, reason: fields.text("begrunnelse"), errors: errors.renamed(Self.formFields)),
                                  context: context, trail: trail(listing.scope)).response
            }
        }
        router.get("/organisasjoner/:code/velg-ar") { request, context in
            // The menu's year chooser: remembers the year and shows the page it was chosen on in that year.
            let code = try context.parameters.require("code")
            let base = "/organisasjoner/\(code.urlPathEncoded)"
            guard let text = request.uri.queryParameters.get("ar"), let year = Int(text), BudgetYears.contains(year) else {
                throw ServiceError.badRequest("Velg et år mellom \(BudgetYears.supported.lowerBound) og \(BudgetYears.supported.upperBound).")
            }
            let target = YearMenuView.page(request.uri.queryParameters.get("side") ?? base, showing: year, fallback: base)
            var response = Response(status: .seeOther, headers: [.location: target])
            response.setCookie(cookies.cookie(YearMenuMiddleware.yearCookie, String(year), maxAge: 365 * 24 * 3600))
            return response
        }
    }

    func yearParameter(_ context: StyrRequestContext) throws -> Int {
        guard let year = context.parameters.get("year", as: Int.self) else { throw ServiceError.badRequest("Året i adressen er ikke et årstall.") }
        return try AccessCheck.year(year)
    }

    func trail(_ scope: OrganisationScope) -> [NavigationLink] {
        let base = "/organisasjoner/\(scope.organisation.code.urlPathEncoded)"
        return [NavigationLink(url: base, label: scope.organisation.name), NavigationLink(url: "\(base)/budsjettar", label: "Budsjettår")]
    }

    func page(_ listing: BudgetYearService.Listing, saved: String?, problem: String?, _ context: StyrRequestContext,
              status: HTTPResponse.Status = .ok) -> HTML {
        let base = "/organisasjoner/\(listing.scope.organisation.code.urlPathEncoded)"
        return pages.html("Budsjettår – \(listing.scope.organisation.name)", template: "budget-years",
                          model: BudgetYearsView(listing, saved: saved, problem: problem, csrfToken: context.session?.csrfToken ?? ""),
                          context: context, status: status, trail: [NavigationLink(url: base, label: listing.scope.organisation.name)])
    }

    /// A button's action: CSRF, the use case, then back to the list with its confirmation, or the
    /// list again with the refusal.
    func act(_ request: Request, _ context: StyrRequestContext,
             _ body: (String, Int, UserAccount?) async throws -> String) async throws -> Response {
        let fields = try await FormBody.read(request, context: context)
        try access.requireCSRF(fields, context)
        let code = try context.parameters.require("code"), year = try yearParameter(context)
        do {
            let message = try await body(code, year, context.session?.user)
            return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/budsjettar", message: message, context)
        } catch ServiceError.invalid(let errors) {
            let listing = try await years.list(in: code, by: context.session?.user)
            return page(listing, saved: nil, problem: errors.entries.map(\.message).joined(separator: " "), context, status: .unprocessableContent).response
        }
    }

    func reopenForm(_ scope: OrganisationScope, year: Int, reason: String, errors: InputErrors) -> FormPage {
        let base = "/organisasjoner/\(scope.organisation.code.urlPathEncoded)"
        return FormPage(
            kicker: scope.organisation.name, heading: "Gjenåpne budsjettåret \(year)",
            intro: "Et avsluttet år kan ikke endres. Når det gjenåpnes, kan alle med skrivetilgang endre det igjen. Begrunnelsen lagres i historikken.",
            action: "\(base)/budsjettar/\(year)/gjenapne", submitLabel: "Gjenåpne \(year)",
            fields: [FormField(name: "begrunnelse", label: "Begrunnelse", kind: .textarea, value: reason,
                               hint: "Hvorfor må året endres? F.eks. «Feil i årsregnskapet oppdaget av revisjonen».")],
            errors: errors, errorHeading: "Året er ikke gjenåpnet", cancelURL: "\(base)/budsjettar")
    }
}
