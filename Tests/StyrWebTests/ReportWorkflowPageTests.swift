import Foundation
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The tertial report page and the report workflow pages: snapshots, and the workflow walked by
/// editor, leader and steerer through the forms, with the role rules tried from outside.
@Suite("Report workflow pages")
struct ReportWorkflowPageTests {
    /// Masks what changes between runs: the CSRF token, and the times of steps taken now.
    static func masked(_ html: String) -> String {
        PageSnapshotTests.masked(html)
    }

    @Test("the tertial report, its workflow and a frozen version match their snapshots", arguments: [
        ("/organisasjoner/UKE/tertialrapport/2020/t2", WebTests.editor, "tertial-report-uke-2020-t2.html"),
        ("/organisasjoner/UKE/tertialrapport/2020/t1", WebTests.leader, "tertial-report-uke-2020-t1-draft.html"),
        ("/organisasjoner/UKE/rapporter/2020/tertialrapport/t2", WebTests.finSteerer, "report-workflow-uke-2020-t2.html"),
        ("/organisasjoner/UKE/rapporter/2020/tertialrapport/t2/versjoner/1", WebTests.finSteerer, "report-version-uke-2020-t2-1.html"),
    ])
    func snapshot(path: String, email: String, name: String) async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let browser = try await Browser.login(client, email: email, password: passwords[email]!)
            let response = try await browser.get(path)
            #expect(response.status == .ok)
            try Snapshot.assert(Self.masked(String(buffer: response.body)), named: name)
        }
    }

    @Test("editor writes, leader submits, steerer returns, leader resubmits, steerer sees the difference, approves and publishes")
    func walk() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            func login(_ email: String) async throws -> Browser { try await Browser.login(client, email: email, password: passwords[email]!) }
            let (editor, leader, fin, blk) = (try await login(WebTests.editor), try await login(WebTests.leader),
                                              try await login(WebTests.finSteerer), try await login(WebTests.blkSteerer))
            let page = "/organisasjoner/UKE/tertialrapport/2020/t1", flow = "/organisasjoner/UKE/rapporter/2020/tertialrapport/t1"
            var response = try await editor.post("\(page)/tekster", form: ["_csrf": editor.csrfToken!, "tekst_sammendrag": "Første versjon."])
            #expect(response.status == .seeOther)
            #expect(try await editor.post("\(flow)/send-inn", form: ["_csrf": editor.csrfToken!]).status == .forbidden)
            #expect(!String(buffer: try await editor.get(page).body).contains("Send inn rapporten"))
            response = try await leader.post("\(flow)/send-inn", form: ["_csrf": leader.csrfToken!])
            #expect(response.status == .seeOther)
            // Edits after submission are refused; the frozen version is unchanged.
            response = try await editor.post("\(page)/tekster", form: ["_csrf": editor.csrfToken!, "tekst_sammendrag": "Endret."])
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("den innsendte versjonen står fast"))
            #expect(String(buffer: try await fin.get("\(flow)/versjoner/1").body).contains("Første versjon."))
            #expect(try await leader.post("\(flow)/godkjenn", form: ["_csrf": leader.csrfToken!]).status == .forbidden)
            #expect(try await blk.post("\(flow)/godkjenn", form: ["_csrf": blk.csrfToken!]).status == .forbidden)
            response = try await fin.post("\(flow)/returner", form: ["_csrf": fin.csrfToken!, "kommentar": ""])
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("Skriv hva etaten skal endre"))
            #expect(try await fin.post("\(flow)/returner", form: ["_csrf": fin.csrfToken!, "kommentar": "Utdyp sammendraget."]).status == .seeOther)
            #expect(String(buffer: try await editor.get(page).body).contains("Utdyp sammendraget."))
            #expect(try await editor.post("\(page)/tekster", form: ["_csrf": editor.csrfToken!, "tekst_sammendrag": "Andre versjon."]).status == .seeOther)
            #expect(try await leader.post("\(flow)/send-inn", form: ["_csrf": leader.csrfToken!]).status == .seeOther)
            let workflow = String(buffer: try await fin.get(flow).body)
            #expect(workflow.contains("Endringer fra versjon 1 til 2") && workflow.contains("Fjernet: Første versjon.") && workflow.contains("Lagt til: Andre versjon."))
            #expect(try await fin.post("\(flow)/godkjenn", form: ["_csrf": fin.csrfToken!, "kommentar": ""]).status == .seeOther)
            #expect(try await fin.post("\(flow)/publiser", form: ["_csrf": fin.csrfToken!]).status == .seeOther)
            #expect(String(buffer: try await leader.get(flow).body).contains("Status: <strong>Publisert</strong>"))
            #expect(try await fin.get("/organisasjoner/UKE/tertialrapport/2020/t9").status == .badRequest)
            #expect(try await fin.get("/organisasjoner/UKE/rapporter/2020/noe/t1").status == .notFound)
        }
    }

    @Test("a period result is entered through the indicator form with ?periode and shown in the tertial report; the year's result is kept")
    func periodResult() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            let form = "/organisasjoner/UKE/indikatorer/2020/ehf-leverandorfakturaer"
            let year = String(buffer: try await editor.get(form).body)
            #expect(!year.contains("Resultat for 2. tertial 2020"))
            let page = String(buffer: try await editor.get("\(form)?periode=t1").body)
            #expect(page.contains("Resultat for 1. tertial 2020") && page.contains("action=\"\(form)?periode=t1\""))
            #expect(try await editor.get("\(form)?periode=t7").status == .badRequest)
            let response = try await editor.post("\(form)?periode=t1", form: ["_csrf": editor.csrfToken!, "resultat": "93", "ikke_malt": "", "kommentar": ""])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location]?.hasPrefix("/organisasjoner/UKE/tertialrapport/2020/t1") == true)
            let report = String(buffer: try await editor.get("/organisasjoner/UKE/tertialrapport/2020/t1").body)
            #expect(report.contains("<td>1. tertial 2020</td>"))
            #expect(String(buffer: try await editor.get(form).body).contains("value=\"92,9\""))
        }
    }
}
