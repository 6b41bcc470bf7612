import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The form on a user's administration page that links them to a national identity number for
/// ID-porten (`NationalIDLinkService`): refused beside the field when not 11 digits, the number
/// never shown again, and administrators only.
@Suite("National identity number on the user page")
struct AdminNationalIDPageTests {
    static let user = "/admin/brukere/redaktor@uke.styr.demo"
    static let number = "01017012345"

    @Test("a number that is not 11 digits is refused beside the field and nothing is linked; 11 digits link the user, and the number is not shown")
    func link() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let admin = try await Browser.login(client, email: WebTests.admin, password: passwords[WebTests.admin]!)
            #expect(String(buffer: try await admin.get(Self.user).body).contains("Ikke knyttet til noe fødselsnummer."))
            let refused = try await admin.post(Self.user + "/id-porten", form: ["_csrf": admin.csrfToken!, "fodselsnummer": "0101701234"])
            try AdminPageTests.assertPage(refused, status: .unprocessableContent, named: "admin-user-national-id-invalid.html")
            let refusedHTML = String(buffer: refused.body)
            #expect(refusedHTML.contains(#"<p class="field-error" id="fodselsnummer-error">Fødselsnummeret må ha 11 sifre.</p>"#))
            #expect(refusedHTML.contains("Ikke knyttet til noe fødselsnummer."))

            let linked = try await admin.post(Self.user + "/id-porten", form: ["_csrf": admin.csrfToken!, "fodselsnummer": "010170 12345"])
            #expect(linked.status == .seeOther)
            let page = String(buffer: try await admin.get(try #require(linked.headers[.location])).body)
            #expect(page.contains("Brukeren kan nå logge inn med ID-porten."))
            #expect(page.contains("Knyttet til et fødselsnummer "))
            #expect(!page.contains(Self.number) && !page.contains("010170"))
            // Without the form's token nothing is linked.
            #expect(try await admin.post(Self.user + "/id-porten", form: ["fodselsnummer": Self.number]).status == .forbidden)
        }
    }

    @Test("a steerer cannot link a number to a user")
    func refusal() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let steerer = try await Browser.login(client, email: WebTests.finSteerer, password: passwords[WebTests.finSteerer]!)
            let posted = try await steerer.post(Self.user + "/id-porten", form: ["_csrf": steerer.csrfToken!, "fodselsnummer": Self.number])
            #expect(posted.status == .forbidden)
        }
    }
}
