import StyrDomain
import Testing

/// The line formats of the letter and minutes forms, as browsers send them (CRLF line ends).
@Suite("Letter and minutes text")
struct DialogueTextTests {
    @Test("letter lists parse with CRLF and LF line ends alike, and round-trip through their text form")
    func letterLists() throws {
        let text = "10.03.2022 | etatsstyringsmøte | Etatsstyringsmøte 1/2022\r\n\r\n09.06.2022 | fagmøte | Fagmøte om drift\r\n"
        let content = try LetterText.content([.meetingPlan: text, .frames: "125 | 845 550 000,50 | −451 724 000"]).get()
        #expect(content.meetingPlan.map(\.title) == ["Etatsstyringsmøte 1/2022", "Fagmøte om drift"])
        #expect(content.meetingPlan.map(\.kind) == [.governance, .professional])
        #expect(content.frames == [BudgetFrame(chapter: 125, expenses: Money(ore: 84_555_000_050), revenues: Money(ore: -45_172_400_000))])
        let again = try LetterText.content([.meetingPlan: LetterText.text(content, .meetingPlan), .frames: LetterText.text(content, .frames)]).get()
        #expect(again == content)
    }

    @Test("a wrong line is named by list, line number and field")
    func wrongLine() {
        let result = LetterText.content([.assignments: "a | A | 01.09.2020 | Rapport | Tekst\r\nb | B | 31.09.2020 | Rapport | Tekst"])
        guard case .failure(let errors) = result else { Issue.record("expected a failure"); return }
        #expect(errors["assignments"] == "Særskilte oppdrag, linje 2: fristen «31.09.2020» er ikke en gyldig dato (DD.MM.ÅÅÅÅ).")
        #expect(LetterText.kroner("12 345,5") == Money(ore: 1_234_550))
        #expect(LetterText.kroner("1,234") == nil)
        #expect(LetterText.kroner("abc") == nil)
    }

    @Test("minutes items parse with CRLF line ends; action items need known statuses and valid deadlines")
    func minutesItems() throws {
        let items = try MeetingText.items("1 | beslutning | Vi gjør det\r\n2 | oppfølgingspunkt | Send notat | UKE | 15.04.2020 | pågår").get()
        #expect(items.count == 2)
        #expect(items[1] == MeetingItem(number: 2, kind: .actionItem, text: "Send notat", owner: "UKE",
                                        deadline: CalendarDate(year: 2020, month: 4, day: 15), status: .inProgress))
        #expect(try MeetingText.items(MeetingText.text(items)).get() == items)
        guard case .failure(let errors) = MeetingText.items("1 | beslutning | A\r\nto | beslutning | B") else {
            Issue.record("a number that is not a number must be refused"); return
        }
        #expect(errors["items"] == "Punkter, linje 2: nummeret «to» er ikke et heltall.")
        #expect(MeetingText.lines("a\r\n\r\nb\n") == ["a", "b"])
    }
}
