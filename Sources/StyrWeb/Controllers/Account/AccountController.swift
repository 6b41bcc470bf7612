import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// `/konto`: the logged-in user's own sessions and personal API tokens; ending them, and making a
/// new token (shown once on the page, never in an address). The rules are `OwnAccountService`'s.
struct AccountController: Sendable {
    let own: OwnAccountService
    let pages: Pages
    let access: Authorizer

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/konto") { request, context in
            try await page(request, context, saved: Confirmation.message(request, context), newToken: nil, errors: InputErrors())
        }
        router.post("/konto/nokler/ny") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            do {
                let daysText = fields.text("dager")
                let days = daysText.isEmpty ? nil : (Int(daysText) ?? -1)
                let token = try await own.createToken(named: fields.text("navn"), days: days, by: context.session?.user)
                return try await page(request, context, saved: "API-nøkkelen «\(fields.text("navn"))» er laget.", newToken: token, errors: InputErrors())
            } catch ServiceError.invalid(let errors) {
                return try await page(request, context, saved: nil, newToken: nil, errors: errors.renamed(["name": "navn", "expiresInDays": "dager"]))
            }
        }
        router.post("/konto/nokler/:id/trekk-tilbake") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            try await own.revokeToken(try context.parameters.require("id"), by: context.session?.user)
            return Confirmation.redirect(to: "/konto", message: "API-nøkkelen er trukket tilbake og virker ikke lenger.", context)
        }
        router.post("/konto/okter/:id/avslutt") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            try await own.endSession(try context.parameters.require("id"), by: context.session?.user)
            return Confirmation.redirect(to: "/konto", message: "Økten er avsluttet.", context)
        }
    }

    func page(_ request: Request, _ context: StyrRequestContext, saved: String?, newToken: String?, errors: InputErrors) async throws -> Response {
        let overview = try await own.overview(by: context.session?.user, currentSessionToken: request.cookies[CookiePolicy.sessionCookie]?.value)
        let model = AccountView(overview, csrfToken: context.session?.csrfToken ?? "", saved: saved, newToken: newToken, errors: errors)
        return pages.html("Min konto", template: "account", model: model, context: context,
                          status: errors.isEmpty ? .ok : .unprocessableContent, trail: [NavigationLink(url: "/konto", label: "Min konto")]).response
    }
}
