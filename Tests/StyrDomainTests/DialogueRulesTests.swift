import Foundation
import Testing
@testable import StyrDomain

private func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day) }

/// An instant written as in Oslo; the fixtures only use valid texts.
private func oslo(_ text: String) -> Date { OsloTime.parse(text)! }

/// The fields of the input errors `body` throws; nil when it throws nothing.
private func refusedFields<T>(_ body: () throws -> T) -> [String]? {
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

/// Expects `body` to be refused with input errors on exactly these fields.
private func expectRefused<T>(_ fields: [String], sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T) {
    let refused = refusedFields(body)
    #expect(refused == fields, sourceLocation: sourceLocation)
}

/// A 2020 letter to UKE with two supplements in force during the year and a third still a draft,
/// and the meetings, signals and notices of the dialogue around it.
enum DialogueFixture {
    static let letter = AllocationLetter(
        organisationCode: "UKE", year: 2020, number: 0, title: "Tildelingsbrev 2020", status: .issued, issuedOn: day(2020, 1, 20),
        issuedByCode: "FIN", introduction: "Byrådsavdelingen viser til budsjettvedtaket.",
        content: LetterContent(
            frames: [BudgetFrame(chapter: 125, expenses: .kroner(1_000_000), revenues: .kroner(-200_000))],
            expectations: [
                Expectation(key: "sikkerhet", text: "UKE skal varsle om alvorlige hendelser."),
                Expectation(key: "gevinster", text: "UKE skal rapportere realiserte gevinster."),
            ],
            assignments: [
                Assignment(key: "mitt-oslo", title: "Mitt Oslo", description: "Felles plattform.", deadline: day(2020, 10, 1),
                           reporting: "I 2. tertialrapport"),
                Assignment(key: "ikt", title: "IKT-konsolidering", description: "Plan for konsolidering.", deadline: day(2020, 12, 1),
                           reporting: "Egen sak til FIN"),
                Assignment(key: "seriositet", title: "Seriøsitetskrav", description: "Kontrollrutiner.", deadline: day(2020, 6, 30),
                           reporting: "I årsberetningen"),
            ],
            meetingPlan: [
                PlannedMeeting(date: day(2020, 2, 29), kind: .professional, title: "Fagmøte 1/2020"),
                PlannedMeeting(date: day(2020, 3, 10), kind: .governance, title: "Etatsstyringsmøte 1/2020"),
                PlannedMeeting(date: day(2020, 10, 13), kind: .governance, title: "Etatsstyringsmøte 2/2020"),
            ],
            reportingRequirements: [
                ReportingRequirement(report: "Regnskapsrapport", period: "per april 2020", due: day(2020, 5, 15)),
                ReportingRequirement(report: "Årsberetning", period: "2020", due: day(2021, 2, 15)),
            ]))

    /// Adds an assignment, moves the deadline of Mitt Oslo, adds a report.
    static let supplement1 = AllocationLetter(
        organisationCode: "UKE", year: 2020, number: 1, title: "Supplerende tildelingsbrev nr. 1 2020", status: .issued,
        issuedOn: day(2020, 4, 2), issuedByCode: "FIN",
        amendments: [
            .setAssignment(Assignment(key: "hjemmekontor", title: "Hjemmekontor", description: "Sikre løsninger.", deadline: day(2020, 6, 30),
                                      reporting: "Egen rapport")),
            .setAssignment(Assignment(key: "mitt-oslo", title: "Mitt Oslo", description: "Felles plattform.", deadline: day(2020, 12, 15),
                                      reporting: "I årsberetningen")),
            .addReportingRequirement(ReportingRequirement(report: "Rapport om koronatiltak", period: "mai 2020", due: day(2020, 5, 29))),
        ])

    /// Raises the frame, withdraws an expectation, adds a meeting.
    static let supplement2 = AllocationLetter(
        organisationCode: "UKE", year: 2020, number: 2, title: "Supplerende tildelingsbrev nr. 2 2020", status: .issued,
        issuedOn: day(2020, 9, 1), issuedByCode: "FIN",
        amendments: [
            .setFrame(BudgetFrame(chapter: 125, expenses: .kroner(1_100_000), revenues: .kroner(-200_000))),
            .withdrawExpectation(key: "gevinster"),
            .addMeeting(PlannedMeeting(date: day(2020, 11, 17), kind: .governance, title: "Ekstra etatsstyringsmøte")),
        ])

    /// Not issued: never in force.
    static let supplement3Draft = AllocationLetter(
        organisationCode: "UKE", year: 2020, number: 3, title: "Supplerende tildelingsbrev nr. 3 2020", status: .draft,
        issuedByCode: "FIN", amendments: [.withdrawAssignment(key: "ikt")])

    static let allLetters = [supplement2, supplement3Draft, letter, supplement1]

    static let updates = [
        AssignmentStatusUpdate(organisationCode: "UKE", year: 2020, assignmentKey: "mitt-oslo", date: day(2020, 12, 10), status: .done,
                               comment: "I drift.", recordedBy: "redaktor@uke.styr.demo"),
        AssignmentStatusUpdate(organisationCode: "UKE", year: 2020, assignmentKey: "mitt-oslo", date: day(2020, 3, 2), status: .inProgress,
                               comment: "Startet.", recordedBy: "redaktor@uke.styr.demo"),
        AssignmentStatusUpdate(organisationCode: "UKE", year: 2020, assignmentKey: "ikt", date: day(2020, 9, 1), status: .inProgress,
                               comment: "Kartlagt.", recordedBy: "redaktor@uke.styr.demo"),
        AssignmentStatusUpdate(organisationCode: "UKE", year: 2020, assignmentKey: "seriositet", date: day(2020, 6, 25), status: .done,
                               comment: "Vedtatt.", recordedBy: "redaktor@uke.styr.demo"),
        AssignmentStatusUpdate(organisationCode: "UKE", year: 2020, assignmentKey: "hjemmekontor", date: day(2020, 6, 30), status: .done,
                               comment: "Ferdig.", recordedBy: "redaktor@uke.styr.demo"),
    ]

    /// A formal meeting with minutes not yet approved.
    static let formalMeeting = Meeting(
        id: 2, organisationCode: "UKE", chairedByCode: "FIN", kind: .governance, title: "Etatsstyringsmøte 1/2020", date: day(2020, 3, 10),
        participants: ["Frida Finans (FIN)", "Line Leder (UKE)"], topics: [.frameConditions], agenda: ["Tildelingsbrev 2020"],
        minutes: "FIN og UKE gikk gjennom tildelingsbrevet.",
        items: [
            MeetingItem(number: 1, kind: .decision, text: "UKE prioriterer Mitt Oslo."),
            MeetingItem(number: 2, kind: .actionItem, text: "Sende risikobilde", owner: "UKE", deadline: day(2020, 4, 15), status: .done),
            MeetingItem(number: 3, kind: .note, text: "Orientering om korona."),
        ])

    static let approvedFormalMeeting: Meeting = {
        var meeting = formalMeeting
        meeting.departmentApproval = MinutesApproval(by: "etatsstyrer@fin.styr.demo", on: day(2020, 3, 17))
        meeting.agencyApproval = MinutesApproval(by: "leder@uke.styr.demo", on: day(2020, 3, 18))
        return meeting
    }()

    static let unconfirmedSignal = SteeringSignal(
        id: 7, organisationCode: "UKE", text: "UKE skal prioritere Mitt Oslo foran nytt intranett.", givenBy: "Frida Finans (FIN)",
        givenOn: day(2020, 2, 20), origin: .informalMeeting, meetingID: 1, place: "Fagmøte 20.02.2020",
        recordedBy: "etatsstyrer@fin.styr.demo")

    static let confirmedSignal = SteeringSignal(
        id: 8, organisationCode: "UKE", text: "UKE skal rapportere gevinster i tertialrapporten.", givenBy: "Frida Finans (FIN)",
        givenOn: day(2020, 3, 1), origin: .other, place: "Telefon", recordedBy: "etatsstyrer@fin.styr.demo",
        confirmation: .minutesItem(meetingID: 2, itemNumber: 1), confirmedOn: day(2020, 3, 18))

    static func incident(
        _ title: String, id: Int64? = nil, occurred: String, detected: String, notified: String, status: NoticeStatus = .submitted
    ) -> InformationNotice {
        InformationNotice(
            id: id, organisationCode: "UKE", title: title,
            details: .incident(system: "Felles e-post", description: "Utilgjengelig for alle virksomheter.",
                               timing: IncidentTiming(occurredAt: oslo(occurred), detectedAt: oslo(detected), notifiedAt: oslo(notified))),
            status: status, createdBy: "leder@uke.styr.demo", createdAt: oslo(notified), submittedAt: status == .draft ? nil : oslo(notified))
    }

    static let clarification = InformationNotice(
        id: 10, organisationCode: "UKE", title: "Rapportering av gevinster", details: .clarification(question: "Hvor rapporteres gevinstene?"),
        status: .answered, createdBy: "redaktor@uke.styr.demo", createdAt: oslo("03.02.2020 09:12"), submittedAt: oslo("03.02.2020 09:15"),
        answer: NoticeAnswer(text: "I 2. tertialrapport.", by: "etatsstyrer@fin.styr.demo", at: oslo("10.02.2020 14:30")))

    /// 30 minutes from detection to notification.
    static let onTimeIncident = incident("E-post nede", id: 11, occurred: "14.09.2020 07:40", detected: "14.09.2020 08:05",
                                         notified: "14.09.2020 08:35")
    /// Detected 00:30 Oslo time on New Year's Day, which is still 31 December in UTC.
    static let newYearIncident = incident("Nyttårsfeil i innlogging", id: 12, occurred: "01.01.2021 00:10", detected: "01.01.2021 00:30",
                                          notified: "01.01.2021 00:45")
    /// 3 h 30 min from detection to notification.
    static let lateIncident = incident("Uautorisert innlogging", id: 13, occurred: "26.01.2021 22:10", detected: "27.01.2021 06:50",
                                       notified: "27.01.2021 10:20")

    static let draftDeviation = InformationNotice(
        id: 14, organisationCode: "UKE", title: "Merforbruk på lisenser (utkast)",
        details: .deviation(area: .budget, description: "Høyere lisenskostnader.", expectedEffect: "Merforbruk.", measures: "Fordeling."),
        status: .draft, createdBy: "redaktor@uke.styr.demo", createdAt: oslo("02.09.2020 13:00"))

    static let dialogue = AgencyDialogue(
        organisationCode: "UKE", organisationName: "Utviklings- og kompetanseetaten", letters: allLetters, assignmentUpdates: updates,
        meetings: [approvedFormalMeeting], signals: [unconfirmedSignal, confirmedSignal],
        notices: [clarification, onTimeIncident, newYearIncident, lateIncident, draftDeviation])
}

// MARK: - Dates and times

@Suite("Date arithmetic and Oslo time")
struct DateArithmeticTests {
    static func nextDay(_ date: CalendarDate) -> CalendarDate {
        if CalendarDate.isValid(year: date.year, month: date.month, day: date.day + 1) { return day(date.year, date.month, date.day + 1) }
        return date.month < 12 ? day(date.year, date.month + 1, 1) : day(date.year + 1, 1, 1)
    }

    @Test("day numbers count every day from 1900 through 2200, with the leap days")
    func dayNumbersCountEveryDay() {
        var date = day(1900, 1, 1)
        var number = -25_567
        var mismatches: [String] = []
        var leapDays = 0
        while date <= day(2200, 12, 31) {
            if date.dayNumber != number || CalendarDate(dayNumber: number) != date {
                if mismatches.count < 5 { mismatches.append("\(date) ≠ \(number)") }
            }
            if date.month == 2 && date.day == 29 { leapDays += 1 }
            date = Self.nextDay(date)
            number += 1
        }
        #expect(mismatches.isEmpty)
        #expect(number - 1 == 84_370)
        // 1904…2196 every fourth year, without 1900, 2100 and 2200; 2000 is one.
        #expect(leapDays == 73)
    }

    @Test("known day numbers, before and after 1970")
    func knownDayNumbers() {
        #expect(day(1970, 1, 1).dayNumber == 0)
        #expect(day(1969, 12, 31).dayNumber == -1)
        #expect(day(2000, 2, 29).dayNumber == 11_016)
        #expect(day(2000, 3, 1).dayNumber == 11_017)
        #expect(day(2020, 1, 1).dayNumber == 18_262)
        #expect(CalendarDate(dayNumber: -135_081) == day(1600, 2, 29))
        #expect(CalendarDate(dayNumber: 18_444) == day(2020, 7, 1))
    }

    @Test("day numbers agree with Foundation's Gregorian calendar in UTC")
    func agreesWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var mismatches: [Int] = []
        for number in stride(from: -25_567, through: 84_370, by: 37) {
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(number) * 86_400))
            if CalendarDate(dayNumber: number) != day(parts.year!, parts.month!, parts.day!) { mismatches.append(number) }
        }
        #expect(mismatches.isEmpty)
    }

    @Test("adding days crosses month, leap day and year ends", arguments: [
        (day(2020, 2, 28), 1, day(2020, 2, 29)), (day(2020, 2, 28), 2, day(2020, 3, 1)), (day(2019, 2, 28), 1, day(2019, 3, 1)),
        (day(2020, 12, 31), 1, day(2021, 1, 1)), (day(2024, 3, 1), -1, day(2024, 2, 29)), (day(2021, 3, 1), -1, day(2021, 2, 28)),
        (day(2020, 1, 1), 366, day(2021, 1, 1)), (day(2021, 1, 1), 365, day(2022, 1, 1)), (day(2020, 5, 5), 0, day(2020, 5, 5)),
    ])
    func addingDays(start: CalendarDate, days: Int, expected: CalendarDate) {
        #expect(start.adding(days: days) == expected)
        #expect(expected.days(since: start) == days)
    }

    @Test("days since is negative when the other date is later")
    func daysSince() {
        #expect(day(2021, 1, 1).days(since: day(2020, 1, 1)) == 366)
        #expect(day(2020, 1, 1).days(since: day(2021, 1, 1)) == -366)
        #expect(day(2020, 3, 1).days(since: day(2020, 2, 20)) == 10)
        #expect(day(2100, 3, 1).days(since: day(2100, 2, 28)) == 1)
    }

    @Test("a year on, 29 February becomes 28 February; a leap year on it stays")
    func addingYears() {
        #expect(day(2020, 2, 29).addingYears(1) == day(2021, 2, 28))
        #expect(day(2020, 2, 29).addingYears(4) == day(2024, 2, 29))
        #expect(day(2024, 2, 29).addingYears(-4) == day(2020, 2, 29))
        #expect(day(2000, 2, 29).addingYears(100) == day(2100, 2, 28))
        #expect(day(2019, 3, 15).addingYears(1) == day(2020, 3, 15))
        #expect(day(2020, 12, 31).addingYears(1) == day(2021, 12, 31))
    }

    @Test("Norwegian and form input give the same instant, in winter time")
    func parseWinter() throws {
        let norwegian = try #require(OsloTime.parse("27.01.2021 10:20"))
        let form = try #require(OsloTime.parse("2021-01-27T10:20"))
        #expect(norwegian == form)
        #expect(norwegian == Date(timeIntervalSince1970: 1_611_739_200))  // 09:20 UTC
        #expect(OsloTime.parse(" 27.01.2021 10:20 ") == norwegian)
        #expect(OsloTime.parse("27.01.2021 10:20:30") == norwegian.addingTimeInterval(30))
        #expect(OsloTime.format(norwegian) == "27.01.2021 10:20")
        #expect(OsloTime.formInput(norwegian) == "2021-01-27T10:20")
    }

    @Test("summer time: 01.07.2020 12:00 in Oslo is 10:00 UTC")
    func parseSummer() throws {
        let noon = try #require(OsloTime.parse("01.07.2020 12:00"))
        #expect(noon == Date(timeIntervalSince1970: 1_593_597_600))
        #expect(OsloTime.iso(noon).hasSuffix("+02:00"))
        #expect(OsloTime.parseISO(OsloTime.iso(noon)) == noon)
        #expect(OsloTime.format(noon) == "01.07.2020 12:00")
    }

    @Test("across the switch to summer time, 01:59 to 03:00 is one minute")
    func summerTimeSwitch() throws {
        let before = try #require(OsloTime.parse("29.03.2020 01:59"))
        let after = try #require(OsloTime.parse("29.03.2020 03:00"))
        #expect(before == Date(timeIntervalSince1970: 1_585_443_540))
        #expect(after.timeIntervalSince(before) == 60)
        #expect(IncidentTiming(occurredAt: before, detectedAt: before, notifiedAt: after).secondsToNotify == 60)
    }

    @Test("the date of an instant is its date in Oslo, not in UTC")
    func dateOfInstant() {
        // 23:30 UTC on 31 December.
        #expect(CalendarDate(oslo("01.01.2021 00:30")) == day(2021, 1, 1))
        #expect(CalendarDate(oslo("31.12.2020 23:59")) == day(2020, 12, 31))
    }

    @Test("impossible or incomplete times are refused", arguments: [
        "32.01.2021 10:00", "27.01.2021 24:00", "27.01.2021", "27.01.2021 10:60", "27.01.2021 9:05", "29.02.2021 10:00", "",
        "27.01.2021 10:20 x", "2021-01-27 T10:20", "27.01.21 10:20", "27.01.2021 10:20:60",
    ])
    func parseRefuses(text: String) {
        #expect(OsloTime.parse(text) == nil)
    }

    @Test("durations in Norwegian", arguments: [
        (0, "0 min"), (720, "12 min"), (3_540, "59 min"), (3_600, "1 t"), (5_100, "1 t 25 min"), (12_600, "3 t 30 min"),
        (266_400, "3 d 2 t"),
    ])
    func duration(seconds: Int, expected: String) {
        #expect(OsloTime.duration(seconds: seconds) == expected)
    }
}

