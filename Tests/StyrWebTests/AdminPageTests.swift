import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The administration pages, the first start's set-up link, invitations and the own account page.
@Suite("Administration pages")
struct AdminPageTests {
    static let password = "et langt nok passord"

    /// Tokens, public ids and times change every run.
    static func masked(_ html: String) -> String {
        PageSnapshotTests.masked(html)
            .replacingOccurrences(of: #"\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}"#, with: "DD.MM.ÅÅÅÅ TT:MM", options: .regularExpression)
            .replacingOccurrences(of: #"/(oppsett|invitasjon)/[A-Za-z0-9_-]+"#, with: "/$1/TOKEN", options: .regularExpression)
            .replacingOccurrences(of: #"/(okter|nokler)/[0-9a-f]{16}/"#, with: "/$1/ID/", options: .regularExpression)
            .replacingOccurrences(of: #"styr_[A-Za-z0-9_-]+"#, with: "styr_TOKEN", options: .regularExpression)
    }

    static func assertPage(_ response: TestResponse, status: HTTPResponse.Status = .ok, named name: String) throws {
        #expect(response.status == status, "\(name)")
        try Snapshot.assert(Self.masked(String(buffer: response.body)), named: name)
    }

    @Test("the administration pages match their snapshots", arguments: [
        ("/admin", "admin-overview.html"), ("/admin/organisasjoner", "admin-organisations.html"),
        ("/admin/organisasjoner/UKE", "admin-organisation-uke.html"), ("/admin/brukere", "admin-users.html"),
        ("/admin/brukere/redaktor@uke.styr.demo", "admin-user-editor.html"), ("/konto", "account.html"),
    ])
    func snapshots(path: String, name: String) async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let admin = try await Browser.login(client, email: WebTests.admin, password: passwords[WebTests.admin]!)
            try Self.assertPage(try await admin.get(path), named: name)
        }
    }

    @Test("a steerer is refused the administration; a cycle is refused beside the parent field and nothing moves")
    func refusals() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let steerer = try await Browser.login(client, email: WebTests.finSteerer, password: passwords[WebTests.finSteerer]!)
            #expect(try await steerer.get("/admin").status == .forbidden)
            #expect(try await steerer.get("/admin/brukere").status == .forbidden)
            #expect(try await steerer.get("/konto").status == .ok)
            let admin = try await Browser.login(client, email: WebTests.admin, password: passwords[WebTests.admin]!)
            let refused = try await admin.post("/admin/organisasjoner/FIN/flytt", form: ["_csrf": admin.csrfToken!, "overordnet": "UKE"])
            try Self.assertPage(refused, status: .unprocessableContent, named: "admin-organisation-cycle.html")
            #expect(String(buffer: refused.body).contains("sirkel"))
            #expect(try await admin.post("/admin/organisasjoner/FIN/flytt", form: ["overordnet": "UKE"]).status == .forbidden)
            let created = try await admin.post("/admin/organisasjoner/ny", form: [
                "_csrf": admin.csrfToken!, "kode": "UKE-DRIFT", "navn": "Drift", "type": "section", "overordnet": "UKE",
            ])
            #expect(created.status == .seeOther)
            #expect(created.headers[.location]?.hasPrefix("/admin/organisasjoner/UKE-DRIFT?lagret=") == true)
            let closed = try await admin.post("/admin/organisasjoner/UKE-DRIFT/legg-ned", form: ["_csrf": admin.csrfToken!, "dato": "2024-12-31"])
            #expect(closed.status == .seeOther)
            #expect(String(buffer: try await admin.get("/admin/organisasjoner").body).contains("Lagt ned 31.12.2024"))
        }
    }

