import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The accounting report with forecast per month or tertial: the agency picks a forecast method
/// per post and explains deviations beyond the threshold; the leader submits it; HTML, CSV, XLSX.
/// The rules are `AccountingReportService`'s; this page translates the form and the view.
struct AccountingReportController: Sendable {
    let reports: AccountingReportService
    let pages: Pages
    let access: Authorizer

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/regnskapsrapport/:year") { request, context in
            let (code, year) = (try context.parameters.require("code"), try context.parameters.require("year", as: Int.self))
            let view = try await reports.report(in: code, year: year, period: try Self.period(request), by: context.session?.user)
            return show(view, format: request.uri.queryParameters.get("format") ?? "html", saved: Confirmation.message(request, context),
                        errors: InputErrors(), values: [:], context)
        }
        router.post("/organisasjoner/:code/regnskapsrapport/:year") { request, context in
            let (code, year) = (try context.parameters.require("code"), try context.parameters.require("year", as: Int.self))
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await save(code, year: year, period: try Self.period(request), fields: fields, context)
        }
        router.post("/organisasjoner/:code/regnskapsrapport/:year/send") { request, context in
            let (code, year) = (try context.parameters.require("code"), try context.parameters.require("year", as: Int.self))
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            return try await submit(code, year: year, period: try Self.period(request), context)
        }
    }

    /// `?periode=t2` (tertial) or `?periode=m4` (January–April); the second tertial by default.
    /// Anything else is a bad address (400) that names the parameter.
    static func period(_ request: Request) throws -> AccountingPeriod {
        guard let text = request.uri.queryParameters.get("periode") else { return .tertial(2) }
        guard let period = AccountingPeriod(code: text) else {
            throw ServiceError.badRequest("Parameteren «periode» er ugyldig: \(AccountingPeriod.unknownCodeMessage(text))")
        }
        return period
    }

    /// The form's name of a post's fields: `125_operating_000-099`.
    static func fieldKey(_ key: PostKey) -> String { "\(key.chapter)_\(key.kind.rawValue)_\(key.postCode)" }

    func show(
        _ view: AccountingReportService.View, format: String, saved: String?, errors: InputErrors, values posted: [String: String],
        _ context: StyrRequestContext
    ) -> Response {
        let (scope, report) = (view.scope, view.report)
        let filename = "regnskapsrapport-\(scope.code)-\(report.year)-\(report.period.code)"
        switch format {
        case "csv":
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(filename).csv\""],
                            body: .init(byteBuffer: ByteBuffer(string: AccountingReportCSV.csv(report))))
        case "xlsx":
            return Response(
                status: .ok,
                headers: [.contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          .contentDisposition: "attachment; filename=\"\(filename).xlsx\""],
                body: .init(byteBuffer: ByteBuffer(bytes: AccountingReportXLSX.workbook(report))))
        default: break
        }
        let model = AccountingReportView(view, saved: saved, errors: errors, posted: posted, csrfToken: context.session?.csrfToken ?? "")
        return pages.html("\(report.title) – \(scope.organisation.name)", template: "accounting-report", model: model, context: context,
                          status: errors.isEmpty ? .ok : .unprocessableContent,
                          trail: [NavigationLink(url: scope.base, label: scope.organisation.name)]).response
    }

    /// The rows' forecast choices as posted: those of the report's posts whose method was sent.
    static func drafts(_ report: AccountingReport, fields: [String: String]) -> [ForecastChoiceDraft] {
        report.sections.flatMap { section in
            section.rows.compactMap { row -> ForecastChoiceDraft? in
                guard let post = row.post else { return nil }
                let key = PostKey(chapter: section.chapter, kind: section.kind, postCode: post.code)
                let field = fieldKey(key)
                guard fields["metode_\(field)"] != nil else { return nil }
                return ForecastChoiceDraft(
                    key: key, method: fields.text("metode_\(field)"), manualValue: fields.text("verdi_\(field)"),
                    manualComment: fields.text("kommentar_\(field)"), explanation: fields.text("forklaring_\(field)"))
            }
        }
    }

    /// The form's field of each post's choice (`rad_125_operating_000-099`).
    static func formFields(_ report: AccountingReport) -> [String: String] {
        var names: [String: String] = [:]
        for section in report.sections {
            for row in section.rows {
                guard let post = row.post else { continue }
                let key = PostKey(chapter: section.chapter, kind: section.kind, postCode: post.code)
                names[AccountingReportService.field(key)] = "rad_\(fieldKey(key))"
            }
        }
        return names
    }

    func save(_ code: String, year: Int, period: AccountingPeriod, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let user = context.session?.user
        let view = try await reports.report(in: code, year: year, period: period, by: user)
        do {
            try await reports.saveChoices(Self.drafts(view.report, fields: fields), in: code, year: year, period: period, by: user)
        } catch ServiceError.invalid(let errors) {
            return show(view, format: "html", saved: nil, errors: errors.renamed(Self.formFields(view.report)), values: fields, context)
        }
        return Confirmation.redirect(
            to: "\(view.scope.base)/regnskapsrapport/\(year)?periode=\(period.code)", message: "Prognosene er lagret.", context)
    }

    func submit(_ code: String, year: Int, period: AccountingPeriod, _ context: StyrRequestContext) async throws -> Response {
        let user = context.session?.user
        do {
            _ = try await reports.submit(in: code, year: year, period: period, by: user)
        } catch ServiceError.invalid(let errors) {
            let view = try await reports.report(in: code, year: year, period: period, by: user)
            return show(view, format: "html", saved: nil, errors: errors, values: [:], context)
        }
        return Confirmation.redirect(
            to: "/organisasjoner/\(code.urlPathEncoded)/regnskapsrapport/\(year)?periode=\(period.code)", message: "Rapporten er sendt.", context)
    }
}
