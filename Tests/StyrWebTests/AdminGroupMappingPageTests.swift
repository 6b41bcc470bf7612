import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport
@testable import StyrWeb
import Testing

/// `/admin/innlogging/grupper`: group claim → role mappings listed, added (refusals beside their
/// fields), removed after a confirmation page; administrators only.
@Suite("Group mapping pages")
struct AdminGroupMappingPageTests {
    static let base = "/admin/innlogging/grupper"

    @Test("the list, the refused form, a mapping added and removed after confirming match their snapshots")
    func addAndRemove() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            let admin = try await Browser.login(client, email: WebTests.admin, password: passwords[WebTests.admin]!)
            let empty = try await admin.get(Self.base)
            try AdminPageTests.assertPage(empty, named: "admin-group-mappings-empty.html")
            #expect(String(buffer: empty.body).contains("Ingen gruppekoblinger ennå. Legg til den første med skjemaet under."))
            let refused = try await admin.post(Self.base, form: ["_csrf": admin.csrfToken!, "gruppe": " ", "rolle": "", "organisasjon": "UKE"])
            try AdminPageTests.assertPage(refused, status: .unprocessableContent, named: "admin-group-mappings-invalid.html")
            #expect(String(buffer: refused.body).contains(#"<p class="field-error" id="rolle-error">Velg rollen medlemmene av gruppen skal få.</p>"#))
            let added = try await admin.post(Self.base, form: ["_csrf": admin.csrfToken!, "gruppe": "g-revisjon", "rolle": "auditor", "organisasjon": "UKE"])
            #expect(added.status == .seeOther)
            let location = try #require(added.headers[.location])
            #expect(location.hasPrefix(Self.base + "?"))
            let listed = try await admin.get(location)
            try AdminPageTests.assertPage(listed, named: "admin-group-mappings.html")
            let html = String(buffer: listed.body)
            #expect(html.contains("Gruppen «g-revisjon» gir nå rollen revisor i «UKE»."))
            let range = try #require(html.range(of: #"/admin/innlogging/grupper/[0-9]+/fjern"#, options: .regularExpression))
            let removePath = String(html[range])
            try AdminPageTests.assertPage(try await admin.get(removePath), named: "admin-group-mapping-remove.html")
            #expect(try await admin.post(removePath, form: [:]).status == .forbidden)
            let removed = try await admin.post(removePath, form: ["_csrf": admin.csrfToken!])
            #expect(removed.status == .seeOther)
            #expect(String(buffer: try await admin.get(Self.base).body).contains("Ingen gruppekoblinger ennå"))
            #expect(try await admin.get(removePath).status == .notFound)
            #expect(try await admin.get(Self.base + "/abc/fjern").status == .notFound)
        }
    }

    @Test("a steerer and an auditor are refused the page and the form")
    func refusals() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            for email in [WebTests.finSteerer, "revisor@styr.demo"] {
                let user = try await Browser.login(client, email: email, password: passwords[email]!)
                #expect(try await user.get(Self.base).status == .forbidden)
                let posted = try await user.post(Self.base, form: ["_csrf": user.csrfToken!, "gruppe": "g", "rolle": "admin", "organisasjon": "OSLO"])
                #expect(posted.status == .forbidden)
            }
        }
    }
}
