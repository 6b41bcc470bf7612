import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrReports
import StyrServices

/// The one report workflow and the tertial report through the API: the same use cases as the
/// pages (`ReportWorkflowService`, `TertialReportService`), with exhaustive enum mappings.
extension StyrAPIHandler {
    func getTertialReport(_ input: Operations.GetTertialReport.Input) async throws -> Operations.GetTertialReport.Output {
        let view = try await service {
            try await services.tertialReports.report(in: input.path.code, year: input.path.year, period: input.path.period, by: APICaller.current)
        }
        return .ok(.init(body: .json(.init(
            organisationCode: view.report.organisationCode, year: view.report.year, period: view.report.periodCode, title: view.report.title,
            state: Self.reportState(view.status.workflow.state), markdown: TertialReportMarkdown.render(view.report)))))
    }

    func getReportWorkflow(_ input: Operations.GetReportWorkflow.Input) async throws -> Operations.GetReportWorkflow.Output {
        let status = try await service {
            let key = try ReportWorkflowService.key(input.path.code, year: input.path.year, kind: Self.reportKind(input.path.kind), period: input.path.period)
            return try await services.reportWorkflows.status(key, by: APICaller.current)
        }
        return .ok(.init(body: .json(Self.workflow(status))))
    }

    func takeReportStep(_ input: Operations.TakeReportStep.Input) async throws -> Operations.TakeReportStep.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let status = try await service {
            let key = try ReportWorkflowService.key(input.path.code, year: input.path.year, kind: Self.reportKind(input.path.kind), period: input.path.period)
            try await services.reportWorkflows.step(Self.reportAction(body.action), key, comment: body.comment, by: APICaller.current)
            return try await services.reportWorkflows.status(key, by: APICaller.current)
        }
        return .ok(.init(body: .json(Self.workflow(status))))
    }

    func getReportVersion(_ input: Operations.GetReportVersion.Input) async throws -> Operations.GetReportVersion.Output {
        let version = try await service {
            let key = try ReportWorkflowService.key(input.path.code, year: input.path.year, kind: Self.reportKind(input.path.kind), period: input.path.period)
            return try await services.reportWorkflows.version(key, number: input.path.number, by: APICaller.current)
        }
        let key = version.key
        return .ok(.init(body: .json(.init(
            organisationCode: key.organisationCode, year: key.year, kind: Self.reportKind(key.kind), period: key.period, number: version.number,
            submittedBy: version.submittedBy, submittedAt: version.submittedAt, title: version.snapshot.title,
            sections: version.snapshot.sections.map { .init(heading: $0.heading, lines: $0.lines) }, markdown: version.snapshot.markdown,
            model: version.snapshot.model))))
    }

    static func workflow(_ status: ReportWorkflowService.Status) -> Components.Schemas.ReportWorkflow {
        let workflow = status.workflow, key = workflow.key
        return Components.Schemas.ReportWorkflow(
            organisationCode: key.organisationCode, year: key.year, kind: reportKind(key.kind), period: key.period, title: key.title,
            state: reportState(workflow.state), versionCount: workflow.versionCount, returnComment: workflow.returnComment,
            steps: workflow.steps.map { .init(action: reportAction($0.action), by: $0.by, at: $0.at, comment: $0.comment, version: $0.version) },
            texts: workflow.texts.map { .init(key: $0.key, body: $0.body) }, actions: status.actions.map(reportAction),
            diff: status.diff.map { diff in
                .init(fromVersion: diff.fromVersion, toVersion: diff.toVersion, sections: diff.sections.map { section in
                    .init(heading: section.heading, change: diffChange(section.change), lines: section.lines.map { .init(kind: diffLine($0.kind), text: $0.text) })
                })
            })
    }

    static func reportKind(_ kind: Components.Schemas.ReportKind) -> ReportKind {
        switch kind {
        case .tertial: .tertial
        case .annual: .annual
        case .accounting: .accounting
        }
    }

    static func reportKind(_ kind: ReportKind) -> Components.Schemas.ReportKind {
        switch kind {
        case .tertial: .tertial
        case .annual: .annual
        case .accounting: .accounting
        }
    }

    static func reportState(_ state: ReportState) -> Components.Schemas.ReportState {
        switch state {
        case .draft: .draft
        case .submitted: .submitted
        case .returned: .returned
        case .approved: .approved
        case .published: .published
        }
    }

    static func reportAction(_ action: Components.Schemas.ReportAction) -> ReportAction {
        switch action {
        case .submit: .submit
        case .returnForChanges: .returnForChanges
        case .approve: .approve
        case .publish: .publish
        }
    }

    static func reportAction(_ action: ReportAction) -> Components.Schemas.ReportAction {
        switch action {
        case .submit: .submit
        case .returnForChanges: .returnForChanges
        case .approve: .approve
        case .publish: .publish
        }
    }

    static func diffChange(_ change: ReportDiff.Change) -> Components.Schemas.ReportDiffSection.ChangePayload {
        switch change {
        case .unchanged: .unchanged
        case .changed: .changed
        case .added: .added
        case .removed: .removed
        }
    }

    static func diffLine(_ kind: ReportDiff.Line.Kind) -> Components.Schemas.ReportDiffLine.KindPayload {
        switch kind {
        case .kept: .kept
        case .added: .added
        case .removed: .removed
        }
    }
}
