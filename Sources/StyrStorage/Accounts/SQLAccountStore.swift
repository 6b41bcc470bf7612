import Crypto
import Foundation
import HummingbirdBcrypt
import SQLKit
import StyrDomain

/// Users, their roles, sessions and login attempts. Passwords are kept only as bcrypt hashes;
/// session tokens only as SHA-256 hashes, so a copy of the database opens no session.
public struct SQLAccountStore: Sendable {
    let db: any SQLDatabase
    /// bcrypt cost: 12 in production; tests pass a low cost to stay fast.
    let bcryptCost: UInt8
    /// Who makes the changes, for the audit log of the administration's writes.
    let actor: String

    public init(_ db: any SQLDatabase, bcryptCost: UInt8 = 12, actor: String = "system") {
        self.db = db
        self.bcryptCost = bcryptCost
        self.actor = actor
    }

    // MARK: Users

    /// Creates a user, or adds the roles to an existing one. The password is set when given.
    public func save(_ user: UserAccount, password: String?) async throws {
        let email = try Self.normalisedEmail(user.email)
        try Self.storageError { try AccountRules.validate(name: user.name) }
        if let password { try Self.validate(password: password) }
        let existing = try await userID(email)
        let id: Int64
        if let existing {
            id = existing
            try await db.update("users").set("name", to: user.name).where("id", .equal, id).run()
        } else {
            guard let row = try await db.insert(into: "users").columns("email", "name", "password_hash", "created_at")
                .values(SQLBind(email), SQLBind(user.name), SQLBind(""), SQLBind(Self.timestamp(Date())))
                .returning("id").first() else { throw StorageError.invalid("Databasen returnerte ingen id for brukeren.") }
            id = try row.decode(column: "id", as: Int64.self)
        }
        for assignment in user.assignments {
            guard let organisation = try await db.select().column("id").from("organisations")
                .where("code", .equal, assignment.organisationCode).first() else {
                throw StorageError.notFound("organisasjonen «\(assignment.organisationCode)»")
            }
            let organisationID = try organisation.decode(column: "id", as: Int64.self)
            let present = try await db.select().column("id").from("role_assignments").where("user_id", .equal, id)
                .where("role", .equal, assignment.role.rawValue).where("organisation_id", .equal, organisationID).first()
            if present == nil {
                try await db.insert(into: "role_assignments").columns("user_id", "role", "organisation_id")
                    .values(SQLBind(id), SQLBind(assignment.role.rawValue), SQLBind(organisationID)).run()
            }
        }
        if let password { try await setPassword(email: email, password: password) }
    }

    public func setPassword(email: String, password: String) async throws {
        try Self.validate(password: password)
        let email = try Self.normalisedEmail(email)
        guard try await userID(email) != nil else { throw StorageError.notFound("brukeren «\(email)»") }
        let hash = Bcrypt.hash(password, cost: bcryptCost)
        try await db.update("users").set("password_hash", to: hash).where("email", .equal, email).run()
        // A new password ends every open session of the user and revokes their API tokens.
        try await db.raw("DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = \(bind: email))").run()
        try await db.raw("DELETE FROM api_tokens WHERE user_id = (SELECT id FROM users WHERE email = \(bind: email))").run()
    }

    public func user(email: String) async throws -> UserAccount? {
        guard let email = try? Self.normalisedEmail(email),
              let row = try await db.select().columns("id", "email", "name").from("users").where("email", .equal, email).first()
        else { return nil }
        return try await user(from: row)
    }

    public func users() async throws -> [UserAccount] {
        var result: [UserAccount] = []
        for row in try await db.select().columns("id", "email", "name").from("users").orderBy("email").all() {
            result.append(try await user(from: row))
        }
        return result
    }

    func user(from row: any SQLRow) async throws -> UserAccount {
        let id = try row.decode(column: "id", as: Int64.self)
        let assignments = try await db.raw("""
            SELECT r.role, o.code FROM role_assignments r JOIN organisations o ON o.id = r.organisation_id
            WHERE r.user_id = \(bind: id) ORDER BY r.id
            """).all().map { RoleAssignment(role: try enumValue($0, "role"), organisationCode: try $0.decode(column: "code")) }
        return UserAccount(email: try row.decode(column: "email"), name: try row.decode(column: "name"), assignments: assignments)
    }

