import Foundation
import SQLKit
import StyrDemo
import StyrDomain
@testable import StyrStorage
import StyrTestSupport
import Testing

private func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day) }

/// An instant written as in Oslo; the tests only use valid texts.
private func oslo(_ text: String) -> Date { OsloTime.parse(text)! }

/// Every test here runs on SQLite and on PostgreSQL.
@Suite("Dialogue storage")
struct DialogueStorageTests {
    static let actor = "etatsstyrer@fin.styr.demo"

    static func saveOrganisations(_ store: SQLGovernanceStore) async throws {
        for organisation in DemoData.organisations { try await store.save(organisation) }
    }

    @Test("letters: a draft is updated, an issued letter is never changed, and every save is audited",
          arguments: TestDatabase.backends)
    func letters(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            try await database.withConnection { db async throws in
                let store = SQLGovernanceStore(db, actor: Self.actor)
                try await Self.saveOrganisations(store)
                var draft = DemoData.letter2020
                draft.status = .draft
                draft.issuedOn = nil
                try await store.save(draft)
                #expect(try await store.letters(of: "UKE") == [draft])

                draft.title = "Tildelingsbrev 2020 (revidert utkast)"
                try await store.save(draft)
                #expect(try await store.letters(of: "UKE") == [draft])

                var issued = draft
                issued.status = .issued
                issued.issuedOn = day(2020, 1, 20)
                try await store.save(issued)
                #expect(try await store.letters(of: "UKE") == [issued])

                var changed = issued
                changed.introduction = "Endret etter at brevet ble sendt."
                let afterIssue = changed
                await #expect(throws: StorageError.self) { try await store.save(afterIssue) }
                await #expect(throws: StorageError.self) { try await store.save(issued) }
                #expect(try await store.letters(of: "UKE") == [issued])

                // Read in order of year and number, whatever the order of saving.
                var letter2021 = issued
                letter2021.year = 2021
                letter2021.issuedOn = day(2021, 1, 19)
                try await store.save(letter2021)
                try await store.save(DemoData.supplement2020)
                let stored = try await store.letters(of: "UKE")
                #expect(stored.map { [$0.year, $0.number] } == [[2020, 0], [2020, 1], [2021, 0]])
                #expect(stored.first { $0.number == 1 } == DemoData.supplement2020)
                #expect(try await store.letters(of: "FIN").isEmpty)
                await #expect(throws: StorageError.notFound("organisasjonen «NOPE»")) {
                    try await store.save(AllocationLetter(organisationCode: "NOPE", year: 2020, number: 0, title: "X", issuedByCode: "FIN"))
                }

                let log = SQLAuditLog(db)
                let entries = try await log.entries(entityType: "allocationLetter", entityKey: "UKE/2020/0")
                #expect(entries.map(\.action) == [.create, .update, .update])
                try #require(entries.count == 3)
                #expect(entries.allSatisfy { $0.actor == Self.actor })
                #expect(entries[1].before?.contains(#""status":"draft""#) == true)
                #expect(entries[2].after?.contains(#""status":"issued""#) == true)
                #expect(try await log.entries(entityType: "allocationLetter").count == 5)
                let logged = try await log.entries().count
                #expect(try await log.verify() == .intact(entries: logged))
            }
        }
    }

    @Test("assignment updates are read in date order and audited", arguments: TestDatabase.backends)
    func assignmentUpdates(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            try await database.withConnection { db async throws in
                let store = SQLGovernanceStore(db, actor: Self.actor)
                try await Self.saveOrganisations(store)
                let updates = DemoData.assignmentUpdates2020.reversed()
                for update in updates { try await store.add(update) }
                #expect(try await store.assignmentUpdates(of: "UKE") == DemoData.assignmentUpdates2020)
                #expect(try await SQLAuditLog(db).entries(entityType: "assignmentUpdate").count == DemoData.assignmentUpdates2020.count)
            }
        }
    }

    @Test("meetings: insert returns the id, an update keeps it, unknown ids are refused", arguments: TestDatabase.backends)
    func meetings(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            try await database.withConnection { db async throws in
                let store = SQLGovernanceStore(db, actor: Self.actor)
                try await Self.saveOrganisations(store)
                let meeting = Meeting(
                    organisationCode: "UKE", chairedByCode: "FIN", kind: .governance, title: "Etatsstyringsmøte 2/2020", date: day(2020, 6, 9),
                    participants: ["Frida Finans (FIN)", "Line Leder (UKE)"], topics: [.risk, .informationSecurity], otherTopics: ["Korona"],
                    agenda: ["Risikobilde", "Eventuelt"], minutes: "Gjennomgang av risikobildet.",
                    items: [MeetingItem(number: 1, kind: .actionItem, text: "Oppdatere risikobildet", owner: "UKE", deadline: day(2020, 8, 1),
                                        status: .inProgress)])
                let laterID = try await store.save(meeting)
                let earlierID = try await store.save(Meeting(
                    organisationCode: "UKE", chairedByCode: "FIN", kind: .professional, title: "Fagmøte", date: day(2020, 3, 2)))
                #expect(laterID != earlierID)

                var stored = meeting
                stored.id = laterID
                #expect(try await store.meeting(id: laterID) == stored)
                #expect(try await store.meetings(of: "UKE").compactMap(\.id) == [earlierID, laterID])
                #expect(try await store.meetings(of: "FIN").isEmpty)

                let approved = try MeetingRules.approve(stored, side: .department, by: Self.actor, on: day(2020, 6, 12))
                #expect(try await store.save(approved) == laterID)
                let reread = try await store.meeting(id: laterID)
                #expect(reread == approved)
                #expect(reread?.minutesStatus == .approvedByDepartment)
                #expect(try await store.meetings(of: "UKE").count == 2)

                var ghost = stored
                ghost.id = 9_999
                let unknown = ghost
                await #expect(throws: StorageError.notFound("møte 9999 hos «UKE»")) { try await store.save(unknown) }
                var moved = approved
                moved.organisationCode = "BLK"
                let elsewhere = moved
                await #expect(throws: StorageError.self) { try await store.save(elsewhere) }
                var unchaired = meeting
                unchaired.chairedByCode = "NOPE"
                let noChair = unchaired
                await #expect(throws: StorageError.notFound("organisasjonen «NOPE»")) { try await store.save(noChair) }
                #expect(try await store.meetings(of: "UKE").count == 2)
                #expect(try await store.meeting(id: laterID) == approved)

                let entries = try await SQLAuditLog(db).entries(entityType: "meeting", entityKey: "UKE/\(laterID)")
                #expect(entries.map(\.action) == [.create, .update])
                // The created entry records the meeting with its id.
                #expect(entries.first?.after?.contains("\"id\":\(laterID)") == true)
                #expect(entries.last?.after?.contains(#""departmentApproval""#) == true)
            }
        }
    }

    @Test("signals: saved, confirmed through approved minutes, read back", arguments: TestDatabase.backends)
    func signals(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            try await database.withConnection { db async throws in
                let store = SQLGovernanceStore(db, actor: Self.actor)
                try await Self.saveOrganisations(store)
                let meetingID = try await store.save(Meeting(
                    organisationCode: "UKE", chairedByCode: "FIN", kind: .governance, title: "Etatsstyringsmøte 1/2020", date: day(2020, 3, 10),
                    minutes: "Referat.", items: [MeetingItem(number: 1, kind: .decision, text: "UKE prioriterer Mitt Oslo.")],
                    departmentApproval: MinutesApproval(by: Self.actor, on: day(2020, 3, 17)),
                    agencyApproval: MinutesApproval(by: "leder@uke.styr.demo", on: day(2020, 3, 18))))
                let signal = SteeringSignal(
                    organisationCode: "UKE", text: "UKE skal prioritere Mitt Oslo.", givenBy: "Frida Finans (FIN)", givenOn: day(2020, 3, 1),
                    origin: .other, place: "Telefon", recordedBy: Self.actor)
                let id = try await store.save(signal)
                var stored = signal
                stored.id = id
                #expect(try await store.signals(of: "UKE") == [stored])

                let meetings = try await store.meetings(of: "UKE")
                let confirmed = try SignalRules.confirm(
                    stored, with: .minutesItem(meetingID: meetingID, itemNumber: 1), meetings: meetings, letters: [])
                #expect(try await store.save(confirmed) == id)
                let read = try await store.signals(of: "UKE")
                #expect(read == [confirmed])
                #expect(read.first?.confirmedOn == day(2020, 3, 18))
                #expect(read.first?.confirmation == .minutesItem(meetingID: meetingID, itemNumber: 1))
                let flag = try await db.select().column("confirmed").from("steering_signals").where("id", .equal, id).first()?
                    .decode(column: "confirmed", as: Int64.self)
                #expect(flag == 1)

                var ghost = confirmed
                ghost.id = id + 100
                let unknown = ghost
                await #expect(throws: StorageError.self) { try await store.save(unknown) }

                let entries = try await SQLAuditLog(db).entries(entityType: "steeringSignal", entityKey: "UKE/\(id)")
                #expect(entries.map(\.action) == [.create, .update])
                #expect(entries.last?.before?.contains(#""confirmation""#) == false)
                #expect(entries.last?.after?.contains(#""confirmedOn""#) == true)
            }
        }
    }

    @Test("notices: draft, submitted and answered, with their instants intact", arguments: TestDatabase.backends)
    func notices(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            try await database.withConnection { db async throws in
                let store = SQLGovernanceStore(db, actor: "leder@uke.styr.demo")
                try await Self.saveOrganisations(store)
                let draft = InformationNotice(
                    organisationCode: "UKE", title: "Driftsavbrudd i felles e-post",
                    details: .incident(system: "Felles e-post", description: "E-post var utilgjengelig i 50 minutter.",
                                       timing: IncidentTiming(occurredAt: oslo("14.09.2020 07:40"), detectedAt: oslo("14.09.2020 08:05"),
                                                              notifiedAt: oslo("14.09.2020 08:35"))),
                    createdBy: "leder@uke.styr.demo", createdAt: oslo("14.09.2020 08:30"))
                let id = try await store.save(draft)
                var stored = draft
                stored.id = id
                #expect(try await store.notice(id: id) == stored)

                let submitted = try NoticeRules.submit(stored, at: oslo("14.09.2020 08:35"))
                #expect(try await store.save(submitted) == id)
                let answered = try NoticeRules.answer(
                    submitted, text: "Takk for raskt varsel.", by: Self.actor, at: oslo("14.09.2020 10:00"))
                try await store.save(answered)

                let read = try #require(try await store.notice(id: id))
                #expect(read == answered)
                #expect(read.status == .answered)
                #expect(read.createdAt == oslo("14.09.2020 08:30"))
                #expect(read.submittedAt == oslo("14.09.2020 08:35"))
                #expect(read.answer?.at == oslo("14.09.2020 10:00"))
                #expect(read.incidentTiming?.detectedAt == oslo("14.09.2020 08:05"))
                #expect(read.incidentTiming?.secondsToNotify == 1_800)

                let questionID = try await store.save(InformationNotice(
                    organisationCode: "UKE", title: "Rapportering av gevinster", details: .clarification(question: "Hvor rapporteres gevinstene?"),
                    createdBy: "redaktor@uke.styr.demo", createdAt: oslo("03.02.2020 09:12")))
                #expect(try await store.notices(of: "UKE").compactMap(\.id) == [id, questionID])
                #expect(try await store.notices(of: "UKE").map(\.kind) == [.incidentNotification, .clarificationRequest])
                #expect(try await store.notices(of: "FIN").isEmpty)
                #expect(try await store.notice(id: questionID + 100) == nil)
                let status = try await db.select().column("status").from("information_notices").where("id", .equal, id).first()?
                    .decode(column: "status", as: String.self)
                #expect(status == "answered")

                let log = SQLAuditLog(db)
                let entries = try await log.entries(entityType: "notice", entityKey: "UKE/\(id)")
                #expect(entries.map(\.action) == [.create, .update, .update])
                #expect(entries.allSatisfy { $0.actor == "leder@uke.styr.demo" })
                #expect(try await log.entries(entityType: "notice").count == 4)
                let logged = try await log.entries().count
                #expect(try await log.verify() == .intact(entries: logged))
            }
        }
    }

    @Test("the demo holds UKE's dialogue: 3 letters, 4 meetings, 2 signals, 2 incidents of which one is late",
          arguments: TestDatabase.backends)
    func demoDialogue(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            #expect(try await DemoLoader.loadIfEmpty(database))
            try await database.withConnection { db async throws in
                let store = SQLGovernanceStore(db)
                let letters = try await store.letters(of: "UKE")
                #expect(letters.count == 3)
                #expect(letters.map { [$0.year, $0.number] } == [[2020, 0], [2020, 1], [2021, 0]])
                #expect(Array(letters.prefix(2)) == [DemoData.letter2020, DemoData.supplement2020])
                #expect(letters.allSatisfy { $0.status == .issued && $0.issuedOn != nil })
                #expect(letters.allSatisfy { LetterRules.validate($0).isEmpty })
                // Mitt Oslo, home office and the seriousness rules were done in 2020; only the IT consolidation carries over.
                #expect(letters.last?.content.assignments.map(\.key) == ["ikt-konsolidering"])
                #expect(letters.last?.content.assignments.first?.deadline == day(2021, 12, 1))

                let meetings = try await store.meetings(of: "UKE")
                #expect(meetings.count == 4)
                #expect(meetings.allSatisfy { $0.id != nil })
                #expect(meetings.map(\.minutesStatus) == [.approved, .approved, .approvedByDepartment, .draft])

                let signals = try await store.signals(of: "UKE")
                #expect(signals.count == 2)
                #expect(signals.filter { !$0.isConfirmed }.count == 1)
                #expect(signals.first { !$0.isConfirmed }?.givenOn == day(2021, 3, 9))
                // The recorded confirmation is one the rules accept, on the same date.
                let confirmed = try #require(signals.first { $0.isConfirmed })
                var unconfirmed = confirmed
                unconfirmed.confirmation = nil
                unconfirmed.confirmedOn = nil
                let confirmation = try #require(confirmed.confirmation)
                #expect(try SignalRules.confirm(unconfirmed, with: confirmation, meetings: meetings, letters: letters) == confirmed)

                let notices = try await store.notices(of: "UKE")
                #expect(notices.count == 4)
                #expect(notices.allSatisfy { $0.status != .draft && $0.submittedAt != nil })
                let incidents = notices.compactMap(\.incidentTiming)
                #expect(incidents.count == 2)
                let late = incidents.filter { $0.isLate(limit: .standard) }
                #expect(late.count == 1)
                #expect(late.first?.secondsToNotify == 12_600)

                let log = SQLAuditLog(db)
                #expect(try await log.entries(entityType: "allocationLetter").count == 3)
                #expect(try await log.entries(entityType: "assignmentUpdate").count == DemoData.assignmentUpdates2020.count)
                #expect(try await log.entries(entityType: "meeting").count == 4)
                #expect(try await log.entries(entityType: "steeringSignal").count == 2)
                #expect(try await log.entries(entityType: "notice").count == 4)
                let logged = try await log.entries().count
                #expect(try await log.verify() == .intact(entries: logged))
            }
        }
    }

    @Test("the demo dialogue makes a governance log and a calendar", arguments: TestDatabase.backends)
    func demoLogAndCalendar(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            _ = try await DemoLoader.loadIfEmpty(database)
            try await database.withConnection { db async throws in
                let store = SQLGovernanceStore(db)
                let uke = try #require(DemoData.organisations.first { $0.code == "UKE" })
                let dialogue = try await store.dialogue(of: uke)
                let log = GovernanceLog.entries(for: dialogue, from: day(2020, 1, 1), to: day(2021, 12, 31), today: day(2021, 4, 1),
                                                limit: .standard)
                #expect(log.filter { $0.kind == .incident }.map(\.isFlagged) == [false, true])
                #expect(log.filter { $0.kind == .signal }.map(\.isFlagged) == [false, true])
                #expect(log.first { $0.kind == .signal && $0.isFlagged }?.unconfirmedDays == 23)
                let calendar = AnnualCalendar.entries(for: dialogue, today: day(2021, 4, 1))
                #expect(!calendar.isEmpty)
                #expect(Set(calendar.map(\.uid)).count == calendar.count)
                let feed = ICalendar.feed(name: uke.name, entries: calendar, baseURL: "https://styr.example", now: oslo("01.04.2021 08:00"))
                #expect(feed.components(separatedBy: "\r\n").filter { $0 == "BEGIN:VEVENT" }.count == calendar.count)
            }
        }
    }

    @Test("a renewed calendar token replaces the old one", arguments: TestDatabase.backends)
    func calendarToken(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            try await database.withConnection { db async throws in
                try await Self.saveOrganisations(SQLGovernanceStore(db))
                let accounts = SQLAccountStore(db, bcryptCost: 4)
                try await accounts.save(
                    UserAccount(email: "leder@uke.styr.demo", name: "Line Leder",
                                assignments: [RoleAssignment(role: .agencyLeader, organisationCode: "UKE")]),
                    password: "et langt passord")
                try await accounts.save(
                    UserAccount(email: "etatsstyrer@fin.styr.demo", name: "Frida Finans",
                                assignments: [RoleAssignment(role: .departmentSteerer, organisationCode: "FIN")]),
                    password: "et langt passord")
                #expect(try await accounts.calendarTokenCreated(for: "leder@uke.styr.demo") == nil)

                let first = Date(timeIntervalSince1970: 1_600_000_000)
                let old = try await accounts.renewCalendarToken(for: "Leder@UKE.styr.demo", now: first)
                let other = try await accounts.renewCalendarToken(for: "etatsstyrer@fin.styr.demo", now: first)
                #expect(try await accounts.user(calendarToken: old)?.email == "leder@uke.styr.demo")

                let second = Date(timeIntervalSince1970: 1_600_086_400)
                let renewed = try await accounts.renewCalendarToken(for: "leder@uke.styr.demo", now: second)
                #expect(renewed != old)
                #expect(try await accounts.user(calendarToken: old) == nil)
                let user = try await accounts.user(calendarToken: renewed)
                #expect(user?.email == "leder@uke.styr.demo")
                #expect(user?.assignments == [RoleAssignment(role: .agencyLeader, organisationCode: "UKE")])
                // Another user's token is not touched.
                #expect(try await accounts.user(calendarToken: other)?.email == "etatsstyrer@fin.styr.demo")
                #expect(try await accounts.user(calendarToken: "") == nil)
                #expect(try await accounts.user(calendarToken: renewed + "x") == nil)
                #expect(try await accounts.calendarTokenCreated(for: "leder@uke.styr.demo") == second)

                // Only hashes are stored.
                let hashes = try await db.select().column("token_hash").from("calendar_tokens").all()
                    .map { try $0.decode(column: "token_hash", as: String.self) }
                #expect(hashes.count == 2)
                #expect(!hashes.contains(renewed) && !hashes.contains(old) && !hashes.contains(other))

                await #expect(throws: StorageError.notFound("brukeren «ukjent@styr.demo»")) {
                    try await accounts.renewCalendarToken(for: "ukjent@styr.demo")
                }
                let entries = try await SQLAuditLog(db).entries(entityType: "calendarToken")
                #expect(entries.map(\.entityKey) == ["leder@uke.styr.demo", "etatsstyrer@fin.styr.demo", "leder@uke.styr.demo"])
            }
        }
    }
}

