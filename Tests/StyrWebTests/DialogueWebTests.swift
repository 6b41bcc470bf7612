import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import StyrDomain
import StyrDemo
import StyrStorage
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The governance dialogue through the pages, as the department and the agency use it.
@Suite("Governance dialogue pages")
struct DialogueWebTests {
    static let fin = WebTests.finSteerer, blk = WebTests.blkSteerer, editor = WebTests.editor, leader = WebTests.leader
    static let auditor = WebTests.auditor

    static func body(_ response: TestResponse) -> String { String(buffer: response.body) }

    @Test("the letter as in force before and after the supplement, with what the supplement changed", arguments: TestDatabase.backends)
    func letterInForce(backend: TestDatabase) async throws {
        try await WebTestApp.run(backend) { client, passwords in
            let browser = try await Browser.login(client, email: Self.auditor, password: passwords[Self.auditor]!)
            let before = Self.body(try await browser.get("/organisasjoner/UKE/tildelingsbrev/2020?dato=2020-03-01"))
            #expect(before.contains("Viser brevet slik det gjaldt 01.03.2020"))
            #expect(before.contains("Frist: <strong>01.10.2020</strong>"))
            #expect(!before.contains("Digitale løsninger for hjemmekontor"))
            #expect(!before.contains("Supplerende tildelingsbrev nr. 1 2020 – koronasituasjonen</h3>"))
            #expect(before.contains("Senere supplerende brev"))
            let after = Self.body(try await browser.get("/organisasjoner/UKE/tildelingsbrev/2020?dato=2020-05-01"))
            #expect(after.contains("med 1 supplerende tildelingsbrev"))
            #expect(after.contains("Frist: <strong>15.12.2020</strong>"))
            #expect(!after.contains("Frist: <strong>01.10.2020</strong>"))
            #expect(after.contains("Digitale løsninger for hjemmekontor og samhandling"))
            #expect(after.contains("Frist flyttet fra 01.10.2020 til 15.12.2020."))
            // The frame is the stored Dok. 3: 845 550 000 − 451 724 000 = 393 826 000.
            #expect(after.contains("<td class=\"num\">393 826 000</td>"))
            let early = try await browser.get("/organisasjoner/UKE/tildelingsbrev/2020?dato=2020-01-01")
            #expect(early.status == .notFound)
            #expect(Self.body(early).contains("ble utstedt 20.01.2020 og gjaldt ikke 01.01.2020"))
            #expect(try await browser.get("/organisasjoner/UKE/tildelingsbrev/2020?dato=1.1.20").status == .badRequest)
        }
    }

