import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The one workflow of every report (`ReportWorkflowService`): its page (state, versions, the
/// difference of a resubmission, history), the step buttons, and each frozen version.
struct ReportWorkflowController: Sendable {
    let workflows: ReportWorkflowService
    let pages: Pages
    let access: Authorizer

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/rapporter/:year/:kind/:period") { request, context in
            let key = try Self.key(context)
            let status = try await workflows.status(key, by: context.session?.user)
            return show(status, saved: Confirmation.message(request, context), stepError: nil, context)
        }
        router.post("/organisasjoner/:code/rapporter/:year/:kind/:period/:action") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let key = try Self.key(context)
            let slug = try context.parameters.require("action")
            guard let action = ReportWorkflowView.action(slug: slug) else {
                throw ServiceError.notFound("Arbeidsflyten har ikke noe steg «\(slug)».")
            }
            return try await step(action, key, comment: fields["kommentar"], context)
        }
        router.get("/organisasjoner/:code/rapporter/:year/:kind/:period/versjoner/:number") { _, context in
            let key = try Self.key(context)
            let frozen = try await workflows.version(key, number: try context.parameters.require("number", as: Int.self), by: context.session?.user)
            return showVersion(frozen, context)
        }
    }

    static func key(_ context: StyrRequestContext) throws -> ReportKey {
        let slug = try context.parameters.require("kind")
        guard let kind = ReportWorkflowView.kind(slug: slug) else {
            throw ServiceError.notFound("Det finnes ingen rapporttype «\(slug)»; bruk tertialrapport, regnskapsrapport eller arsberetning.")
        }
        return try ReportWorkflowService.key(
            try context.parameters.require("code"), year: try context.parameters.require("year", as: Int.self), kind: kind,
            period: try context.parameters.require("period"))
    }

    func show(_ status: ReportWorkflowService.Status, saved: String?, stepError: String?, _ context: StyrRequestContext) -> HTML {
        let scope = status.scope
        return pages.html(
            "\(status.workflow.key.title): arbeidsflyt – \(scope.organisation.name)", template: "report-workflow",
            model: ReportWorkflowView(status, saved: saved, stepError: stepError, csrfToken: context.session?.csrfToken ?? ""), context: context,
            status: stepError == nil ? .ok : .unprocessableContent, trail: [NavigationLink(url: scope.base, label: scope.organisation.name)])
    }

    func step(_ action: ReportAction, _ key: ReportKey, comment: String?, _ context: StyrRequestContext) async throws -> Response {
        let user = context.session?.user
        do {
            try await workflows.step(action, key, comment: comment, by: user)
        } catch ServiceError.invalid(let errors) {
            let status = try await workflows.status(key, by: user)
            return show(status, saved: nil, stepError: errors.entries.map(\.message).joined(separator: " "), context).response
        }
        let message = switch action {
        case .submit: "Rapporten er sendt inn. Versjonen som er sendt, er låst."
        case .returnForChanges: "Rapporten er returnert til etaten med kommentarene."
        case .approve: "Rapporten er godkjent."
        case .publish: "Rapporten er publisert."
        }
        let target = action == .submit && key.kind == .tertial
            ? TertialReportController.path(key.organisationCode, year: key.year, period: key.period) : ReportWorkflowView.base(key)
        return Confirmation.redirect(to: target, message: message, context)
    }

    func showVersion(_ version: ReportVersion, _ context: StyrRequestContext) -> HTML {
        let key = version.key
        var body = ""
        if key.kind == .tertial, let report = try? TertialReportService.frozenReport(version) {
            body = pages.renderer.tertialReportBody(report)
        }
        let model = ReportVersionView(
            organisationName: key.organisationCode, workflowURL: ReportWorkflowView.base(key), number: version.number,
            submittedBy: version.submittedBy, submittedAt: OsloTime.format(version.submittedAt), frozenBody: body, hasModel: !body.isEmpty,
            title: version.snapshot.title, frozenSections: version.snapshot.sections)
        return pages.html("\(key.title), versjon \(version.number)", template: "report-version", model: model, context: context,
                          trail: [NavigationLink(url: "/organisasjoner/\(key.organisationCode.urlPathEncoded)", label: key.organisationCode)])
    }
}
