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

@Suite("Web pages")
struct WebTests {
    static let admin = "admin@styr.demo", finSteerer = "etatsstyrer@fin.styr.demo", blkSteerer = "etatsstyrer@blk.styr.demo"
    static let editor = "redaktor@uke.styr.demo", leader = "leder@uke.styr.demo", auditor = "revisor@styr.demo"

    @Test("anonymous visitors are sent to the login page; security headers on every response", arguments: TestDatabase.backends)
    func anonymous(backend: TestDatabase) async throws {
        try await WebTestApp.run(backend) { client, _ in
            let browser = Browser(client: client)
            for path in ["/", "/organisasjoner/UKE", "/organisasjoner/UKE/arsberetning/2020", "/historikk?type=organisation&nokkel=UKE"] {
                let response = try await browser.get(path)
                #expect(response.status == .seeOther, "\(path)")
                #expect(response.headers[.location]?.hasPrefix("/logg-inn?neste=") == true)
                #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("default-src 'self'") == true)
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            }
            let login = try await browser.get("/logg-inn")
            #expect(login.status == .ok)
            let cookie = try #require(login.headers[values: .setCookie].first { $0.hasPrefix(CookiePolicy.loginCSRFCookie) })
            #expect(cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Strict"))
        }
    }

    @Test("logging in opens a session with safe cookie flags; logging out closes it")
    func loginAndLogout() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let form = try await client.execute(uri: "/logg-inn", method: .get, headers: [:], body: nil)
            let token = try #require(Browser.cookieValue(form, CookiePolicy.loginCSRFCookie))
            var browser = Browser(client: client, cookie: "\(CookiePolicy.loginCSRFCookie)=\(token)")
            let response = try await browser.post("/logg-inn", form: [
                "_csrf": token, "epost": Self.editor, "passord": passwords[Self.editor]!, "neste": "/organisasjoner/UKE",
            ])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/organisasjoner/UKE")
            let session = try #require(response.headers[values: .setCookie].first { $0.hasPrefix(CookiePolicy.sessionCookie + "=") })
            #expect(session.contains("HttpOnly") && session.contains("Secure") && session.contains("SameSite=Strict"))
            browser = try await Browser.login(client, email: Self.editor, password: passwords[Self.editor]!)
            #expect(String(buffer: try await browser.get("/").body).contains("Velkommen, Ulrik Redaktør"))
            // Logging out without the CSRF token does not end the session.
            _ = try await browser.post("/logg-ut", form: [:])
            #expect(try await browser.get("/").status == .ok)
            let out = try await browser.post("/logg-ut", form: ["_csrf": browser.csrfToken ?? ""])
            #expect(out.status == .seeOther)
            #expect(try await browser.get("/").status == .seeOther, "the session must be gone")
        }
    }

    @Test("a wrong password, a missing form token and too many attempts are refused")
    func refusedLogins() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let form = try await client.execute(uri: "/logg-inn", method: .get, headers: [:], body: nil)
            let token = try #require(Browser.cookieValue(form, CookiePolicy.loginCSRFCookie))
            let browser = Browser(client: client, cookie: "\(CookiePolicy.loginCSRFCookie)=\(token)")
            let noToken = try await browser.post("/logg-inn", form: ["epost": Self.editor, "passord": passwords[Self.editor]!])
            #expect(noToken.status == .forbidden)
            #expect(Browser.cookieValue(noToken, CookiePolicy.sessionCookie) == nil)
            for _ in 0..<5 {
                let wrong = try await browser.post("/logg-inn", form: ["_csrf": token, "epost": Self.editor, "passord": "feil passord 123"])
                #expect(wrong.status == .unauthorized)
                #expect(String(buffer: wrong.body).contains("Feil e-post eller passord."))
                #expect(String(buffer: wrong.body).contains("value=\"\(Self.editor)\""), "the e-mail typed is kept")
            }
            let throttled = try await browser.post("/logg-inn", form: ["_csrf": token, "epost": Self.editor, "passord": passwords[Self.editor]!])
            #expect(throttled.status == .tooManyRequests)
            #expect(String(buffer: throttled.body).contains("For mange mislykkede forsøk"))
            // Another user is not affected.
            _ = try await Browser.login(client, email: Self.leader, password: passwords[Self.leader]!)
        }
    }

    /// Every page for every role: allowed (200), refused (403), or the form accepted (303).
    @Test("the role matrix: each role sees and changes only what its scope allows", arguments: TestDatabase.backends)
    func roleMatrix(backend: TestDatabase) async throws {
        try await WebTestApp.run(backend) { client, passwords in
            let form = "/organisasjoner/UKE/indikatorer/2020/ehf-leverandorfakturaer"
            let pages: [(String, [String: HTTPResponse.Status])] = [
                ("/", [Self.admin: .ok, Self.finSteerer: .ok, Self.blkSteerer: .ok, Self.editor: .ok, Self.leader: .ok, Self.auditor: .ok]),
                ("/organisasjoner/UKE", [Self.admin: .ok, Self.finSteerer: .ok, Self.blkSteerer: .forbidden, Self.editor: .ok, Self.leader: .ok, Self.auditor: .ok]),
                ("/organisasjoner/FIN", [Self.admin: .ok, Self.finSteerer: .ok, Self.blkSteerer: .forbidden, Self.editor: .forbidden, Self.leader: .forbidden, Self.auditor: .ok]),
                ("/organisasjoner/OSLO", [Self.admin: .ok, Self.finSteerer: .forbidden, Self.blkSteerer: .forbidden, Self.editor: .forbidden, Self.leader: .forbidden, Self.auditor: .ok]),
                ("/organisasjoner/UKE/arsberetning/2020", [Self.admin: .ok, Self.finSteerer: .ok, Self.blkSteerer: .forbidden, Self.editor: .ok, Self.leader: .ok, Self.auditor: .ok]),
                ("/organisasjoner/UKE/samfunnsoppdrag", [Self.admin: .ok, Self.finSteerer: .ok, Self.blkSteerer: .forbidden, Self.editor: .ok, Self.leader: .ok, Self.auditor: .ok]),
                ("/organisasjoner/UKE/indikatorer/2020", [Self.admin: .ok, Self.finSteerer: .ok, Self.blkSteerer: .forbidden, Self.editor: .ok, Self.leader: .ok, Self.auditor: .ok]),
                (form, [Self.admin: .ok, Self.finSteerer: .forbidden, Self.blkSteerer: .forbidden, Self.editor: .ok, Self.leader: .ok, Self.auditor: .forbidden]),
                ("/historikk?type=organisation&nokkel=UKE", [Self.admin: .ok, Self.finSteerer: .ok, Self.blkSteerer: .forbidden, Self.editor: .ok, Self.leader: .ok, Self.auditor: .ok]),
                ("/historikk?type=budgetAmount&nokkel=125/2020/operating/000-099/actuals", [Self.admin: .ok, Self.finSteerer: .ok, Self.blkSteerer: .forbidden, Self.editor: .ok, Self.leader: .ok, Self.auditor: .ok]),
            ]
            var browsers: [String: Browser] = [:]
            for email in [Self.admin, Self.finSteerer, Self.blkSteerer, Self.editor, Self.leader, Self.auditor] {
                browsers[email] = try await Browser.login(client, email: email, password: passwords[email]!)
            }
            for (path, expected) in pages {
                for (email, status) in expected {
                    let response = try await browsers[email]!.get(path)
                    #expect(response.status == status, "\(email) GET \(path)")
                }
            }
            // Writing: the form accepted for the agency's editor and leader, refused for the others.
            let writes: [String: HTTPResponse.Status] = [
                Self.finSteerer: .forbidden, Self.blkSteerer: .forbidden, Self.auditor: .forbidden, Self.editor: .seeOther, Self.leader: .seeOther,
            ]
            for (email, status) in writes {
                let browser = browsers[email]!
                let response = try await browser.post(form, form: ["_csrf": browser.csrfToken ?? "", "resultat": "92,9"])
                #expect(response.status == status, "\(email) POST \(form)")
            }
        }
    }

    @Test("an unfavourable result is refused until it is explained; then saved, audited and shown", arguments: TestDatabase.backends)
    func explainDeviation(backend: TestDatabase) async throws {
        try await WebTestApp.run(backend) { client, passwords in
            let browser = try await Browser.login(client, email: Self.editor, password: passwords[Self.editor]!)
            let form = "/organisasjoner/UKE/indikatorer/2020/ehf-leverandorfakturaer"
            let refused = try await browser.post(form, form: ["_csrf": browser.csrfToken!, "resultat": "80,5"])
            #expect(refused.status == .unprocessableContent)
            let page = String(buffer: refused.body)
            #expect(page.contains("Avviket (-12,5) er ugunstig og utenfor toleransen"))
            #expect(page.contains("value=\"80,5\""), "the typed value is kept")
            #expect(page.contains("aria-invalid=\"true\""))
            let saved = try await browser.post(form, form: [
                "_csrf": browser.csrfToken!, "resultat": "80,5", "kommentar": "Ny leverandørportal <script>alert(1)</script>",
            ])
            #expect(saved.status == .seeOther)
            let list = String(buffer: try await browser.get("/organisasjoner/UKE/indikatorer/2020").body)
            #expect(list.contains("80,5 %"))
            #expect(list.contains("-12,5"))
            let report = String(buffer: try await browser.get("/organisasjoner/UKE/arsberetning/2020").body)
            #expect(report.contains("Ny leverandørportal &lt;script&gt;"))
            #expect(!report.contains("<script>alert(1)</script>"))
            let history = String(buffer: try await browser.get(
                "/historikk?type=indicatorValue&nokkel=UKE/ehf-leverandorfakturaer/2020").body)
            #expect(history.contains(Self.editor))
            #expect(history.contains("endret"))
        }
    }

    @Test("bad input changes nothing: a missing CSRF token, a non-number, a missing reason, an over-long text")
    func badInput() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let browser = try await Browser.login(client, email: Self.leader, password: passwords[Self.leader]!)
            let form = "/organisasjoner/UKE/indikatorer/2020/ehf-leverandorfakturaer"
            #expect(try await browser.post(form, form: ["resultat": "99"]).status == .forbidden)
            #expect(try await browser.post(form, form: ["_csrf": "forfalsket", "resultat": "99"]).status == .forbidden)
            let notANumber = try await browser.post(form, form: ["_csrf": browser.csrfToken!, "resultat": "mye"])
            #expect(notANumber.status == .unprocessableContent)
            #expect(String(buffer: notANumber.body).contains("«mye» er ikke et tall"))
            let outOfRange = try await browser.post(form, form: ["_csrf": browser.csrfToken!, "resultat": "120"])
            #expect(String(buffer: outOfRange.body).contains("mellom 0 og 100 %"))
            let missing = try await browser.post(form, form: ["_csrf": browser.csrfToken!, "resultat": ""])
            #expect(missing.status == .unprocessableContent)
            #expect(String(buffer: missing.body).contains("skriv hvorfor indikatoren ikke er målt"))
            let long = try await browser.post(form, form: [
                "_csrf": browser.csrfToken!, "resultat": "93", "kommentar": String(repeating: "x", count: 4001),
            ])
            #expect(long.status == .unprocessableContent)
            let list = String(buffer: try await browser.get("/organisasjoner/UKE/indikatorer/2020").body)
            #expect(list.contains("92,9 %"), "the stored result is unchanged")
            #expect(try await browser.get("/organisasjoner/UKE/indikatorer/2020/finnes-ikke").status == .notFound)
        }
    }

    @Test("the annual report page shows the computed tables", arguments: TestDatabase.backends)
    func annualReport(backend: TestDatabase) async throws {
        try await WebTestApp.run(backend) { client, passwords in
            let browser = try await Browser.login(client, email: Self.auditor, password: passwords[Self.auditor]!)
            let response = try await browser.get("/organisasjoner/UKE/arsberetning/2020")
            #expect(response.status == .ok)
            let body = String(buffer: response.body)
            // Regnskap cells link to the ledger lines behind them; the avvik column has no lines.
            #expect(body.contains("kontoklasse=operating&amp;artsgruppe=000-599\">1 158 413 263</a></td>"))
            #expect(body.contains("<td class=\"num\">7 858 141</td>"))
            #expect(body.contains("<caption>Tabell 1. Bemanning.</caption>"))
            #expect(!body.contains("<style>"), "inline style would break the Content-Security-Policy")
            #expect(try await browser.get("/organisasjoner/UKE/arsberetning/abc").status == .badRequest)
            #expect(try await browser.get("/organisasjoner/NOPE/arsberetning/2020").status == .notFound)
            #expect(try await browser.get("/organisasjoner/UKE/arsberetning/2031").status == .notFound)
            let badYear = try await browser.get("/organisasjoner/UKE/arsberetning/1850")
            #expect(badYear.status == .badRequest, "a year Styr does not keep is a bad address, not a missing report")
            #expect(String(buffer: badYear.body).contains("Året 1850 er utenfor 1900–2200."))
            #expect(try await browser.get("/styles.css").headers[.contentType]?.hasPrefix("text/css") == true)
        }
    }

    @Test("the mission statement shows core tasks and authorities with their legal basis", arguments: TestDatabase.backends)
    func mission(backend: TestDatabase) async throws {
        try await WebTestApp.run(backend) { client, passwords in
            let browser = try await Browser.login(client, email: Self.finSteerer, password: passwords[Self.finSteerer]!)
            let body = String(buffer: try await browser.get("/organisasjoner/UKE/samfunnsoppdrag").body)
            #expect(body.contains("fastsatt av Byrådsavdeling for finans 22.03.2024"))
            #expect(body.contains("IKT-styring og digitalisering"))
            #expect(body.contains("byrådssak 1295/03"))
            #expect(body.contains("Ikke formalisert gjennom vedtak"))
            let missing = try await browser.get("/organisasjoner/UKE/samfunnsoppdrag?versjon=7")
            #expect(missing.status == .notFound)
            #expect(String(buffer: missing.body).contains("ingen versjon 7"))
        }
    }

    @Test("an empty database says what to do next")
    func emptyState() async throws {
        try await TestDatabase.sqlite.withFreshDatabase { database in
            try await database.transaction { db in
                try await SQLGovernanceStore(db).save(Organisation(code: "OSLO", name: "Oslo kommune", kind: .municipality, parentCode: nil))
                try await SQLAccountStore(db, bcryptCost: 4).save(
                    UserAccount(email: "ny@styr.demo", name: "Ny", assignments: [RoleAssignment(role: .auditor, organisationCode: "OSLO")]),
                    password: "et langt passord")
                try await db.raw("DELETE FROM role_assignments").run()
            }
            let router = try buildRouter(WebConfiguration(bcryptCost: 4), database: database)
            try await Application(router: router).test(.router) { client in
                let browser = try await Browser.login(client, email: "ny@styr.demo", password: "et langt passord")
                #expect(String(buffer: try await browser.get("/").body).contains("Det er ingen organisasjoner i Styr du har tilgang til ennå"))
            }
        }
    }
}