    @Test("an unconfirmed signal stands on both start pages until approved formal minutes confirm it", arguments: TestDatabase.backends)
    func signalConfirmation(backend: TestDatabase) async throws {
        try await WebTestApp.run(backend) { client, passwords in
            let fin = try await Browser.login(client, email: Self.fin, password: passwords[Self.fin]!)
            let leader = try await Browser.login(client, email: Self.leader, password: passwords[Self.leader]!)
            let signal = "UKE bør utsette oppgraderingen av sakarkivsystemet til høsten."
            for browser in [fin, leader] {
                let home = Self.body(try await browser.get("/"))
                #expect(home.contains("Ubekreftede styringssignaler"))
                #expect(home.contains(signal))
            }
            // The department records a formal meeting whose minutes take the signal up.
            let created = try await fin.post("/organisasjoner/UKE/moter/ny", form: [
                "_csrf": fin.csrfToken!, "tittel": "Etatsstyringsmøte 2/2021", "type": "governance", "dato": "2021-04-13",
                "deltakere": "Frida Finans\nLine Leder", "tema_risk": "ja", "dagsorden": "Sakarkiv", "referat": "Sakarkivsystemet ble drøftet.",
                "punkter": "1 | beslutning | Oppgraderingen av sakarkivsystemet utsettes til høsten.",
            ])
            #expect(created.status == .seeOther)
            let location = try #require(created.headers[.location])
            let meetingPath = String(location.prefix { $0 != "?" })
            let meetingID = try #require(meetingPath.split(separator: "/").last.map(String.init))
            // Pointing at minutes that are not approved by both sides is refused, and nothing changes.
            let signalsPage = Self.body(try await fin.get("/organisasjoner/UKE/signaler"))
            let confirmPath = try #require(signalsPage.range(of: #"/organisasjoner/UKE/signaler/\d+/bekreft"#, options: .regularExpression)
                .map { String(signalsPage[$0]) })
            let refused = try await fin.post(confirmPath, form: ["_csrf": fin.csrfToken!, "bekreftelse": "mote:\(meetingID):1"])
            #expect(refused.status == .unprocessableContent)
            #expect(Self.body(refused).contains("er ikke godkjent av begge parter ennå"))
            #expect(Self.body(try await leader.get("/")).contains(signal))
            // Both sides approve; the agency cannot approve for the department.
            #expect(try await leader.post("\(meetingPath)/godkjenn", form: ["_csrf": leader.csrfToken!, "side": "department"]).status == .forbidden)
            #expect(try await fin.post("\(meetingPath)/godkjenn", form: ["_csrf": fin.csrfToken!, "side": "department"]).status == .seeOther)
            #expect(try await leader.post("\(meetingPath)/godkjenn", form: ["_csrf": leader.csrfToken!, "side": "agency"]).status == .seeOther)
            #expect(Self.body(try await fin.get(meetingPath)).contains("Godkjent av begge parter"))
            // Approved minutes are locked.
            let locked = try await fin.post("\(meetingPath)/rediger", form: [
                "_csrf": fin.csrfToken!, "tittel": "Endret", "type": "governance", "dato": "2021-04-13", "punkter": "",
            ])
            #expect(locked.status == .conflict)
            #expect(Self.body(try await fin.get(meetingPath)).contains("Etatsstyringsmøte 2/2021"))
            let confirmed = try await fin.post(confirmPath, form: ["_csrf": fin.csrfToken!, "bekreftelse": "mote:\(meetingID):1"])
            #expect(confirmed.status == .seeOther)
            for browser in [fin, leader] {
                #expect(!Self.body(try await browser.get("/")).contains(signal))
            }
            #expect(Self.body(try await fin.get("/organisasjoner/UKE/signaler")).contains("referat fra Etatsstyringsmøte 2/2021, punkt 1"))
        }
    }

    @Test("the late incident is flagged in the governance log as HTML, CSV and JSON", arguments: TestDatabase.backends)
    func governanceLog(backend: TestDatabase) async throws {
        try await WebTestApp.run(backend) { client, passwords in
            let browser = try await Browser.login(client, email: Self.auditor, password: passwords[Self.auditor]!)
            let query = "fra=2020-01-01&til=2021-12-31"
            let html = Self.body(try await browser.get("/organisasjoner/UKE/styringslogg?\(query)"))
            #expect(html.contains("3 t 30 min fra oppdagelse til varsel (grense 1 t)"))
            #expect(html.contains(#"<span class="status status-red">Varslet for sent</span>"#))
            #expect(html.contains("30 min fra oppdagelse til varsel"))
            let json = try await browser.get("/organisasjoner/FIN/styringslogg?\(query)&format=json")
            #expect(json.headers[.contentType]?.hasPrefix("application/json") == true)
            struct Log: Decodable {
                struct Entry: Decodable { var kind: String; var title: String; var flagged: Bool; var secondsToNotify: Int?; var unconfirmedDays: Int? }
                var entries: [Entry]
            }
            let log = try JSONDecoder().decode(Log.self, from: Data(buffer: json.body))
            let incidents = log.entries.filter { $0.kind == "incident" }
            #expect(incidents.map(\.secondsToNotify) == [30 * 60, 3 * 3600 + 30 * 60])
            #expect(incidents.map(\.flagged) == [false, true])
            let signals = log.entries.filter { $0.kind == "signal" }
            #expect(signals.map(\.flagged) == [false, true])
            #expect(signals.last?.unconfirmedDays == CalendarDate.today().days(since: CalendarDate(year: 2021, month: 3, day: 9)))
            let csv = Self.body(try await browser.get("/organisasjoner/UKE/styringslogg?\(query)&format=csv"))
            #expect(csv.hasPrefix("\u{FEFF}Dato;Organisasjon;Type;Tittel;Status;Flagget"))
            #expect(csv.contains("27.01.2021;UKE;Alvorlig hendelse;Uautorisert innlogging i felles påloggingsløsning;Varslet for sent;ja;;210;"))
            // A period that ends before it begins is refused.
            #expect(try await browser.get("/organisasjoner/UKE/styringslogg?fra=2021-01-01&til=2020-01-01&format=csv").status == .badRequest)
        }
    }

    @Test("role rules: each side writes only its own records", arguments: TestDatabase.backends)
    func roles(backend: TestDatabase) async throws {
        try await WebTestApp.run(backend) { client, passwords in
            let fin = try await Browser.login(client, email: Self.fin, password: passwords[Self.fin]!)
            let blk = try await Browser.login(client, email: Self.blk, password: passwords[Self.blk]!)
            let editor = try await Browser.login(client, email: Self.editor, password: passwords[Self.editor]!)
            let auditor = try await Browser.login(client, email: Self.auditor, password: passwords[Self.auditor]!)
            let meeting = ["tittel": "Møte", "type": "governance", "dato": "2021-05-01"]
            #expect(try await editor.post("/organisasjoner/UKE/moter/ny", form: meeting.merging(["_csrf": editor.csrfToken!]) { $1 }).status == .forbidden)
            #expect(try await auditor.post("/organisasjoner/UKE/moter/ny", form: meeting.merging(["_csrf": auditor.csrfToken!]) { $1 }).status == .forbidden)
            #expect(try await blk.post("/organisasjoner/UKE/moter/ny", form: meeting.merging(["_csrf": blk.csrfToken!]) { $1 }).status == .forbidden)
            #expect(try await blk.get("/organisasjoner/UKE/tildelingsbrev/2020").status == .forbidden, "BLK does not steer UKE")
            let notice = ["tittel": "Spørsmål", "sporsmal": "Hva gjelder?", "handling": "send"]
            #expect(try await fin.post("/organisasjoner/UKE/meldinger/ny/avklaring", form: notice.merging(["_csrf": fin.csrfToken!]) { $1 }).status == .forbidden)
            let sent = try await editor.post("/organisasjoner/UKE/meldinger/ny/avklaring", form: notice.merging(["_csrf": editor.csrfToken!]) { $1 })
            #expect(sent.status == .seeOther)
            let sentLocation = try #require(sent.headers[.location])
            // «Meldingen er sendt til byrådsavdelingen.» percent-encoded as UTF-8 (a header holds ASCII only), with the
            // server's receipt, so that only this session shows it.
            #expect(sentLocation.contains("?lagret=Meldingen%20er%20sendt%20til%20byr%C3%A5dsavdelingen.&kvittering="))
            let onlyASCII = sentLocation.unicodeScalars.allSatisfy { $0.isASCII }
            #expect(onlyASCII)
            #expect(Self.body(try await editor.get(sentLocation)).contains(#"<p class="notice" role="status">Meldingen er sendt til byrådsavdelingen.</p>"#))
            let noticePath = String(sentLocation.prefix { $0 != "?" })
            // The agency cannot answer; nor edit what it has sent. The department answers once.
            #expect(try await editor.post("\(noticePath)/svar", form: ["_csrf": editor.csrfToken!, "svar": "Selvsvar"]).status == .forbidden)
            let edit = try await editor.post("\(noticePath)/rediger", form: notice.merging(["_csrf": editor.csrfToken!, "tittel": "Endret"]) { $1 })
            #expect(edit.status == .unprocessableContent)
            #expect(Self.body(edit).contains("kan ikke endres"))
            #expect(try await fin.post("\(noticePath)/svar", form: ["_csrf": fin.csrfToken!, "svar": "Det gjelder hele året."]).status == .seeOther)
            let again = try await fin.post("\(noticePath)/svar", form: ["_csrf": fin.csrfToken!, "svar": "Igjen"])
            #expect(again.status == .unprocessableContent)
            let shown = Self.body(try await auditor.get(noticePath))
            #expect(shown.contains("Det gjelder hele året.") && shown.contains("Spørsmål") && !shown.contains("Igjen"))
            // Department drafts of letters are not for the agency to edit.
            #expect(try await editor.get("/organisasjoner/UKE/tildelingsbrev/2022/rediger").status == .forbidden)
            // Dialogue records belong to agencies.
            #expect(try await fin.get("/organisasjoner/FIN/moter").status == .notFound)
        }
    }

    @Test("bad input is refused with a message and nothing changes", arguments: TestDatabase.backends)
    func badInput(backend: TestDatabase) async throws {
        try await WebTestApp.run(backend) { client, passwords in
            let fin = try await Browser.login(client, email: Self.fin, password: passwords[Self.fin]!)
            let leader = try await Browser.login(client, email: Self.leader, password: passwords[Self.leader]!)
            let noticesBefore = Self.body(try await fin.get("/organisasjoner/UKE/meldinger"))
            let incident = try await leader.post("/organisasjoner/UKE/meldinger/ny/hendelse", form: [
                "_csrf": leader.csrfToken!, "tittel": "Nedetid", "system": "E-post", "beskrivelse": "Borte",
                "inntraff": "2021-05-01T08:00", "oppdaget": "2021-05-01T09:00", "varslet": "2021-05-01T08:30", "handling": "send",
            ])
            #expect(incident.status == .unprocessableContent)
            #expect(Self.body(incident).contains("Varslingstidspunktet (01.05.2021 08:30) kan ikke være før hendelsen ble oppdaget (01.05.2021 09:00)."))
            #expect(Self.body(incident).contains(#"value="2021-05-01T08:30""#), "typed input is kept")
            #expect(Self.body(try await fin.get("/organisasjoner/UKE/meldinger")) == noticesBefore)

            let letterBefore = Self.body(try await fin.get("/organisasjoner/UKE/tildelingsbrev/2020?dato=2020-12-31"))
            let supplement = try await fin.post("/organisasjoner/UKE/tildelingsbrev/2020/tillegg", form: [
                "_csrf": fin.csrfToken!, "tittel": "Supplerende tildelingsbrev nr. 2", "dato": "2020-08-01",
                "oppdrag": "nytt | Nytt oppdrag | 15.01.2021 | I årsberetningen | Beskrivelse",
            ])
            #expect(supplement.status == .unprocessableContent)
            #expect(Self.body(supplement).contains("Fristen for «Nytt oppdrag» (15.01.2021) er utenfor brevets år 2020."))
            let badLine = try await fin.post("/organisasjoner/UKE/tildelingsbrev/2020/tillegg", form: [
                "_csrf": fin.csrfToken!, "tittel": "Nr. 2", "dato": "2020-08-01",
                "oppdrag": "a | Et oppdrag | 01.09.2020 | Rapport | Tekst\nb | Et annet | 31.09.2020 | Rapport | Tekst",
            ])
            #expect(Self.body(badLine).contains("Særskilte oppdrag, linje 2: fristen «31.09.2020» er ikke en gyldig dato (DD.MM.ÅÅÅÅ)."))
            #expect(Self.body(try await fin.get("/organisasjoner/UKE/tildelingsbrev/2020?dato=2020-12-31")) == letterBefore)

            // A valid supplement is issued and shows in the letter from its date.
            let issued = try await fin.post("/organisasjoner/UKE/tildelingsbrev/2020/tillegg", form: [
                "_csrf": fin.csrfToken!, "tittel": "Supplerende tildelingsbrev nr. 2 2020", "dato": "2020-08-01",
                "trekk_oppdrag": "ikt-konsolidering",
            ])
            #expect(issued.status == .seeOther)
            let later = Self.body(try await fin.get("/organisasjoner/UKE/tildelingsbrev/2020?dato=2020-12-31"))
            #expect(later.contains("Oppdraget «Plan for konsolidering av etatenes IKT-miljøer» trukket tilbake."))
            #expect(!later.contains("id=\"oppdrag-ikt-konsolidering\""))
        }
    }

    @Test("next year's letter starts from this year's: open assignments carried a year on, done ones left out")
    func draftFromLastYear() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let fin = try await Browser.login(client, email: Self.fin, password: passwords[Self.fin]!)
            let created = try await fin.post("/organisasjoner/UKE/tildelingsbrev/2022/utkast", form: ["_csrf": fin.csrfToken!, "grunnlag": "forrige"])
            #expect(created.status == .seeOther)
            #expect(created.headers[.location] == "/organisasjoner/UKE/tildelingsbrev/2022/rediger")
            let form = Self.body(try await fin.get("/organisasjoner/UKE/tildelingsbrev/2022/rediger"))
            #expect(form.contains("ikt-konsolidering | Plan for konsolidering av etatenes IKT-miljøer | 01.12.2022"))
            #expect(!form.contains("seriositet |"), "done in 2020, so not carried into 2021 and not into 2022")
            #expect(form.contains("Årsberetning | 2022 | 15.02.2023"))
            // The agency sees no draft; the department issues it.
            let editor = try await Browser.login(client, email: Self.editor, password: passwords[Self.editor]!)
            #expect(try await editor.get("/organisasjoner/UKE/tildelingsbrev/2022").status == .notFound)
            #expect(try await fin.post("/organisasjoner/UKE/tildelingsbrev/2022/utsted", form: ["_csrf": fin.csrfToken!, "dato": "2022-01-18"]).status == .seeOther)
            #expect(Self.body(try await editor.get("/organisasjoner/UKE/tildelingsbrev/2022?dato=2022-02-01")).contains("Utstedt 18.01.2022"))
            // An issued letter is not edited.
            #expect(try await fin.get("/organisasjoner/UKE/tildelingsbrev/2022/rediger").status == .notFound)
        }
    }

    @Test("the calendar feed is read with its secret token; a renewed token replaces the old one")
    func calendarFeed() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let editor = try await Browser.login(client, email: Self.editor, password: passwords[Self.editor]!)
            func feedURL(_ response: TestResponse) throws -> String {
                let html = Self.body(response)
                let range = try #require(html.range(of: #"/kalender/[A-Za-z0-9_-]+\.ics"#, options: .regularExpression))
                return String(html[range])
            }
            let first = try feedURL(try await editor.post("/kalender/forny", form: ["_csrf": editor.csrfToken!]))
            let anonymous = Browser(client: client)
            let feed = try await anonymous.get(first)
            #expect(feed.status == .ok)
            #expect(feed.headers[.contentType] == "text/calendar; charset=utf-8")
            let ics = Self.body(feed)
            #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
            #expect(ics.contains("UID:assignment-UKE-2020-mitt-oslo@styr"))
            #expect(ics.contains("DTSTART;VALUE=DATE:20201215"))
            let second = try feedURL(try await editor.post("/kalender/forny", form: ["_csrf": editor.csrfToken!]))
            #expect(second != first)
            #expect(try await anonymous.get(first).status == .notFound)
            #expect(try await anonymous.get(second).status == .ok)
            #expect(try await anonymous.get("/kalender/feil.ics").status == .notFound)
            // Renewing needs the session's CSRF token.
            #expect(try await editor.post("/kalender/forny", form: [:]).status == .forbidden)
        }
    }

    @Test("assignment status is reported by the agency and shown in the letter")
    func assignmentStatus() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let editor = try await Browser.login(client, email: Self.editor, password: passwords[Self.editor]!)
            let fin = try await Browser.login(client, email: Self.fin, password: passwords[Self.fin]!)
            let path = "/organisasjoner/UKE/tildelingsbrev/2021/oppdrag/ikt-konsolidering"
            #expect(try await fin.post(path, form: ["_csrf": fin.csrfToken!, "status": "done", "dato": "2021-06-01", "kommentar": "x"]).status == .forbidden)
            let empty = try await editor.post(path, form: ["_csrf": editor.csrfToken!, "status": "done", "dato": "2021-06-01", "kommentar": ""])
            #expect(empty.status == .unprocessableContent)
            #expect(try await editor.post(path, form: ["_csrf": editor.csrfToken!, "status": "done", "dato": "2021-06-01", "kommentar": "Planen er lagt frem."]).status == .seeOther)
            let letter = Self.body(try await fin.get("/organisasjoner/UKE/tildelingsbrev/2021"))
            #expect(letter.contains("01.06.2021: Fullført – Planen er lagt frem."))
        }
    }
}
