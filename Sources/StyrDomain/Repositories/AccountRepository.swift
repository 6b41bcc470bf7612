import Foundation

/// Users, their passwords, browser sessions, API tokens and calendar feed tokens. Only hashes of
/// tokens and passwords are kept.
public protocol AccountRepository: Sendable {
    func save(_ user: UserAccount, password: String?) async throws
    func setPassword(email: String, password: String) async throws
    func user(email: String) async throws -> UserAccount?
    func users() async throws -> [UserAccount]
    /// Checks the password, throttled per e-mail address, and records the attempt.
    func login(email: String, password: String, now: Date) async throws -> LoginResult
    func openSession(for email: String, now: Date) async throws -> (token: String, csrfToken: String)
    func session(token: String, now: Date) async throws -> UserSession?
    func closeSession(token: String) async throws
    func createToken(for email: String, name: String, now: Date) async throws -> String
    func user(apiToken token: String) async throws -> UserAccount?
    /// A new feed token for the user; the old one stops working.
    func renewCalendarToken(for email: String, now: Date) async throws -> String
    func calendarTokenCreated(for email: String) async throws -> Date?
    func user(calendarToken token: String) async throws -> UserAccount?
}