@Suite("Page snapshots")
struct PageSnapshotTests {
    /// Session and form tokens are random; they are masked before comparing.
    static func masked(_ html: String) -> String {
        html.replacingOccurrences(of: #"name="_csrf" value="[A-Za-z0-9_-]+""#, with: #"name="_csrf" value="TOKEN""#, options: .regularExpression)
            // The age of an unconfirmed signal and today's date change every day.
            .replacingOccurrences(of: #"bekreftet i \d+ dager"#, with: "bekreftet i N dager", options: .regularExpression)
            .replacingOccurrences(of: #"value="\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?""#, with: #"value="DATE""#, options: .regularExpression)
    }

    @Test("rendered pages match their snapshots", arguments: [
        ("/", "home.html"), ("/organisasjoner/UKE", "organisation-uke.html"),
        ("/organisasjoner/UKE/samfunnsoppdrag", "mission-uke.html"), ("/organisasjoner/NOPE", "not-found.html"),
        ("/organisasjoner/UKE/indikatorer/2020", "indicators-uke-2020.html"),
        ("/organisasjoner/UKE/indikatorer/2020/elektroniske-lonnsslipper", "indicator-form.html"),
        ("/organisasjoner/UKE/budsjett/2020", "budget-uke-2020.html"), ("/organisasjoner/UKE/ar/2020", "dashboard-uke-2020.html"),
        ("/organisasjoner/UKE/tildelingsbrev/2020?dato=2020-05-01", "letter-uke-2020.html"), ("/organisasjoner/UKE/moter/2", "meeting-uke.html"),
        ("/organisasjoner/UKE/signaler", "signals-uke.html"), ("/organisasjoner/UKE/meldinger", "notices-uke.html"),
        ("/organisasjoner/UKE/meldinger/ny/hendelse", "incident-form.html"), ("/organisasjoner/UKE/styringsdialog", "dialogue-uke.html"),
    ])
    func snapshot(path: String, name: String) async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let browser = try await Browser.login(client, email: WebTests.admin, password: passwords[WebTests.admin]!)
            let response = try await browser.get(path)
            #expect(response.status == (name == "not-found.html" ? .notFound : .ok), "\(path)")
            #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(path)")
            try Snapshot.assert(Self.masked(String(buffer: response.body)), named: name)
        }
    }

    @Test("the login page matches its snapshot")
    func login() async throws {
        try await WebTestApp.run(.sqlite) { client, _ in
            let response = try await client.execute(uri: "/logg-inn", method: .get, headers: [:], body: nil)
            try Snapshot.assert(Self.masked(String(buffer: response.body)), named: "login.html")
        }
    }
}

@Suite("Dashboard and mission changes")
struct DashboardTests {
    @Test("the year dashboard shows status with trend charts, budget bars with a text alternative, and open items",
          arguments: TestDatabase.backends)
    func dashboard(backend: TestDatabase) async throws {
        try await WebTestApp.run(backend) { client, passwords in
            let browser = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            let response = try await browser.get("/organisasjoner/UKE/ar/2020")
            #expect(response.status == .ok)
            let body = String(buffer: response.body)
            #expect(body.contains(#"role="img" aria-label="Resultater for Andel leverandørfakturaer i EHF-format: 2016: 79,1 %, 2019: 91,2 %, 2020: 92,9 %; måltall 2020: 93 %""#))
            #expect(body.contains("regulert budsjett 427 921 000 kr, regnskap 420 062 859 kr, avvik 7 858 141 kr (mindreforbruk)"))
            #expect(body.contains("Kapitlets nettoresultat: regulert budsjett 427 921 000 kr, regnskap 420 062 859 kr"))
            #expect(body.contains("Antall virksomheter med egne IKT-driftsmiljøer: Avviket er ugunstig"))
            let home = String(buffer: try await browser.get("/").body)
            #expect(home.contains("Venter på deg"))
            #expect(home.contains("/organisasjoner/UKE/indikatorer/2020/egne-ikt-driftsmiljoer"))
            let steerer = try await Browser.login(client, email: WebTests.finSteerer, password: passwords[WebTests.finSteerer]!)
            let steererHome = String(buffer: try await steerer.get("/").body)
            #expect(steererHome.contains("Til oppfølging") && !steererHome.contains("Venter på deg"))
            #expect(try await browser.get("/organisasjoner/UKE/ar/1800").status == .badRequest, "a year Styr does not keep is a bad request")
        }
    }