// MARK: - Letters

@Suite("Allocation letters")
struct LetterRulesTests {
    typealias F = DialogueFixture

    @Test("nothing is in force before the letter is issued")
    func beforeIssue() {
        #expect(LetterRules.inForce(F.allLetters, on: day(2020, 1, 19)) == nil)
        #expect(LetterRules.inForce(F.allLetters, on: day(2019, 12, 31)) == nil)
        #expect(LetterRules.inForce(F.allLetters, on: day(2020, 1, 20)) != nil)
        var draft = F.letter
        draft.status = .draft
        #expect(LetterRules.inForce([draft, F.supplement1], on: day(2020, 12, 31)) == nil)
        #expect(LetterRules.inForce([F.supplement1, F.supplement2], on: day(2020, 12, 31)) == nil)
    }

    @Test("between the letter and the first supplement, the letter stands as written")
    func beforeSupplement() throws {
        let inForce = try #require(LetterRules.inForce(F.allLetters, on: day(2020, 4, 1)))
        #expect(inForce.letter == F.letter)
        #expect(inForce.content == F.letter.content)
        #expect(inForce.content.assignments.first { $0.key == "mitt-oslo" }?.deadline == day(2020, 10, 1))
        #expect(!inForce.content.assignments.contains { $0.key == "hjemmekontor" })
        #expect(inForce.supplements.isEmpty)
        #expect(inForce.laterSupplements == [F.supplement1, F.supplement2])
    }

