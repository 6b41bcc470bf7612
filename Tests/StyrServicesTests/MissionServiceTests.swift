import StyrDomain
import StyrServices
import StyrTestSupport
import Testing

/// `MissionService`: a new version drafted from the one in force, fixed by the department.
@Suite("Mission service")
struct MissionServiceTests {
    @Test("draft, edit and fix a new version; versions are never overwritten", arguments: TestDatabase.backends)
    func draftAndFix(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let fin = try #require(users[ServiceTestApp.finSteerer]), editor = try #require(users[ServiceTestApp.editor])
            let missions = services.missions
            let before = try await missions.drafting(in: "UKE", by: fin)
            let inForce = try #require(before.inForce)
            #expect(before.draft == nil && before.canFix && before.canDraft)
            await #expect(throws: ServiceError.invalid(.single("triggerText", "Beskriv hva som utløste revisjonen når du velger «Annet»."))) {
                try await missions.startDraft(trigger: .other, triggerText: "", in: "UKE", by: editor)
            }
            // The agency proposes; the department fixes.
            let draft = try await missions.startDraft(trigger: .changedRules, triggerText: "Nytt IKT-reglement", in: "UKE", by: editor)
            #expect(draft.content.sections == inForce.sections && draft.content.version == inForce.version + 1 && draft.basedOnVersion == inForce.version)
            await #expect(throws: ServiceError.invalid(.single("draft", "Det finnes allerede et utkast til ny versjon; rediger eller fastsett det, eller forkast det først."))) {
                try await missions.startDraft(trigger: .changedRules, triggerText: "", in: "UKE", by: fin)
            }
            var bodies = draft.content.sections.map(\.body)
            bodies[0] = "Ny tekst i første avsnitt."
            let edit = MissionDraftEdit(
                title: draft.content.title, trigger: .changedMandate, triggerText: "", sectionBodies: bodies,
                coreTaskDescriptions: draft.content.coreTasks.map(\.description), targetGroups: ["Innbyggere", "Virksomheter"])
            try await missions.editDraft(edit, in: "UKE", by: editor)
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                try await missions.fixDraft(on: CalendarDate("2024-06-01"), in: "UKE", by: editor)
            }
            await #expect(throws: ServiceError.invalid(.single("fixedOn", "Versjon \(inForce.version) ble fastsatt \(NorwegianFormat.date(inForce.fixedOn)); en ny versjon kan ikke fastsettes før den."))) {
                try await missions.fixDraft(on: inForce.fixedOn.adding(days: -1), in: "UKE", by: fin)
            }
            let fixed = try await missions.fixDraft(on: CalendarDate("2024-06-01"), in: "UKE", by: fin, today: CalendarDate(year: 2024, month: 7, day: 1))
            #expect(fixed.version == inForce.version + 1 && fixed.fixedByCode == "FIN" && fixed.revisionCause == RevisionCause(trigger: .changedMandate))
            let after = try await missions.drafting(in: "UKE", by: fin)
            #expect(after.draft == nil && after.versions.count == before.versions.count + 1)
            #expect(after.versions[before.versions.count - 1] == inForce && after.versions.last?.sections.first?.body == "Ny tekst i første avsnitt.")
            #expect(after.versions.last?.targetGroups == ["Innbyggere", "Virksomheter"])
            await #expect(throws: ServiceError.notFound("Utviklings- og kompetanseetaten har ikke noe utkast til nytt samfunnsoppdrag.")) {
                try await missions.fixDraft(on: CalendarDate("2024-06-02"), in: "UKE", by: fin)
            }
        }
    }

    @Test("a steerer of another department and an auditor are refused", arguments: TestDatabase.backends)
    func access(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            for email in [ServiceTestApp.auditor, ServiceTestApp.blkSteerer] {
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    try await services.missions.startDraft(trigger: .politicalDecision, triggerText: "", in: "UKE", by: users[email])
                }
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    try await services.missions.fixDraft(on: CalendarDate("2024-06-01"), in: "UKE", by: users[email])
                }
            }
            let auditor = try #require(users[ServiceTestApp.auditor])
            let drafting = try await services.missions.drafting(in: "UKE", by: auditor)
            #expect(!drafting.canDraft && !drafting.canFix && drafting.inForce != nil)
        }
    }
}