    @Test("the difference between two versions of the mission statement", arguments: TestDatabase.backends)
    func missionDiff(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            _ = try await DemoLoader.loadIfEmpty(database)
            let credentials = try await DemoUsers.ensure(in: database, bcryptCost: 4)
            try await database.transaction { db in
                var revised = DemoData.ukeMissionStatement
                revised.version = 2
                revised.fixedOn = CalendarDate(year: 2025, month: 6, day: 1)
                revised.authorities.removeLast()
                revised.sections[0].body += "\n\nNy setning om kunstig intelligens."
                try await SQLGovernanceStore(db).save(revised)
            }
            let router = try buildRouter(WebConfiguration(bcryptCost: 4), database: database)
            try await Application(router: router).test(.router) { client in
                let password = credentials.first { $0.user.email == WebTests.auditor }!.password
                let browser = try await Browser.login(client, email: WebTests.auditor, password: password)
                let mission = String(buffer: try await browser.get("/organisasjoner/UKE/samfunnsoppdrag").body)
                #expect(mission.contains("Versjon 2"))
                #expect(mission.contains("/organisasjoner/UKE/samfunnsoppdrag/endringer?fra=1&amp;til=2"))
                let diff = String(buffer: try await browser.get("/organisasjoner/UKE/samfunnsoppdrag/endringer?fra=1&til=2").body)
                #expect(diff.contains("<ins><span class=\"diff-marker\">Lagt til: </span>Ny setning om kunstig intelligens.</ins>"))
                #expect(diff.contains("<del><span class=\"diff-marker\">Fjernet: </span>Iht. Avtale om omplassering"))
                #expect(diff.contains("<h2>Fullmakter</h2>"))
                #expect(try await browser.get("/organisasjoner/UKE/samfunnsoppdrag/endringer?fra=1&til=9").status == .notFound)
            }
        }
    }
}