    func userID(_ email: String) async throws -> Int64? {
        try await db.select().column("id").from("users").where("email", .equal, email).first()?.decode(column: "id", as: Int64.self)
    }

    // MARK: Login

    public typealias LoginResult = StyrDomain.LoginResult

    /// Checks the password, throttled per (source, account) and, for sources the account has never
    /// signed in from, per account (`LoginThrottle`); records the attempt. Each counter is taken
    /// in one atomic statement before the password is checked (`takeAttempt`).
    public func login(email: String, password: String, source: String = "ukjent", now: Date = Date()) async throws -> LoginResult {
        let email = (try? Self.normalisedEmail(email)) ?? email.lowercased()
        let source = String(source.prefix(100))
        if let until = try await takeAttempt(LoginThrottle.key(source: source, email: email), limit: LoginThrottle.perSource, now: now) {
            return .throttled(until: Self.timestamp(until))
        }
        if try await !isKnownSource(source, of: email),
           let until = try await takeAttempt(LoginThrottle.accountKey(email: email), limit: LoginThrottle.perAccount, now: now) {
            return .throttled(until: Self.timestamp(until))
        }
        let row = try await db.select().columns("id", "email", "name", "password_hash", "deactivated_at").from("users")
            .where("email", .equal, email).first()
        let hash = try row?.decode(column: "password_hash", as: String.self) ?? ""
        // A deactivated user cannot log in (checked after the hash, so timing does not tell).
        let deactivated = try row.map { try $0.decodeNil(column: "deactivated_at") == false } ?? false
        // Verify against a dummy hash when the user is unknown, so timing does not tell.
        let valid = Bcrypt.verify(password, hash: hash.isEmpty ? Self.dummyHash : hash) && !hash.isEmpty && row != nil && !deactivated
        try await db.insert(into: "login_attempts").columns("email", "at", "succeeded")
            .values(SQLBind(email), SQLBind(Self.timestamp(now)), SQLBind(valid ? 1 : 0)).run()
        guard valid, let row else { return .wrongCredentials }
        try await recordSuccess(source: source, email: email, now: now)
        return .success(try await user(from: row))
    }

    /// Compared against when the e-mail is unknown, so that the answer takes as long either way.
    private static let dummyHash = Bcrypt.hash("styr-no-such-user", cost: 12)

    // MARK: Sessions

    public typealias Session = UserSession

    public static let sessionLifetime = AccountRules.sessionLifetime

    /// Opens a session and returns its token (for the cookie); only its hash is stored.
    public func openSession(for email: String, now: Date = Date()) async throws -> (token: String, csrfToken: String) {
        guard let userID = try await userID(try Self.normalisedEmail(email)) else { throw StorageError.notFound("brukeren «\(email)»") }
        let token = Self.randomToken(), csrf = Self.randomToken()
        try await db.insert(into: "sessions").columns("token_hash", "user_id", "csrf_token", "created_at", "expires_at")
            .values(SQLBind(Self.sha256(token)), SQLBind(userID), SQLBind(csrf), SQLBind(Self.timestamp(now)),
                    SQLBind(Self.timestamp(now.addingTimeInterval(Self.sessionLifetime))))
            .run()
        return (token, csrf)
    }

    /// The session of a token, if it exists and has not expired.
    public func session(token: String, now: Date = Date()) async throws -> Session? {
        guard let row = try await db.raw("""
            SELECT s.csrf_token, s.expires_at, u.id, u.email, u.name FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = \(bind: Self.sha256(token)) AND s.expires_at > \(bind: Self.timestamp(now)) AND u.deactivated_at IS NULL
            """).first() else { return nil }
        return Session(
            user: try await user(from: row), csrfToken: try row.decode(column: "csrf_token"),
            expiresAt: try row.decode(column: "expires_at"))
    }

    public func closeSession(token: String) async throws {
        try await db.delete(from: "sessions").where("token_hash", .equal, Self.sha256(token)).run()
    }

    // MARK: API tokens

