import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrDemo
import StyrDomain
import StyrStorage
import StyrTestSupport
@testable import StyrWeb
import Testing

/// Snapshots (status, content type, body) of the organisation, mission, history, report and
/// accessibility pages, and the history in words.
@Suite("Organisation, history and report pages")
struct OrganisationPageTests {
    /// As `PageSnapshotTests.masked`, and the times of changes made while the test runs.
    static func masked(_ html: String) -> String {
        PageSnapshotTests.masked(html)
            .replacingOccurrences(of: #"\d{2}\.\d{2}\.\d{4} kl\. \d{2}\.\d{2}"#, with: "DD.MM.ÅÅÅÅ kl. TT.MM", options: .regularExpression)
    }

    /// The demo data with a second version of UKE's mission statement, and an admin's browser.
    static func run(_ test: @Sendable @escaping (Browser, [String: String], any TestClientProtocol) async throws -> Void) async throws {
        try await TestDatabase.sqlite.withFreshDatabase { database in
            _ = try await DemoLoader.loadIfEmpty(database)
            let credentials = try await DemoUsers.ensure(in: database, bcryptCost: 4)
            let passwords = Dictionary(uniqueKeysWithValues: credentials.map { ($0.user.email, $0.password) })
            try await database.transaction { db in
                var revised = DemoData.ukeMissionStatement
                revised.version = 2
                revised.fixedOn = CalendarDate(year: 2025, month: 6, day: 1)
                revised.authorities.removeLast()
                revised.sections[0].body += "\n\nNy setning om kunstig intelligens."
                try await SQLGovernanceStore(db, actor: WebTests.finSteerer).save(revised)
            }
            let router = try buildRouter(WebConfiguration(bcryptCost: 4), database: database)
            try await Application(router: router).test(.router) { client in
                let browser = try await Browser.login(client, email: WebTests.admin, password: passwords[WebTests.admin]!)
                try await test(browser, passwords, client)
            }
        }
    }

    @Test("page snapshots: the status, an HTML content type and the body", arguments: [
        ("/organisasjoner/UKE/samfunnsoppdrag/endringer?fra=1&til=2", HTTPResponse.Status.ok, "mission-diff-uke.html"),
        ("/organisasjoner/UKE/samfunnsoppdrag/endringer?fra=2&til=2", .ok, "mission-diff-same.html"),
        ("/organisasjoner/UKE/samfunnsoppdrag/endringer?fra=1", .notFound, "mission-diff-missing.html"),
        ("/organisasjoner/UKE/samfunnsoppdrag?versjon=1", .ok, "mission-uke-v1.html"),
        ("/historikk?type=organisation&nokkel=UKE", .ok, "history-organisation.html"),
        ("/historikk?type=missionStatement&nokkel=UKE%2Fv2", .ok, "history-mission.html"),
        ("/historikk?type=organisation", .badRequest, "history-missing-key.html"),
        ("/organisasjoner/UKE/arsberetning/2020", .ok, "annual-report-uke-2020.html"),
        ("/organisasjoner/UKE/arsberetning/1850", .badRequest, "bad-year.html"),
        ("/organisasjoner/UKE/budsjett/2031", .notFound, "budget-no-figures.html"),
        ("/organisasjoner/UKE/budsjett/2019", .ok, "budget-uke-2019-no-budget.html"),
        ("/organisasjoner/UKE/arsberetning/2019", .ok, "annual-report-uke-2019-no-budget.html"),
        ("/tilgjengelighet", .ok, "accessibility.html"),
        ("/?type=section", .ok, "home-filtered-empty.html"),
    ])
    func snapshot(path: String, status: HTTPResponse.Status, name: String) async throws {
        try await Self.run { browser, _, _ in
            let response = try await browser.get(path)
            #expect(response.status == status, "\(path)")
            #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(path)")
            try Snapshot.assert(Self.masked(String(buffer: response.body)), named: name)
        }
    }

    @Test("a changed indicator value in words: its name, the person, the time in Oslo, the fields before and after, the changed ones marked")
    func historyInWords() async throws {
        try await Self.run { _, passwords, client in
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            let form = "/organisasjoner/UKE/indikatorer/2020/ehf-leverandorfakturaer"
            #expect(try await editor.post(form, form: ["_csrf": editor.csrfToken!, "resultat": "80,5", "kommentar": "Ny portal."]).status == .seeOther)
            let response = try await editor.get("/historikk?type=indicatorValue&nokkel=UKE%2Fehf-leverandorfakturaer%2F2020")
            let page = String(buffer: response.body)
            #expect(page.contains("Måltall og resultat for en resultatindikator"))
            #expect(page.contains("av Demodata (system)"))
            #expect(page.contains("av Ulrik Redaktør (redaktor@uke.styr.demo)"))
            #expect(page.range(of: #"Nr\. \d+: endret \d{2}\.\d{2}\.\d{4} kl\. \d{2}\.\d{2} av"#, options: .regularExpression) != nil)
            #expect(page.contains(#"<tr class="changed"><th scope="row">Resultat <span class="changed-marker">(endret)</span></th><td><span class="line">92,9</span></td><td><span class="line">80,5</span></td></tr>"#))
            #expect(page.contains(#"<tr><th scope="row">Måltall</th><td><span class="line">93</span></td><td><span class="line">93</span></td></tr>"#))
            for leak in ["indicatorValue", "system:demo", "milli", "{&quot;"] {
                #expect(!page.contains(leak), "\(leak) is shown")
            }
            #expect(page.range(of: #"\d{4}-\d{2}-\d{2}T\d{2}"#, options: .regularExpression) == nil, "a time as stored is shown")
            try Snapshot.assert(Self.masked(page), named: "history-indicator-value.html")
        }
    }
}
