import Hummingbird
import HummingbirdTesting
import StyrTestSupport
import Testing

@testable import StyrWeb

@Suite("Chapters 4–6 and tracked item pages")
struct SpecialChaptersPageTests {
    @Test("the pages match their snapshots", arguments: [
        ("/organisasjoner/UKE/arsberetning/2020/kapittel-4-6", WebTests.editor, "special-chapters-uke-2020.html"),
        ("/organisasjoner/UKE/arsberetning/2021/kapittel-4-6", WebTests.auditor, "special-chapters-uke-2021-empty.html"),
        ("/organisasjoner/UKE/oppfolgingssaker", WebTests.finSteerer, "tracked-items-uke.html"),
    ])
    func snapshot(path: String, email: String, name: String) async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let browser = try await Browser.login(client, email: email, password: passwords[email]!)
            let response = try await browser.get(path)
            #expect(response.status == .ok)
            try Snapshot.assert(PageSnapshotTests.masked(String(buffer: response.body)), named: name)
        }
    }

    @Test("the agency fills a table; a share above 100 % and a bad line are refused beside the field")
    func editTables() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            let base = "/organisasjoner/UKE/arsberetning/2020/kapittel-4-6"
            var response = try await editor.post("\(base)/sykefravaer", form: ["_csrf": editor.csrfToken!, "sykefravaer": "Totalt; 7,5; 6,7; 104"])
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("en andel kan ikke være over 100 %"))
            response = try await editor.post("\(base)/heltid", form: ["_csrf": editor.csrfToken!, "heltid": "2020; mange"])
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("Linje 1: «mange» er ikke et helt tall"))
            response = try await editor.post("\(base)/sykefravaer", form: ["_csrf": editor.csrfToken!, "sykefravaer": "Totalt; 7,5; 6,7; 5,0"])
            #expect(response.status == .seeOther)
            let page = String(buffer: try await editor.get(base).body)
            #expect(page.contains("5,0 %"))
            #expect(page.contains("-1,7"))
            let auditor = try await Browser.login(client, email: WebTests.auditor, password: passwords[WebTests.auditor]!)
            response = try await auditor.post("\(base)/forklaring", form: ["_csrf": auditor.csrfToken!, "forklaring": "x"])
            #expect(response.status == .forbidden)
            let report = String(buffer: try await editor.get("/organisasjoner/UKE/arsberetning/2020").body)
            #expect(report.contains("Tabell 4.7.2. Kjønn og lønn") && report.contains("93,4 %") && report.contains("kapittel-4-6"))
        }
    }

    @Test("a tracked item is recorded and closed only with a reference")
    func trackedItems() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let fin = try await Browser.login(client, email: WebTests.finSteerer, password: passwords[WebTests.finSteerer]!)
            var response = try await fin.post("/organisasjoner/UKE/oppfolgingssaker/ny", form: [
                "_csrf": fin.csrfToken!, "kilde": "cityCouncil", "tittel": "Verbalvedtak 7", "dato": "2021-02-01", "tekst": "Lag en plan.",
                "ansvarlig": "Etatsdirektør", "tiltak": "", "status": "open",
            ])
            #expect(response.status == .seeOther)
            let list = String(buffer: try await fin.get("/organisasjoner/UKE/oppfolgingssaker").body)
            #expect(list.contains("Verbalvedtak 7"))
            response = try await fin.post("/organisasjoner/UKE/oppfolgingssaker/3/lukk", form: ["_csrf": fin.csrfToken!, "referanse": "", "lukket": "2021-03-01"])
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("En sak lukkes med en referanse"))
            response = try await fin.post("/organisasjoner/UKE/oppfolgingssaker/3/lukk", form: ["_csrf": fin.csrfToken!, "referanse": "Sak 21/7", "lukket": "2021-03-01"])
            #expect(response.status == .seeOther)
            #expect(String(buffer: try await fin.get("/organisasjoner/UKE/oppfolgingssaker").body).contains("Sak 21/7"))
        }
    }
}
