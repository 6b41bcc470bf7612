import Foundation
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The goals page, the annual report's texts and the mission statement's draft, through the web.
@Suite("Goals, texts and mission draft pages")
struct GoalsPageTests {
    @Test("the pages match their snapshots", arguments: [
        ("/organisasjoner/UKE/mal/2020", WebTests.finSteerer, "goals-uke-2020.html"),
        ("/organisasjoner/UKE/mal/2021", WebTests.auditor, "goals-uke-2021-empty.html"),
        ("/organisasjoner/UKE/arsberetning/2020/tekster", WebTests.editor, "annual-report-texts-uke-2020.html"),
        ("/organisasjoner/UKE/arsberetning/2020/tekster", WebTests.auditor, "annual-report-texts-uke-2020-read-only.html"),
        ("/organisasjoner/UKE/samfunnsoppdrag/ny", WebTests.finSteerer, "mission-new-uke.html"),
    ])
    func snapshot(path: String, email: String, name: String) async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let browser = try await Browser.login(client, email: email, password: passwords[email]!)
            let response = try await browser.get(path)
            #expect(response.status == .ok)
            try Snapshot.assert(PageSnapshotTests.masked(String(buffer: response.body)), named: name)
        }
    }

    @Test("the department adds a goal area and a goal; a refusal is shown on the page")
    func editGoals() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let fin = try await Browser.login(client, email: WebTests.finSteerer, password: passwords[WebTests.finSteerer]!)
            var response = try await fin.post("/organisasjoner/UKE/mal/2021", form: ["_csrf": fin.csrfToken!, "handling": "nytt-omrade", "navn": "Grønne anskaffelser"])
            #expect(response.status == .seeOther)
            response = try await fin.post("/organisasjoner/UKE/mal/2021", form: [
                "_csrf": fin.csrfToken!, "handling": "nytt-mal", "omrade": "Grønne anskaffelser", "tekst": "Mindre utslipp",
            ])
            #expect(response.status == .seeOther)
            response = try await fin.post("/organisasjoner/UKE/mal/2021", form: ["_csrf": fin.csrfToken!, "handling": "nytt-omrade", "navn": "grønne anskaffelser"])
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("Målområdet «grønne anskaffelser» finnes allerede dette året."))
            let page = String(buffer: try await fin.get("/organisasjoner/UKE/mal/2021").body)
            #expect(page.contains("Grønne anskaffelser") && page.contains("Mindre utslipp"))
            let auditor = try await Browser.login(client, email: WebTests.auditor, password: passwords[WebTests.auditor]!)
            response = try await auditor.post("/organisasjoner/UKE/mal/2021", form: ["_csrf": auditor.csrfToken!, "handling": "nytt-omrade", "navn": "X"])
            #expect(response.status == .forbidden)
        }
    }

    @Test("the agency writes the leader's report and the annual report shows it")
    func writeText() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            let response = try await editor.post("/organisasjoner/UKE/arsberetning/2020/tekster/leders-beretning", form: [
                "_csrf": editor.csrfToken!, "tekst": "Et år med omstilling.",
            ])
            #expect(response.status == .seeOther)
            let report = String(buffer: try await editor.get("/organisasjoner/UKE/arsberetning/2020").body)
            #expect(report.contains("Et år med omstilling.") && report.contains("/organisasjoner/UKE/arsberetning/2020/tekster"))
        }
    }

    @Test("a draft of the mission statement is started, edited and fixed through the pages")
    func missionDraft() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let fin = try await Browser.login(client, email: WebTests.finSteerer, password: passwords[WebTests.finSteerer]!)
            var response = try await fin.post("/organisasjoner/UKE/samfunnsoppdrag/ny", form: ["_csrf": fin.csrfToken!, "utloser": "other", "utloser_tekst": ""])
            #expect(response.status == .unprocessableContent)
            response = try await fin.post("/organisasjoner/UKE/samfunnsoppdrag/ny", form: ["_csrf": fin.csrfToken!, "utloser": "changedRules", "utloser_tekst": "Nytt reglement"])
            #expect(response.status == .seeOther)
            let draftPage = try await fin.get("/organisasjoner/UKE/samfunnsoppdrag/ny")
            #expect(draftPage.status == .ok)
            try Snapshot.assert(PageSnapshotTests.masked(String(buffer: draftPage.body)), named: "mission-draft-uke.html")
            response = try await fin.post("/organisasjoner/UKE/samfunnsoppdrag/ny/fastsett", form: ["_csrf": fin.csrfToken!, "dato": CalendarDateText.today])
            #expect(response.status == .seeOther)
            let mission = String(buffer: try await fin.get("/organisasjoner/UKE/samfunnsoppdrag").body)
            #expect(mission.contains("Revidert fordi: Endringer i regelverk, instrukser eller retningslinjer: Nytt reglement."))
        }
    }
}

enum CalendarDateText {
    static var today: String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "Europe/Oslo")
        return formatter.string(from: Date())
    }
}