    @Test("from the supplement's date, its changes apply and are described")
    func afterSupplement() throws {
        let inForce = try #require(LetterRules.inForce(F.allLetters, on: day(2020, 4, 2)))
        #expect(inForce.content.assignments.map(\.key) == ["mitt-oslo", "ikt", "seriositet", "hjemmekontor"])
        let mittOslo = try #require(inForce.content.assignments.first { $0.key == "mitt-oslo" })
        #expect(mittOslo.deadline == day(2020, 12, 15))
        #expect(mittOslo.reporting == "I årsberetningen")
        #expect(inForce.content.reportingRequirements.map(\.due) == [day(2020, 5, 15), day(2020, 5, 29), day(2021, 2, 15)])
        #expect(inForce.supplements.map(\.letter) == [F.supplement1])
        let changes = try #require(inForce.supplements.first?.changes)
        try #require(changes.count == 3)
        #expect(changes[0] == "Nytt særskilt oppdrag: «Hjemmekontor», frist 30.06.2020.")
        #expect(changes[1].contains("Frist flyttet fra 01.10.2020 til 15.12.2020"))
        #expect(changes[2].contains("Rapport om koronatiltak"))
        #expect(inForce.laterSupplements == [F.supplement2])
        // The frame and expectations are not touched by the first supplement.
        #expect(inForce.content.frames == F.letter.content.frames)
        #expect(inForce.content.expectations.map(\.key) == ["sikkerhet", "gevinster"])
    }

    @Test("at the end of the year both issued supplements apply in order, the draft never")
    func endOfYear() throws {
        let inForce = try #require(LetterRules.inForce(F.allLetters, on: day(2020, 12, 31)))
        #expect(inForce.supplements.map { $0.letter.number } == [1, 2])
        #expect(inForce.laterSupplements.isEmpty)
        // The draft would have withdrawn "ikt".
        #expect(inForce.content.assignments.contains { $0.key == "ikt" })
        #expect(inForce.content.frames.map(\.net) == [.kroner(900_000)])
        #expect(inForce.content.expectations.map(\.key) == ["sikkerhet"])
        #expect(inForce.content.meetingPlan.map(\.date) == [day(2020, 2, 29), day(2020, 3, 10), day(2020, 10, 13), day(2020, 11, 17)])
        let changes = try #require(inForce.supplements.last?.changes)
        try #require(changes.count == 3)
        #expect(changes[0].contains("(netto +100 000 kr)"))
        #expect(changes[1] == "Forventningen «UKE skal rapportere realiserte gevinster.» trukket tilbake.")
        #expect(changes[2].contains("17.11.2020"))
    }

