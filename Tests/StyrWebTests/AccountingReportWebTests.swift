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

/// The department's threshold for explanations per agency and year, from the browser.
@Suite("Explanation threshold page")
struct ThresholdWebTests {
    static func body(_ response: TestResponse) -> String { String(buffer: response.body) }
    static let base = "/organisasjoner/UKE/regnskapsrapport/2020"

    @Test("the department sets the threshold for the agency's year: bad input is refused per field, the report asks for explanations by it, and the default comes back")
    func threshold() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let steerer = try await Browser.login(client, email: WebTests.finSteerer, password: passwords[WebTests.finSteerer]!)
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            // The agency's leader sees which deviations still need an explanation.
            let leader = try await Browser.login(client, email: WebTests.leader, password: passwords[WebTests.leader]!)
            #expect(try await editor.get("\(Self.base)/terskel").status == .forbidden)
            #expect(try await editor.post("\(Self.base)/terskel", form: ["_csrf": editor.csrfToken!, "belop": "0", "prosent": "0", "regel": "og"]).status == .forbidden)

            let form = Self.body(try await steerer.get("\(Self.base)/terskel"))
            #expect(form.contains("value=\"500 000\""))
            #expect(form.contains("value=\"5\""))
            #expect(form.contains("Standard er avvik over 500 000 kr og over 5 % av regulert budsjett, og den gjelder nå."))
            #expect(Self.body(try await steerer.get(Self.base)).contains("Endre terskelen for forklaring"))
            #expect(!Self.body(try await editor.get(Self.base)).contains("Endre terskelen for forklaring"))
            let before = Self.body(try await leader.get("\(Self.base)?periode=t2"))
            #expect(before.contains("avvik mangler forklaring"))

            let refused = try await steerer.post("\(Self.base)/terskel", form: ["_csrf": steerer.csrfToken!, "belop": "mange", "prosent": "101", "regel": "og"])
            #expect(refused.status == .unprocessableContent)
            let refusal = Self.body(refused)
            #expect(refusal.contains("Beløpet må være et beløp i kroner"))
            #expect(refusal.contains("Prosenten må være et tall fra 0 til 100"))
            #expect(refusal.contains("value=\"mange\""), "what was typed is kept")

            // Beyond a trillion kroner and 100 %: no deviation of the demo reaches it.
            let saved = try await steerer.post("\(Self.base)/terskel", form: [
                "_csrf": steerer.csrfToken!, "belop": "1 000 000 000 000", "prosent": "100", "regel": "og",
            ])
            #expect(saved.status == .seeOther)
            let after = Self.body(try await leader.get("\(Self.base)?periode=t2"))
            #expect(!after.contains("avvik mangler forklaring"))
            #expect(after.contains("Forklaring kreves ved avvik over 1 000 000 000 000 kr og over 100 % av regulert budsjett."))
            // By the department's threshold nothing needs explaining: the leader can send the report.
            let sent = try await leader.post("\(Self.base)/send?periode=t2", form: ["_csrf": leader.csrfToken!])
            #expect(sent.status == .seeOther)
            // Another year keeps the default.
            let otherYear = Self.body(try await steerer.get("/organisasjoner/UKE/regnskapsrapport/2021/terskel"))
            #expect(otherYear.contains("value=\"500 000\""))
            #expect(otherYear.contains("Standard er avvik over 500 000 kr og over 5 % av regulert budsjett, og den gjelder nå."))
            #expect(!otherYear.contains("checked"), "the box is for going back, never ticked beforehand")

            // Either limit: a small amount and percentage make more deviations need an explanation.
            let either = try await steerer.post("\(Self.base)/terskel", form: ["_csrf": steerer.csrfToken!, "belop": "1", "prosent": "0,5", "regel": "eller"])
            #expect(either.status == .seeOther)
            let strict = Self.body(try await leader.get("\(Self.base)?periode=t2"))
            #expect(strict.contains("Forklaring kreves ved avvik over 1 kr eller over 0,5 % av regulert budsjett."))
            #expect(Self.body(try await steerer.get("\(Self.base)/terskel")).contains("value=\"0,5\""))

            #expect(Self.body(try await steerer.get("\(Self.base)/terskel")).contains("nå gjelder en egen terskel"))
            // The standard's values typed in are the agency's own for the year: a later change of the server's default does not move them.
            let sameAsStandard = try await steerer.post("\(Self.base)/terskel", form: ["_csrf": steerer.csrfToken!, "belop": "500 000 kr", "prosent": "5 %", "regel": "og"])
            #expect(sameAsStandard.headers[.location]?.contains("Terskelen%20er%20lagret") == true, "\(sameAsStandard.headers[.location] ?? "")")
            #expect(Self.body(try await steerer.get("\(Self.base)/terskel")).contains("nå gjelder en egen terskel"))
            _ = try await steerer.post("\(Self.base)/terskel", form: ["_csrf": steerer.csrfToken!, "belop": "1", "prosent": "0,5", "regel": "eller"])
            let standard = try await steerer.post("\(Self.base)/terskel", form: ["_csrf": steerer.csrfToken!, "belop": "1", "prosent": "0,5", "regel": "eller", "standard": "ja"])
            #expect(standard.status == .seeOther)
            let back = Self.body(try await leader.get("\(Self.base)?periode=t2"))
            #expect(back.contains("Forklaring kreves ved avvik over 500 000 kr og over 5 %"))
            #expect(back.contains("avvik mangler forklaring"))
            let history = Self.body(try await steerer.get("/historikk?type=forecastThreshold&nokkel=UKE/2020"))
            #expect(history.components(separatedBy: WebTests.finSteerer).count - 1 == 5, "five changes, each by the steerer")
        }
    }
}

extension ThresholdWebTests {
    @Test("with another default on the server, the form, the report and the API show that default until the department sets its own")
    func serverDefault() async throws {
        let custom = ForecastThreshold(amount: Money(ore: 25_000_050), percentBasisPoints: 250, rule: .amountOrPercent)
        try await WebTestApp.run(.sqlite, forecastThreshold: custom) { client, passwords in
            let steerer = try await Browser.login(client, email: WebTests.finSteerer, password: passwords[WebTests.finSteerer]!)
            let form = Self.body(try await steerer.get("\(Self.base)/terskel"))
            #expect(form.contains("Standard er avvik over 250 000,50 kr eller over 2,5 % av regulert budsjett, og den gjelder nå."))
            #expect(form.contains("value=\"250 000,50\""))
            #expect(form.contains("value=\"2,5\""))
            #expect(form.contains("<option value=\"eller\" selected>"))
            #expect(Self.body(try await steerer.get("\(Self.base)?periode=t2")).contains("Forklaring kreves ved avvik over 250 000,50 kr eller over 2,5 % av regulert budsjett."))
            let body = try await steerer.get("/api/v1/organisations/UKE/budget-setup/2020").body
            let setup = try #require(try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])
            let threshold = try #require(setup["threshold"] as? [String: Any])
            #expect(threshold["description"] as? String == "avvik over 250 000,50 kr eller over 2,5 % av regulert budsjett")
            #expect(threshold["isStandard"] as? Bool == true)
            #expect(threshold["amountOre"] as? Int == 25_000_050)
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
