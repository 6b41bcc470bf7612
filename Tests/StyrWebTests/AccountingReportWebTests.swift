import Foundation
import HummingbirdTesting
import StyrDomain
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The accounting report page on the demo's 2020 ledger, with the configured explanation threshold.
@Suite("Accounting report pages")
struct AccountingReportWebTests {
    static func body(_ response: TestResponse) -> String { String(buffer: response.body) }

    @Test("deviations beyond the threshold must be explained before the leader can submit; the threshold is configurable")
    func threshold() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let leader = try await Browser.login(client, email: WebTests.leader, password: passwords[WebTests.leader]!)
            let page = Self.body(try await leader.get("/organisasjoner/UKE/regnskapsrapport/2020?periode=t2"))
            #expect(page.contains("Regnskapsrapport med prognose – 2. tertial 2020"))
            // Revised budget 2020 of the chapter, computed from Dok. 3 and the revisions.
            #expect(page.contains("427 921 000"))
            #expect(page.contains("avvik mangler forklaring"))
            let refused = try await leader.post("/organisasjoner/UKE/regnskapsrapport/2020/send?periode=t2", form: ["_csrf": leader.csrfToken!])
            #expect(refused.status == .unprocessableContent)
            #expect(Self.body(refused).contains("Rapporten kan ikke sendes før avvikene er forklart"))
            let auditor = try await Browser.login(client, email: WebTests.auditor, password: passwords[WebTests.auditor]!)
            #expect(try await auditor.post("/organisasjoner/UKE/regnskapsrapport/2020/send?periode=t2", form: ["_csrf": auditor.csrfToken!]).status == .forbidden)
            let csv = try await leader.get("/organisasjoner/UKE/regnskapsrapport/2020?periode=t2&format=csv")
            #expect(Self.body(csv).hasPrefix("\u{FEFF}Kapittel;Kapittelnavn;Kontoklasse;Post"))
            let xlsx = try await leader.get("/organisasjoner/UKE/regnskapsrapport/2020?periode=t2&format=xlsx")
            #expect(xlsx.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(Array(xlsx.body.readableBytesView.prefix(2)) == Array("PK".utf8))
        }
        // With a threshold no deviation reaches, nothing needs explaining and the leader submits.
        let unreachable = ForecastThreshold(amount: .kroner(1_000_000_000_000), percentBasisPoints: 10_000)
        try await WebTestApp.run(.sqlite, forecastThreshold: unreachable) { client, passwords in
            let leader = try await Browser.login(client, email: WebTests.leader, password: passwords[WebTests.leader]!)
            let page = Self.body(try await leader.get("/organisasjoner/UKE/regnskapsrapport/2020?periode=t2"))
            #expect(!page.contains("avvik mangler forklaring"))
            let sent = try await leader.post("/organisasjoner/UKE/regnskapsrapport/2020/send?periode=t2", form: ["_csrf": leader.csrfToken!])
            #expect(sent.status == .seeOther)
            #expect(Self.body(try await leader.get("/organisasjoner/UKE/regnskapsrapport/2020?periode=t2")).contains("Sendte rapporter"))
        }
    }
}

/// The department's post grouping and the agency's periodisering, from the browser.
@Suite("Accounting report set-up pages")
struct BudgetSetupWebTests {
    static func body(_ response: TestResponse) -> String { String(buffer: response.body) }
    static let base = "/organisasjoner/UKE/regnskapsrapport/2020"
    static let merged = """
        000-099; Lønn og sosiale utgifter; 000-099
        100-399; Kjøp av varer og tjenester; 100-299, 300-399
        400-499; Overføringsutgifter; 400-499
        500-599; Finansutgifter; 500-599
        600-999; Inntekter; 600-699, 700-799, 800-899, 900-999
        """

    @Test("the department groups posts, the agency sets the periodisering; bad input is refused naming the line; roles are kept")
    func setUp() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let steerer = try await Browser.login(client, email: WebTests.finSteerer, password: passwords[WebTests.finSteerer]!)
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            let auditor = try await Browser.login(client, email: WebTests.auditor, password: passwords[WebTests.auditor]!)

            let form = try await steerer.get("\(Self.base)/postinndeling")
            #expect(form.status == .ok)
            #expect(Self.body(form).contains("100-299; Kjøp av varer og tjenester som inngår i komm. tjenesteproduksjon; 100-299"))
            #expect(try await editor.get("\(Self.base)/postinndeling").status == .forbidden)
            #expect(try await auditor.get("\(Self.base)/periodisering").status == .forbidden)

