import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrDemo
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport
@testable import StyrWeb
import Testing

/// Issue 19 item 4 at the edges: `no-store` behind a login, `Retry-After` on a throttled login,
/// organisation codes that cannot be probed, expired API tokens, stale forms answered as a conflict.
@Suite("Security at the edges")
struct SecurityWebTests {
    static let steerer = "etatsstyrer@fin.styr.demo", editor = "redaktor@uke.styr.demo"

    static func run(
        _ backend: TestDatabase,
        _ test: @Sendable @escaping (any TestClientProtocol, [String: String], [String: String]) async throws -> Void
    ) async throws {
        try await backend.withFreshDatabase { database in
            _ = try await DemoLoader.loadIfEmpty(database)
            let credentials = try await DemoUsers.ensure(in: database, bcryptCost: WebTestApp.bcryptCost)
            let passwords = Dictionary(uniqueKeysWithValues: credentials.map { ($0.user.email, $0.password) })
            var tokens: [String: String] = [:]
            for (user, _) in credentials {
                tokens[user.email] = try await database.transaction { db in try await SQLAccountStore(db).createToken(for: user.email, name: "test") }
            }
            tokens["expired"] = try await database.transaction { db in
                try await SQLAccountStore(db).createToken(for: Self.editor, name: "gammel", expiresAt: Date().addingTimeInterval(-1))
            }
            let router = try buildRouter(WebConfiguration(secureCookies: true, bcryptCost: WebTestApp.bcryptCost), database: database)
            let fixed = tokens
            try await Application(router: router).test(.router) { client in try await test(client, passwords, fixed) }
        }
    }

    @Test("pages and API answers for a caller are no-store, with ETag/304 kept; public pages keep their caching", arguments: TestDatabase.backends)
    func noStore(backend: TestDatabase) async throws {
        try await Self.run(backend) { client, passwords, tokens in
            let browser = try await Browser.login(client, email: Self.steerer, password: passwords[Self.steerer]!)
            for path in ["/organisasjoner/UKE/ar/2020", "/konto", "/organisasjoner/UKE/arsberetning/2020"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.headers[.cacheControl] == "no-store", "no-store on \(path)")
            }
            // The kept answer's ETag still revalidates.
            let page = try await browser.get("/organisasjoner/UKE/ar/2020")
            let etag = try #require(page.headers[.eTag])
            var conditional = browser.headers
            conditional[.ifNoneMatch] = etag
            let notModified = try await client.execute(uri: "/organisasjoner/UKE/ar/2020", method: .get, headers: conditional, body: nil)
            #expect(notModified.status == .notModified)
            #expect(notModified.headers[.cacheControl] == "no-store")
            // A refusal for a logged-in user too.
            #expect(try await browser.get("/organisasjoner/FIN/ar/2020").headers[.cacheControl] == "no-store")
            let api = try await APITests.get(client, "/api/v1/organisations/UKE/indicators/2020", token: tokens[Self.steerer])
            #expect(api.status == .ok)
            #expect(api.headers[.cacheControl] == "no-store")
            // Nobody in particular: not no-store.
            let login = try await client.execute(uri: "/logg-inn", method: .get, headers: [:], body: nil)
            #expect(login.headers[.cacheControl] != "no-store")
            let css = try await client.execute(uri: "/styr.css", method: .get, headers: [:], body: nil)
            if css.status == .ok { #expect(css.headers[.cacheControl] == "public, max-age=3600") }
        }
    }

    @Test("unknown and forbidden organisation codes get the same answer, on pages and in the API", arguments: TestDatabase.backends)
    func noProbing(backend: TestDatabase) async throws {
        try await Self.run(backend) { client, passwords, tokens in
            let browser = try await Browser.login(client, email: Self.editor, password: passwords[Self.editor]!)
            // FIN exists but is not the editor's; FNX does not exist (same length, so the bodies compare).
            for (existing, unknown) in [("/organisasjoner/FIN/ar/2020", "/organisasjoner/FNX/ar/2020"),
                                        ("/organisasjoner/FIN/indikatorer/2020", "/organisasjoner/FNX/indikatorer/2020")] {
                let a = try await browser.get(existing), b = try await browser.get(unknown)
                #expect(a.status == b.status, "\(existing)")
                #expect(a.status == .forbidden)
                #expect(String(buffer: a.body).replacingOccurrences(of: "FIN", with: "FNX") == String(buffer: b.body))
            }
            for (existing, unknown) in [("/api/v1/organisations/FIN/indicators/2020", "/api/v1/organisations/FNX/indicators/2020")] {
                let a = try await APITests.get(client, existing, token: tokens[Self.editor])
                let b = try await APITests.get(client, unknown, token: tokens[Self.editor])
                #expect(a.status == b.status)
                #expect(a.status == .forbidden)
                #expect(String(buffer: a.body).replacingOccurrences(of: "FIN", with: "FNX") == String(buffer: b.body))
            }
            // The administrator of the whole tree sees every code: for them an unknown code is unknown.
            #expect(try await APITests.get(client, "/api/v1/organisations/FNX/indicators/2020", token: tokens["admin@styr.demo"]).status == .notFound)
        }
    }

