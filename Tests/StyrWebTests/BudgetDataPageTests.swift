import Foundation
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The budget data pages: chapters, Dok. 3, revisions, investment projects and staffing, their
/// snapshots, a refused grid and who may open the forms.
@Suite("Budget data pages")
struct BudgetDataPageTests {
    static func masked(_ html: String) -> String {
        PageSnapshotTests.masked(html)
            .replacingOccurrences(of: #"/budsjett/20[2-9]\d/"#, with: "/budsjett/ÅR/", options: .regularExpression)
    }

    @Test("the budget data pages match their snapshots", arguments: [
        ("/organisasjoner/UKE/kapitler", "chapters-uke.html"), ("/organisasjoner/UKE/budsjett/2020/dok3", "budget-dok3-uke-2020.html"),
        ("/organisasjoner/UKE/budsjett/2020/revisjoner", "revisions-uke-2020.html"),
        ("/organisasjoner/UKE/budsjett/2031/revisjoner", "revisions-uke-2031-empty.html"),
        ("/organisasjoner/UKE/budsjett/2020/prosjekter", "projects-uke-2020.html"),
        ("/organisasjoner/UKE/budsjett/2031/prosjekter", "projects-uke-2031-empty.html"), ("/organisasjoner/UKE/bemanning", "staffing-uke.html"),
    ])
    func snapshot(path: String, name: String) async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let browser = try await Browser.login(client, email: WebTests.finSteerer, password: passwords[WebTests.finSteerer]!)
            let response = try await browser.get(path)
            #expect(response.status == .ok, "\(path)")
            try Snapshot.assert(Self.masked(String(buffer: response.body)), named: name)
        }
    }

    @Test("a refused Dok. 3 grid shows each error beside its cell; a revision saved from the form shows on the budget page")
    func forms() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let fin = try await Browser.login(client, email: WebTests.finSteerer, password: passwords[WebTests.finSteerer]!)
            let refused = try await fin.post("/organisasjoner/UKE/budsjett/2020/dok3", form: [
                "_csrf": fin.csrfToken!, "b_125_drift_000": "562.864", "b_125_drift_100": "1 000 000",
            ])
            #expect(refused.status == .unprocessableContent)
            try Snapshot.assert(Self.masked(String(buffer: refused.body)), named: "budget-dok3-errors.html")

            let saved = try await fin.post("/organisasjoner/UKE/budsjett/2020/revisjoner/ny", form: [
                "_csrf": fin.csrfToken!, "kapittel": "125", "art": "drift", "referanse": "byrådssak 999/20", "dato": "2020-11-30",
                "begrunnelse": "Test.", "linje_000": "1 000",
            ])
            #expect(saved.status == .seeOther)
            let budget = String(buffer: try await fin.get("/organisasjoner/UKE/budsjett/2020").body)
            #expect(budget.contains("byrådssak 999/20"))
            #expect(budget.contains(#"href="/organisasjoner/UKE/budsjett/2020/dok3""#))

            let refusedRevision = try await fin.post("/organisasjoner/UKE/budsjett/2020/revisjoner/ny", form: [
                "_csrf": fin.csrfToken!, "kapittel": "125", "art": "drift", "referanse": "", "dato": "2021-01-01", "begrunnelse": "x", "linje_600": "abc",
            ])
            #expect(refusedRevision.status == .unprocessableContent)
            let html = String(buffer: refusedRevision.body)
            #expect(html.contains(#"id="linje_600-error""#) && html.contains(#"id="dato-error""#) && html.contains(#"id="referanse-error""#))
        }
    }

    @Test("a steerer of another department and an auditor cannot open or post the forms")
    func access() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            for email in [WebTests.blkSteerer, WebTests.auditor] {
                let browser = try await Browser.login(client, email: email, password: passwords[email]!)
                for path in ["/organisasjoner/UKE/kapitler/ny", "/organisasjoner/UKE/budsjett/2020/revisjoner/ny",
                             "/organisasjoner/UKE/budsjett/2020/prosjekter/ny", "/organisasjoner/UKE/bemanning/ny"] {
                    #expect(try await browser.get(path).status == .forbidden, "\(email) \(path)")
                }
                let posted = try await browser.post("/organisasjoner/UKE/budsjett/2020/dok3", form: ["_csrf": browser.csrfToken!, "b_125_drift_000": "1"])
                #expect(posted.status == .forbidden, "\(email)")
                // The auditor reads the grid; the other department's steerer may not even read UKE.
                let expected = email == WebTests.auditor ? 200 : 403
                #expect(try await browser.get("/organisasjoner/UKE/budsjett/2020/dok3").status.code == expected, "\(email) reads")
            }
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            let staffing = try await editor.post("/organisasjoner/UKE/bemanning/ny", form: [
                "_csrf": editor.csrfToken!, "dato": "2020-06-30", "ansatte": "300", "arsverk": "290,5",
            ])
            #expect(staffing.status == .seeOther)
            #expect(String(buffer: try await editor.get("/organisasjoner/UKE/bemanning").body).contains("290,50"))
        }
    }

    @Test("an agency without figures says where to enter them")
    func empty() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let browser = try await Browser.login(client, email: WebTests.finSteerer, password: passwords[WebTests.finSteerer]!)
            let response = try await browser.get("/organisasjoner/UKE/budsjett/2031")
            #expect(response.status == .notFound)
            let html = String(buffer: response.body)
            #expect(html.contains(#"href="/organisasjoner/UKE/kapitler""#) && html.contains(#"href="/organisasjoner/UKE/budsjett/2031/dok3""#))
        }
    }
}