@Suite("Indicator definitions")
struct IndicatorDefinitionTests {
    @Test("the department's steerer defines an indicator and its target; others may not; bad input is named",
          arguments: TestDatabase.backends)
    func define(backend: TestDatabase) async throws {
        try await WebTestApp.run(backend) { client, passwords in
            let steerer = try await Browser.login(client, email: WebTests.finSteerer, password: passwords[WebTests.finSteerer]!)
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            #expect(try await steerer.get("/organisasjoner/UKE/indikatorer/2020/ny").status == .ok)
            #expect(try await editor.get("/organisasjoner/UKE/indikatorer/2020/ny").status == .forbidden)
            #expect(try await steerer.get("/organisasjoner/FIN/indikatorer/2020/ny").status == .forbidden, "not for the department itself")
            var form = [
                "_csrf": steerer.csrfToken!, "navn": "Andel saker besvart innen fristen", "enhet": "share", "retning": "higherIsBetter",
                "avviksregel": "percentagePoints", "maltall": "95", "desimaler": "1", "gul": "3", "rod": "2", "malomrade": "",
            ]
            let refused = try await steerer.post("/organisasjoner/UKE/indikatorer/2020/ny", form: form)
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("Grensen for rød kan ikke være lavere enn grensen for gul."))
            #expect(String(buffer: refused.body).contains("value=\"Andel saker besvart innen fristen\""))
            form["rod"] = "abc"
            #expect(String(buffer: try await steerer.post("/organisasjoner/UKE/indikatorer/2020/ny", form: form).body).contains("«abc» er ikke et tall."))
            form["rod"] = "6"
            #expect(try await editor.post("/organisasjoner/UKE/indikatorer/2020/ny", form: form.merging(["_csrf": editor.csrfToken!]) { $1 }).status == .forbidden)
            #expect(try await steerer.post("/organisasjoner/UKE/indikatorer/2020/ny", form: form).status == .seeOther)
            #expect(try await steerer.post("/organisasjoner/UKE/indikatorer/2020/ny", form: form).status == .unprocessableContent, "no duplicates")
            let list = String(buffer: try await steerer.get("/organisasjoner/UKE/indikatorer/2020").body)
            #expect(list.contains("Andel saker besvart innen fristen"))
            // The agency enters a result against the new target.
            let result = try await editor.post("/organisasjoner/UKE/indikatorer/2020/andel-saker-besvart-innen-fristen", form: [
                "_csrf": editor.csrfToken!, "resultat": "96"])
            #expect(result.status == .seeOther)
            // Raising the target makes the same result unfavourable.
            let edit = "/organisasjoner/UKE/indikatorer/2020/ehf-leverandorfakturaer/maltall"
            let current = String(buffer: try await steerer.get(edit).body)
            #expect(current.contains("value=\"93\""))
            let raised = try await steerer.post(edit, form: [
                "_csrf": steerer.csrfToken!, "navn": "Andel leverandørfakturaer i EHF-format", "enhet": "share", "retning": "higherIsBetter",
                "avviksregel": "percentagePoints", "maltall": "99", "desimaler": "1", "gul": "2", "rod": "5"])
            #expect(raised.status == .seeOther)
            let after = String(buffer: try await editor.get("/organisasjoner/UKE/indikatorer/2020").body)
            #expect(after.contains("-6,1"))
        }
    }
}

