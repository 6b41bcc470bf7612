import Foundation
import StyrDemo
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport
import Testing

/// API tokens: an expiry chosen when made (default 90 days, at most a year) and a last use noted
/// at most once a minute without raising the data version.
@Suite("API token expiry and last use")
struct APITokenExpiryTests {
    @Test("expired tokens are refused; last use noted once a minute without a new data version", arguments: TestDatabase.backends)
    func expiryAndLastUse(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            _ = try await DemoLoader.loadIfEmpty(database)
            _ = try await DemoUsers.ensure(in: database, bcryptCost: 4)
            let storage = SQLStorage(database, bcryptCost: 4)
            let services = Services(storage: storage)
            let accounts = services.accounts
            let now = Date()
            let token = try await accounts.createToken(for: ServiceTestApp.editor, name: "skript", days: 1, now: now)
            await #expect(throws: ServiceError.self) { _ = try await accounts.createToken(for: ServiceTestApp.editor, name: "for lenge", days: 367) }
            await #expect(throws: ServiceError.self) { _ = try await accounts.createToken(for: ServiceTestApp.editor, name: "null", days: 0) }

            let version = try await storage.dataVersion()
            #expect(try await accounts.user(apiToken: token, now: now)?.email == ServiceTestApp.editor)
            let first = try #require(try await accounts.tokens(of: ServiceTestApp.editor).first { $0.name == "skript" })
            #expect(first.lastUsedAt.map { abs($0.timeIntervalSince(now)) < 1 } == true)
            #expect(first.expiresAt.map { abs($0.timeIntervalSince(now.addingTimeInterval(24 * 3600))) < 1 } == true)
            // Within the minute: not noted again.
            #expect(try await accounts.user(apiToken: token, now: now.addingTimeInterval(30)) != nil)
            #expect(try await accounts.tokens(of: ServiceTestApp.editor).first { $0.name == "skript" }?.lastUsedAt == first.lastUsedAt)
            // After it: noted.
            #expect(try await accounts.user(apiToken: token, now: now.addingTimeInterval(61)) != nil)
            let later = try #require(try await accounts.tokens(of: ServiceTestApp.editor).first { $0.name == "skript" }?.lastUsedAt)
            #expect(abs(later.timeIntervalSince(now.addingTimeInterval(61))) < 1)
            #expect(try await storage.dataVersion() == version, "noting a use does not retire the caches")

            // Expired: refused.
            #expect(try await accounts.user(apiToken: token, now: now.addingTimeInterval(24 * 3600 + 1)) == nil)
            // The default is 90 days.
            let standard = try await accounts.createToken(for: ServiceTestApp.editor, name: "standard", now: now)
            #expect(try await accounts.user(apiToken: standard, now: now.addingTimeInterval(89 * 24 * 3600)) != nil)
            #expect(try await accounts.user(apiToken: standard, now: now.addingTimeInterval(90 * 24 * 3600 + 1)) == nil)
        }
    }
}
