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
