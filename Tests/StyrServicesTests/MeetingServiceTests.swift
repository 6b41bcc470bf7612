import StyrDomain
import StyrServices
import StyrTestSupport
import Testing

/// `MeetingService`: the department records meetings and edits minutes until both sides have
/// approved them, each side with its own permission.
@Suite("Meeting service")
struct MeetingServiceTests {
    static let leader = "leder@uke.styr.demo"
    static let draft = MeetingDraft(
        kind: .governance, title: "Etatsstyringsmøte 2/2021", date: CalendarDate("2021-06-08"), participants: ["Frida Finans"],
        minutes: "Risikobildet ble gjennomgått.", items: [MeetingItem(number: 1, kind: .actionItem, text: "Oppdatere risikobildet", owner: "UKE")])

    @Test("record, edit, approve by both sides, then locked", arguments: TestDatabase.backends)
    func lifecycle(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let fin = users[ServiceTestApp.finSteerer], leader = users[Self.leader], editor = users[ServiceTestApp.editor]
            for user in [editor, leader, users[ServiceTestApp.blkSteerer]] {
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) { try await services.meetings.create(Self.draft, in: "UKE", by: user) }
            }
            await #expect(throws: ServiceError.notAnAgency(code: "FIN", name: "Byrådsavdeling for finans")) {
                try await services.meetings.list(in: "FIN", by: fin)
            }
            let meeting = try await services.meetings.create(Self.draft, in: "UKE", by: fin)
            let id = try #require(meeting.id)
            #expect(meeting.chairedByCode == "FIN" && meeting.items[0].status == .notStarted)
            let byDepartment = try await services.meetings.approve(id, side: .department, in: "UKE", by: fin, today: CalendarDate("2021-06-09")!)
            #expect(byDepartment.minutesStatus == .approvedByDepartment)
            // An edit withdraws the one-sided approval.
            var changed = Self.draft
            changed.minutes += " Tillegg."
            let edited = try await services.meetings.edit(id, to: changed, in: "UKE", by: fin)
            #expect(edited.minutesStatus == .draft)
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                try await services.meetings.approve(id, side: .agency, in: "UKE", by: editor)
            }
            _ = try await services.meetings.approve(id, side: .agency, in: "UKE", by: leader, today: CalendarDate("2021-06-10")!)
            let both = try await services.meetings.approve(id, side: .department, in: "UKE", by: fin, today: CalendarDate("2021-06-10")!)
            #expect(both.minutesStatus == .approved && both.approvedOn == CalendarDate("2021-06-10"))
            await #expect(throws: ServiceError.invalid(.single("minutes", MeetingRules.lockedMessage))) {
                try await services.meetings.edit(id, to: changed, in: "UKE", by: fin)
            }
            await #expect(throws: ServiceError.invalid(.single("departmentApproval", "Byrådsavdelingen har allerede godkjent referatet."))) {
                try await services.meetings.approve(id, side: .department, in: "UKE", by: fin)
            }
            #expect(try await services.meetings.meeting(id, in: "UKE", by: users[ServiceTestApp.auditor]).meeting == both)
            await #expect(throws: ServiceError.self) { try await services.meetings.meeting(id + 1000, in: "UKE", by: fin) }
        }
    }

    @Test("a refused meeting names the domain's fields and stores nothing", arguments: TestDatabase.backends)
    func refused(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let fin = users[ServiceTestApp.finSteerer]
            let before = try await services.meetings.list(in: "UKE", by: fin).meetings
            var draft = Self.draft
            (draft.title, draft.date, draft.kind) = (" ", nil, nil)
            draft.items = [MeetingItem(number: 1, kind: .actionItem, text: "Uten ansvarlig")]
            do {
                _ = try await services.meetings.create(draft, in: "UKE", by: fin)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["date", "kind", "title", "items"])
            }
            #expect(try await services.meetings.list(in: "UKE", by: fin).meetings == before)
        }
    }
}
