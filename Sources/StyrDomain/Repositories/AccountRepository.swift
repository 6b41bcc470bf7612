import Foundation

/// Users, their passwords, browser sessions, API tokens and calendar feed tokens. Only hashes of
/// tokens and passwords are kept.
public protocol AccountRepository: AccountAdministrationRepository {
    func save(_ user: UserAccount, password: String?) async throws
    func setPassword(email: String, password: String) async throws
    func user(email: String) async throws -> UserAccount?
    func users() async throws -> [UserAccount]
    /// Checks the password, throttled per (source address, account) (`LoginThrottle`), and records the attempt.
    func login(email: String, password: String, source: String, now: Date) async throws -> LoginResult
    func openSession(for email: String, now: Date) async throws -> (token: String, csrfToken: String)
    func session(token: String, now: Date) async throws -> UserSession?
    func closeSession(token: String) async throws
    /// A new API token that works until `expiresAt` (nil: `APITokenRules.defaultLifetime` from now).
    func createToken(for email: String, name: String, expiresAt: Date?, now: Date) async throws -> String
    /// The user of an API token that exists and has not expired.
    func user(apiToken token: String, now: Date) async throws -> UserAccount?
    /// Notes that the token was used now, unless that was noted less than a minute ago.
    func touchToken(_ token: String, now: Date) async throws
    /// A new feed token for the user; the old one stops working.
    func renewCalendarToken(for email: String, now: Date) async throws -> String
    func calendarTokenCreated(for email: String) async throws -> Date?
    func user(calendarToken token: String) async throws -> UserAccount?

}

/// Administering accounts: first start, invitations, roles, deactivation, sessions and tokens.
/// Every change is audited in the write's transaction, in the name of the write's actor.
public protocol AccountAdministrationRepository: Sendable {
    /// True when at least one user exists.
    func hasUsers() async throws -> Bool
    /// A new one-time set-up link (only its hash is kept); any earlier unused one stops working.
    func createSetupToken(now: Date, lifetime: TimeInterval) async throws -> String
    func setupTokenState(_ token: String, now: Date) async throws -> OneTimeLinkState
    /// Marks an open set-up token as used; false when it was not open.
    func spendSetupToken(_ token: String, now: Date) async throws -> Bool

    func accountStatuses() async throws -> [AccountStatus]
    func accountStatus(email: String) async throws -> AccountStatus?
    /// Creates a user without a password, with the roles, and an invitation link for them.
    func invite(_ user: UserAccount, now: Date, lifetime: TimeInterval) async throws -> String
    func invitation(_ token: String, now: Date) async throws -> Invitation?
    /// Sets the invited user's password and spends the link; nil when the link is not open.
    func acceptInvitation(_ token: String, password: String, now: Date) async throws -> UserAccount?
    func addRole(_ assignment: RoleAssignment, to email: String) async throws
    /// Removes the role; false when the user did not hold it.
    func removeRole(_ assignment: RoleAssignment, from email: String) async throws -> Bool
    /// Deactivates (ending every session) or reactivates a user.
    func setDeactivated(_ deactivated: Bool, email: String, now: Date) async throws
    func sessions(of email: String, now: Date) async throws -> [SessionInfo]
    /// Ends one session of the user; false when there was none with this id.
    func endSession(id: String, of email: String) async throws -> Bool
    func apiTokens(of email: String) async throws -> [APITokenInfo]
    /// Revokes one API token of the user; false when there was none with this id.
    func revokeToken(id: String, of email: String) async throws -> Bool
    /// The public id of a session token (to mark the current session).
    func sessionID(token: String) -> String
}
