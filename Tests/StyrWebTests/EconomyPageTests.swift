import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The economy pages (ledger, its lines, the upload form and the accounting report): a snapshot of
/// each template, with its status and content type, and the confirmations after saving.
@Suite("Economy pages")
struct EconomyPageTests {
    /// Tokens and the times of imports and submissions change from run to run; they are masked.
    static func masked(_ html: String) -> String {
        PageSnapshotTests.masked(html)
            .replacingOccurrences(of: #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z"#, with: "TIME", options: .regularExpression)
    }

    static func assertPage(_ response: TestResponse, status: HTTPResponse.Status = .ok, named name: String) throws {
        #expect(response.status == status, "\(name)")
        #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(name)")
        try Snapshot.assert(Self.masked(String(buffer: response.body)), named: name)
    }

    /// A `multipart/form-data` body with the form's fields and one file, as a browser sends it.
    static func multipart(fields: [String: String], file: (name: String, contents: String)?, boundary: String = "styr-test-grense") -> ByteBuffer {
        var body = ""
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        if let file {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n\(file.contents)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return ByteBuffer(string: body)
    }

    /// Uploads a file through the import form.
    static func upload(
        _ browser: Browser, year: Int = 2021, fields: [String: String] = [:], file: (name: String, contents: String)?
    ) async throws -> TestResponse {
        var headers = browser.headers
        headers[.contentType] = "multipart/form-data; boundary=styr-test-grense"
        return try await browser.client.execute(
            uri: "/organisasjoner/UKE/regnskap/\(year)/import", method: .post, headers: headers,
            body: multipart(fields: fields.merging(["_csrf": browser.csrfToken ?? ""]) { $1 }, file: file))
    }

    @Test("the ledger, its lines, the import form and the accounting report match their snapshots")
    func snapshots() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            try Self.assertPage(try await editor.get("/organisasjoner/UKE/regnskap/2020?rad=group&kolonne=month"), named: "ledger-uke-2020.html")
            try Self.assertPage(try await editor.get("/organisasjoner/UKE/regnskap/2021"), named: "ledger-uke-2021-empty.html")
            try Self.assertPage(try await editor.get("/organisasjoner/UKE/regnskap/2020/linjer?maal=actuals&artsgruppe=100-299&til=8"),
                                named: "ledger-lines-uke-2020.html")
            try Self.assertPage(try await editor.get("/organisasjoner/UKE/regnskap/2020/import"), named: "ledger-import.html")
            try Self.assertPage(try await editor.get("/organisasjoner/UKE/regnskapsrapport/2020?periode=t2"), named: "accounting-report-uke-2020.html")
            let auditor = try await Browser.login(client, email: WebTests.auditor, password: passwords[WebTests.auditor]!)
            try Self.assertPage(try await auditor.get("/organisasjoner/UKE/regnskapsrapport/2020?periode=m4"),
                                named: "accounting-report-uke-2020-read-only.html")
        }
    }