    @Test("an invitation's link is shown once; the invitee sets a password and is logged in; the link is then spent")
    func invitation() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let admin = try await Browser.login(client, email: WebTests.admin, password: passwords[WebTests.admin]!)
            try Self.assertPage(try await admin.get("/admin/brukere/ny"), named: "admin-invite.html")
            let sent = try await admin.post("/admin/brukere/ny", form: [
                "_csrf": admin.csrfToken!, "navn": "Nina Ny", "epost": "ny@fin.styr.demo", "rolle": "departmentSteerer", "organisasjon": "FIN",
            ])
            try Self.assertPage(sent, named: "admin-invitation.html")
            let html = String(buffer: sent.body)
            let range = try #require(html.range(of: #"/invitasjon/[A-Za-z0-9_-]+"#, options: .regularExpression))
            let path = String(html[range])
            let anonymous = Browser(client: client)
            try Self.assertPage(try await anonymous.get(path), named: "invitation.html")
            let short = try await anonymous.post(path, form: ["passord": "kort", "gjenta": "kort"])
            #expect(short.status == .unprocessableContent)
            let accepted = try await anonymous.post(path, form: ["passord": Self.password, "gjenta": Self.password])
            #expect(accepted.status == .seeOther && accepted.headers[.location] == "/")
            #expect(Browser.cookieValue(accepted, CookiePolicy.sessionCookie) != nil)
            try Self.assertPage(try await anonymous.get(path), status: .gone, named: "invitation-spent.html")
            _ = try await Browser.login(client, email: "ny@fin.styr.demo", password: Self.password)
        }
    }

    @Test("the first start: the set-up link makes the top organisation and the administrator, once")
    func setup() async throws {
        try await TestDatabase.sqlite.withFreshDatabase { database in
            let router = try buildRouter(WebConfiguration(secureCookies: true, bcryptCost: 4), database: database)
            let token = try #require(try await Services(storage: SQLStorage(database, bcryptCost: 4)).setup.startIfNoUsers())
            try await Application(router: router).test(.router) { client in
                let browser = Browser(client: client)
                try Self.assertPage(try await browser.get("/oppsett/\(token)"), named: "setup.html")
                #expect(try await browser.get("/oppsett/feil").status == .gone)
                let refused = try await browser.post("/oppsett/\(token)", form: ["kode": "", "organisasjon": "Bergen kommune", "navn": "Berit",
                                                                                 "epost": "berit@bergen.no", "passord": "kort"])
                try Self.assertPage(refused, status: .unprocessableContent, named: "setup-errors.html")
                let done = try await browser.post("/oppsett/\(token)", form: [
                    "kode": "BERGEN", "organisasjon": "Bergen kommune", "navn": "Berit", "epost": "berit@bergen.no", "passord": Self.password,
                ])
                #expect(done.status == .seeOther && done.headers[.location] == "/admin")
                let session = try #require(Browser.cookieValue(done, CookiePolicy.sessionCookie))
                let admin = Browser(client: client, cookie: "\(CookiePolicy.sessionCookie)=\(session)")
                #expect(String(buffer: try await admin.get("/admin/organisasjoner").body).contains("Bergen kommune"))
                #expect(try await browser.get("/oppsett/\(token)").status == .gone)
            }
        }
    }

    @Test("the own account page makes a token shown once, and revokes it")
    func ownToken() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let auditor = try await Browser.login(client, email: WebTests.auditor, password: passwords[WebTests.auditor]!)
            let made = try await auditor.post("/konto/nokler/ny", form: ["_csrf": auditor.csrfToken!, "navn": "rapport"])
            #expect(made.status == .ok)
            let html = String(buffer: made.body)
            let range = try #require(html.range(of: #"<code>styr_[A-Za-z0-9_-]+</code>"#, options: .regularExpression))
            let token = String(html[range].dropFirst(6).dropLast(7))
            let api = try await client.execute(uri: "/api/v1/organisations", method: .get, headers: [.authorization: "Bearer \(token)"], body: nil)
            #expect(api.status == .ok)
            let idRange = try #require(html.range(of: #"/konto/nokler/[0-9a-f]{16}/trekk-tilbake"#, options: .regularExpression))
            #expect(try await auditor.post(String(html[idRange]), form: ["_csrf": auditor.csrfToken!]).status == .seeOther)
            let after = try await client.execute(uri: "/api/v1/organisations", method: .get, headers: [.authorization: "Bearer \(token)"], body: nil)
            #expect(after.status == .unauthorized)
            #expect(try await auditor.post("/konto/nokler/ny", form: ["_csrf": auditor.csrfToken!, "navn": " "]).status == .unprocessableContent)
        }
    }
}