    @Test("a throttled login answers 429 with Retry-After in seconds; X-Forwarded-For only from a trusted proxy")
    func retryAfter() async throws {
        try await Self.run(.sqlite) { client, passwords, _ in
            let form = try await client.execute(uri: "/logg-inn", method: .get, headers: [:], body: nil)
            let token = try #require(Browser.cookieValue(form, CookiePolicy.loginCSRFCookie))
            let browser = Browser(client: client, cookie: "\(CookiePolicy.loginCSRFCookie)=\(token)")
            for _ in 0..<LoginThrottle.perSource {
                #expect(try await browser.post("/logg-inn", form: ["_csrf": token, "epost": Self.editor, "passord": "feil passord 123"]).status == .unauthorized)
            }
            let throttled = try await browser.post("/logg-inn", form: ["_csrf": token, "epost": Self.editor, "passord": passwords[Self.editor]!])
            #expect(throttled.status == .tooManyRequests)
            let seconds = try #require(throttled.headers[.retryAfter].flatMap { Int($0) })
            #expect(seconds > 0 && seconds <= 15 * 60)
            #expect(String(buffer: throttled.body).contains("Vent 15 minutter"))
        }
        let addresses = ClientAddress(trustedProxies: ["10.0.0.1"])
        var headers = HTTPFields()
        headers[HTTPField.Name("X-Forwarded-For")!] = "203.0.113.5, 10.0.0.1"
        let request = Request(head: HTTPRequest(method: .get, scheme: "http", authority: "styr", path: "/logg-inn", headerFields: headers),
                              body: RequestBody(buffer: ByteBuffer()))
        #expect(addresses.of(request, peer: "10.0.0.1") == "203.0.113.5", "through the trusted proxy")
        #expect(addresses.of(request, peer: "198.51.100.9") == "198.51.100.9", "the header is ignored from anyone else")
        #expect(ClientAddress(trustedProxies: []).of(request, peer: nil) == "ukjent")
    }

    @Test("an expired API token is refused with a 401 problem")
    func expiredToken() async throws {
        try await Self.run(.sqlite) { client, _, tokens in
            let refused = try await APITests.get(client, "/api/v1/organisations/UKE/indicators/2020", token: tokens["expired"])
            #expect(refused.status == .unauthorized)
            #expect(refused.headers[.contentType] == "application/problem+json")
            #expect(try await APITests.get(client, "/api/v1/organisations/UKE/indicators/2020", token: tokens[Self.editor]).status == .ok)
        }
    }

    @Test("the threshold form carries its version; a save from a stale form is a 409 page with a Norwegian message", arguments: TestDatabase.backends)
    func staleForm(backend: TestDatabase) async throws {
        try await Self.run(backend) { client, passwords, _ in
            let browser = try await Browser.login(client, email: Self.steerer, password: passwords[Self.steerer]!)
            let path = "/organisasjoner/UKE/regnskapsrapport/2020/terskel"
            let form = try await browser.get(path)
            #expect(String(buffer: form.body).contains(#"name="_versjon" value="0""#))
            let csrf = try #require(browser.csrfToken)
            let fields = ["_csrf": csrf, "_versjon": "0", "belop": "100 000", "prosent": "2", "regel": "og"]
            #expect(try await browser.post(path, form: fields).status == .seeOther)
            let stale = try await browser.post(path, form: fields.merging(["belop": "200 000"]) { $1 })
            #expect(stale.status == .conflict)
            #expect(String(buffer: stale.body).contains("Noen andre har lagret en endring her"))
            #expect(String(buffer: try await browser.get(path).body).contains(#"name="_versjon" value="1""#))
        }
    }
}
