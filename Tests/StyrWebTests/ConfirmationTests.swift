import Foundation
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// Confirmations come from the server: a `?lagret=` text without the session's receipt shows nothing.
@Suite("Confirmations after saving")
struct ConfirmationTests {
    @Test("a confirmation written by the server is shown; one typed into the URL is not")
    func receipts() async throws {
        try await ParityEdges.run(.sqlite, as: WebTests.finSteerer) { edges in
            let phishing = "Kontoen din er sperret. Ring 800 12 345."
            let forged = try await edges.browser.get("/organisasjoner/UKE/signaler?lagret=\(phishing.urlQueryEncoded)")
            #expect(forged.status == .ok)
            #expect(!String(buffer: forged.body).contains("sperret"))
            let forgedReceipt = try await edges.browser.get(
                "/organisasjoner/UKE/signaler?lagret=\(phishing.urlQueryEncoded)&kvittering=\(String(repeating: "0", count: 64))")
            #expect(!String(buffer: forgedReceipt.body).contains("sperret"))
            let saved = try await edges.page("/organisasjoner/UKE/signaler/ny", [
                "tekst": "Et signal.", "gitt_av": "Frida Finans", "dato": "2020-06-10", "opphav": "other", "sted": "telefonsamtale",
            ])
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers[.location])
            #expect(location.contains("kvittering="))
            let shown = String(buffer: try await edges.browser.get(location).body)
            #expect(shown.contains(#"<p class="notice" role="status">Signalet er registrert som ubekreftet.</p>"#))
            // The same link in another session shows nothing.
            let anonymous = try await edges.client.execute(uri: location, method: .get, headers: [:], body: nil)
            #expect(!String(buffer: anonymous.body).contains("registrert som ubekreftet"))
        }
    }
}
