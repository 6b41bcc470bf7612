import Foundation
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The register of delegated authorities and a decision request, through the web.
@Suite("Authority pages")
struct AuthorityPageTests {
    static func masked(_ html: String) -> String {
        PageSnapshotTests.masked(html).replacingOccurrences(of: #"\d{2}\.\d{2}\.\d{4}"#, with: "DD.MM.ÅÅÅÅ", options: .regularExpression)
            .replacingOccurrences(of: #"value="\d{4}-\d{2}-\d{2}""#, with: #"value="ÅÅÅÅ-MM-DD""#, options: .regularExpression)
    }

    @Test("the register and one authority match their snapshots", arguments: [
        ("/organisasjoner/UKE/fullmakter", WebTests.finSteerer, "authorities-uke.html"),
        ("/organisasjoner/UKE/fullmakter/1", WebTests.editor, "authority-uke-1.html"),
        ("/organisasjoner/UKE/fullmakter/anmodninger/ny?fullmakt=1", WebTests.editor, "authority-request-new-uke.html"),
    ])
    func snapshot(path: String, email: String, name: String) async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let browser = try await Browser.login(client, email: email, password: passwords[email]!)
            let response = try await browser.get(path)
            #expect(response.status == .ok)
            try Snapshot.assert(Self.masked(String(buffer: response.body)), named: name)
        }
    }

    @Test("the agency drafts and sends a request, the department grants it, the register changes")
    func requestFlow() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            var response = try await editor.post("/organisasjoner/UKE/fullmakter/anmodninger/ny", form: [
                "_csrf": editor.csrfToken!, "fullmakt": "", "omfang": "Inngå avtaler om skytjenester.", "innehaver": "Etatsdirektør",
                "hjemmel_type": "notFormalised", "hjemmel": "", "begrensninger": "", "fra": "2025-01-01", "til": "", "begrunnelse": "",
            ])
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("Skriv hvorfor endringen legges fram"))
            response = try await editor.post("/organisasjoner/UKE/fullmakter/anmodninger/ny", form: [
                "_csrf": editor.csrfToken!, "fullmakt": "", "omfang": "Inngå avtaler om skytjenester.", "innehaver": "Etatsdirektør",
                "hjemmel_type": "notFormalised", "hjemmel": "", "begrensninger": "", "fra": "2025-01-01", "til": "",
                "begrunnelse": "Vesentlige virkninger for virksomhetene.",
            ])
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location]).components(separatedBy: "?")[0]
            let draft = try await editor.get(location)
            try Snapshot.assert(Self.masked(String(buffer: draft.body)), named: "authority-request-draft-uke.html")
            response = try await editor.post("\(location)/send", form: ["_csrf": editor.csrfToken!])
            #expect(response.status == .seeOther)
            response = try await editor.post("\(location)/send", form: ["_csrf": editor.csrfToken!])
            #expect(response.status == .unprocessableContent)
            let fin = try await Browser.login(client, email: WebTests.finSteerer, password: passwords[WebTests.finSteerer]!)
            response = try await fin.post("\(location)/avgjor", form: ["_csrf": fin.csrfToken!, "utfall": "granted", "vedtak": "Innvilget.", "dato": CalendarDateText.today])
            #expect(response.status == .seeOther)
            let register = String(buffer: try await fin.get("/organisasjoner/UKE/fullmakter").body)
            #expect(register.contains("Inngå avtaler om skytjenester.") && register.contains("Innvilget"))
            let blk = try await Browser.login(client, email: WebTests.blkSteerer, password: passwords[WebTests.blkSteerer]!)
            response = try await blk.post("/organisasjoner/UKE/fullmakter/ny", form: ["_csrf": blk.csrfToken!, "omfang": "x"])
            #expect(response.status == .forbidden)
        }
    }
}
