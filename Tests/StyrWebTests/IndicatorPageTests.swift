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