    @Test("a refused upload and refused forecasts match their snapshots")
    func refusals() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            let bad = "art;ansvar;tjeneste_nr;periode;beloep\n11201;A1;12000;3;abc\n11201;A1;12000;3;12,3,4\n"
            try Self.assertPage(try await Self.upload(editor, fields: ["maal": "actuals", "format": "auto", "periode": "", "profil": "", "kontoklasse": ""],
                                                      file: ("regnskap.csv", bad)),
                                status: .unprocessableContent, named: "ledger-import-errors.html")
            let report = "/organisasjoner/UKE/regnskapsrapport/2020?periode=t2"
            let refused = try await editor.post(report, form: [
                "_csrf": editor.csrfToken!, "metode_125_operating_000-099": "manuell", "verdi_125_operating_000-099": "mye",
                "metode_125_operating_100-299": "manuell", "verdi_125_operating_100-299": "1 000", "kommentar_125_operating_100-299": "",
            ])
            try Self.assertPage(refused, status: .unprocessableContent, named: "accounting-report-errors.html")
        }
    }

    @Test("a period that is no period, a year Styr does not keep and a filter that cannot be read are bad addresses (400) that say why")
    func badAddresses() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            for period in ["-1", "t9", "t0", "m13", "x2", "T2", ""] {
                let response = try await editor.get("/organisasjoner/UKE/regnskapsrapport/2020?periode=\(period.urlQueryEncoded)")
                #expect(response.status == .badRequest, "\(period)")
                #expect(String(buffer: response.body).contains("Parameteren «periode» er ugyldig"), "\(period)")
                #expect(String(buffer: response.body).contains("bruk t1–t3 (tertial) eller m1–m12 (måned)"), "\(period)")
            }
            for period in ["t1", "t3", "m1", "m12"] {
                #expect(try await editor.get("/organisasjoner/UKE/regnskapsrapport/2020?periode=\(period)").status == .ok, "\(period)")
            }
            #expect(try await editor.post("/organisasjoner/UKE/regnskapsrapport/2020/send?periode=t9", form: ["_csrf": editor.csrfToken!]).status == .badRequest)
            for path in ["/organisasjoner/UKE/regnskap/1850", "/organisasjoner/UKE/regnskap/1850/linjer", "/organisasjoner/UKE/regnskap/1850/import",
                         "/organisasjoner/UKE/regnskapsrapport/1850", "/organisasjoner/UKE/regnskapsrapport/2201/periodisering"] {
                let response = try await editor.get(path)
                #expect(response.status == .badRequest, "\(path)")
                #expect(String(buffer: response.body).contains("1900"), "\(path)")
            }
            let filter = try await editor.get("/organisasjoner/UKE/regnskap/2020?kontoklasse=drift")
            #expect(filter.status == .badRequest)
            #expect(String(buffer: filter.body).contains("«drift» er ikke en kontoklasse"))
            #expect(try await editor.get("/organisasjoner/UKE/regnskap/2020/linjer?art=abc").status == .badRequest)
        }
    }

    @Test("confirmations come from the server: an upload and saved forecasts say so; a ?lagret= typed into the address shows nothing")
    func confirmations() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            let phishing = "Ring 12345678 for å bekrefte kontoen din"
            for path in ["/organisasjoner/UKE/regnskap/2020", "/organisasjoner/UKE/regnskapsrapport/2020"] {
                #expect(!String(buffer: try await editor.get("\(path)?lagret=\(phishing.urlQueryEncoded)").body).contains(phishing), "\(path)")
            }
            let uploaded = try await Self.upload(editor, fields: ["maal": "actuals", "periode": "3"],
                                                 file: ("regnskap.csv", "art;ansvar;tjeneste_nr;beloep\n11201;A1;12000;100,50\n"))
            #expect(uploaded.status == .seeOther)
            let location = try #require(uploaded.headers[.location])
            #expect(location.hasPrefix("/organisasjoner/UKE/regnskap/2021?maal=actuals&lagret=") && location.contains("&kvittering="), "\(location)")
            let ledger = String(buffer: try await editor.get(location).body)
            #expect(ledger.contains("Importert 1 linjer fra regnskap.csv; kontrollsum 100,50 kr."))
            #expect(ledger.contains("Periode 3"))
            let saved = try await editor.post("/organisasjoner/UKE/regnskapsrapport/2020?periode=m4", form: [
                "_csrf": editor.csrfToken!, "metode_125_operating_000-099": "sesong", "forklaring_125_operating_000-099": "Lønnsoppgjøret",
            ])
            #expect(saved.status == .seeOther)
            let report = try #require(saved.headers[.location])
            #expect(report.hasPrefix("/organisasjoner/UKE/regnskapsrapport/2020?periode=m4&lagret="))
            let page = String(buffer: try await editor.get(report).body)
            #expect(page.contains("<p class=\"notice\" role=\"status\">Prognosene er lagret.</p>"))
            #expect(page.contains("Lønnsoppgjøret</textarea>"))
            // A period that is no month is refused beside its field; the other fields are kept.
            let refused = try await Self.upload(editor, fields: ["maal": "budget", "periode": "13"], file: ("regnskap.csv", "art;beloep\n"))
            #expect(refused.status == .unprocessableContent)
            #expect(ParityEdges.fieldError(refused, field: "periode")?.hasPrefix("Perioden må være en måned fra 1 til 12, ikke 13") == true)
            #expect(String(buffer: refused.body).contains("<option value=\"budget\" selected>"))
        }
    }
}