    @Test("a valid letter and supplement have no errors")
    func validLetters() {
        #expect(LetterRules.validate(F.letter).isEmpty)
        #expect(LetterRules.validate(F.supplement1).isEmpty)
        #expect(LetterRules.validate(F.supplement2).isEmpty)
    }

    @Test("an assignment deadline outside the letter's year is refused")
    func deadlineOutsideYear() {
        var letter = F.letter
        letter.content.assignments[0].deadline = day(2021, 1, 10)
        let errors = LetterRules.validate(letter)
        #expect(errors.entries.map(\.field) == ["assignments"])
        #expect(errors["assignments"]?.contains("10.01.2021") == true)

        var supplement = F.supplement1
        supplement.amendments[1] = .setAssignment(Assignment(
            key: "mitt-oslo", title: "Mitt Oslo", description: "", deadline: day(2019, 12, 31), reporting: ""))
        #expect(LetterRules.validate(supplement)["assignments"] != nil)
    }

    @Test("revenues must be negative; one frame per chapter")
    func frames() {
        var letter = F.letter
        letter.content.frames = [BudgetFrame(chapter: 125, expenses: .kroner(10), revenues: .kroner(5))]
        #expect(LetterRules.validate(letter).entries.map(\.field) == ["frames"])
        letter.content.frames = [BudgetFrame(chapter: 125, expenses: .kroner(10), revenues: .zero)]
        #expect(LetterRules.validate(letter).isEmpty)
        letter.content.frames.append(BudgetFrame(chapter: 125, expenses: .kroner(20), revenues: .zero))
        #expect(LetterRules.validate(letter)["frames"] != nil)
    }

    @Test("a supplement that changes nothing is refused")
    func emptySupplement() {
        let empty = AllocationLetter(organisationCode: "UKE", year: 2020, number: 4, title: "Supplerende nr. 4", issuedByCode: "FIN")
        #expect(LetterRules.validate(empty).entries.map(\.field) == ["amendments"])
    }

    @Test("other letter errors: title, meeting and report dates, issue after the year")
    func otherErrors() {
        var letter = F.letter
        letter.title = "  "
        letter.content.meetingPlan.append(PlannedMeeting(date: day(2021, 1, 5), kind: .governance, title: "For sent"))
        letter.content.reportingRequirements.append(ReportingRequirement(report: "Sluttrapport", period: "2020", due: day(2022, 1, 1)))
        letter.issuedOn = day(2021, 1, 2)
        #expect(Set(LetterRules.validate(letter).entries.map(\.field)) == ["title", "issuedOn", "meetingPlan", "reportingRequirements"])
    }

    @Test("the latest dated update decides an assignment's status")
    func currentStatuses() {
        let statuses = LetterRules.currentStatuses(F.updates)
        #expect(statuses == ["mitt-oslo": .done, "ikt": .inProgress, "seriositet": .done, "hjemmekontor": .done])
    }

    @Test("next year's draft leaves out closed assignments and moves everything a year on")
    func draftForNextYear() throws {
        let endOf2020 = try #require(LetterRules.inForce(F.allLetters, on: day(2020, 12, 31)))
        let draft = LetterRules.draftForNextYear(
            from: endOf2020, statuses: ["mitt-oslo": .done, "seriositet": .cancelled, "ikt": .inProgress], issuedByCode: "FIN")
        #expect(draft.year == 2021)
        #expect(draft.number == 0)
        #expect(draft.status == .draft)
        #expect(draft.issuedOn == nil)
        #expect(draft.title == "Tildelingsbrev 2021")
        #expect(draft.organisationCode == "UKE")
        // "hjemmekontor" has no status: it is still open.
        #expect(draft.content.assignments.map(\.key) == ["ikt", "hjemmekontor"])
        #expect(draft.content.assignments.map(\.deadline) == [day(2021, 12, 1), day(2021, 6, 30)])
        // 29.02.2020 has no 2021 counterpart.
        #expect(draft.content.meetingPlan.map(\.date) == [day(2021, 2, 28), day(2021, 3, 10), day(2021, 10, 13), day(2021, 11, 17)])
        #expect(draft.content.reportingRequirements.map(\.due) == [day(2021, 5, 15), day(2021, 5, 29), day(2022, 2, 15)])
        #expect(draft.content.reportingRequirements.map(\.period) == ["per april 2021", "mai 2021", "2021"])
        #expect(draft.content.frames == endOf2020.content.frames)
        #expect(draft.content.expectations == endOf2020.content.expectations)
        #expect(draft.amendments.isEmpty)
        #expect(LetterRules.validate(draft).isEmpty)
    }
}

// MARK: - Meetings

@Suite("Meetings and minutes")
struct MeetingRulesTests {
    typealias F = DialogueFixture

    @Test("minutes status goes from draft through one side to both")
    func statusTransitions() throws {
        let meeting = F.formalMeeting
        #expect(meeting.minutesStatus == .draft)
        #expect(meeting.approvedOn == nil)
        let byDepartment = try MeetingRules.approve(meeting, side: .department, by: "etatsstyrer@fin.styr.demo", on: day(2020, 3, 17))
        #expect(byDepartment.minutesStatus == .approvedByDepartment)
        #expect(byDepartment.approvedOn == nil)
        let both = try MeetingRules.approve(byDepartment, side: .agency, by: "leder@uke.styr.demo", on: day(2020, 3, 18))
        #expect(both.minutesStatus == .approved)
        #expect(both.approvedOn == day(2020, 3, 18))
        #expect(both.agencyApproval == MinutesApproval(by: "leder@uke.styr.demo", on: day(2020, 3, 18)))

        let byAgency = try MeetingRules.approve(meeting, side: .agency, by: "leder@uke.styr.demo", on: day(2020, 3, 20))
        #expect(byAgency.minutesStatus == .approvedByAgency)
        // The later of the two approvals, whichever side came first.
        let bothLate = try MeetingRules.approve(byAgency, side: .department, by: "etatsstyrer@fin.styr.demo", on: day(2020, 3, 19))
        #expect(bothLate.approvedOn == day(2020, 3, 20))
    }

    @Test("the same side cannot approve twice")
    func approveTwice() throws {
        let once = try MeetingRules.approve(F.formalMeeting, side: .department, by: "a@fin.styr.demo", on: day(2020, 3, 17))
        expectRefused(["departmentApproval"]) { try MeetingRules.approve(once, side: .department, by: "b@fin.styr.demo", on: day(2020, 3, 18)) }
        expectRefused(["agencyApproval"]) { try MeetingRules.approve(F.approvedFormalMeeting, side: .agency, by: "x@uke.styr.demo", on: day(2020, 4, 1)) }
    }