    /// Creates a personal API token for a user and returns it; only its hash is stored. It works
    /// until `expiresAt` (nil: `APITokenRules.defaultLifetime` from now).
    public func createToken(for email: String, name: String, expiresAt: Date? = nil, now: Date = Date()) async throws -> String {
        let email = try Self.normalisedEmail(email)
        guard let userID = try await userID(email) else { throw StorageError.notFound("brukeren «\(email)»") }
        let token = "styr_" + Self.randomToken()
        let expiry = Self.timestamp(expiresAt ?? now.addingTimeInterval(APITokenRules.defaultLifetime))
        try await db.insert(into: "api_tokens").columns("token_hash", "user_id", "name", "created_at", "expires_at")
            .values(SQLBind(Self.sha256(token)), SQLBind(userID), SQLBind(name), SQLBind(Self.timestamp(now)), SQLBind(expiry))
            .run()
        try await audit(.create, "apiToken", "\(email)/\(sessionID(token: token))", before: nil, after: ["name": name, "expiresAt": expiry])
        return token
    }

    /// The user of an API token, if the token exists and has not expired.
    public func user(apiToken token: String, now: Date = Date()) async throws -> UserAccount? {
        guard let row = try await db.raw("""
            SELECT u.id, u.email, u.name FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = \(bind: Self.sha256(token)) AND u.deactivated_at IS NULL
              AND (t.expires_at IS NULL OR t.expires_at > \(bind: Self.timestamp(now)))
            """).first() else { return nil }
        return try await user(from: row)
    }

    /// Notes the token's use, at most once a minute (one conditional UPDATE; nothing when noted
    /// less than `APITokenRules.lastUsedResolution` ago).
    public func touchToken(_ token: String, now: Date = Date()) async throws {
        let earlier = Self.timestamp(now.addingTimeInterval(-APITokenRules.lastUsedResolution))
        try await db.raw("""
            UPDATE api_tokens SET last_used_at = \(bind: Self.timestamp(now))
            WHERE token_hash = \(bind: Self.sha256(token)) AND (last_used_at IS NULL OR last_used_at <= \(bind: earlier))
            """).run()
    }

    // MARK: Helpers

    static func normalisedEmail(_ email: String) throws -> String { try storageError { try AccountRules.email(email) } }

    static func validate(password: String) throws { try storageError { try AccountRules.validate(password: password) } }

    /// The rule's message as this store's error.
    private static func storageError<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let errors as InputErrors {
            throw StorageError.invalid(errors.entries.map(\.message).joined(separator: " "))
        }
    }

    public static func randomToken() -> String { AccountRules.randomToken() }

    /// A readable random password for demo users and `styr user add` without one.
    public static func randomPassword() -> String { AccountRules.randomPassword() }

    static func sha256(_ text: String) -> String { SQLAuditLog.sha256(text) }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}

// MARK: Calendar feed tokens

extension SQLAccountStore {
    /// Gives the user a new secret for their calendar feed URL and returns it; an earlier one
    /// stops working. Only the hash is stored, so the URL is shown once.
    public func renewCalendarToken(for email: String, now: Date = Date()) async throws -> String {
        let email = try Self.normalisedEmail(email)
        guard let userID = try await userID(email) else { throw StorageError.notFound("brukeren «\(email)»") }
        let token = Self.randomToken()
        try await db.delete(from: "calendar_tokens").where("user_id", .equal, userID).run()
        try await db.insert(into: "calendar_tokens").columns("user_id", "token_hash", "created_at")
            .values(SQLBind(userID), SQLBind(Self.sha256(token)), SQLBind(Self.timestamp(now))).run()
        _ = try await SQLAuditLog(db).append(actor: email, action: .update, entityType: "calendarToken", entityKey: email,
                                         before: nil, after: "{\"renewedAt\":\"\(Self.timestamp(now))\"}")
        return token
    }

    /// When the user's current calendar token was made, if they have one.
    public func calendarTokenCreated(for email: String) async throws -> Date? {
        guard let userID = try await userID(try Self.normalisedEmail(email)) else { return nil }
        return try await db.select().column("created_at").from("calendar_tokens").where("user_id", .equal, userID).first()
            .flatMap { Self.date(try $0.decode(column: "created_at", as: String.self)) }
    }

    /// The user of a calendar token, if it is the current one.
    public func user(calendarToken token: String) async throws -> UserAccount? {
        guard !token.isEmpty, let row = try await db.raw("""
            SELECT u.id, u.email, u.name FROM calendar_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = \(bind: Self.sha256(token)) AND u.deactivated_at IS NULL
            """).first() else { return nil }
        return try await user(from: row)
    }
}
