import Foundation
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The service catalogue and self-cost pages on the demo, from outside: snapshots, a form
/// refusal beside its field, downloads, and who may see and write.
@Suite("Service and self-cost pages")
struct ServicePageTests {
    static func masked(_ html: String) -> String { PageSnapshotTests.masked(html) }

    @Test("each page matches its snapshot", arguments: [
        ("/organisasjoner/UKE/tjenester", WebTests.editor, "services-uke.html"),
        ("/organisasjoner/UKE/tjenester/fellessystemer?ar=2020", WebTests.finSteerer, "service-uke-fellessystemer-2020.html"),
        ("/organisasjoner/UKE/tjenester/kobling/2020", WebTests.editor, "service-mapping-uke-2020.html"),
        ("/organisasjoner/UKE/tjenester/selvkost/2020", WebTests.editor, "selfcost-uke-2020.html"),
        ("/organisasjoner/UKE/tjenester/regnskap/2020", WebTests.auditor, "service-accounts-uke-2020.html"),
        ("/organisasjoner/UKE/tjenester/priser/2020", WebTests.editor, "price-list-uke-2020.html"),
        ("/organisasjoner/UKE/tjenester/faktura/2020", WebTests.editor, "invoice-basis-uke-2020.html"),
        ("/organisasjoner/FIN/tjenester/oversikt/2020", WebTests.finSteerer, "selfcost-overview-fin-2020.html"),
    ])
    func snapshot(path: String, email: String, name: String) async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let browser = try await Browser.login(client, email: email, password: passwords[email]!)
            let response = try await browser.get(path)
            #expect(response.status == .ok)
            let body = String(buffer: response.body)
            #expect(body.contains("eksempel") || path.contains("kobling"))
            try Snapshot.assert(Self.masked(body), named: name)
        }
    }

    @Test("a key that is not 100 % is refused beside its field; downloads; others may not write")
    func forms() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            var form = ["_csrf": editor.csrfToken!, "navn": "Felles IKT", "belop": "100 000", "nokkel": "volume",
                        "andeler": "fellessystemer; 50\nkompetanse; 40\nikke-tjeneste; "]
            var response = try await editor.post("/organisasjoner/UKE/tjenester/selvkost/2021/kostnad/ny", form: form)
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("summerer til 90 %, ikke 100 %"))
            form["andeler"] = "fellessystemer; 50\nkompetanse; 40\nikke-tjeneste; 10"
            response = try await editor.post("/organisasjoner/UKE/tjenester/selvkost/2021/kostnad/ny", form: form)
            #expect(response.status == .seeOther)
            response = try await editor.post("/organisasjoner/UKE/tjenester/selvkost/2021/pris/ny", form: [
                "_csrf": editor.csrfToken!, "tjeneste": "kompetanse", "kostnadsgrunnlag": "1 000", "fondsbruk": "", "volum": "",
            ])
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("planlagt volum"))
            response = try await editor.post("/organisasjoner/UKE/tjenester/anlegg/ny", form: [
                "_csrf": editor.csrfToken!, "nummer": "N-1", "navn": "Server", "tjeneste": "kompetanse", "kostnad": "1 000", "aktivert": "2021",
                "levetid": "0", "ar": "2021",
            ])
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("Levetiden må være minst 1 år"))
            let csv = try await editor.get("/organisasjoner/UKE/tjenester/selvkost/2020?format=csv")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(String(buffer: csv.body).contains("F Kostnadsgrunnlag"))
            let xlsx = try await editor.get("/organisasjoner/UKE/tjenester/faktura/2020?format=xlsx")
            #expect(xlsx.status == .ok && xlsx.body.readableBytes > 1000)
            let blk = try await Browser.login(client, email: WebTests.blkSteerer, password: passwords[WebTests.blkSteerer]!)
            form["_csrf"] = blk.csrfToken!
            #expect(try await blk.post("/organisasjoner/UKE/tjenester/selvkost/2021/kostnad/ny", form: form).status == .forbidden)
            #expect(try await blk.get("/organisasjoner/UKE/tjenester").status == .forbidden)
            let auditor = try await Browser.login(client, email: WebTests.auditor, password: passwords[WebTests.auditor]!)
            form["_csrf"] = auditor.csrfToken!
            #expect(try await auditor.post("/organisasjoner/UKE/tjenester/selvkost/2021/kostnad/ny", form: form).status == .forbidden)
            #expect(try await auditor.get("/organisasjoner/UKE/tjenester/selvkost/2020").status == .ok)
        }
    }
}