    @Test("minutes cannot be approved before the meeting, but can on its day")
    func approveBeforeMeeting() throws {
        expectRefused(["agencyApproval"]) { try MeetingRules.approve(F.formalMeeting, side: .agency, by: "l@uke.styr.demo", on: day(2020, 3, 9)) }
        let sameDay = try MeetingRules.approve(F.formalMeeting, side: .agency, by: "l@uke.styr.demo", on: day(2020, 3, 10))
        #expect(sameDay.minutesStatus == .approvedByAgency)
    }

    @Test("empty minutes cannot be approved")
    func approveEmpty() {
        var empty = F.formalMeeting
        empty.minutes = " \n"
        empty.items = []
        expectRefused(["minutes"]) { try MeetingRules.approve(empty, side: .department, by: "a@fin.styr.demo", on: day(2020, 3, 17)) }
    }

    @Test("minutes approved by both cannot be edited")
    func editApproved() {
        expectRefused(["minutes"]) { try MeetingRules.edit(F.approvedFormalMeeting) { $0.minutes += " Tillegg." } }
    }

    @Test("editing minutes approved by one side withdraws that approval; no change keeps it")
    func editHalfApproved() throws {
        let byDepartment = try MeetingRules.approve(F.formalMeeting, side: .department, by: "a@fin.styr.demo", on: day(2020, 3, 17))
        let edited = try MeetingRules.edit(byDepartment) { $0.minutes += " Tillegg." }
        #expect(edited.minutes == F.formalMeeting.minutes + " Tillegg.")
        #expect(edited.departmentApproval == nil)
        #expect(edited.minutesStatus == .draft)
        let untouched = try MeetingRules.edit(byDepartment) { $0.minutes = byDepartment.minutes }
        #expect(untouched.minutesStatus == .approvedByDepartment)
    }

    @Test("an action item needs an owner")
    func validate() {
        #expect(MeetingRules.validate(F.formalMeeting).isEmpty)
        var meeting = F.formalMeeting
        meeting.items.append(MeetingItem(number: 4, kind: .actionItem, text: "Følge opp"))
        #expect(MeetingRules.validate(meeting).entries.map(\.field) == ["items"])
    }
}

// MARK: - Steering signals

@Suite("Steering signals")
struct SignalRulesTests {
    typealias F = DialogueFixture

    static let signal = SteeringSignal(
        organisationCode: "UKE", text: "Prioriter Mitt Oslo.", givenBy: "Frida Finans (FIN)", givenOn: day(2020, 2, 20),
        origin: .informalMeeting, meetingID: 1, place: "Fagmøte", recordedBy: "etatsstyrer@fin.styr.demo")

    static let informal: Meeting = {
        var meeting = F.approvedFormalMeeting
        meeting.id = 1
        meeting.kind = .professional
        meeting.title = "Fagmøte"
        meeting.date = day(2020, 2, 20)
        return meeting
    }()

    static let unapproved: Meeting = {
        var meeting = F.formalMeeting
        meeting.id = 3
        meeting.departmentApproval = MinutesApproval(by: "a@fin.styr.demo", on: day(2020, 3, 17))
        return meeting
    }()

    static let older: Meeting = {
        var meeting = F.approvedFormalMeeting
        meeting.id = 4
        meeting.date = day(2020, 1, 15)
        meeting.departmentApproval = MinutesApproval(by: "a@fin.styr.demo", on: day(2020, 1, 20))
        meeting.agencyApproval = MinutesApproval(by: "l@uke.styr.demo", on: day(2020, 1, 21))
        return meeting
    }()

    static let otherAgency: Meeting = {
        var meeting = F.approvedFormalMeeting
        meeting.id = 5
        meeting.organisationCode = "BYM"
        return meeting
    }()

    static let meetings = [informal, F.approvedFormalMeeting, unapproved, older, otherAgency]

    func confirm(_ confirmation: SignalConfirmation, _ signal: SteeringSignal = SignalRulesTests.signal) throws -> SteeringSignal {
        try SignalRules.confirm(signal, with: confirmation, meetings: Self.meetings, letters: F.allLetters)
    }

    @Test("an item of approved minutes of a formal meeting confirms, on the date of the last approval")
    func confirmWithMinutes() throws {
        let confirmed = try confirm(.minutesItem(meetingID: 2, itemNumber: 1))
        #expect(confirmed.isConfirmed)
        #expect(confirmed.confirmation == .minutesItem(meetingID: 2, itemNumber: 1))
        #expect(confirmed.confirmedOn == day(2020, 3, 18))
        #expect(confirmed.text == Self.signal.text)
    }

    @Test("an issued supplement confirms, on its issue date")
    func confirmWithLetter() throws {
        let confirmed = try confirm(.letter(year: 2020, number: 1))
        #expect(confirmed.confirmedOn == day(2020, 4, 2))
    }

    @Test("what is not a written confirmation is refused", arguments: [
        SignalConfirmation.minutesItem(meetingID: 3, itemNumber: 1),  // minutes approved by one side only
        .minutesItem(meetingID: 1, itemNumber: 1),  // informal meeting
        .minutesItem(meetingID: 2, itemNumber: 9),  // no such item
        .minutesItem(meetingID: 99, itemNumber: 1),  // no such meeting
        .minutesItem(meetingID: 5, itemNumber: 1),  // another agency's meeting
        .minutesItem(meetingID: 4, itemNumber: 1),  // approved before the signal was given
        .letter(year: 2020, number: 3),  // a draft supplement
        .letter(year: 2020, number: 0),  // issued before the signal was given
        .letter(year: 2019, number: 0),  // no such letter
    ])
    func refused(confirmation: SignalConfirmation) {
        expectRefused(["confirmation"]) { try confirm(confirmation) }
    }

    @Test("a confirmed signal is not confirmed again")
    func confirmTwice() throws {
        let confirmed = try confirm(.minutesItem(meetingID: 2, itemNumber: 1))
        expectRefused(["confirmation"]) { try confirm(.letter(year: 2020, number: 1), confirmed) }
    }

    @Test("an unconfirmed signal ages by the day; a confirmed one has no age")
    func unconfirmedAge() throws {
        #expect(Self.signal.unconfirmedAge(on: day(2020, 3, 1)) == 10)
        #expect(Self.signal.unconfirmedAge(on: day(2020, 2, 20)) == 0)
        #expect(Self.signal.unconfirmedAge(on: day(2021, 2, 1)) == 347)
        #expect(Self.signal.unconfirmedAge(on: day(2020, 2, 1)) == 0)
        let confirmed = try confirm(.minutesItem(meetingID: 2, itemNumber: 1))
        #expect(confirmed.unconfirmedAge(on: day(2020, 3, 1)) == nil)
    }

    @Test("a signal dated in the future is refused")
    func validate() {
        #expect(SignalRules.validate(Self.signal, today: day(2020, 2, 20)).isEmpty)
        #expect(SignalRules.validate(Self.signal, today: day(2020, 2, 19)).entries.map(\.field) == ["givenOn"])
    }
}

// MARK: - Duties to inform

@Suite("Notices from the agency")
struct NoticeRulesTests {
    typealias F = DialogueFixture
    static let now = oslo("14.09.2020 12:00")

