import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrDemo
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport
import Synchronization
@testable import StyrWeb
import Testing

/// The request path's caches (issue 14): kept answers and ETags are never stale, a write is seen
/// at once; gzip on request; `/metrics` only for administrators.
@Suite("Page cache, ETag, gzip and metrics")
struct PageCacheTests {
    static func run(
        _ backend: TestDatabase,
        _ test: @Sendable @escaping (any TestClientProtocol, [String: (UserAccount, String)], Services) async throws -> Void
    ) async throws {
        try await backend.withFreshDatabase { database in
            _ = try await DemoLoader.loadIfEmpty(database)
            let credentials = try await DemoUsers.ensure(in: database, bcryptCost: WebTestApp.bcryptCost)
            let users = Dictionary(uniqueKeysWithValues: credentials.map { ($0.user.email, ($0.user, $0.password)) })
            let services = Services(storage: SQLStorage(database, bcryptCost: WebTestApp.bcryptCost))
            let router = try buildRouter(WebConfiguration(secureCookies: true, bcryptCost: WebTestApp.bcryptCost), database: database)
            try await Application(router: router).test(.router) { client in try await test(client, users, services) }
        }
    }

    @Test("a kept page and its ETag change at once when the data changes", arguments: TestDatabase.backends)
    func writeIsSeenAtOnce(_ backend: TestDatabase) async throws {
        try await Self.run(backend) { client, users, services in
            let (admin, password) = try #require(users["admin@styr.demo"])
            let browser = try await Browser.login(client, email: admin.email, password: password)
            for path in ["/organisasjoner/UKE/ar/2020", "/organisasjoner/UKE/arsberetning/2020", "/"] {
                let first = try await browser.get(path)
                #expect(first.status == .ok)
                let etag = try #require(first.headers[.eTag], "ETag on \(path)")
                let second = try await browser.get(path)
                #expect(second.headers[.eTag] == etag)
                #expect(String(buffer: second.body) == String(buffer: first.body))
                var conditional = browser.headers
                conditional[.ifNoneMatch] = etag
                let notModified = try await client.execute(uri: path, method: .get, headers: conditional, body: nil)
                #expect(notModified.status == .notModified, "304 for \(path)")
                #expect(notModified.body.readableBytes == 0)
                #expect(!String(buffer: first.body).contains("(nytt navn)"))
            }
            let suffix = UUID().uuidString.prefix(6)
            _ = try await services.organisationAdministration.rename("UKE", to: "Utviklings- og kompetanseetaten (nytt navn \(suffix))", by: admin)
            for path in ["/organisasjoner/UKE/ar/2020", "/organisasjoner/UKE/arsberetning/2020", "/"] {
                var conditional = browser.headers
                let before = try await browser.get(path)
                conditional[.ifNoneMatch] = before.headers[.eTag]
                #expect(String(buffer: before.body).contains("(nytt navn \(suffix))"), "the new name at once on \(path)")
            }
            // An ETag taken before the write no longer matches.
            let api = "/api/v1/organisations/UKE/indicators/2020"
            let first = try await browser.get(api)
            #expect(first.status == .ok)
            let etag = try #require(first.headers[.eTag])
            var conditional = browser.headers
            conditional[.ifNoneMatch] = etag
            #expect(try await client.execute(uri: api, method: .get, headers: conditional, body: nil).status == .notModified)
        }
    }

    @Test("another user never gets a page kept for someone else", arguments: TestDatabase.backends)
    func keptPerUser(_ backend: TestDatabase) async throws {
        try await Self.run(backend) { client, users, _ in
            let (admin, adminPassword) = try #require(users["admin@styr.demo"])
            let (other, otherPassword) = try #require(users["etatsstyrer@blk.styr.demo"])
            let first = try await Browser.login(client, email: admin.email, password: adminPassword)
            let second = try await Browser.login(client, email: other.email, password: otherPassword)
            let path = "/organisasjoner/UKE/ar/2020"
            let adminPage = try await first.get(path)
            let otherPage = try await second.get(path)
            #expect(adminPage.status == .ok)
            #expect(String(buffer: adminPage.body).contains(admin.name))
            #expect(!String(buffer: otherPage.body).contains(admin.name) || otherPage.status != .ok)
            #expect(otherPage.headers[.eTag] != adminPage.headers[.eTag])
        }
    }

