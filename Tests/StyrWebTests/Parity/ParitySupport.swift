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

/// The parity suite's two edges over one demo database: a logged-in browser (the pages) and an API
/// token of the same user, so that the same input can be sent both ways and the results compared.
struct ParityEdges: Sendable {
    let client: any TestClientProtocol
    let browser: Browser
    let token: String

    /// Runs `test` as `email` on a fresh demo database of `backend`.
    static func run(
        _ backend: TestDatabase, as email: String, _ test: @Sendable @escaping (ParityEdges) async throws -> Void
    ) async throws {
        try await backend.withFreshDatabase { database in
            _ = try await DemoLoader.loadIfEmpty(database)
            let credentials = try await DemoUsers.ensure(in: database, bcryptCost: WebTestApp.bcryptCost)
            let password = try #require(credentials.first { $0.user.email == email }?.password)
            let token = try await database.transaction { db in try await SQLAccountStore(db).createToken(for: email, name: "paritet") }
            let router = try buildRouter(WebConfiguration(secureCookies: true, bcryptCost: WebTestApp.bcryptCost), database: database)
            try await Application(router: router).test(.router) { client in
                let browser = try await Browser.login(client, email: email, password: password)
                try await test(ParityEdges(client: client, browser: browser, token: token))
            }
        }
    }

    /// Posts a form with the session's CSRF token.
    func page(_ uri: String, _ form: [String: String]) async throws -> TestResponse {
        try await browser.post(uri, form: form.merging(["_csrf": browser.csrfToken ?? ""]) { $1 })
    }

    func api(_ method: HTTPRequest.Method, _ uri: String, json: String) async throws -> TestResponse {
        try await client.execute(
            uri: uri, method: method, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
            body: ByteBuffer(string: json))
    }

    func apiGet(_ uri: String) async throws -> [String: Any] {
        let response = try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(token)"], body: nil)
        #expect(response.status == .ok, "\(uri)")
        return try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    /// The message the page shows beside a form field (its `id="FIELD-error"` element), unescaped.
    static func fieldError(_ response: TestResponse, field: String) -> String? {
        let html = String(buffer: response.body)
        guard let start = html.range(of: "id=\"\(field)-error\"") else { return nil }
        let rest = html[start.upperBound...]
        guard let open = rest.firstIndex(of: ">") else { return nil }
        let text = rest[rest.index(after: open)...].prefix { $0 != "<" }
        return String(text).replacingOccurrences(of: "&#171;", with: "«").replacingOccurrences(of: "&#187;", with: "»")
            .replacingOccurrences(of: "&laquo;", with: "«").replacingOccurrences(of: "&raquo;", with: "»")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The API problem's `detail`.
    static func problemDetail(_ response: TestResponse) -> String {
        let object = try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
        return object?["detail"] as? String ?? ""
    }
}