    static func draft(occurred: String = "14.09.2020 07:40", detected: String = "14.09.2020 08:05", notified: String = "14.09.2020 08:35")
        -> InformationNotice {
        var notice = F.incident("E-post nede", id: 21, occurred: occurred, detected: detected, notified: notified, status: .draft)
        notice.createdAt = oslo("14.09.2020 08:30")
        return notice
    }

    @Test("a complete incident notice is valid")
    func valid() {
        #expect(NoticeRules.validate(Self.draft(), now: Self.now).isEmpty)
    }

    @Test("notified before detected is refused on the notification time")
    func notifiedBeforeDetected() {
        let errors = NoticeRules.validate(Self.draft(notified: "14.09.2020 08:00"), now: Self.now)
        #expect(errors.entries.map(\.field) == ["notifiedAt"])
    }

    @Test("detected before it occurred is refused on the detection time")
    func detectedBeforeOccurred() {
        let errors = NoticeRules.validate(Self.draft(occurred: "14.09.2020 08:10"), now: Self.now)
        #expect(errors.entries.map(\.field) == ["detectedAt"])
    }

    @Test("a notification time more than five minutes ahead is refused")
    func notifiedInFuture() {
        #expect(NoticeRules.validate(Self.draft(notified: "14.09.2020 12:04"), now: Self.now).isEmpty)
        #expect(NoticeRules.validate(Self.draft(notified: "14.09.2020 12:06"), now: Self.now).entries.map(\.field) == ["notifiedAt"])
    }

    @Test("submit, then no more edits; the department answers once")
    func lifecycle() throws {
        let draft = Self.draft()
        expectRefused(["answer"]) { try NoticeRules.answer(draft, text: "Svar.", by: "e@fin.styr.demo", at: Self.now) }
        let submitted = try NoticeRules.submit(draft, at: oslo("14.09.2020 08:35"))
        #expect(submitted.status == .submitted)
        #expect(submitted.submittedAt == oslo("14.09.2020 08:35"))
        var changed = submitted
        changed.title = "Endret tittel"
        expectRefused(["status"]) { try NoticeRules.edit(submitted, to: changed, now: Self.now) }
        expectRefused(["status"]) { try NoticeRules.submit(submitted, at: Self.now) }
        expectRefused(["answer"]) { try NoticeRules.answer(submitted, text: "  ", by: "e@fin.styr.demo", at: Self.now) }
        let answered = try NoticeRules.answer(submitted, text: "Takk for varselet.", by: "e@fin.styr.demo", at: oslo("14.09.2020 10:00"))
        #expect(answered.status == .answered)
        #expect(answered.answer == NoticeAnswer(text: "Takk for varselet.", by: "e@fin.styr.demo", at: oslo("14.09.2020 10:00")))
        expectRefused(["answer"]) { try NoticeRules.answer(answered, text: "Igjen.", by: "e@fin.styr.demo", at: Self.now) }
    }

    @Test("an invalid draft cannot be sent")
    func submitInvalid() {
        expectRefused(["detectedAt"]) { try NoticeRules.submit(Self.draft(occurred: "14.09.2020 09:00"), at: Self.now) }
    }

    @Test("an edit keeps who made the notice and when")
    func editKeepsOrigin() throws {
        let draft = Self.draft()
        var updated = draft
        updated.id = 99
        updated.organisationCode = "BYM"
        updated.createdBy = "noen@annen.no"
        updated.createdAt = Self.now
        updated.title = "E-post og kalender nede"
        let edited = try NoticeRules.edit(draft, to: updated, now: Self.now)
        #expect(edited.title == "E-post og kalender nede")
        #expect(edited.id == draft.id)
        #expect(edited.organisationCode == "UKE")
        #expect(edited.createdBy == draft.createdBy)
        #expect(edited.createdAt == draft.createdAt)
        var invalid = draft
        invalid.title = ""
        expectRefused(["title"]) { try NoticeRules.edit(draft, to: invalid, now: Self.now) }
    }

    @Test("exactly 60 minutes is in time; 61 minutes is late")
    func lateness() {
        let detected = oslo("14.09.2020 08:05")
        let exactly = IncidentTiming(occurredAt: detected, detectedAt: detected, notifiedAt: detected.addingTimeInterval(3_600))
        let minuteOver = IncidentTiming(occurredAt: detected, detectedAt: detected, notifiedAt: detected.addingTimeInterval(3_660))
        #expect(NotificationLimit.standard.seconds == 3_600)
        #expect(exactly.secondsToNotify == 3_600)
        #expect(!exactly.isLate(limit: .standard))
        #expect(minuteOver.isLate(limit: .standard))
        #expect(exactly.isLate(limit: NotificationLimit(minutes: 30)))
        #expect(F.lateIncident.incidentTiming?.isLate(limit: .standard) == true)
        #expect(F.onTimeIncident.incidentTiming?.isLate(limit: .standard) == false)
        #expect(NotificationLimit.standard.norwegianDescription == "1 t")
    }
}

// MARK: - iCalendar

@Suite("iCalendar feed")
struct ICalendarTests {
    static let now = oslo("14.09.2020 08:35")

    static let entries = [
        CalendarEntry(
            date: day(2020, 12, 31), kind: .assignmentDeadline, organisationCode: "UKE",
            title: "Frist: Første versjon av felles plattform for innbyggertjenester på Økern, i Ærlighetsveien og på Åsen (Utviklings- og kompetanseetaten)",
            detail: "Status: Pågår.\nRapporteres: I årsberetningen", uid: "assignment-UKE-2020-mitt-oslo",
            path: "/organisasjoner/UKE/tildelingsbrev/2020#oppdrag-mitt-oslo"),
        CalendarEntry(
            date: day(2020, 2, 28), kind: .meeting, organisationCode: "UKE", title: #"Møte; ærlig talt, å være \ eller ikke"#,
            detail: "Linje én\r\nLinje to", uid: "meeting-1", path: "/organisasjoner/UKE/moter/1"),
        CalendarEntry(
            date: day(2024, 2, 29), kind: .plannedMeeting, organisationCode: "UKE", title: String(repeating: "æøå", count: 30),
            uid: "planned-UKE-2024-02-29-governance", path: "/organisasjoner/UKE/tildelingsbrev/2024#moteplan"),
    ]

    static let feed = ICalendar.feed(name: "Styr: UKE, årshjul", entries: entries, baseURL: "https://styr.example", now: now)