            let split = Self.merged.replacingOccurrences(of: "100-399; Kjøp av varer og tjenester; 100-299, 300-399", with: "100; Kjøp; 100-199\n200; Mer kjøp; 200-399")
            let refused = try await steerer.post("\(Self.base)/postinndeling", form: ["_csrf": steerer.csrfToken!, "kapittel_125": split])
            #expect(refused.status == .unprocessableContent)
            #expect(Self.body(refused).contains("Kapittel 125: Artsgruppe 100-299 er delt («100» og «200»)"))
            let unchanged = Self.body(try await steerer.get(Self.base))
            #expect(unchanged.contains("Poster: artsgruppene."))

            let saved = try await steerer.post("\(Self.base)/postinndeling", form: ["_csrf": steerer.csrfToken!, "kapittel_125": Self.merged])
            #expect(saved.status == .seeOther)
            let grouped = Self.body(try await steerer.get(Self.base))
            #expect(grouped.contains("Poster: egen postinndeling for kap. 125."))
            #expect(grouped.contains("100-399 Kjøp av varer og tjenester"))
            #expect(grouped.contains("artsgruppe=100-299,300-399&amp;kontoklasse=operating"))
            #expect(!grouped.contains(">100-299 Kjøp"))
            // The post's drill-down link reads the lines of both artsgrupper, which add up to the amount shown.
            let link = "/organisasjoner/UKE/regnskap/2020/linjer?maal=actuals&amp;artsgruppe=100-299,300-399&amp;kontoklasse=operating&amp;til=8"
            let shown = try #require(grouped.firstRange(of: link + "\">").map { grouped[$0.upperBound...].prefix { $0 != "<" } })
            #expect(!shown.isEmpty)
            let lines = try await steerer.get(link.replacingOccurrences(of: "&amp;", with: "&"))
            #expect(lines.status == .ok)
            #expect(Self.body(lines).contains("Sum \(shown) kr på"), "the lines' total is \(shown)")

            let badProfile = try await editor.post("\(Self.base)/periodisering", form: ["_csrf": editor.csrfToken!, "profiler": "alle: 1;1;1"])
            #expect(badProfile.status == .unprocessableContent)
            #expect(Self.body(badProfile).contains("Linje 1: En periodiseringsprofil må ha tolv månedsandeler, ikke 3."))
            let profile = try await editor.post("\(Self.base)/periodisering", form: [
                "_csrf": editor.csrfToken!, "profiler": "alle: 8;8;8;8;8;8;4;8;8;8;8;16\n125 drift 100-399: 1;1;1;1;1;1;1;1;1;1;1;1",
            ])
            #expect(profile.status == .seeOther)
            let profiled = Self.body(try await editor.get(Self.base))
            #expect(profiled.contains("Periodisering: egen månedsprofil for alle poster og egen profil for 1 post."))
            #expect(Self.body(try await editor.get("\(Self.base)/periodisering")).contains("125 drift 100-399: 1; 1; 1; 1; 1; 1; 1; 1; 1; 1; 1; 1"))
        }
    }
}

/// The budget page's regnskap cells lead to the ledger lines that add up to them.
@Suite("Budget page drill-down")
struct BudgetDrillDownWebTests {
    @Test("a regnskap cell links to its lines, whose total is the cell's amount; budget cells have no link")
    func drillDown() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            let page = String(buffer: try await editor.get("/organisasjoner/UKE/budsjett/2020").body)
            let sumLink = "/organisasjoner/UKE/regnskap/2020/linjer?maal=actuals&amp;kontoklasse=operating&amp;artsgruppe=000-599"
            #expect(page.contains("<a href=\"\(sumLink)\">1 158 413 263</a>"))
            #expect(page.contains("artsgruppe=600-699\">-541 434 566</a>"))
            #expect(page.contains("regnskap/2019/linjer?maal=actuals&amp;kontoklasse=operating\">334 232 140</a>"), "last year's net")
            #expect(!page.contains(">845 550 000</a>"), "Dok. 3 is not made of ledger lines")
            let lines = String(buffer: try await editor.get(sumLink.replacingOccurrences(of: "&amp;", with: "&")).body)
            #expect(lines.contains("Sum 1 158 413 263 kr på"))
            // The annual report's web page links the same cells.
            let report = String(buffer: try await editor.get("/organisasjoner/UKE/arsberetning/2020").body)
            #expect(report.contains("<a href=\"\(sumLink)\">1 158 413 263</a>"))
        }
    }
}
