import Foundation
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// Snapshots of the dialogue's pages that `PageSnapshotTests` does not cover, with their status
/// and content type. What changes from day to day (today's date, what is due, a signal's age) is masked.
@Suite("Dialogue page snapshots")
struct DialogueSnapshotTests {
    static func masked(_ html: String) -> String {
        PageSnapshotTests.masked(html)
            .replacingOccurrences(of: #"skriftlig: \d+ dager"#, with: "skriftlig: N dager", options: .regularExpression)
            .replacingOccurrences(of: #"(?s)<section aria-labelledby="snart">.*?</section>"#, with: #"<section aria-labelledby="snart">DUE</section>"#,
                                  options: .regularExpression)
    }

    @Test("dialogue pages match their snapshots", arguments: [
        ("/organisasjoner/UKE/moter", "meetings-uke.html"), ("/organisasjoner/UKE/meldinger/4", "notice-uke-incident.html"),
        ("/organisasjoner/UKE/arshjul?ar=2020", "calendar-uke-2020.html"),
        ("/organisasjoner/UKE/styringslogg?fra=2020-01-01&til=2021-12-31", "governance-log-uke.html"), ("/kalender", "feed.html"),
        ("/organisasjoner/UKE/tildelingsbrev/2021", "letter-uke-2021.html"),
    ])
    func snapshot(path: String, name: String) async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let browser = try await Browser.login(client, email: WebTests.admin, password: passwords[WebTests.admin]!)
            let response = try await browser.get(path)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            try Snapshot.assert(Self.masked(String(buffer: response.body)), named: name)
        }
    }

    @Test("a refused status report shows the letter again with the errors beside the report's fields")
    func refusedReport() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let editor = try await Browser.login(client, email: WebTests.editor, password: passwords[WebTests.editor]!)
            let response = try await editor.post("/organisasjoner/UKE/tildelingsbrev/2021/oppdrag/ikt-konsolidering", form: [
                "_csrf": editor.csrfToken!, "status": "done", "dato": "01.06.2021", "kommentar": " ",
            ])
            #expect(response.status == .unprocessableContent)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            try Snapshot.assert(Self.masked(String(buffer: response.body)), named: "letter-uke-2021-refused-report.html")
        }
    }
}
