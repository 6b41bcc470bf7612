import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The tertial (or monthly) report of an agency for a period: computed from stored data
/// (`TertialReportService`), the agency's texts per heading, and the workflow's step buttons
/// for the person's role; also as Markdown and as a standalone HTML file for print.
struct TertialReportController: Sendable {
    let reports: TertialReportService
    let workflows: ReportWorkflowService
    let pages: Pages
    let access: Authorizer

    /// `/organisasjoner/UKE/tertialrapport/2020/t2`.
    static func path(_ code: String, year: Int, period: String) -> String {
        "/organisasjoner/\(code.urlPathEncoded)/tertialrapport/\(year)/\(period.urlPathEncoded)"
    }

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/tertialrapport/:year/:period") { request, context in
            let (code, year, period) = try Self.parameters(context)
            let view = try await reports.report(in: code, year: year, period: period, by: context.session?.user)
            switch request.uri.queryParameters.get("format") {
            case "md":
                return Self.file(TertialReportMarkdown.render(view.report), type: "text/markdown; charset=utf-8", name: Self.filename(view, "md"))
            case "html":
                return Self.file(pages.renderer.tertialReportDocument(view.report), type: "text/html; charset=utf-8", name: Self.filename(view, "html"))
            default:
                return show(view, saved: Confirmation.message(request, context), errors: InputErrors(), posted: nil, context).response
            }
        }
        router.post("/organisasjoner/:code/tertialrapport/:year/:period/tekster") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let (code, year, period) = try Self.parameters(context)
            return try await saveTexts(code, year: year, period: period, fields: fields, context)
        }
    }

    static func parameters(_ context: StyrRequestContext) throws -> (String, Int, String) {
        (try context.parameters.require("code"), try context.parameters.require("year", as: Int.self), try context.parameters.require("period"))
    }

    static func filename(_ view: TertialReportService.View, _ ext: String) -> String {
        "tertialrapport-\(view.report.organisationCode)-\(view.report.year)-\(view.report.periodCode).\(ext)"
    }

    static func file(_ text: String, type: String, name: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func show(_ view: TertialReportService.View, saved: String?, errors: InputErrors, posted: [String: String]?, _ context: StyrRequestContext) -> HTML {
        let scope = view.status.scope
        let model = TertialReportPageView(
            view, body: pages.renderer.tertialReportBody(view.report), saved: saved, errors: errors, posted: posted,
            csrfToken: context.session?.csrfToken ?? "")
        return pages.html("\(view.report.title) – \(scope.organisation.name)", template: "tertial-report-page", model: model, context: context,
                          status: errors.isEmpty ? .ok : .unprocessableContent,
                          trail: [NavigationLink(url: scope.base, label: scope.organisation.name)])
    }

    func saveTexts(_ code: String, year: Int, period: String, fields: [String: String], _ context: StyrRequestContext) async throws -> Response {
        let user = context.session?.user
        let key = try ReportWorkflowService.key(code, year: year, kind: .tertial, period: period)
        let texts = TertialReport.headings.compactMap { heading in fields["tekst_\(heading.key)"].map { ReportText(key: heading.key, body: $0) } }
        do {
            try await workflows.saveTexts(texts, for: key, by: user)
        } catch ServiceError.invalid(let errors) {
            let view = try await reports.report(in: code, year: year, period: period, by: user)
            return show(view, saved: nil, errors: errors, posted: fields, context).response
        }
        return Confirmation.redirect(to: Self.path(code, year: year, period: key.period), message: "Tekstene er lagret.", context)
    }
}
