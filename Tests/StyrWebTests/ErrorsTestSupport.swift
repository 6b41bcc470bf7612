import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import StyrDemo
import StyrServices
import StyrStorage
import StyrTestSupport
@testable import StyrWeb
import Testing

/// A demo database behind the whole router (optionally logging through `logger`), the demo users'
/// passwords and an API token each; `extraRoutes` adds routes behind every middleware (for errors
/// no real page makes).
enum ErrorsTestApp {
    struct Accounts: Sendable {
        var passwords: [String: String]
        var tokens: [String: String]
    }

    static func run(
        _ backend: TestDatabase = .sqlite, logger: Logger? = nil,
        extraRoutes: @Sendable (Router<StyrRequestContext>) -> Void = { _ in },
        _ test: @Sendable @escaping (any TestClientProtocol, Accounts, Database) async throws -> Void
    ) async throws {
        try await backend.withFreshDatabase { database in
            _ = try await DemoLoader.loadIfEmpty(database)
            let credentials = try await DemoUsers.ensure(in: database, bcryptCost: WebTestApp.bcryptCost)
            let accounts = Services(storage: SQLStorage(database, bcryptCost: WebTestApp.bcryptCost)).accounts
            var tokens: [String: String] = [:]
            for (user, _) in credentials { tokens[user.email] = try await accounts.createToken(for: user.email, name: "test") }
            let passwords = Dictionary(uniqueKeysWithValues: credentials.map { ($0.user.email, $0.password) })
            let router = try buildRouter(WebConfiguration(secureCookies: true, bcryptCost: WebTestApp.bcryptCost), database: database, logger: logger)
            extraRoutes(router)
            let fixed = Accounts(passwords: passwords, tokens: tokens)
            try await Application(router: router).test(.router) { client in try await test(client, fixed, database) }
        }
    }

    /// An API request with a bearer token (and a body, as JSON unless another content type is given).
    static func api(
        _ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, token: String?, body: String? = nil,
        contentType: String? = "application/json"
    ) async throws -> TestResponse {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil, let contentType { headers[.contentType] = contentType }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    /// The problem of a response, checked to be `application/problem+json` with `status` in its body.
    static func problem(_ response: TestResponse, sourceLocation: SourceLocation = #_sourceLocation) throws -> (title: String, detail: String) {
        #expect(response.headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any], sourceLocation: sourceLocation)
        #expect(object["status"] as? Int == Int(response.status.code), sourceLocation: sourceLocation)
        #expect(object["type"] as? String == "about:blank", sourceLocation: sourceLocation)
        return (object["title"] as? String ?? "", object["detail"] as? String ?? "")
    }
}
