import Foundation
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// Optimistic locking through the pages: each edit form carries its record's version
/// (`_versjon`); the first save from it is stored, a second save from the same (now stale) form
/// is the 409 page with the Norwegian message, and the form then carries the new version.
@Suite("Stale forms")
struct StaleFormPageTests {
    /// GETs `path` (expects `_versjon` = `version`), POSTs `fields` to `action` twice with that version.
    static func stale(_ browser: Browser, form path: String, action: String? = nil, version: Int, fields: [String: String]) async throws {
        let page = String(buffer: try await browser.get(path).body)
        #expect(page.contains(#"name="_versjon" value="\#(version)""#), "\(path) carries version \(version)")
        let form = fields.merging(["_csrf": browser.csrfToken ?? "", "_versjon": String(version)]) { $1 }
        let first = try await browser.post(action ?? path, form: form)
        #expect(first.status == .seeOther, "\(path): the first save is stored")
        let second = try await browser.post(action ?? path, form: form)
        #expect(second.status == .conflict, "\(path): the stale form is a conflict")
        #expect(String(buffer: second.body).contains("Noen andre har lagret en endring her"), "\(path)")
        #expect(String(buffer: try await browser.get(path).body).contains(#"name="_versjon" value="\#(version + 1)""#), "\(path)")
    }

    @Test("goals, an indicator's target and result, and Dok. 3: a stale form is a 409 page", arguments: TestDatabase.backends)
    func staleForms(backend: TestDatabase) async throws {
        try await WebTestApp.run(backend) { client, passwords in
            let fin = try await Browser.login(client, email: WebTests.finSteerer, password: passwords[WebTests.finSteerer]!)
            try await Self.stale(fin, form: "/organisasjoner/UKE/mal/2021", version: 0, fields: ["handling": "nytt-omrade", "navn": "Grønne anskaffelser"])
            let key = "ehf-leverandorfakturaer"
            let definition = "/organisasjoner/UKE/indikatorer/2020/\(key)/maltall"
            var values: [String: String] = [:]
            for (name, value) in [("navn", "EHF-fakturaer"), ("enhet", "share"), ("retning", "higherIsBetter"), ("avviksregel", "percentagePoints"),
                                  ("desimaler", "1"), ("gul", "2"), ("rod", "5"), ("maltall", "90")] { values[name] = value }
            try await Self.stale(fin, form: definition, version: 0, fields: values)
            try await Self.stale(fin, form: "/organisasjoner/UKE/budsjett/2020/dok3", version: 0, fields: [:])

            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            try await Self.stale(editor, form: "/organisasjoner/UKE/indikatorer/2020/\(key)", version: 0,
                                 fields: ["resultat": "80,5", "kommentar": "Ny portal."])
        }
    }
}