/// The demo letters as the rules read them (no database).
@Suite("Demo allocation letters")
struct DemoLetterTests {
    static let letters = [DemoData.letter2020, DemoData.supplement2020]

    @Test("nothing is in force before 20.01.2020")
    func beforeIssue() {
        #expect(LetterRules.inForce(Self.letters, on: day(2020, 1, 19)) == nil)
    }

    @Test("before the supplement: the original deadline of Mitt Oslo, no home-office assignment")
    func beforeSupplement() throws {
        let inForce = try #require(LetterRules.inForce(Self.letters, on: day(2020, 4, 1)))
        #expect(inForce.content == DemoData.letter2020.content)
        #expect(inForce.content.assignments.first { $0.key == "mitt-oslo" }?.deadline == day(2020, 10, 1))
        #expect(!inForce.content.assignments.contains { $0.key == "hjemmekontor" })
        #expect(inForce.supplements.isEmpty)
        #expect(inForce.laterSupplements == [DemoData.supplement2020])
    }

    @Test("from 02.04.2020: the moved deadline, the new assignment, and the change in words")
    func afterSupplement() throws {
        let inForce = try #require(LetterRules.inForce(Self.letters, on: day(2020, 4, 2)))
        #expect(inForce.content.assignments.first { $0.key == "mitt-oslo" }?.deadline == day(2020, 12, 15))
        #expect(inForce.content.assignments.first { $0.key == "hjemmekontor" }?.deadline == day(2020, 6, 30))
        #expect(inForce.laterSupplements.isEmpty)
        #expect(inForce.supplements.map(\.letter) == [DemoData.supplement2020])
        let changes = try #require(inForce.supplements.first?.changes)
        #expect(changes.contains { $0.contains("Frist flyttet fra 01.10.2020 til 15.12.2020") })
        #expect(changes.contains { $0.contains("Rapport om koronatiltak") })
    }
}
