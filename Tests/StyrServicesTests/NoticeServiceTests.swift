import Foundation
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport
import Testing

/// `NoticeService`: the agency writes and sends notices, the department answers once; drafts are
/// the agency's own; lateness is judged against the configured limit.
@Suite("Notice service")
struct NoticeServiceTests {
    static var question: NoticeDraft {
        var draft = NoticeDraft(kind: .clarificationRequest, title: "Rapportering")
        draft.question = "Når skal risikobildet rapporteres?"
        return draft
    }

    @Test("write, keep as a draft, send, answer once; drafts are the agency's own", arguments: TestDatabase.backends)
    func lifecycle(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let editor = users[ServiceTestApp.editor], fin = users[ServiceTestApp.finSteerer]
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                try await services.notices.create(Self.question, submit: true, in: "UKE", by: fin)
            }
            let draft = try await services.notices.create(Self.question, submit: false, in: "UKE", by: editor)
            let id = try #require(draft.id)
            #expect(draft.status == .draft && draft.createdBy == ServiceTestApp.editor)
            #expect(try await services.notices.list(in: "UKE", by: editor).notices.contains { $0.id == id })
            #expect(!(try await services.notices.list(in: "UKE", by: fin).notices.contains { $0.id == id }))
            await #expect(throws: ServiceError.self) { try await services.notices.answer(id, text: "Svar.", in: "UKE", by: fin) }
            var changed = Self.question
            changed.title = "Rapportering av risiko"
            let edited = try await services.notices.edit(id, to: changed, submit: false, in: "UKE", by: editor)
            // Who wrote it and when are kept (as stored, to the second).
            #expect(edited.title == "Rapportering av risiko" && abs(edited.createdAt.timeIntervalSince(draft.createdAt)) < 1)
            let sent = try await services.notices.submit(id, in: "UKE", by: editor)
            #expect(sent.status == .submitted)
            await #expect(throws: ServiceError.invalid(.single("status", NoticeRules.sentMessage))) {
                try await services.notices.edit(id, to: changed, submit: true, in: "UKE", by: editor)
            }
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                try await services.notices.answer(id, text: "Selvsvar.", in: "UKE", by: editor)
            }
            await #expect(throws: ServiceError.invalid(.single("answer", "Skriv et svar."))) {
                try await services.notices.answer(id, text: "  ", in: "UKE", by: fin)
            }
            let answered = try await services.notices.answer(id, text: " I årsberetningen. ", in: "UKE", by: fin)
            #expect(answered.status == .answered && answered.answer?.text == "I årsberetningen.")
            await #expect(throws: ServiceError.invalid(.single("answer", "Meldingen er allerede besvart."))) {
                try await services.notices.answer(id, text: "Igjen.", in: "UKE", by: fin)
            }
        }
    }

    @Test("an incident is late against the configured limit", arguments: TestDatabase.backends)
    func limit(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            let services = Services(storage: SQLStorage(database, bcryptCost: 4), notificationLimit: NotificationLimit(minutes: 20))
            #expect(services.notices.limit.seconds == 1200 && services.dialogue.limit.seconds == 1200)
        }
        try await ServiceTestApp.run(backend) { services, users in
            let leader = try #require(users["leder@uke.styr.demo"])
            var incident = NoticeDraft(kind: .incidentNotification, title: "Nedetid")
            (incident.system, incident.description) = ("Sakarkivet", "Nede i to timer.")
            (incident.occurredAt, incident.detectedAt) = (OsloTime.parse("03.05.2021 08:00"), OsloTime.parse("03.05.2021 08:20"))
            do {
                _ = try await services.notices.create(incident, submit: true, in: "UKE", by: leader)
                Issue.record("refused without the time it was notified")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["notifiedAt"])
            }
            incident.notifiedAt = OsloTime.parse("03.05.2021 08:45")
            let stored = try await services.notices.create(incident, submit: true, in: "UKE", by: leader)
            #expect(stored.incidentTiming?.secondsToNotify == 1500 && stored.incidentTiming?.isLate(limit: services.notices.limit) == false)
        }
    }
}