    @Test("gzip when asked, the same answer otherwise", arguments: [TestDatabase.sqlite])
    func gzip(_ backend: TestDatabase) async throws {
        try await Self.run(backend) { client, users, _ in
            let (admin, password) = try #require(users["admin@styr.demo"])
            let browser = try await Browser.login(client, email: admin.email, password: password)
            let plain = try await browser.get("/organisasjoner/UKE/arsberetning/2020")
            #expect(plain.headers[.contentEncoding] == nil)
            var headers = browser.headers
            headers[.acceptEncoding] = "gzip, deflate, br"
            let zipped = try await client.execute(uri: "/organisasjoner/UKE/arsberetning/2020", method: .get, headers: headers, body: nil)
            #expect(zipped.headers[.contentEncoding] == "gzip")
            #expect(zipped.headers[.vary]?.contains("Accept-Encoding") == true)
            #expect(Array(zipped.body.readableBytesView.prefix(2)) == [0x1f, 0x8b])
            #expect(zipped.body.readableBytes * 3 < plain.body.readableBytes)
            #expect(CompressionMiddleware<StyrRequestContext>.acceptsGzip("gzip;q=0") == false)
            #expect(CompressionMiddleware<StyrRequestContext>.acceptsGzip("deflate, gzip;q=0.5") == true)
        }
    }

    @Test("/metrics: refused to anonymous callers and non-administrators; per route template for an administrator",
          arguments: [TestDatabase.sqlite])
    func metrics(_ backend: TestDatabase) async throws {
        try await Self.run(backend) { client, users, _ in
            #expect(try await client.execute(uri: "/metrics", method: .get, headers: [:], body: nil).status == .unauthorized)
            var wrongToken = HTTPFields()
            wrongToken[.authorization] = "Bearer gjett"
            #expect(try await client.execute(uri: "/metrics", method: .get, headers: wrongToken, body: nil).status == .unauthorized)
            let (editor, editorPassword) = try #require(users["redaktor@uke.styr.demo"])
            let editorBrowser = try await Browser.login(client, email: editor.email, password: editorPassword)
            #expect(try await editorBrowser.get("/metrics").status == .forbidden)
            let (admin, password) = try #require(users["admin@styr.demo"])
            let browser = try await Browser.login(client, email: admin.email, password: password)
            _ = try await browser.get("/organisasjoner/UKE/ar/2020")
            let metrics = try await browser.get("/metrics")
            #expect(metrics.status == .ok)
            let text = String(buffer: metrics.body)
            #expect(text.contains("styr_http_requests_total{"))
            #expect(text.contains(#"route="/organisasjoner/{code}/ar/{year}""#))
            #expect(text.contains("styr_http_request_duration_seconds_bucket"))
            #expect(text.contains("styr_sqlite_reader_connections 4"))
            #expect(text.contains("styr_ledger_imports_total"))
        }
        let metrics = StyrMetrics(database: { DatabaseStatistics() }, token: "hemmelig")
        #expect(metrics.refusal(authorization: "Bearer hemmelig", user: nil) == nil)
        #expect(metrics.refusal(authorization: "Bearer gjett", user: nil) == .unauthorized)
        #expect(StyrMetrics(database: { DatabaseStatistics() }, token: nil).refusal(authorization: "Bearer ", user: nil) == .unauthorized)
    }

    @Test("one version read serves the requests that came while the one before ran, never one that started earlier")
    func sharedVersionRead() async throws {
        let counter = ReadCounter()
        let shared = SharedVersionRead {
            let value = counter.reads.withLock { $0 += 1; return $0 }
            try await Task.sleep(for: .milliseconds(5))
            return value
        }
        let results = try await withThrowingTaskGroup(of: (Int64, Int64).self) { group in
            for _ in 0..<100 {
                group.addTask {
                    let before = counter.reads.withLock { $0 }
                    return (before, try await shared.current())
                }
            }
            return try await group.reduce(into: [(Int64, Int64)]()) { $0.append($1) }
        }
        // Every answer comes from a read that began after the caller arrived.
        #expect(results.allSatisfy { $0.1 > $0.0 })
        #expect(counter.reads.withLock { $0 } < 100)
    }
}

final class ReadCounter: Sendable {
    let reads = Mutex<Int64>(0)
}
