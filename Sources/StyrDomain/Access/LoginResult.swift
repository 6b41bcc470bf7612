/// What a login attempt came to.
public enum LoginResult: Equatable, Sendable {
    case success(UserAccount)
    case wrongCredentials
    /// Too many failed attempts: wait until this time (UTC, ISO 8601).
    case throttled(until: String)
}

/// A logged-in browser session: its user and the token its forms must carry (CSRF).
public struct UserSession: Sendable, Equatable {
    public var user: UserAccount
    public var csrfToken: String
    public var expiresAt: String

    public init(user: UserAccount, csrfToken: String, expiresAt: String) {
        self.user = user
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}
