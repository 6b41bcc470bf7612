import Foundation
import StyrDomain

/// Logging in and out, browser sessions, API and calendar feed tokens, and the users themselves.
/// Pages, the API's authentication and the command line call these.
///
/// Adding users, setting passwords and making API tokens are the command line's: whoever holds the
/// database administers its users, so those use cases take no user to check.
public struct AccountService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    // MARK: Login and sessions

    /// A browser session just opened: the token for the cookie (only its hash is stored), the token
    /// its forms carry (CSRF) and how long it lasts.
    public struct OpenedSession: Sendable, Equatable {
        public var user: UserAccount
        public var token: String
        public var csrfToken: String
        public var lifetime: TimeInterval
    }

    public enum LoginOutcome: Sendable, Equatable {
        case loggedIn(OpenedSession)
        case wrongCredentials
        /// Too many failed attempts for the address: wait until this time (UTC, ISO 8601).
        case throttled(until: String)
    }

    /// Checks the password (throttled per source address and account, `LoginThrottle`), records
    /// the attempt and, when it is right, opens a session: in one transaction. `source`: the
    /// client's address as the edge knows it.
    public func logIn(email: String, password: String, source: String = "ukjent", now: Date = Date()) async throws -> LoginOutcome {
        try await storage.write(as: email) { repositories in
            switch try await repositories.accounts.login(email: email, password: password, source: source, now: now) {
            case .success(let user):
                let session = try await repositories.accounts.openSession(for: user.email, now: now)
                return .loggedIn(OpenedSession(
                    user: user, token: session.token, csrfToken: session.csrfToken, lifetime: AccountRules.sessionLifetime))
            case .wrongCredentials: return .wrongCredentials
            case .throttled(let until): return .throttled(until: until)
            }
        }
    }

    /// The session of a cookie's token, if it is open and has not expired.
    public func session(token: String, now: Date = Date()) async throws -> UserSession? {
        guard !token.isEmpty else { return nil }
        return try await storage.read { repositories in try await repositories.accounts.session(token: token, now: now) }
    }

    /// Ends the session of a token (logging out).
    public func logOut(token: String) async throws {
        try await storage.write(as: "system") { repositories in try await repositories.accounts.closeSession(token: token) }
    }

    /// The user of a personal API token (`Authorization: Bearer …`), if it exists and has not
    /// expired. Notes its use (at most once a minute, without raising the data version).
    public func user(apiToken token: String, now: Date = Date()) async throws -> UserAccount? {
        guard !token.isEmpty, token.count <= Self.maximumTokenLength else { return nil }
        let user = try await storage.read { repositories in try await repositories.accounts.user(apiToken: token, now: now) }
        if user != nil { try await storage.note { repositories in try await repositories.accounts.touchToken(token, now: now) } }
        return user
    }

    // MARK: Calendar feed tokens

    /// When the user's current calendar feed token was made, if they have one.
    public func calendarTokenCreated(by user: UserAccount?) async throws -> Date? {
        guard let user else { throw ServiceError.unauthenticated }
        return try await storage.read { repositories in try await repositories.accounts.calendarTokenCreated(for: user.email) }
    }

    /// A new secret for the user's own calendar feed; the old one stops working (audited).
    public func renewCalendarToken(by user: UserAccount?) async throws -> String {
        guard let user else { throw ServiceError.unauthenticated }
        return try await renewCalendarToken(forEmail: user.email)
    }

    /// A new calendar feed secret for the user with this address (the command line).
    public func renewCalendarToken(forEmail email: String) async throws -> String {
        let email = try ServiceError.rule { try AccountRules.email(email) }
        return try await storage.write(as: email) { repositories in
            try await Self.requireUser(email, repositories)
            return try await repositories.accounts.renewCalendarToken(for: email, now: Date())
        }
    }

    /// Longer than any token Styr makes: not looked up.
    public static let maximumTokenLength = 100

    /// The user whose current calendar feed token this is, if any.
    public func user(calendarToken token: String) async throws -> UserAccount? {
        guard !token.isEmpty, token.count <= Self.maximumTokenLength else { return nil }
        return try await storage.read { repositories in try await repositories.accounts.user(calendarToken: token) }
    }

    // MARK: Users (the command line)

    public func users() async throws -> [UserAccount] {
        try await storage.read { repositories in try await repositories.accounts.users() }
    }

    /// Creates the user with `password`, or gives an existing user (found by address) the roles,
    /// leaving the password as it is. A name of nil keeps an existing user's name and names a new
    /// user by the address. Returns whether the user is new.
    public func add(email: String, name: String?, roles: [RoleAssignment], password: String) async throws -> Bool {
        var errors = InputErrors()
        let email = errors.collect { () throws(InputErrors) in try AccountRules.email(email) } ?? email
        if let name { errors.collect { () throws(InputErrors) in try AccountRules.validate(name: name) } }
        try ServiceError.rule { try errors.check() }
        return try await storage.write(as: "system:cli") { repositories in
            let organisations = try await repositories.governance.organisations()
            for role in roles where !organisations.contains(where: { $0.code == role.organisationCode }) {
                throw ServiceError.unknownOrganisation(code: role.organisationCode)
            }
            let existing = try await repositories.accounts.user(email: email)
            if existing == nil { try ServiceError.rule { try AccountRules.validate(password: password) } }
            let user = UserAccount(email: email, name: name ?? existing?.name ?? email, assignments: roles)
            try await repositories.accounts.save(user, password: existing == nil ? password : nil)
            return existing == nil
        }
    }

    /// Sets a new password; every session of the user ends and their API tokens stop working.
    public func setPassword(email: String, password: String) async throws {
        let email = try ServiceError.rule { try AccountRules.email(email) }
        try ServiceError.rule { try AccountRules.validate(password: password) }
        try await storage.write(as: "system:cli") { repositories in
            try await Self.requireUser(email, repositories)
            try await repositories.accounts.setPassword(email: email, password: password)
        }
    }

    /// A new personal API token for the user, shown once (only its hash is stored), valid for
    /// `days` days (nil: 90; at most a year, `APITokenRules`).
    public func createToken(for email: String, name: String, days: Int? = nil, now: Date = Date()) async throws -> String {
        let email = try ServiceError.rule { try AccountRules.email(email) }
        let expiry = try ServiceError.rule { try APITokenRules.expiry(days: days, now: now) }
        return try await storage.write(as: "system:cli") { repositories in
            try await Self.requireUser(email, repositories)
            return try await repositories.accounts.createToken(for: email, name: name, expiresAt: expiry, now: now)
        }
    }

    /// The user's API tokens with their expiry and last use (the command line).
    public func tokens(of email: String) async throws -> [APITokenInfo] {
        let email = try ServiceError.rule { try AccountRules.email(email) }
        return try await storage.read { repositories in
            try await Self.requireUser(email, repositories)
            return try await repositories.accounts.apiTokens(of: email)
        }
    }

    static func requireUser(_ email: String, _ repositories: Repositories) async throws {
        guard try await repositories.accounts.user(email: email) != nil else {
            throw ServiceError.notFound("Det finnes ingen bruker med e-postadressen «\(email)».")
        }
    }
}

extension InputErrors {
    /// Runs a rule, keeping its field errors here instead of throwing them, so that every field is checked.
    @discardableResult
    fileprivate mutating func collect<T>(_ rule: () throws(InputErrors) -> T) -> T? {
        do {
            return try rule()
        } catch {
            for entry in error.entries { add(entry.field, entry.message) }
            return nil
        }
    }
}
