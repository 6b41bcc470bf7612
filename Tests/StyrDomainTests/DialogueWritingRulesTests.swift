import Foundation
import Testing
@testable import StyrDomain

private func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day) }
private func oslo(_ text: String) -> Date { OsloTime.parse(text)! }

/// The fields of the input errors `body` throws; nil when it throws nothing.
private func refused<T>(_ body: () throws -> T) -> [String]? {
    do {
        _ = try body()
        return nil
    } catch let errors as InputErrors {
        return errors.entries.map(\.field)
    } catch {
        Issue.record("expected InputErrors, got \(error)")
        return nil
    }
}

/// The rules that write the dialogue, as the pages and the API share them: the letter's date
/// within its year, status reports, drafts, issue and supplements; meetings from a draft;
/// notices from a draft; the governance log's period. Errors name the domain's fields.
@Suite("Writing the dialogue")
struct DialogueWritingRulesTests {
    typealias F = DialogueFixture

    @Test("a letter is shown as of today within its year")
    func dateInYear() {
        #expect(LetterRules.dateInYear(day(2026, 12, 4), year: 2020) == day(2020, 12, 31))
        #expect(LetterRules.dateInYear(day(2026, 12, 4), year: 2027) == day(2027, 1, 1))
        #expect(LetterRules.dateInYear(day(2020, 5, 1), year: 2020) == day(2020, 5, 1))
    }

