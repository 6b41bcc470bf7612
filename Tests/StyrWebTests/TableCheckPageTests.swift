import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// «Kontroll av tabeller» (issue 17): the form, a check of two tables uploaded together with a
/// finding and its likely cause, and input that cannot be checked.
@Suite("Table check page")
struct TableCheckPageTests {
    static let path = "/organisasjoner/UKE/kontroll-av-tabeller"

    static func multipart(fields: [String: String], files: [(name: String, contents: String)], boundary: String = "styr-test-grense") -> ByteBuffer {
        var body = ""
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        for file in files {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"tabeller\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n\(file.contents)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return ByteBuffer(string: body)
    }

    static func upload(_ browser: Browser, fields: [String: String] = [:], files: [(name: String, contents: String)]) async throws -> TestResponse {
        var headers = browser.headers
        headers[.contentType] = "multipart/form-data; boundary=styr-test-grense"
        return try await browser.client.execute(
            uri: path, method: .post, headers: headers, body: multipart(fields: fields.merging(["_csrf": browser.csrfToken ?? ""]) { $1 }, files: files))
    }

    static let skjema1B = "Enhet;Regnskap 2018\nOppvekst;300\nHelse og omsorg;350\nTeknisk;40\nSum fordelt til drift;690\n"
    static let skjema1A = """
        Regnskapsskjema 1A;Regnskap 2018
        Skatt på inntekt og formue;300
        Ordinært rammetilskudd;400
        Skatt på eiendom;50
        Andre generelle statstilskudd;20
        Sum frie disponible inntekter;770
        Renteinntekter og utbytte;10
        Renteutg.,provisjoner og andre fin.utg.;30
        Avdrag på lån;40
        Netto finansinnt./utg.;-60
        Til ubundne avsetninger;20
        Til bundne avsetninger;10
        Bruk av tidligere regnsk.m. mindreforbruk;5
        Bruk av ubundne avsetninger;15
        Bruk av bundne avsetninger;5
        Netto avsetninger;-5
        Overført til investeringsregnskapet;5
        Til fordeling drift;700
        Sum fordelt til drift (fra skjema 1B);690
        Mer/mindreforbruk;-10

        """

    @Test("the form, a check with a finding, and a table that cannot be read match their snapshots")
    func snapshots() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let auditor = try await Browser.login(client, email: WebTests.auditor, password: passwords[WebTests.auditor]!)
            try EconomyPageTests.assertPage(try await auditor.get(Self.path), named: "table-check.html")
            let checked = try await Self.upload(auditor, fields: ["definisjon": "", "toleranse": ""],
                                                files: [("1a.csv", Self.skjema1A), ("1b.csv", Self.skjema1B)])
            try EconomyPageTests.assertPage(checked, named: "table-check-findings.html")
            let body = String(buffer: checked.body)
            #expect(body.contains("Mer/mindreforbruk"))
            #expect(body.contains("fortegnsfeil") || body.contains("1 avvik"), "\(body)")
            let unreadable = try await Self.upload(auditor, fields: ["definisjon": "regnskapsskjema-1b"],
                                                   files: [("1b.csv", "Enhet;Regnskap 2018\nOppvekst;3x0\nSum;300\n")])
            try EconomyPageTests.assertPage(unreadable, status: .unprocessableContent, named: "table-check-errors.html")
            #expect(String(buffer: unreadable.body).contains("1b.csv, linje 2, kolonne «Regnskap 2018»"))
        }
    }
}
