import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrDemo
import StyrDomain
import StyrStorage
import StyrTestSupport
@testable import StyrWeb
import Testing

/// A logged-in test client: the session cookie and the session's CSRF token.
struct Browser: Sendable {
    let client: any TestClientProtocol
    var cookie: String?
    var csrfToken: String?

    var headers: HTTPFields {
        var fields = HTTPFields()
        if let cookie { fields[.cookie] = cookie }
        return fields
    }

    func get(_ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: headers, body: nil)
    }

    func post(_ uri: String, form: [String: String]) async throws -> TestResponse {
        var fields = headers
        fields[.contentType] = "application/x-www-form-urlencoded"
        let body = form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            .joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: fields, body: ByteBuffer(string: body))
    }

    /// Logs in through the form, as a browser would.
    static func login(_ client: any TestClientProtocol, email: String, password: String) async throws -> Browser {
        let form = try await client.execute(uri: "/logg-inn", method: .get, headers: [:], body: nil)
        let loginToken = try #require(cookieValue(form, CookiePolicy.loginCSRFCookie))
        #expect(String(buffer: form.body).contains("value=\"\(loginToken)\""))
        var browser = Browser(client: client, cookie: "\(CookiePolicy.loginCSRFCookie)=\(loginToken)")
        let response = try await browser.post("/logg-inn", form: ["_csrf": loginToken, "epost": email, "passord": password, "neste": "/"])
        #expect(response.status == .seeOther, "login of \(email)")
        let session = try #require(cookieValue(response, CookiePolicy.sessionCookie))
        browser.cookie = "\(CookiePolicy.sessionCookie)=\(session)"
        let home = try await browser.get("/")
        browser.csrfToken = csrfToken(in: String(buffer: home.body))
        return browser
    }

    static func cookieValue(_ response: TestResponse, _ name: String) -> String? {
        response.headers[values: .setCookie].lazy.compactMap { header -> String? in
            guard header.hasPrefix(name + "=") else { return nil }
            return String(header.dropFirst(name.count + 1).prefix { $0 != ";" })
        }.first
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}

enum WebTestApp {
    static let bcryptCost: UInt8 = 4

    /// A demo database, the demo users with their passwords, and a test client.
    static func run(
        _ backend: TestDatabase, demo: Bool = true, forecastThreshold: ForecastThreshold = .standard,
        _ test: @Sendable @escaping (any TestClientProtocol, [String: String]) async throws -> Void
    ) async throws {
        try await backend.withFreshDatabase { database in
            if demo { _ = try await DemoLoader.loadIfEmpty(database) }
            let credentials = try await DemoUsers.ensure(in: database, bcryptCost: bcryptCost)
            let passwords = Dictionary(uniqueKeysWithValues: credentials.map { ($0.user.email, $0.password) })
            let router = try buildRouter(
                WebConfiguration(secureCookies: true, bcryptCost: bcryptCost, forecastThreshold: forecastThreshold), database: database)
            try await Application(router: router).test(.router) { client in try await test(client, passwords) }
        }
    }
}
