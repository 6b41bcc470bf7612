import StyrDomain
import StyrServices
import StyrTestSupport
import Testing

/// `LetterService`: the letter as in force (one rule for the date, for the pages and the API),
/// the department's drafts and supplements, and the agency's status reports.
@Suite("Letter service")
struct LetterServiceTests {
    static let leader = "leder@uke.styr.demo"

    @Test("without a date the letter is shown as of today within its year; a date asked for is used as given", arguments: TestDatabase.backends)
    func dateOfTheLetter(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let editor = users[ServiceTestApp.editor]
            let past = try await services.letters.inForce(in: "UKE", year: 2020, on: nil, by: editor, today: CalendarDate("2026-12-04")!)
            #expect(past.date == CalendarDate("2020-12-31"))
            #expect(past.inForce?.supplements.count == 1)
            // Before its year, a letter issued early is shown as of 1 January, not as of today.
            let early = try await services.letters.read(in: "UKE", year: 2021, on: nil, by: editor, today: CalendarDate("2020-12-20")!)
            #expect(early.date == CalendarDate("2021-01-01"))
            let asked = try await services.letters.inForce(in: "UKE", year: 2020, on: CalendarDate("2020-03-01"), by: editor)
            #expect(asked.date == CalendarDate("2020-03-01") && asked.inForce?.laterSupplements.map(\.number) == [1])
            // Statuses count up to the date asked for.
            #expect(asked.latestUpdates["mitt-oslo"] == nil)
            await #expect(throws: ServiceError.self) {
                try await services.letters.inForce(in: "UKE", year: 2020, on: CalendarDate("2020-01-01"), by: editor)
            }
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                try await services.letters.read(in: "UKE", year: 2020, on: nil, by: users[ServiceTestApp.blkSteerer])
            }
            await #expect(throws: ServiceError.unauthenticated) { try await services.letters.read(in: "UKE", year: 2020, on: nil, by: nil) }
        }
    }

    @Test("a status report concerns the letter as it stood on its date; refusals name the domain's fields", arguments: TestDatabase.backends)
    func statusReports(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let editor = users[ServiceTestApp.editor]
            func report(_ key: String, _ date: String?, _ comment: String = "Startet.", by user: UserAccount? = nil) async throws -> AssignmentStatusUpdate {
                try await services.letters.reportStatus(
                    in: "UKE", year: 2020, assignment: key, date: date.flatMap(CalendarDate.init), status: .inProgress, comment: comment,
                    by: user ?? editor).update
            }
            // "hjemmekontor" came with the supplement of 02.04.2020.
            do {
                _ = try await report("hjemmekontor", "2020-03-01")
                Issue.record("the letter had no such assignment then")
            } catch ServiceError.notFound(let message) {
                #expect(message.contains("hjemmekontor") && message.contains("01.03.2020"))
            }
            do {
                _ = try await report("mitt-oslo", nil, " ")
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["date", "comment"])
            }
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                try await report("mitt-oslo", "2020-05-01", by: users[ServiceTestApp.finSteerer])
            }
            let stored = try await report("hjemmekontor", "2020-05-01", " Godt i gang. ")
            #expect(stored.comment == "Godt i gang." && stored.recordedBy == ServiceTestApp.editor)
            let after = try await services.letters.read(in: "UKE", year: 2020, on: CalendarDate("2020-05-02"), by: editor)
            #expect(after.latestUpdates["hjemmekontor"]?.comment == "Godt i gang.")
        }
    }

    @Test("the department drafts, edits and issues a letter, then supplements it", arguments: TestDatabase.backends)
    func draftIssueSupplement(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let fin = users[ServiceTestApp.finSteerer], editor = users[ServiceTestApp.editor]
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                try await services.letters.createDraft(in: "UKE", year: 2022, fromPrevious: true, by: editor)
            }
            let draft = try await services.letters.createDraft(in: "UKE", year: 2022, fromPrevious: true, by: fin)
            #expect(draft.status == .draft && draft.issuedByCode == "FIN" && !draft.content.assignments.isEmpty)
            await #expect(throws: ServiceError.self) { try await services.letters.createDraft(in: "UKE", year: 2022, fromPrevious: false, by: fin) }
            do {
                _ = try await services.letters.saveDraft(in: "UKE", year: 2022, title: "", introduction: "", lists: [:], by: fin)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["title"])
            }
            _ = try await services.letters.saveDraft(
                in: "UKE", year: 2022, title: "Tildelingsbrev 2022", introduction: "Innledning.",
                lists: [.assignments: "ny | Nytt oppdrag | 01.10.2022 | I årsberetningen | Beskrivelse"], by: fin)
            // The agency does not see a draft.
            #expect(try await services.letters.read(in: "UKE", year: 2022, on: CalendarDate("2022-06-01"), by: editor).inForce == nil)
            let issued = try await services.letters.issue(in: "UKE", year: 2022, on: CalendarDate("2022-01-18"), by: fin)
            #expect(issued.status == .issued)
            await #expect(throws: ServiceError.self) { try await services.letters.draft(in: "UKE", year: 2022, by: fin) }
            let supplement = try await services.letters.issueSupplement(
                in: "UKE", year: 2022, title: "Supplerende nr. 1", issuedOn: CalendarDate("2022-03-01"), introduction: "",
                lists: [.withdrawnAssignments: "ny"], by: fin, today: CalendarDate("2022-06-01")!)
            #expect(supplement.number == 1 && supplement.amendments == [.withdrawAssignment(key: "ny")])
            let reading = try await services.letters.inForce(in: "UKE", year: 2022, on: CalendarDate("2022-06-01"), by: editor)
            #expect(reading.inForce?.content.assignments.contains { $0.key == "ny" } == false)
        }
    }
}