    @Test("the status as reported up to a date: the latest report then")
    func latestUpdates() {
        #expect(LetterRules.latestUpdates(F.updates, upTo: day(2020, 5, 1)).mapValues(\.status) == ["mitt-oslo": .inProgress])
        #expect(LetterRules.latestUpdates(F.updates, upTo: day(2020, 12, 31)).mapValues(\.status)
                == ["mitt-oslo": .done, "ikt": .inProgress, "seriositet": .done, "hjemmekontor": .done])
    }

    @Test("a status report needs a status, a date not ahead and a comment of at most 4000 characters")
    func statusUpdate() throws {
        func report(date: CalendarDate? = day(2020, 6, 1), status: AssignmentStatus? = .inProgress, comment: String = " Godt i gang. ") throws
            -> AssignmentStatusUpdate {
            try LetterRules.statusUpdate(
                organisationCode: "UKE", year: 2020, assignmentKey: "ikt", date: date, status: status, comment: comment,
                recordedBy: "redaktor@uke.styr.demo", today: day(2020, 6, 2))
        }
        #expect(try report().comment == "Godt i gang.")
        #expect(refused { try report(date: nil, status: nil, comment: " ") } == ["status", "date", "comment"])
        #expect(refused { try report(date: day(2020, 6, 3)) } == ["date"])
        #expect(refused { try report(comment: String(repeating: "x", count: 4001)) } == ["comment"])
        #expect(try report(comment: String(repeating: "x", count: 4000)).comment.count == 4000)
    }

    @Test("a new draft: empty, or from last year's letter; not twice, and not from a year without a letter")
    func newDraft() throws {
        let empty = try LetterRules.newDraft(organisationCode: "UKE", year: 2022, issuedByCode: "FIN", fromPrevious: false, letters: F.allLetters,
                                             previousUpdates: [])
        #expect(empty.title == "Tildelingsbrev 2022" && empty.content == LetterContent() && empty.status == .draft)
        let carried = try LetterRules.newDraft(organisationCode: "UKE", year: 2021, issuedByCode: "FIN", fromPrevious: true, letters: F.allLetters,
                                               previousUpdates: F.updates)
        #expect(carried.year == 2021 && carried.content.assignments.map(\.key) == ["ikt"])
        #expect(refused {
            try LetterRules.newDraft(organisationCode: "UKE", year: 2020, issuedByCode: "FIN", fromPrevious: false, letters: F.allLetters, previousUpdates: [])
        } == ["year"])
        #expect(refused {
            try LetterRules.newDraft(organisationCode: "UKE", year: 2023, issuedByCode: "FIN", fromPrevious: true, letters: F.allLetters, previousUpdates: [])
        } == ["year"])
    }

    @Test("a draft is edited from its form's lists and issued on a date")
    func editAndIssue() throws {
        var draft = F.letter
        (draft.status, draft.issuedOn) = (.draft, nil)
        let edited = try LetterRules.editDraft(draft, title: " Tildelingsbrev 2020 ", introduction: "Innledning.",
                                               lists: [.expectations: "a | Første.\nb | Andre."])
        #expect(edited.title == "Tildelingsbrev 2020" && edited.content.expectations.map(\.key) == ["a", "b"] && edited.content.frames.isEmpty)
        #expect(refused { try LetterRules.editDraft(draft, title: "", introduction: "", lists: [.assignments: "x | Y | 31.02.2020 | Z"]) }
                == ["assignments"])
        #expect(refused { try LetterRules.editDraft(draft, title: "", introduction: "", lists: [:]) } == ["title"])
        #expect(refused { try LetterRules.issue(draft, on: nil) } == ["issuedOn"])
        #expect(refused { try LetterRules.issue(draft, on: day(2021, 1, 2)) } == ["issuedOn"])
        let issued = try LetterRules.issue(draft, on: day(2020, 1, 20))
        #expect(issued.status == .issued && issued.issuedOn == day(2020, 1, 20))
    }

    @Test("a supplement is numbered after the year's letters and not issued before the last one")
    func supplement() throws {
        let current = try #require(LetterRules.inForce(F.allLetters, on: day(2020, 12, 31)))
        func supplement(_ issuedOn: CalendarDate?, _ lists: [LetterText.List: String]) throws -> AllocationLetter {
            try LetterRules.supplement(title: "Nr. 4", issuedOn: issuedOn, introduction: "", lists: lists, to: current, letters: F.allLetters,
                                       issuedByCode: "FIN")
        }
        let made = try supplement(day(2020, 10, 1), [.withdrawnAssignments: "ikt"])
        #expect(made.number == 4 && made.status == .issued && made.amendments == [.withdrawAssignment(key: "ikt")])
        #expect(refused { try supplement(nil, [.withdrawnAssignments: "ikt"]) } == ["issuedOn"])
        #expect(refused { try supplement(day(2020, 8, 1), [.withdrawnAssignments: "ikt"]) } == ["issuedOn"])
        #expect(refused { try supplement(day(2020, 10, 1), [:]) } == ["amendments"])
        #expect(refused { try supplement(day(2020, 10, 1), [.withdrawnAssignments: "finnes-ikke"]) } == ["withdrawnAssignments"])
        #expect(refused { try supplement(day(2020, 10, 1), [.assignments: "ny | Ny | 15.01.2021 | R | T"]) } == ["assignments"])
    }

    @Test("a meeting from a draft: trimmed, each topic once, only action items with owner, deadline and status")
    func meetingFromDraft() throws {
        let draft = MeetingDraft(
            kind: .governance, title: " Etatsstyringsmøte ", date: day(2020, 3, 10), participants: [" A ", "", "B"], topics: [.risk, .risk],
            minutes: " Referat. ",
            items: [MeetingItem(number: 1, kind: .decision, text: " Vedtatt ", owner: "UKE", deadline: day(2020, 4, 1), status: .done),
                    MeetingItem(number: 2, kind: .actionItem, text: "Følge opp", owner: " UKE ")])
        let meeting = try MeetingRules.record(draft, organisationCode: "UKE", chairedByCode: "FIN")
        #expect(meeting.title == "Etatsstyringsmøte" && meeting.participants == ["A", "B"] && meeting.topics == [.risk] && meeting.minutes == "Referat.")
        #expect(meeting.items == [MeetingItem(number: 1, kind: .decision, text: "Vedtatt"),
                                  MeetingItem(number: 2, kind: .actionItem, text: "Følge opp", owner: "UKE", status: .notStarted)])
        #expect(refused { try MeetingRules.record(MeetingDraft(kind: nil, title: "", date: nil), organisationCode: "UKE", chairedByCode: "FIN") }
                == ["date", "kind", "title"])
        var numbered = draft
        numbered.items = [MeetingItem(number: 0, kind: .note, text: "A")]
        #expect(refused { try MeetingRules.record(numbered, organisationCode: "UKE", chairedByCode: "FIN") } == ["items"])
        numbered.items = [MeetingItem(number: 1, kind: .note, text: "A"), MeetingItem(number: 1, kind: .note, text: "B")]
        #expect(throws: InputErrors.single("items", "To punkter har nummer 1.")) {
            try MeetingRules.record(numbered, organisationCode: "UKE", chairedByCode: "FIN")
        }
        #expect(refused { try MeetingRules.edit(F.approvedFormalMeeting, to: draft) } == ["minutes"])
        let edited = try MeetingRules.edit(F.formalMeeting, to: MeetingDraft(F.formalMeeting))
        #expect(edited == F.formalMeeting)
    }

    @Test("a notice from a draft: an area and the incident's times are required; text is trimmed")
    func noticeFromDraft() throws {
        let now = oslo("14.09.2020 12:00")
        var deviation = NoticeDraft(kind: .deviationNotice, title: " Avvik ")
        (deviation.description, deviation.expectedEffect, deviation.measures) = ("Avvik.", "Virkning.", "Tiltak.")
        #expect(refused { try NoticeRules.compose(deviation, organisationCode: "UKE", by: "e@uke", at: now) } == ["area"])
        deviation.area = .budget
        let notice = try NoticeRules.compose(deviation, organisationCode: "UKE", by: "e@uke", at: now)
        #expect(notice.title == "Avvik" && notice.status == .draft && notice.createdBy == "e@uke" && notice.createdAt == now)
        var incident = NoticeDraft(kind: .incidentNotification, title: "Nede")
        (incident.system, incident.description) = ("E-post", "Nede.")
        #expect(refused { try NoticeRules.compose(incident, organisationCode: "UKE", by: "e@uke", at: now) } == ["occurredAt", "detectedAt", "notifiedAt"])
        (incident.occurredAt, incident.detectedAt, incident.notifiedAt) = (oslo("14.09.2020 08:00"), oslo("14.09.2020 09:00"), oslo("14.09.2020 08:30"))
        #expect(refused { try NoticeRules.compose(incident, organisationCode: "UKE", by: "e@uke", at: now) } == ["notifiedAt"])
        let answered = try NoticeRules.answer(try NoticeRules.submit(notice, at: now), text: " Takk. ", by: "s@fin", at: now)
        #expect(answered.answer?.text == "Takk.")
    }

    @Test("notices newest first by when they were sent; drafts by when they were written; then by the later id")
    func newestFirst() {
        var early = F.onTimeIncident, late = F.lateIncident, draft = F.draftDeviation
        (early.id, late.id, draft.id) = (30, 10, 20)
        // Sent 27.01.2021 and 14.09.2020; the draft written 02.09.2020. By id they would be 30, 20, 10.
        #expect(NoticeRules.newestFirst([early, late, draft]).map(\.id) == [10, 30, 20])
        var twin = early
        twin.id = 31
        #expect(NoticeRules.newestFirst([early, twin]).map(\.id) == [31, 30])
        #expect(NoticeRules.visible(draft, toInformer: false) == false && NoticeRules.visible(early, toInformer: false))
    }

    @Test("the governance log's period: defaults, a later year asked from, and an end before the beginning")
    func logPeriod() throws {
        let today = day(2026, 12, 4)
        #expect(try GovernanceLog.period(from: nil, to: nil, today: today) == day(2025, 1, 1)...today)
        #expect(try GovernanceLog.period(from: nil, to: day(2020, 12, 31), today: today) == day(2019, 1, 1)...day(2020, 12, 31))
        #expect(try GovernanceLog.period(from: day(2027, 1, 1), to: nil, today: today) == day(2027, 1, 1)...day(2027, 12, 31))
        #expect(refused { try GovernanceLog.period(from: day(2021, 1, 1), to: day(2020, 1, 1), today: today) } == ["to"])
    }
}
