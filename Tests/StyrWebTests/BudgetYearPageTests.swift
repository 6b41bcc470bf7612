import Foundation
import HummingbirdTesting
import StyrDomain
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The budget years page (start next year, close, reopen with a reason) and the main menu with
/// its year chooser, which stays (cookie) and opens on the latest year with data.
@Suite("Budget years page and main menu")
struct BudgetYearPageTests {
    /// The current year's row and the times of changes depend on the day the test runs.
    static func masked(_ html: String) -> String {
        let year = CalendarDate.today().year
        return PageSnapshotTests.masked(html)
            .replacingOccurrences(of: #"\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}"#, with: "DD.MM.ÅÅÅÅ TT:MM", options: .regularExpression)
            .replacingOccurrences(of: #"<tr id="ar-\#(year)">.*?</tr>"#, with: "<tr>CURRENT YEAR</tr>", options: .regularExpression)
    }

    @Test("start the next year, close and reopen from the page; the page matches its snapshot")
    func page() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let admin = try await Browser.login(client, email: WebTests.admin, password: passwords[WebTests.admin]!)
            let started = try await admin.post("/organisasjoner/UKE/budsjettar/2021/start-neste", form: ["_csrf": admin.csrfToken!])
            #expect(started.status == .seeOther)
            let closed = try await admin.post("/organisasjoner/UKE/budsjettar/2020/avslutt", form: ["_csrf": admin.csrfToken!])
            #expect(closed.status == .seeOther)
            let again = try await admin.post("/organisasjoner/UKE/budsjettar/2021/start-neste", form: ["_csrf": admin.csrfToken!])
            #expect(again.status == .unprocessableContent)
            #expect(String(buffer: again.body).contains("Budsjettåret 2022 er allerede startet for UKE"))
            let noToken = try await admin.post("/organisasjoner/UKE/budsjettar/2021/avslutt", form: [:])
            #expect(noToken.status == .forbidden)
            let empty = try await admin.post("/organisasjoner/UKE/budsjettar/2020/gjenapne", form: ["_csrf": admin.csrfToken!, "begrunnelse": ""])
            #expect(empty.status == .unprocessableContent)
            #expect(String(buffer: empty.body).contains("Skriv en begrunnelse"))
            let response = try await admin.get("/organisasjoner/UKE/budsjettar")
            #expect(response.status == .ok)
            try Snapshot.assert(Self.masked(String(buffer: response.body)), named: "budget-years-uke.html")
            let reopened = try await admin.post("/organisasjoner/UKE/budsjettar/2020/gjenapne", form: ["_csrf": admin.csrfToken!, "begrunnelse": "Feil i regnskapet"])
            #expect(reopened.status == .seeOther)
            #expect(String(buffer: try await admin.get("/organisasjoner/UKE/budsjettar").body).contains("Gjenåpnet: Feil i regnskapet"))
        }
    }

    @Test("the auditor sees the years without buttons; a steerer of another department may not close")
    func access() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let auditor = try await Browser.login(client, email: WebTests.auditor, password: passwords[WebTests.auditor]!)
            let page = String(buffer: try await auditor.get("/organisasjoner/UKE/budsjettar").body)
            #expect(page.contains("Budsjettår") && !page.contains("Avslutt 2020") && !page.contains("start-neste"))
            let blk = try await Browser.login(client, email: WebTests.blkSteerer, password: passwords[WebTests.blkSteerer]!)
            let refused = try await blk.post("/organisasjoner/UKE/budsjettar/2020/avslutt", form: ["_csrf": blk.csrfToken!])
            #expect(refused.status == .forbidden)
        }
    }

    @Test("the menu shows the year's cycle for the year in the address, remembers it, and the chooser keeps the page")
    func menu() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            var admin = try await Browser.login(client, email: WebTests.admin, password: passwords[WebTests.admin]!)
            let budget = try await admin.get("/organisasjoner/UKE/budsjett/2020")
            let html = String(buffer: budget.body)
            #expect(html.contains(#"<nav class="year-menu" aria-label="Årets syklus">"#))
            for link in ["/organisasjoner/UKE/ar/2020", "/organisasjoner/UKE/meldinger", "/organisasjoner/UKE/indikatorer/2020",
                         "/organisasjoner/UKE/regnskap/2020", "/organisasjoner/UKE/regnskapsrapport/2020", "/organisasjoner/UKE/arsberetning/2020",
                         "/organisasjoner/UKE/arshjul?ar=2020", "/organisasjoner/UKE/budsjettar", "/admin"] {
                #expect(html.contains(#"href="\#(link)""#), "\(link)")
            }
            #expect(html.contains(#"<a href="/organisasjoner/UKE/budsjett/2020" aria-current="page">Budsjett</a>"#))
            #expect(Browser.cookieValue(budget, YearMenuMiddleware.yearCookie) == "2020")
            // A page without a year in its address keeps the remembered year.
            admin.cookie = (admin.cookie ?? "") + "; \(YearMenuMiddleware.yearCookie)=2020; \(YearMenuMiddleware.organisationCookie)=UKE"
            #expect(String(buffer: try await admin.get("/organisasjoner/UKE/meldinger").body).contains(#"href="/organisasjoner/UKE/indikatorer/2020""#))
            #expect(String(buffer: try await admin.get("/").body).contains(#"href="/organisasjoner/UKE/indikatorer/2020""#), "the start page too")
            let chosen = try await admin.get("/organisasjoner/UKE/velg-ar?ar=2021&side=%2Forganisasjoner%2FUKE%2Fbudsjett%2F2020")
            #expect(chosen.status == .seeOther && chosen.headers[.location] == "/organisasjoner/UKE/budsjett/2021")
            #expect(Browser.cookieValue(chosen, YearMenuMiddleware.yearCookie) == "2021")
            let elsewhere = try await admin.get("/organisasjoner/UKE/velg-ar?ar=2021&side=https%3A%2F%2Fexample.com%2F")
            #expect(elsewhere.headers[.location] == "/organisasjoner/UKE", "only back to Styr's own pages")
            #expect(try await admin.get("/organisasjoner/UKE/velg-ar?ar=tjue").status == .badRequest)
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            #expect(!String(buffer: try await editor.get("/organisasjoner/UKE/budsjett/2020").body).contains(#"href="/admin""#), "administration for admins only")
        }
    }

    @Test("the calendar without a year opens on the latest year with data, not an empty current year")
    func calendarOpensOnData() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let admin = try await Browser.login(client, email: WebTests.admin, password: passwords[WebTests.admin]!)
            let html = String(buffer: try await admin.get("/organisasjoner/UKE/arshjul").body)
            #expect(html.contains("<title>Årshjul 2021 – "), "the demo's data are in 2020 and 2021")
        }
    }
}