@Suite("Budget page")
struct BudgetPageTests {
    @Test("the budget page lists the revisions with their references, sortable, and the computed tables",
          arguments: TestDatabase.backends)
    func budget(backend: TestDatabase) async throws {
        try await WebTestApp.run(backend) { client, passwords in
            let browser = try await Browser.login(client, email: WebTests.auditor, password: passwords[WebTests.auditor]!)
            let page = String(buffer: try await browser.get("/organisasjoner/UKE/budsjett/2020").body)
            #expect(page.contains("<th scope=\"row\">byrådssak 168/20</th>"))
            #expect(page.contains("<td class=\"num\">-780 000</td>"))
            #expect(page.contains("<td class=\"num\">826 004 165</td>"))
            #expect(page.contains("<caption>Investeringsprosjekter for kap. 125 Utviklings- og kompetanseetaten</caption>"))
            func order(_ html: String) -> [String] {
                html.components(separatedBy: "<th scope=\"row\">byrådssak ").dropFirst().map { String($0.prefix { $0 != "<" }) }
            }
            #expect(order(page) == ["90/20", "90/20 og YDISP fra 2019", "168/20", "208/20"])
            let byAmount = String(buffer: try await browser.get("/organisasjoner/UKE/budsjett/2020?sorter=belop").body)
            #expect(order(byAmount) == ["208/20", "90/20 og YDISP fra 2019", "168/20", "90/20"])
            #expect(try await browser.get("/organisasjoner/UKE/budsjett/2031").status == .notFound)
            #expect(try await browser.get("/organisasjoner/UKE/budsjett/1850").status == .badRequest)
        }
    }
}

