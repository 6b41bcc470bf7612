import Foundation
import StyrDemo
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport
import Testing

/// Login throttling per (source, account), atomic under parallel attempts, and known sources.
@Suite("Login throttling")
struct LoginThrottleTests {
    static let password = "et-langt-og-riktig-passord"

    @Test("20 parallel wrong attempts from one source: at most 5 reach the password check", arguments: TestDatabase.backends)
    func parallelAttempts(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, _ in
            let accounts = services.accounts
            try await accounts.setPassword(email: ServiceTestApp.auditor, password: Self.password)
            let now = Date()
            let outcomes = try await withThrowingTaskGroup(of: AccountService.LoginOutcome.self) { group in
                for attempt in 0..<20 {
                    group.addTask {
                        try await accounts.logIn(email: ServiceTestApp.auditor, password: "galt passord \(attempt)", source: "192.0.2.7", now: now)
                    }
                }
                var outcomes: [AccountService.LoginOutcome] = []
                for try await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            let checked = outcomes.filter { $0 == .wrongCredentials }.count
            let throttled = outcomes.filter { if case .throttled = $0 { true } else { false } }.count
            #expect(checked == LoginThrottle.perSource, "exactly five reach the password check")
            #expect(throttled == 20 - LoginThrottle.perSource)
            // Even the right password now waits, from this source.
            guard case .throttled(let until) = try await accounts.logIn(
                email: ServiceTestApp.auditor, password: Self.password, source: "192.0.2.7", now: now.addingTimeInterval(60)) else {
                Issue.record("throttled")
                return
            }
            let retry = LoginThrottle.retryAfter(until: try #require(Self.date(until)), now: now.addingTimeInterval(60))
            #expect(retry > 13 * 60 && retry <= 14 * 60 + 1)
        }
    }

    @Test("a lockout from source A does not keep the owner out from a known source B, nor a flood from many addresses", arguments: TestDatabase.backends)
    func knownSource(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, _ in
            let accounts = services.accounts
            try await accounts.setPassword(email: ServiceTestApp.auditor, password: Self.password)
            let start = Date()
            // The owner signs in from B once: B is known from now on.
            guard case .loggedIn = try await accounts.logIn(email: ServiceTestApp.auditor, password: Self.password, source: "198.51.100.2", now: start) else {
                Issue.record("the owner signs in from B")
                return
            }
            // A stranger at A guesses until A is locked out.
            for attempt in 0..<6 {
                _ = try await accounts.logIn(email: ServiceTestApp.auditor, password: "gjett \(attempt)", source: "203.0.113.9", now: start.addingTimeInterval(1))
            }
            guard case .throttled = try await accounts.logIn(email: ServiceTestApp.auditor, password: Self.password, source: "203.0.113.9",
                                                             now: start.addingTimeInterval(2)) else {
                Issue.record("A is locked out")
                return
            }
            guard case .loggedIn = try await accounts.logIn(email: ServiceTestApp.auditor, password: Self.password, source: "198.51.100.2",
                                                            now: start.addingTimeInterval(3)) else {
                Issue.record("the owner still gets in from B")
                return
            }
            // Many addresses guessing together stop the account for unknown sources only.
            for address in 0..<LoginThrottle.perAccount {
                _ = try await accounts.logIn(email: ServiceTestApp.auditor, password: "gjett", source: "10.0.0.\(address)", now: start.addingTimeInterval(4))
            }
            guard case .throttled = try await accounts.logIn(email: ServiceTestApp.auditor, password: Self.password, source: "10.1.1.1",
                                                             now: start.addingTimeInterval(5)) else {
                Issue.record("a new source is held back after a flood")
                return
            }
            guard case .loggedIn = try await accounts.logIn(email: ServiceTestApp.auditor, password: Self.password, source: "198.51.100.2",
                                                            now: start.addingTimeInterval(6)) else {
                Issue.record("the owner still gets in from B after a flood")
                return
            }
            // Another account is not affected by any of it.
            try await accounts.setPassword(email: ServiceTestApp.editor, password: Self.password)
            guard case .loggedIn = try await accounts.logIn(email: ServiceTestApp.editor, password: Self.password, source: "203.0.113.9",
                                                            now: start.addingTimeInterval(7)) else {
                Issue.record("another account from A")
                return
            }
        }
    }

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
