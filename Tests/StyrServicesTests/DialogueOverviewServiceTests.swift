import StyrDomain
import StyrServices
import StyrTestSupport
import Testing

/// `DialogueOverviewService`: the overview, the annual calendar with its feed, and the governance
/// log, for an agency and for the department that steers it.
@Suite("Dialogue overview service")
struct DialogueOverviewServiceTests {
    @Test("a department's overview, calendar and log cover its agencies", arguments: TestDatabase.backends)
    func department(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let fin = users[ServiceTestApp.finSteerer]
            let overview = try await services.dialogue.overview(of: "FIN", by: fin)
            #expect(overview.dialogues.map(\.organisationCode).contains("UKE"))
            let (_, entries) = try await services.dialogue.calendar(of: "FIN", by: fin, today: CalendarDate("2021-04-01")!)
            #expect(entries == AnnualCalendar.ordered(entries))
            #expect(entries.contains { $0.uid == "assignment-UKE-2020-mitt-oslo" })
            let log = try await services.dialogue.governanceLog(of: "FIN", from: CalendarDate("2021-01-01"), to: nil, by: fin,
                                                                 today: CalendarDate("2021-04-01")!)
            #expect(log.period == CalendarDate("2021-01-01")!...CalendarDate("2021-12-31")!)
            #expect(log.entries.contains { $0.kind == .incident && $0.isFlagged })
            await #expect(throws: ServiceError.invalid(.single("to", "Perioden slutter (01.01.2020) før den begynner (01.01.2021)."))) {
                try await services.dialogue.governanceLog(of: "UKE", from: CalendarDate("2021-01-01"), to: CalendarDate("2020-01-01"), by: fin)
            }
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                try await services.dialogue.governanceLog(of: "UKE", from: nil, to: nil, by: users[ServiceTestApp.blkSteerer])
            }
        }
    }

    @Test("the calendar feed: a token per user, renewed to replace the old one", arguments: TestDatabase.backends)
    func feed(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let editor = users[ServiceTestApp.editor]
            await #expect(throws: ServiceError.unauthenticated) { try await services.accounts.calendarTokenCreated(by: nil) }
            #expect(try await services.accounts.calendarTokenCreated(by: editor) == nil)
            let first = try await services.accounts.renewCalendarToken(by: editor)
            #expect(try await services.accounts.calendarTokenCreated(by: editor) != nil)
            let feed = try #require(try await services.dialogue.feed(token: first))
            #expect(feed.user.email == ServiceTestApp.editor && feed.entries.contains { $0.organisationCode == "UKE" })
            let second = try await services.accounts.renewCalendarToken(by: editor)
            #expect(try await services.dialogue.feed(token: first) == nil)
            #expect(try await services.dialogue.feed(token: second) != nil)
            #expect(try await services.dialogue.feed(token: String(repeating: "x", count: 101)) == nil)
        }
    }
}
