import Foundation
import StyrDomain
import StyrServices
import StyrTestSupport
import Testing

/// `RiskService` and `RiskPictureService`: the register, its role rules, refusals that change
/// nothing, the department's roll-up, the tertial report's read and the risk-picture snapshot.
@Suite("Risk service")
struct RiskServiceTests {
    static let draft = RiskDraft(
        title: "Forsinket skyplattform", description: "Plattformen blir ikke klar.", cause: "Leverandør", consequence: "Forsinkede tjenester",
        category: .goalAchievement, owner: "Avdelingsdirektør", links: [RiskLink(kind: .goal, key: "Digitale tjenester")],
        recordedOn: CalendarDate("2026-01-10"), likelihood: 4, consequenceLevel: 4, residualLikelihood: 3, residualConsequenceLevel: 4)

    @Test("the agency keeps its register; another department's steerer, the department and the auditor may not write", arguments: TestDatabase.backends)
    func roles(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let editor = try #require(users[ServiceTestApp.editor]), auditor = try #require(users[ServiceTestApp.auditor])
            for email in [ServiceTestApp.auditor, ServiceTestApp.blkSteerer, ServiceTestApp.finSteerer] {
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    try await services.risks.record(Self.draft, in: "UKE", by: users[email])
                }
            }
            await #expect(throws: ServiceError.unauthenticated) { try await services.risks.record(Self.draft, in: "UKE", by: nil) }
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                try await services.risks.register(in: "UKE", by: users[ServiceTestApp.blkSteerer])
            }
            let risk = try await services.risks.record(Self.draft, in: "UKE", by: editor)
            let id = try #require(risk.id)
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                try await services.risks.assess(id, AssessmentDraft(date: CalendarDate("2026-02-01"), likelihood: 1, consequenceLevel: 1,
                                                                     residualLikelihood: 1, residualConsequenceLevel: 1), in: "UKE", by: auditor)
            }
            let register = try await services.risks.register(in: "UKE", by: auditor)
            #expect(!register.canEdit && register.risk(id)?.title == "Forsinket skyplattform")
        }
    }

    @Test("likelihood 6 and a deadline before the risk was recorded are refused, and nothing changes", arguments: TestDatabase.backends)
    func refusals(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let editor = try #require(users[ServiceTestApp.editor])
            let before = try await services.risks.register(in: "UKE", by: editor).risks
            var draft = Self.draft
            draft.likelihood = 6
            await #expect(throws: ServiceError.invalid(.single("likelihood", "Sannsynlighet må være fra 1 til 5 (var 6)."))) {
                try await services.risks.record(draft, in: "UKE", by: editor)
            }
            #expect(try await services.risks.register(in: "UKE", by: editor).risks == before)
            let risk = try await services.risks.record(Self.draft, in: "UKE", by: editor)
            let stored = try await services.risks.register(in: "UKE", by: editor).risks
            await #expect(throws: ServiceError.invalid(.single("deadline", "Fristen (09.01.2026) kan ikke være før risikoen ble registrert (10.01.2026)."))) {
                try await services.risks.saveMeasure(risk.id!, number: nil, MeasureDraft(description: "Ny leverandør", owner: "Innkjøp",
                                                                                         deadline: CalendarDate("2026-01-09")), in: "UKE", by: editor)
            }
            #expect(try await services.risks.register(in: "UKE", by: editor).risks == stored)
            try await services.risks.saveMeasure(risk.id!, number: nil, MeasureDraft(description: "Ny leverandør", owner: "Innkjøp",
                                                                                     deadline: CalendarDate("2026-06-30")), in: "UKE", by: editor)
            #expect(try await services.risks.risk(risk.id!, in: "UKE", by: editor).risk.measures.count == 1)
        }
    }

    @Test("the department's roll-up and the tertial report's read of risks above the acceptance level", arguments: TestDatabase.backends)
    func rollUpAndTertial(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let fin = try #require(users[ServiceTestApp.finSteerer])
            let rollUp = try await services.risks.rollUp(in: "FIN", by: fin)
            let uke = try #require(rollUp.agencies.first { $0.scope.code == "UKE" })
            #expect(uke.risks.count == 7 && uke.risks.allSatisfy(\.isExample))
            let above = try await services.risks.risksAboveAcceptance(in: "UKE", on: CalendarDate("2020-08-31")!, by: fin)
            #expect(above.map(\.risk.title) == ["Løsepengevirus rammer kommunens felles IKT-plattform", "Budsjettkutt og inntektstap som følge av koronapandemien"])
            #expect(above.first?.assessment.residual == RiskScore(likelihood: 3, consequence: 4) && above.first?.measures.count == 2)
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                try await services.risks.risksAboveAcceptance(in: "UKE", on: CalendarDate("2020-08-31")!, by: users[ServiceTestApp.blkSteerer])
            }
        }
    }

    @Test("a sent risk-picture notice keeps the register with it and shows what changed since the last one", arguments: TestDatabase.backends)
    func picture(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let editor = try #require(users[ServiceTestApp.editor]), fin = try #require(users[ServiceTestApp.finSteerer])
            var draft = NoticeDraft(kind: .riskUpdate, title: "Risikobilde 1")
            draft.riskText = "Som før."
            let first = try await services.notices.create(draft, submit: true, in: "UKE", by: editor)
            let initial = try #require(try await services.riskPictures.picture(ofNotice: first.id!, in: "UKE", by: fin))
            #expect(initial.previousNoticeID == nil && initial.snapshot.entries.count == 7 && initial.changes.added.count == 7)
            let added = try await services.risks.record(Self.draft, in: "UKE", by: editor)
            let demo = try #require(try await services.risks.register(in: "UKE", by: editor).risks.first)
            try await services.risks.assess(demo.id!, AssessmentDraft(date: .today(), likelihood: 1, consequenceLevel: 5, residualLikelihood: 1,
                                                                      residualConsequenceLevel: 4), in: "UKE", by: editor)
            let measure = MeasureDraft(description: demo.measures[1].description, owner: demo.measures[1].owner, deadline: demo.measures[1].deadline,
                                       status: .done, expectedEffect: demo.measures[1].expectedEffect)
            try await services.risks.saveMeasure(demo.id!, number: 2, measure, in: "UKE", by: editor)
            draft.title = "Risikobilde 2"
            let kept = try await services.notices.create(draft, submit: false, in: "UKE", by: editor)
            #expect(try await services.riskPictures.picture(ofNotice: kept.id!, in: "UKE", by: editor) == nil)
            let second = try await services.notices.submit(kept.id!, in: "UKE", by: editor)
            let picture = try #require(try await services.riskPictures.picture(ofNotice: second.id!, in: "UKE", by: fin))
            #expect(picture.previousNoticeID == first.id && picture.changes.added.map(\.riskID) == [added.id!])
            #expect(picture.changes.moved.map(\.entry.riskID) == [demo.id!] && picture.changes.removed.isEmpty)
            #expect(picture.changes.measuresChanged.first?.changes == ["Tiltak 2: Pågår → Gjennomført"])
        }
    }
}
