import Foundation
import HTTPTypes
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The indicator pages and the year dashboard: snapshots of each template (the forms also with
/// their errors), the confirmation after saving, and the year without a budget.
@Suite("Indicator pages")
struct IndicatorPageTests {
    static let definitionForm = [
        "navn": "Andel saker besvart innen fristen", "enhet": "share", "retning": "higherIsBetter",
        "avviksregel": "percentagePoints", "maltall": "95", "desimaler": "1", "gul": "3", "rod": "2", "malomrade": "",
    ]

    static func assertPage(_ response: TestResponse, status: HTTPResponse.Status = .ok, named name: String) throws {
        #expect(response.status == status, "\(name)")
        #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(name)")
        try Snapshot.assert(PageSnapshotTests.masked(String(buffer: response.body)), named: name)
    }

    @Test("the definition form, new and with a target, and its errors match their snapshots")
    func definitionSnapshots() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let steerer = try await Browser.login(client, email: WebTests.finSteerer, password: passwords[WebTests.finSteerer]!)
            try Self.assertPage(try await steerer.get("/organisasjoner/UKE/indikatorer/2020/ny"), named: "indicator-definition-new.html")
            try Self.assertPage(try await steerer.get("/organisasjoner/UKE/indikatorer/2020/ehf-leverandorfakturaer/maltall"),
                                named: "indicator-definition-uke-2020.html")
            var form = Self.definitionForm.merging(["_csrf": steerer.csrfToken!]) { $1 }
            form["maltall"] = "120"
            form["desimaler"] = "7"
            form["malomrade"] = String(repeating: "m", count: 301)
            try Self.assertPage(try await steerer.post("/organisasjoner/UKE/indikatorer/2020/ny", form: form), status: .unprocessableContent,
                                named: "indicator-definition-errors.html")
        }
    }

    @Test("a year without a budget says so on the dashboard, with no avvik against 0", arguments: TestDatabase.backends)
    func dashboardWithoutBudget(backend: TestDatabase) async throws {
        try await WebTestApp.run(backend) { client, passwords in
            let browser = try await Browser.login(client, email: WebTests.admin, password: passwords[WebTests.admin]!)
            let response = try await browser.get("/organisasjoner/UKE/ar/2019")
            let body = String(buffer: response.body)
            #expect(body.contains("Det er ikke registrert noe budsjett for kap. 125 Utviklings- og kompetanseetaten i 2019"))
            #expect(body.contains("Nettoresultatet i regnskapet er 334 232 140 kr."))
            #expect(!body.contains("merforbruk") && !body.contains("-334 232 140"))
            if backend == .sqlite { try Self.assertPage(response, named: "dashboard-uke-2019.html") }
            let later = String(buffer: try await browser.get("/organisasjoner/UKE/ar/2021").body)
            #expect(later.contains("Det er ingen regnskapstall for 2021 ennå."))
            #expect(try await browser.get("/organisasjoner/UKE/ar/1850").status == .badRequest)
            #expect(try await browser.get("/organisasjoner/UKE/indikatorer/1850").status == .badRequest)
        }
    }

    @Test("saving shows the server's confirmation; a ?lagret= typed into the address shows nothing")
    func confirmation() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            let forged = String(buffer: try await editor.get("/organisasjoner/UKE/indikatorer/2020?lagret=Ring%20800%2012%20345").body)
            #expect(!forged.contains("800 12 345") && !forged.contains(#"class="notice""#))
            let saved = try await editor.post("/organisasjoner/UKE/indikatorer/2020/ehf-leverandorfakturaer", form: ["_csrf": editor.csrfToken!, "resultat": "93"])
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers[.location])
            #expect(location.hasPrefix("/organisasjoner/UKE/indikatorer/2020?lagret=") && location.contains("&kvittering="))
            let shown = String(buffer: try await editor.get(location).body)
            #expect(shown.contains(#"<p class="notice" role="status">Lagret: Andel leverandørfakturaer i EHF-format.</p>"#))
            let steerer = try await Browser.login(client, email: WebTests.finSteerer, password: passwords[WebTests.finSteerer]!)
            let defined = try await steerer.post(
                "/organisasjoner/UKE/indikatorer/2020/ny", form: Self.definitionForm.merging(["_csrf": steerer.csrfToken!, "rod": "6"]) { $1 })
            #expect(defined.status == .seeOther)
            let list = String(buffer: try await steerer.get(try #require(defined.headers[.location])).body)
            #expect(list.contains(#"<p class="notice" role="status">Lagret: Andel saker besvart innen fristen.</p>"#))
        }
    }

    @Test("the result form with its errors matches its snapshot")
    func resultFormErrors() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            let response = try await editor.post("/organisasjoner/UKE/indikatorer/2020/ehf-leverandorfakturaer", form: [
                "_csrf": editor.csrfToken!, "resultat": "80,5", "ikke_malt": String(repeating: "x", count: 4001),
            ])
            try Self.assertPage(response, status: .unprocessableContent, named: "indicator-form-errors.html")
        }
    }
}
