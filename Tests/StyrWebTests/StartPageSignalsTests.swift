import Foundation
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The start page lists at most 20 unconfirmed signals and counts the rest per agency, so it does
/// not grow with every signal recorded (the soak posts thousands: `Benchmarks/soak.sh`).
@Suite("Start page: unconfirmed signals bounded")
struct StartPageSignalsTests {
    @Test("20 unconfirmed signals listed, the rest counted with a link to the agency's signals", arguments: TestDatabase.backends)
    func bounded(backend: TestDatabase) async throws {
        try await WebTestApp.run(backend) { client, passwords in
            let fin = try await Browser.login(client, email: WebTests.finSteerer, password: passwords[WebTests.finSteerer]!)
            // The demo has one unconfirmed signal for UKE; 21 more make 22.
            for number in 1...21 {
                let posted = try await fin.post("/organisasjoner/UKE/signaler/ny", form: [
                    "_csrf": fin.csrfToken!, "tekst": "Grensesignal \(number)", "gitt_av": "Frida Finans", "dato": "15.03.2021",
                    "opphav": "other", "sted": "Telefon", "mote": "",
                ])
                #expect(posted.status == .seeOther)
            }
            let home = String(buffer: try await fin.get("/").body)
            let listed = home.components(separatedBy: "– ubekreftet i ").count - 1
            #expect(listed == HomeView.unconfirmedShown)
            #expect(home.contains(#"<li><a href="/organisasjoner/UKE/signaler">Utviklings- og kompetanseetaten: 2 ubekreftede signaler til</a></li>"#))
        }
    }
}