    /// The physical lines, split at CRLF; records a bare CR or LF.
    static func physicalLines(_ text: String) -> [[UInt8]] {
        let bytes = Array(text.utf8)
        var lines: [[UInt8]] = [], current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 13 {
                #expect(index + 1 < bytes.count && bytes[index + 1] == 10, "CR without LF at byte \(index)")
                lines.append(current)
                current = []
                index += 2
                continue
            }
            #expect(bytes[index] != 10, "LF without CR at byte \(index)")
            current.append(bytes[index])
            index += 1
        }
        #expect(current.isEmpty, "the feed must end with CRLF")
        return lines
    }

    /// The content lines with folding undone.
    static func unfolded(_ text: String) -> [String] {
        var lines = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    @Test("every line ends in CRLF and has at most 75 octets, folded between characters")
    func lineLengths() {
        #expect(Self.feed.hasSuffix("\r\n"))
        let lines = Self.physicalLines(Self.feed)
        #expect(lines.allSatisfy { $0.count <= 75 })
        #expect(lines.allSatisfy { String(bytes: $0, encoding: .utf8) != nil }, "a fold split a UTF-8 character")
        #expect(lines.contains { $0.first == 32 }, "the long titles must be folded")
        #expect(lines.first == Array("BEGIN:VCALENDAR".utf8))
        #expect(lines.last == Array("END:VCALENDAR".utf8))
    }

    @Test("text values escape ; , \\ and line breaks, and unfold to the original")
    func escaping() {
        let lines = Self.unfolded(Self.feed)
        #expect(lines.contains(#"SUMMARY:Møte\; ærlig talt\, å være \\ eller ikke"#))
        #expect(lines.contains(#"DESCRIPTION:Møte. Linje én\nLinje to"#))
        #expect(lines.contains(#"DESCRIPTION:Frist for oppdrag. Status: Pågår.\nRapporteres: I årsberetningen"#))
        #expect(lines.contains("SUMMARY:" + String(repeating: "æøå", count: 30)))
        #expect(lines.contains(#"SUMMARY:Frist: Første versjon av felles plattform for innbyggertjenester på Økern\, i Ærlighetsveien og på Åsen (Utviklings- og kompetanseetaten)"#))
        #expect(lines.contains(#"X-WR-CALNAME:Styr: UKE\, årshjul"#))
        #expect(lines.contains("DESCRIPTION:Planlagt møte"))
    }

    @Test("one event per entry, ending the next day, stamped in UTC")
    func events() {
        let lines = Self.unfolded(Self.feed)
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == Self.entries.count)
        #expect(lines.filter { $0 == "END:VEVENT" }.count == Self.entries.count)
        let starts = lines.filter { $0.hasPrefix("DTSTART;VALUE=DATE:") }.map { String($0.dropFirst("DTSTART;VALUE=DATE:".count)) }
        let ends = lines.filter { $0.hasPrefix("DTEND;VALUE=DATE:") }.map { String($0.dropFirst("DTEND;VALUE=DATE:".count)) }
        #expect(starts == ["20201231", "20200228", "20240229"])
        #expect(ends == ["20210101", "20200229", "20240301"])
        #expect(lines.filter { $0.hasPrefix("UID:") } == Self.entries.map { "UID:\($0.uid)@styr" })
        #expect(lines.filter { $0.hasPrefix("DTSTAMP:") } == Array(repeating: "DTSTAMP:20200914T063500Z", count: 3))
        #expect(lines.contains("URL:https://styr.example/organisasjoner/UKE/moter/1"))
    }

    @Test("an empty calendar is still a calendar")
    func empty() {
        let feed = ICalendar.feed(name: "Tom", entries: [], baseURL: "https://styr.example", now: Self.now)
        let lines = Self.unfolded(feed)
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.last == "END:VCALENDAR")
        #expect(!lines.contains("BEGIN:VEVENT"))
    }

    @Test("the annual calendar's feed has one event for each of its entries")
    func annualCalendarFeed() {
        let entries = AnnualCalendar.entries(for: DialogueFixture.dialogue, today: day(2020, 12, 31))
        let feed = ICalendar.feed(name: "UKE", entries: entries, baseURL: "https://styr.example", now: Self.now)
        let lines = Self.unfolded(feed)
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == entries.count)
        #expect(Self.physicalLines(feed).allSatisfy { $0.count <= 75 })
    }
}

// MARK: - Governance log

@Suite("Governance log")
struct GovernanceLogTests {
    typealias F = DialogueFixture
    static let today = day(2021, 2, 1)

    static func log(_ dialogue: AgencyDialogue = F.dialogue, from start: CalendarDate, to end: CalendarDate) -> [GovernanceLogEntry] {
        GovernanceLog.entries(for: dialogue, from: start, to: end, today: today, limit: .standard)
    }

    @Test("2020: signals, decisions, action items, notices, incidents and assignments; flagged what should not be")
    func year2020() throws {
        let entries = Self.log(from: day(2020, 1, 1), to: day(2020, 12, 31))
        #expect(entries.count == 10)
        #expect(entries.filter { $0.kind == .signal }.count == 2)
        #expect(entries.filter { $0.kind == .decision }.count == 1)
        #expect(entries.filter { $0.kind == .actionItem }.count == 1)
        #expect(entries.filter { $0.kind == .notice }.count == 1)
        #expect(entries.filter { $0.kind == .incident }.map(\.title) == ["E-post nede"])
        #expect(entries.filter { $0.kind == .assignment }.count == 4)
        #expect(entries.map(\.date) == entries.map(\.date).sorted())
        #expect(entries.filter(\.isFlagged).map(\.title) == [F.unconfirmedSignal.text, "IKT-konsolidering"])
        // The note of the minutes and the draft notice are not in the log.
        #expect(!entries.contains { $0.title.contains("Orientering om korona") || $0.title.contains("Merforbruk") })
    }

    @Test("an unconfirmed signal is flagged with its age in days; a confirmed one is not")
    func signals() throws {
        let entries = Self.log(from: day(2020, 1, 1), to: day(2020, 12, 31))
        let unconfirmed = try #require(entries.first { $0.kind == .signal && $0.title == F.unconfirmedSignal.text })
        #expect(unconfirmed.isFlagged)
        #expect(unconfirmed.unconfirmedDays == 347)
        #expect(unconfirmed.status == "Ubekreftet")
        #expect(unconfirmed.detail.contains("347 dager"))
        let confirmed = try #require(entries.first { $0.kind == .signal && $0.title == F.confirmedSignal.text })
        #expect(!confirmed.isFlagged)
        #expect(confirmed.unconfirmedDays == nil)
        #expect(confirmed.detail.contains("Bekreftet 18.03.2020 i referat fra Etatsstyringsmøte 1/2020, punkt 1."))
    }

    @Test("a late incident is flagged with its time to notify; one in time is not")
    func incidents() throws {
        let entries = Self.log(from: day(2021, 1, 1), to: day(2021, 12, 31))
        // The New Year incident is dated in Oslo time, so it belongs to 2021.
        #expect(entries.map(\.title) == ["Nyttårsfeil i innlogging", "Uautorisert innlogging"])
        #expect(entries.map(\.date) == [day(2021, 1, 1), day(2021, 1, 27)])
        #expect(entries.map(\.isFlagged) == [false, true])
        #expect(entries.map(\.secondsToNotify) == [900, 12_600])
        #expect(entries.map(\.status) == ["Varslet i tide", "Varslet for sent"])
        try #require(entries.count == 2)
        #expect(entries[1].detail.contains("3 t 30 min"))
        let onTime = try #require(Self.log(from: day(2020, 9, 14), to: day(2020, 9, 14)).first)
        #expect(onTime.kind == .incident)
        #expect(!onTime.isFlagged)
        #expect(onTime.secondsToNotify == 1_800)
    }

