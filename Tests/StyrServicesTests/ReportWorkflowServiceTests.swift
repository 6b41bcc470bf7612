import Foundation
import StyrDemo
import StyrDomain
import StyrReports
import StyrServices
import StyrStorage
import StyrTestSupport
import Testing

/// `ReportWorkflowService` and `TertialReportService` on the demo's UKE 2020: the editor writes,
/// the leader submits (a frozen version), the department returns or approves and publishes;
/// edits after submission are refused or leave the frozen version unchanged; every step audited.
@Suite("Report workflow and tertial report services")
struct ReportWorkflowServiceTests {
    static let leader = "leder@uke.styr.demo"
    static let key = ReportKey(organisationCode: "UKE", year: 2020, kind: .tertial, period: "t1")

    @Test("the tertial report's workflow by role, frozen at submission, with the diff of a resubmission", arguments: TestDatabase.backends)
    func walk(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let workflows = services.reportWorkflows
            let (editor, leader, steerer) = (users[ServiceTestApp.editor], users[Self.leader], users[ServiceTestApp.finSteerer])
            let (other, auditor) = (users[ServiceTestApp.blkSteerer], users[ServiceTestApp.auditor])
            let forbidden = ServiceError.forbidden(organisationCode: "UKE")

            try await workflows.saveTexts([ReportText(key: "sammendrag", body: "Første utkast.")], for: Self.key, by: editor)
            for user in [steerer, other, auditor] {
                await #expect(throws: forbidden) { try await workflows.saveTexts([ReportText(key: "sammendrag", body: "x")], for: Self.key, by: user) }
            }
            await #expect(throws: ServiceError.unauthenticated) { try await workflows.submit(Self.key, by: nil) }
            for user in [editor, steerer, other, auditor] {
                await #expect(throws: forbidden) { try await workflows.submit(Self.key, by: user) }
            }
            var status = try await workflows.status(Self.key, by: leader)
            #expect(status.workflow.state == .draft && status.actions == [.submit] && status.canEditTexts)

            try await workflows.submit(Self.key, by: leader)
            let first = try await workflows.version(Self.key, by: auditor)
            #expect(first.number == 1 && first.submittedBy == Self.leader)
            let frozen = try TertialReportService.frozenReport(first)
            #expect(frozen.text("sammendrag").paragraphs == ["Første utkast."])
            #expect(first.snapshot.markdown.contains("Første utkast."))

            // The agency may not approve itself; edits after submission are refused.
            await #expect(throws: forbidden) { try await workflows.approve(Self.key, by: leader) }
            await #expect(throws: forbidden) { try await workflows.approve(Self.key, by: other) }
            do {
                try await workflows.saveTexts([ReportText(key: "sammendrag", body: "Endret etter innsending.")], for: Self.key, by: editor)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors["state"]?.contains("den innsendte versjonen står fast") == true)
            }
            // Data edited after submission changes nothing in the frozen version.
            let indicator = try #require(try await services.indicators.list(in: "UKE", year: 2020, by: editor).entries.first)
            _ = try? await services.indicators.enterResult(
                IndicatorResultDraft(result: "1", notMeasuredReason: nil, deviationComment: "Endret etter innsending"),
                for: indicator.indicator.key, in: "UKE", year: 2020, period: .tertial(1), by: editor)
            #expect(try await workflows.version(Self.key, number: 1, by: steerer) == first)

