import Foundation
import StyrDomain
import StyrServices
import StyrTestSupport
import Testing

/// `InternalControlService`: the plan, its role rules, executions, deviations and evidence files.
@Suite("Internal control service")
struct InternalControlServiceTests {
    static let draft = ControlDraft(title: "Gjennomgang av brannmurregler", requirementKind: .isoControl, requirementReference: "A.8.20",
                                    frequency: .halfYearly, responsible: "Nettverksansvarlig")
    static let pdf = Array("%PDF-1.4\n% test\n%%EOF".utf8)

    @Test("the demo plan 2020: statuses, the information-security view and the year's incidents", arguments: TestDatabase.backends)
    func demoPlan(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let fin = try #require(users[ServiceTestApp.finSteerer])
            let plan = try await services.internalControl.plan(in: "UKE", year: 2020, by: fin)
            #expect(plan.activities.count == 6 && plan.activities.allSatisfy(\.isExample) && !plan.canEdit)
            #expect(plan.incidents.count == 1 && plan.isoControls.count == 93)
            #expect(Set(plan.activities.map(plan.status)) == [.inOrder, .behindPlan, .openDeviation])
            let overview = try await services.internalControl.overview(in: "FIN", year: 2020, by: fin)
            #expect(overview.plans.first { $0.scope.code == "UKE" }?.activities.count == 6)
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                try await services.internalControl.plan(in: "UKE", year: 2020, by: users[ServiceTestApp.blkSteerer])
            }
        }
    }

    @Test("the agency keeps its plan; others are refused; executions, a deviation closed, evidence checked before it is stored", arguments: TestDatabase.backends)
    func planFlow(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let editor = try #require(users[ServiceTestApp.editor]), auditor = try #require(users[ServiceTestApp.auditor])
            let service = services.internalControl
            for email in [ServiceTestApp.auditor, ServiceTestApp.blkSteerer, ServiceTestApp.finSteerer] {
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    try await service.addControl(Self.draft, in: "UKE", year: 2026, by: users[email])
                }
            }
            var bad = Self.draft
            bad.requirementReference = "A.9.1"
            do {
                _ = try await service.addControl(bad, in: "UKE", year: 2026, by: editor)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["requirementReference"])
            }
            let control = try await service.addControl(Self.draft, in: "UKE", year: 2026, by: editor)
            let id = try #require(control.id)
            try await service.recordExecution(id, ExecutionDraft(date: CalendarDate("2026-03-01"), result: .deviation,
                                                                 deviationDescription: "Åpne porter", deviationMeasure: "Stenges"), in: "UKE", year: 2026, by: editor)
            let before = try await service.activity(id, in: "UKE", year: 2026, by: editor).activity
            await #expect(throws: ServiceError.self) {
                try await service.addEvidence(id, execution: 1, filename: "program.exe", bytes: [0x4D, 0x5A, 0x90, 0], in: "UKE", year: 2026, by: editor)
            }
            let tooBig = Self.pdf + [UInt8](repeating: 0x20, count: EvidenceRules.maximumBytes)
            await #expect(throws: ServiceError.self) {
                try await service.addEvidence(id, execution: 1, filename: "stor.pdf", bytes: tooBig, in: "UKE", year: 2026, by: editor)
            }
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                try await service.addEvidence(id, execution: 1, filename: "rapport.pdf", bytes: Self.pdf, in: "UKE", year: 2026, by: auditor)
            }
            #expect(try await service.activity(id, in: "UKE", year: 2026, by: editor).activity == before)
            let reference = try await service.addEvidence(id, execution: 1, filename: "rapport.pdf", bytes: Self.pdf, in: "UKE", year: 2026, by: editor)
            let file = try await service.evidence(reference.id, ofActivity: id, in: "UKE", year: 2026, by: auditor)
            #expect(file.bytes == Self.pdf && file.reference.contentType == "application/pdf")
            try await service.closeDeviation(id, execution: 1, on: CalendarDate("2026-03-10"), note: "Portene er stengt.", in: "UKE", year: 2026, by: editor)
            let after = try await service.activity(id, in: "UKE", year: 2026, by: auditor).activity
            #expect(after.openDeviations.isEmpty && after.executions[0].evidence == [reference])
        }
    }
}