    @Test("the period is inclusive at both ends and filters everything")
    func period() {
        #expect(Self.log(from: day(2020, 3, 1), to: day(2020, 3, 10)).map(\.kind) == [.signal, .actionItem, .decision])
        #expect(Self.log(from: day(2020, 3, 2), to: day(2020, 3, 9)).isEmpty)
        #expect(Self.log(from: day(2020, 12, 1), to: day(2020, 12, 31)).map(\.title) == ["IKT-konsolidering", "Mitt Oslo"])
    }

    @Test("decisions show whether the minutes are approved")
    func decisions() throws {
        var unapproved = F.dialogue
        unapproved.meetings = [F.formalMeeting]
        let entry = try #require(Self.log(unapproved, from: day(2020, 3, 10), to: day(2020, 3, 10)).first { $0.kind == .decision })
        #expect(entry.status == "Referat ikke godkjent")
        let approved = try #require(Self.log(from: day(2020, 3, 10), to: day(2020, 3, 10)).first { $0.kind == .decision })
        #expect(approved.status == "Vedtatt")
    }

    /// Reads semicolon-separated values with quoted fields, as a spreadsheet would.
    static func parseCSV(_ text: String) -> [[String]] {
        var scalars = Array(text.unicodeScalars)
        if let first = scalars.first, first == "\u{FEFF}" { scalars.removeFirst() }
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if quoted {
                if scalar == "\"" {
                    if index + 1 < scalars.count && scalars[index + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == ";" {
                row.append(field)
                field = ""
            } else if scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n" {
                row.append(field)
                rows.append(row)
                (row, field) = ([], "")
                index += 1
            } else {
                field.unicodeScalars.append(scalar)
            }
            index += 1
        }
        if !row.isEmpty || !field.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    @Test("CSV: byte-order mark, semicolons, quoted fields, no formulas")
    func csv() throws {
        func signal(_ id: Int64, _ text: String, _ givenOn: CalendarDate) -> SteeringSignal {
            SteeringSignal(id: id, organisationCode: "UKE", text: text, givenBy: "Frida Finans (FIN)", givenOn: givenOn, origin: .other,
                           place: "Telefon", recordedBy: "etatsstyrer@fin.styr.demo")
        }
        let dialogue = AgencyDialogue(
            organisationCode: "UKE", organisationName: "UKE", letters: [], assignmentUpdates: [], meetings: [],
            signals: [signal(1, "Prioriter A; ikke B", day(2020, 2, 20)), signal(2, "=SUM(A1:A9)", day(2020, 2, 21)),
                      signal(3, #"Han sa "nå" i møtet"#, day(2020, 2, 22))],
            notices: [F.lateIncident])
        let entries = Self.log(dialogue, from: day(2020, 1, 1), to: day(2021, 12, 31))
        #expect(entries.count == 4)
        let csv = GovernanceLog.csv(entries)
        #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(csv.hasSuffix("\r\n"))
        #expect(csv.contains(#""Prioriter A; ikke B""#))
        #expect(csv.contains(#""Han sa ""nå"" i møtet""#))
        #expect(!csv.contains(";=SUM"))

        let rows = Self.parseCSV(csv)
        #expect(rows.count == 5)
        #expect(rows.first == ["Dato", "Organisasjon", "Type", "Tittel", "Status", "Flagget", "Dager ubekreftet", "Minutter til varsel", "Detaljer"])
        try #require(rows.allSatisfy { $0.count == 9 })
        #expect(rows.joined().allSatisfy { field in !(field.first.map { "=+-@".contains($0) } ?? false) })
        try #require(rows.count == 5)
        #expect(Array(rows[1].prefix(8)) == ["20.02.2020", "UKE", "Styringssignal", "Prioriter A; ikke B", "Ubekreftet", "ja", "347", ""])
        #expect(rows[2][3] == "'=SUM(A1:A9)")
        #expect(rows[3][3] == #"Han sa "nå" i møtet"#)
        #expect(Array(rows[4].prefix(8)) == ["27.01.2021", "UKE", "Alvorlig hendelse", "Uautorisert innlogging", "Varslet for sent", "ja", "", "210"])
    }
}

// MARK: - Annual calendar

@Suite("Annual calendar")
struct AnnualCalendarTests {
    typealias F = DialogueFixture

    @Test("early in the year: issued letters, the letter's deadlines, the plan less the meetings held, action items")
    func earlyInYear() throws {
        let entries = AnnualCalendar.entries(for: F.dialogue, today: day(2020, 3, 1))
        #expect(entries.count == 12)
        #expect(entries.filter { $0.kind == .letter }.map(\.uid) == ["letter-UKE-2020-0", "letter-UKE-2020-1", "letter-UKE-2020-2"])
        let assignments = entries.filter { $0.kind == .assignmentDeadline }
        #expect(assignments.count == 3)
        #expect(assignments.first { $0.uid == "assignment-UKE-2020-mitt-oslo" }?.date == day(2020, 10, 1))
        #expect(!entries.contains { $0.uid.contains("hjemmekontor") })
        #expect(entries.filter { $0.kind == .reportDeadline }.map(\.date) == [day(2020, 5, 15), day(2021, 2, 15)])
        // The governance meeting of 10.03 took place: it is shown as the meeting, not as planned.
        #expect(entries.filter { $0.kind == .plannedMeeting }.map(\.date) == [day(2020, 2, 29), day(2020, 10, 13)])
        #expect(entries.filter { $0.kind == .meeting }.map(\.date) == [day(2020, 3, 10)])
        let action = try #require(entries.first { $0.kind == .actionItem })
        #expect(action.date == day(2020, 4, 15))
        #expect(action.uid == "action-2-2")
        #expect(entries.map(\.date) == entries.map(\.date).sorted())
        #expect(Set(entries.map(\.uid)).count == entries.count)
    }

    @Test("late in the year the supplements' changes show")
    func lateInYear() throws {
        let entries = AnnualCalendar.entries(for: F.dialogue, today: day(2020, 12, 31))
        #expect(entries.count == 15)
        let mittOslo = try #require(entries.first { $0.uid == "assignment-UKE-2020-mitt-oslo" })
        #expect(mittOslo.date == day(2020, 12, 15))
        #expect(mittOslo.detail.contains("Status: Fullført."))
        #expect(entries.first { $0.uid == "assignment-UKE-2020-ikt" }?.detail.contains("Status: Pågår.") == true)
        #expect(entries.contains { $0.uid == "assignment-UKE-2020-hjemmekontor" })
        #expect(entries.filter { $0.kind == .plannedMeeting }.map(\.date) == [day(2020, 2, 29), day(2020, 10, 13), day(2020, 11, 17)])
        #expect(entries.filter { $0.kind == .reportDeadline }.count == 3)
    }

    @Test("due within counts from today through today plus the days")
    func due() {
        let entries = AnnualCalendar.entries(for: F.dialogue, today: day(2020, 3, 1))
        #expect(AnnualCalendar.due(entries, within: 9, from: day(2020, 3, 1)).map(\.kind) == [.meeting])
        #expect(AnnualCalendar.due(entries, within: 8, from: day(2020, 3, 1)).isEmpty)
        #expect(AnnualCalendar.due(entries, within: 45, from: day(2020, 3, 1)).map(\.kind) == [.meeting, .letter, .actionItem])
        #expect(AnnualCalendar.due(entries, within: 0, from: day(2020, 2, 29)).map(\.kind) == [.plannedMeeting])
    }
}