            do {
                try await workflows.returnForChanges(Self.key, comment: " ", by: steerer)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["comment"])
            }
            try await workflows.returnForChanges(Self.key, comment: "Utdyp risikoene.", by: steerer)
            status = try await workflows.status(Self.key, by: editor)
            #expect(status.workflow.state == .returned && status.workflow.returnComment == "Utdyp risikoene." && status.canEditTexts)
            try await workflows.saveTexts([ReportText(key: "risiko", body: "Risikoene er utdypet.")], for: Self.key, by: editor)
            try await workflows.submit(Self.key, by: leader)
            let diff = try #require(try await workflows.diff(Self.key, by: steerer))
            #expect(diff.fromVersion == 1 && diff.toVersion == 2 && diff.hasChanges)
            #expect(diff.sections.flatMap(\.lines).contains { $0.kind == .added && $0.text == "Risikoene er utdypet." })

            do {
                try await workflows.publish(Self.key, by: steerer)
                Issue.record("refused: not approved yet")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["state"])
            }
            try await workflows.approve(Self.key, by: steerer)
            await #expect(throws: ServiceError.notFound("Tertialrapport – 1. tertial 2020 for «UKE» er ikke publisert.")) {
                _ = try await workflows.publishedVersion(Self.key)
            }
            try await workflows.publish(Self.key, by: steerer)
            #expect(try await workflows.published().map(\.key).contains(Self.key))
            #expect(try await workflows.publishedVersion(Self.key).number == 2)

            let history = try await services.storage.read { try await $0.audit.entries(entityType: "reportWorkflow", entityKey: Self.key.auditKey, limit: nil) }
            #expect(history.count == 7)
        }
    }

    @Test("the demo's 2. tertial report 2020 is submitted, approved and published, each step audited", arguments: TestDatabase.backends)
    func demo(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let key = ReportKey(organisationCode: "UKE", year: 2020, kind: .tertial, period: "t2")
            let status = try await services.reportWorkflows.status(key, by: users[ServiceTestApp.auditor])
            #expect(status.workflow.state == .published && status.versions.count == 1)
            #expect(status.workflow.steps.map(\.by) == ["leder@uke.styr.demo", "etatsstyrer@fin.styr.demo", "etatsstyrer@fin.styr.demo"])
            #expect(status.workflow.steps.map(\.action) == [.submit, .approve, .publish])
            #expect(try await services.reportWorkflows.publishedVersion(key).number == 1)
            let report = try TertialReportService.frozenReport(try #require(status.versions.first))
            #expect(report.text("sammendrag").paragraphs.first?.hasPrefix("Eksempel:") == true)
            #expect(report.accounting?.sections.isEmpty == false)
            #expect(status.actions.isEmpty && !status.canEditTexts)
        }
    }

    @Test("the tertial report is built from stored data; a period result is used; a bad period is a bad request", arguments: TestDatabase.backends)
    func tertialReport(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let (editor, auditor) = (users[ServiceTestApp.editor], users[ServiceTestApp.auditor])
            var view = try await services.tertialReports.report(in: "UKE", year: 2020, period: "t2", by: auditor)
            #expect(view.report.title == "Tertialrapport – 2. tertial 2020")
            #expect(view.report.subtitle.hasSuffix("Status per 31.08.2020"))
            #expect(!view.report.goalAreas.isEmpty && !view.report.assignments.isEmpty && view.report.accounting != nil)
            #expect(view.periods.contains(.tertial(2)))
            let entry = try #require(try await services.indicators.list(in: "UKE", year: 2020, by: editor).entries.first { $0.value(in: 2020)?.target != nil })
            let target = try #require(entry.value(in: 2020)?.target)
            let value: Quantity = switch target { case .value(let value): value; case .range(let low, _): low }
            _ = try await services.indicators.enterResult(
                IndicatorResultDraft(result: NorwegianFormat.quantity(value, decimals: 3), notMeasuredReason: nil, deviationComment: nil),
                for: entry.indicator.key, in: "UKE", year: 2020, period: .tertial(2), by: editor)
            view = try await services.tertialReports.report(in: "UKE", year: 2020, period: "t2", by: auditor)
            let line = try #require(view.report.goalAreas.flatMap(\.indicators).first { $0.name == entry.indicator.name })
            #expect(line.resultBasis == "2. tertial 2020")
            // The year's value is kept as it was.
            #expect(try await services.indicators.list(in: "UKE", year: 2020, by: editor).entries.first { $0.indicator.key == entry.indicator.key }?
                .value(in: 2020) == entry.value(in: 2020))
            await #expect(throws: ServiceError.badRequest(ReportPeriod.unknownCodeMessage("t9"))) {
                _ = try await services.tertialReports.report(in: "UKE", year: 2020, period: "t9", by: auditor)
            }
            let markdown = TertialReportMarkdown.render(view.report)
            #expect(markdown.hasPrefix("# Tertialrapport – 2. tertial 2020: Utviklings- og kompetanseetaten"))
            #expect(HTMLRenderer().tertialReportDocument(view.report).contains("<h2>Risikovurderinger og risikoreduserende tiltak</h2>"))
        }
    }

    @Test("the accounting report's submission is the workflow's step: frozen, then returned or approved by the department", arguments: TestDatabase.backends)
    func accounting(backend: TestDatabase) async throws {
        try await AccountingReportServiceTests.run(
            backend, threshold: ForecastThreshold(amount: ForecastThreshold.largestAmount, percentBasisPoints: 10_000)
        ) { services, users in
            let (leader, steerer) = (users[Self.leader], users[ServiceTestApp.finSteerer])
            _ = try await services.accountingReport.submit(in: "UKE", year: 2020, period: .month(4), by: leader)
            let key = ReportKey(organisationCode: "UKE", year: 2020, kind: .accounting, period: "m4")
            #expect(try await services.reportWorkflows.status(key, by: steerer).workflow.state == .submitted)
            #expect(try await services.reportWorkflows.version(key, by: steerer).snapshot.sections.first?.heading.hasPrefix("Kap. 125") == true)
            do {
                _ = try await services.accountingReport.submit(in: "UKE", year: 2020, period: .month(4), by: leader)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["state"])
            }
            #expect(try await services.accountingReport.report(in: "UKE", year: 2020, period: .month(4), by: leader).submissions.count == 1)
            try await services.reportWorkflows.returnForChanges(key, comment: "Forklar lønn.", by: steerer)
            _ = try await services.accountingReport.submit(in: "UKE", year: 2020, period: .month(4), by: leader)
            try await services.reportWorkflows.approve(key, by: steerer)
            #expect(try await services.reportWorkflows.status(key, by: leader).workflow.state == .approved)
        }
    }
}
