import Foundation
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The risk register, the risk picture of a notice and the internal control plan, through the web.
@Suite("Risk and internal control pages")
struct RiskPageTests {
    static func masked(_ html: String) -> String { AuthorityPageTests.masked(html) }

    @Test("the register, the roll-up, one risk, the plans and one control match their snapshots", arguments: [
        ("/organisasjoner/UKE/risiko", WebTests.editor, "risks-uke.html"),
        ("/organisasjoner/FIN/risiko", WebTests.finSteerer, "risks-fin.html"),
        ("/organisasjoner/UKE/risiko/1", WebTests.finSteerer, "risk-uke-1.html"),
        ("/organisasjoner/UKE/internkontroll/2020", WebTests.editor, "internal-control-uke-2020.html"),
        ("/organisasjoner/FIN/internkontroll/2020", WebTests.finSteerer, "internal-control-fin-2020.html"),
        ("/organisasjoner/UKE/internkontroll/2020/1", WebTests.auditor, "control-uke-2020-1.html"),
    ])
    func snapshot(path: String, email: String, name: String) async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let browser = try await Browser.login(client, email: email, password: passwords[email]!)
            let response = try await browser.get(path)
            #expect(response.status == .ok)
            let body = String(buffer: response.body)
            #expect(body.contains("Eksempeldata"))
            try Snapshot.assert(Self.masked(body), named: name)
        }
    }

    @Test("a risk recorded through the form; likelihood 6 refused beside its field; others may not write")
    func recordRisk() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            var form = [
                "_csrf": editor.csrfToken!, "tittel": "Forsinket skyplattform", "beskrivelse": "", "arsak": "", "konsekvens": "", "kategori": "operations",
                "eier": "Driftssjef", "mal": "Digitale tjenester", "indikatorer": "", "oppdrag": "", "tjenester": "", "registrert": "2026-01-10",
                "sannsynlighet": "6", "konsekvensgrad": "4", "sannsynlighet_etter": "3", "konsekvensgrad_etter": "4",
            ]
            var response = try await editor.post("/organisasjoner/UKE/risiko/ny", form: form)
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("Sannsynlighet må være fra 1 til 5 (var 6)."))
            form["sannsynlighet"] = "4"
            response = try await editor.post("/organisasjoner/UKE/risiko/ny", form: form)
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location]).components(separatedBy: "?")[0]
            response = try await editor.post("\(location)/tiltak/ny", form: [
                "_csrf": editor.csrfToken!, "beskrivelse": "Ny leverandør", "eier": "Innkjøp", "frist": "2026-01-09", "status": "planned", "effekt": "",
            ])
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("kan ikke være før risikoen ble registrert"))
            let page = String(buffer: try await editor.get(location).body)
            #expect(page.contains("Forsinket skyplattform") && page.contains("Over akseptgrensen"))
            let blk = try await Browser.login(client, email: WebTests.blkSteerer, password: passwords[WebTests.blkSteerer]!)
            form["_csrf"] = blk.csrfToken!
            #expect(try await blk.post("/organisasjoner/UKE/risiko/ny", form: form).status == .forbidden)
            #expect(try await blk.get("/organisasjoner/UKE/risiko").status == .forbidden)
            let auditor = try await Browser.login(client, email: WebTests.auditor, password: passwords[WebTests.auditor]!)
            form["_csrf"] = auditor.csrfToken!
            #expect(try await auditor.post("/organisasjoner/UKE/risiko/ny", form: form).status == .forbidden)
        }
    }

    @Test("a sent risk-picture notice links to the register it carried")
    func picture() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            var response = try await editor.post("/organisasjoner/UKE/meldinger/ny/risiko", form: [
                "_csrf": editor.csrfToken!, "tittel": "Oppdatert risikobilde", "risikobilde": "Løsepengevirus er fortsatt høyeste risiko.", "handling": "send",
            ])
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location]).components(separatedBy: "?")[0]
            let notice = String(buffer: try await editor.get(location).body)
            #expect(notice.contains("\(location)/risikobilde"))
            let fin = try await Browser.login(client, email: WebTests.finSteerer, password: passwords[WebTests.finSteerer]!)
            response = try await fin.get("\(location)/risikobilde")
            #expect(response.status == .ok)
            try Snapshot.assert(Self.masked(String(buffer: response.body)).replacingOccurrences(of: #"meldinger/\d+"#, with: "meldinger/N", options: .regularExpression)
                .replacingOccurrences(of: #"melding nr\. \d+|Melding nr\. \d+"#, with: "melding nr. N", options: .regularExpression), named: "risk-picture-uke.html")
        }
    }

    static func upload(_ browser: Browser, to path: String, execution: String, file: (name: String, contents: String)) async throws -> TestResponse {
        var headers = browser.headers
        headers[.contentType] = "multipart/form-data; boundary=styr-test-grense"
        return try await browser.client.execute(
            uri: path, method: .post, headers: headers,
            body: EconomyPageTests.multipart(fields: ["_csrf": browser.csrfToken ?? "", "gjennomforing": execution], file: file))
    }

    @Test("a control, an execution and its evidence: a wrong type is refused and nothing stored; a PDF is stored and downloaded")
    func evidence() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            var response = try await editor.post("/organisasjoner/UKE/internkontroll/2026/ny", form: [
                "_csrf": editor.csrfToken!, "kontroll": "Brannmurregler", "kravtype": "isoControl", "krav": "A.9.9", "hyppighet": "yearly", "ansvarlig": "Nettverk",
            ])
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("er ikke et tiltak i ISO/IEC 27001:2022 vedlegg A"))
            response = try await editor.post("/organisasjoner/UKE/internkontroll/2026/ny", form: [
                "_csrf": editor.csrfToken!, "kontroll": "Brannmurregler", "kravtype": "isoControl", "krav": "A.8.20", "hyppighet": "yearly", "ansvarlig": "Nettverk",
            ])
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location]).components(separatedBy: "?")[0]
            response = try await editor.post("\(location)/gjennomforing", form: [
                "_csrf": editor.csrfToken!, "dato": "2026-03-01", "resultat": "inOrder", "merknad": "", "avvik": "", "tiltak": "",
            ])
            #expect(response.status == .seeOther)
            response = try await Self.upload(editor, to: "\(location)/dokumentasjon", execution: "1", file: ("virus.pdf", "MZ not a pdf"))
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("er ikke en tillatt filtype"))
            response = try await Self.upload(editor, to: "\(location)/dokumentasjon", execution: "1", file: ("rapport.pdf", "%PDF-1.4 rapport"))
            #expect(response.status == .seeOther)
            let page = String(buffer: try await editor.get(location).body)
            #expect(!page.contains("virus.pdf") && page.contains("rapport.pdf"))
            let auditor = try await Browser.login(client, email: WebTests.auditor, password: passwords[WebTests.auditor]!)
            let file = try await auditor.get("\(location)/dokumentasjon/1")
            #expect(file.status == .ok && String(buffer: file.body) == "%PDF-1.4 rapport" && file.headers[.contentType] == "application/pdf")
            #expect(try await Self.upload(auditor, to: "\(location)/dokumentasjon", execution: "1", file: ("rapport.pdf", "%PDF-1.4 x")).status == .forbidden)
        }
    }
}
