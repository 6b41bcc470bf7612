import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The agency enters results, reasons and deviation comments for the year's indicators. An
/// unfavourable deviation beyond tolerance cannot be saved without a comment, and a missing
/// result needs a reason: the rules are `IndicatorService`'s; this page only translates the form
/// and the view.
struct IndicatorController: Sendable {
    let indicators: IndicatorService
    let pages: Pages
    let access: Authorizer

    /// The form's field (its id, beside which a message is shown) for each of the rule's fields.
    static let formFields = ["result": "resultat", "notMeasuredReason": "ikke-malt", "deviationComment": "kommentar"]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/indikatorer/:year") { request, context in
            let listing = try await indicators.list(
                in: try context.parameters.require("code"), year: try context.parameters.require("year", as: Int.self), by: context.session?.user)
            return pages.html("Resultatindikatorer \(listing.year)", template: "indicators",
                              model: IndicatorsView(listing, sort: request.uri.queryParameters.get("sorter"), saved: Confirmation.message(request, context)),
                              context: context, trail: [NavigationLink(url: listing.scope.base, label: listing.scope.organisation.name)])
        }
        router.get("/organisasjoner/:code/indikatorer/:year/:key") { request, context in
            let (code, year, key) = try path(context)
            let period = try Self.period(request)
            let (scope, entry) = try await indicators.prepareResult(for: key, in: code, year: year, by: context.session?.user)
            var value = entry.value(in: year)
            if let period {
                let stored = try await indicators.periodResults(in: code, year: year, by: context.session?.user)[key]?.first { $0.period == period }
                value = stored?.value(target: value?.target)
            }
            let version = try await indicators.recordVersions.version(
                of: RecordVersions.indicatorResult(scope.code, key: key, year: year, period: period), in: scope.code, by: context.session?.user)
            return form(scope, entry: entry, year: year, input: IndicatorFormView.Input(value), errors: InputErrors(), period: period,
                        version: String(version), context)
        }
        router.post("/organisasjoner/:code/indikatorer/:year/:key") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let (code, year, key) = try path(context)
            return try await save(key, in: code, year: year, period: try Self.period(request), fields: fields, context)
        }
    }

    func path(_ context: StyrRequestContext) throws -> (code: String, year: Int, key: String) {
        (try context.parameters.require("code"), try context.parameters.require("year", as: Int.self), try context.parameters.require("key"))
    }

    /// `?periode=t2` or `m04`: a result for the tertial or monthly report; none: the year's result.
    static func period(_ request: Request) throws -> ReportPeriod? {
        guard let text = request.uri.queryParameters.get("periode") else { return nil }
        guard let period = ReportPeriod(code: text) else {
            throw ServiceError.badRequest("Parameteren «periode» er ugyldig: \(ReportPeriod.unknownCodeMessage(text))")
        }
        return period
    }

    func form(
        _ scope: OrganisationScope, entry: IndicatorWithValues, year: Int, input: IndicatorFormView.Input, errors: InputErrors,
        period: ReportPeriod? = nil, version: String?, _ context: StyrRequestContext
    ) -> HTML {
        var model = IndicatorFormView(scope, entry: entry, year: year, input: input, errors: errors, csrfToken: context.session?.csrfToken ?? "")
        model.version = version
        if let period {
            model.action += "?periode=\(period.code)"
            model.periodTitle = period.title(year: year)
        }
        return pages.html(entry.indicator.name, template: "indicator-form", model: model,
                   context: context, status: errors.isEmpty ? .ok : .unprocessableContent, trail: [
                       NavigationLink(url: scope.base, label: scope.organisation.name),
                       NavigationLink(url: "\(scope.base)/indikatorer/\(year)", label: "Resultatindikatorer \(year)"),
                   ])
    }

    func save(_ key: String, in code: String, year: Int, period: ReportPeriod?, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let user = context.session?.user
        let input = IndicatorFormView.Input(
            result: (fields["resultat"] ?? "").trimmingCharacters(in: .whitespaces), notMeasuredReason: fields.text("ikke_malt"),
            deviationComment: fields.text("kommentar"))
        let draft = IndicatorResultDraft(result: input.result, notMeasuredReason: input.notMeasuredReason, deviationComment: input.deviationComment)
        do {
            let entry = try await indicators.enterResult(
                draft, for: key, in: code, year: year, period: period, version: RecordVersions.parse(fields[FormPage.versionField]), by: user)
            let target = period.map { "/organisasjoner/\(code.urlPathEncoded)/tertialrapport/\(year)/\($0.code)" }
                ?? "/organisasjoner/\(code.urlPathEncoded)/indikatorer/\(year)"
            return Confirmation.redirect(to: target, message: "Lagret: \(entry.indicator.name).", context)
        } catch ServiceError.invalid(let errors) {
            let (scope, entry) = try await indicators.prepareResult(for: key, in: code, year: year, by: user)
            return form(scope, entry: entry, year: year, input: input, errors: errors.renamed(Self.formFields), period: period,
                        version: fields[FormPage.versionField], context).response
        }
    }
}