@Suite("History pages")
struct HistoryPageTests {
    @Test("a long history is paginated, 25 entries a page")
    func pagination() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            let form = "/organisasjoner/UKE/indikatorer/2020/ehf-leverandorfakturaer"
            for result in 1...30 {
                _ = try await editor.post(form, form: ["_csrf": editor.csrfToken!, "resultat": "9\(result % 10),\(result)", "kommentar": "Forklart."])
            }
            let history = "/historikk?type=indicatorValue&nokkel=UKE%2Fehf-leverandorfakturaer%2F2020"
            let first = String(buffer: try await editor.get(history).body)
            #expect(first.contains("Side 1 av 2 (31 endringer)"))
            #expect(first.components(separatedBy: "<caption>Nr. ").count - 1 == 25)
            let second = String(buffer: try await editor.get(history + "&side=2").body)
            #expect(second.components(separatedBy: "<caption>Nr. ").count - 1 == 6)
            #expect(second.contains("rel=\"prev\""))
            let beyond = String(buffer: try await editor.get(history + "&side=99").body)
            #expect(beyond.contains("Side 2 av 2"))
        }
    }
}

@Suite("Lists")
struct ListTests {
    @Test("organisations filter by type and sort; indicators sort by status")
    func filterAndSort() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let admin = try await Browser.login(client, email: WebTests.admin, password: passwords[WebTests.admin]!)
            func names(_ html: String) -> [String] {
                html.components(separatedBy: "<tr><th scope=\"row\"><a href=\"/organisasjoner/").dropFirst()
                    .map { String($0.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }) }
            }
            let departments = String(buffer: try await admin.get("/?type=department").body)
            #expect(names(departments) == ["Byrådsavdeling for finans", "Byrådslederens kontor"])
            let byCode = String(buffer: try await admin.get("/?sorter=kode").body)
            #expect(names(byCode) == ["Byrådslederens kontor", "Byrådsavdeling for finans", "Oslo kommune", "Utviklings- og kompetanseetaten"])
            let none = String(buffer: try await admin.get("/?type=section").body)
            #expect(none.contains("Ingen organisasjoner av denne typen."))
            let byStatus = String(buffer: try await admin.get("/organisasjoner/UKE/indikatorer/2020?sorter=status").body)
            let statuses = byStatus.components(separatedBy: "<span class=\"status status-").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            #expect(statuses == ["red", "red", "red", "yellow", "yellow", "notMeasured", "green", "green", "green", "green"])
        }
    }
}

@Suite("Redirects and tokens")
struct RedirectTests {
    @Test("only local paths are returned to after login", arguments: [
        ("/organisasjoner/UKE", "/organisasjoner/UKE"), ("//evil.example", "/"), ("/\t/evil.example", "/"), ("https://evil.example", "/"),
        ("/\\evil.example", "/"), ("/a\nb", "/"),
    ])
    func returnPaths(input: String, expected: String) {
        #expect(safeReturnPath(input) == expected)
    }

    @Test("a new password revokes the user's API tokens")
    func passwordRevokesTokens() async throws {
        try await TestDatabase.sqlite.withFreshDatabase { database in
            _ = try await DemoLoader.loadIfEmpty(database)
            _ = try await DemoUsers.ensure(in: database, bcryptCost: 4)
            try await database.transaction { db in
                let store = SQLAccountStore(db, bcryptCost: 4)
                let token = try await store.createToken(for: WebTests.editor, name: "t")
                #expect(try await store.user(apiToken: token)?.email == WebTests.editor)
                try await store.setPassword(email: WebTests.editor, password: "et helt nytt passord")
                #expect(try await store.user(apiToken: token) == nil)
            }
        }
    }
}
