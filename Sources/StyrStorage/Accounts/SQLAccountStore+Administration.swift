import Foundation
import HummingbirdBcrypt
import SQLKit
import StyrDomain

/// The administration's writes to accounts: the set-up link of the first start, invitations,
/// roles, deactivation, and ending sessions and tokens. Each appends its audit entry in the
/// caller's transaction; tokens are kept only as SHA-256 hashes.
extension SQLAccountStore {
    // MARK: First start

    public func hasUsers() async throws -> Bool {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("users")
            .first()?.decode(column: "n", as: Int64.self) ?? 0 > 0
    }

    public func createSetupToken(now: Date, lifetime: TimeInterval) async throws -> String {
        try await db.delete(from: "setup_tokens").where(SQLColumn("used_at"), .is, SQLLiteral.null).run()
        let token = Self.randomToken()
        let expires = Self.timestamp(now.addingTimeInterval(lifetime))
        try await db.insert(into: "setup_tokens").columns("token_hash", "created_at", "expires_at")
            .values(SQLBind(Self.sha256(token)), SQLBind(Self.timestamp(now)), SQLBind(expires)).run()
        try await audit(.create, "setupLink", "oppsett", before: nil, after: ["expiresAt": expires])
        return token
    }

    public func setupTokenState(_ token: String, now: Date) async throws -> OneTimeLinkState {
        guard let row = try await db.select().columns("expires_at", "used_at").from("setup_tokens")
            .where("token_hash", .equal, Self.sha256(token)).first() else { return .unknown }
        return try Self.state(row, used: "used_at", now: now)
    }

    public func spendSetupToken(_ token: String, now: Date) async throws -> Bool {
        guard try await setupTokenState(token, now: now) == .open else { return false }
        try await db.update("setup_tokens").set("used_at", to: Self.timestamp(now)).where("token_hash", .equal, Self.sha256(token)).run()
        try await audit(.update, "setupLink", "oppsett", before: nil, after: ["usedAt": Self.timestamp(now)])
        return true
    }

    static func state(_ row: any SQLRow, used: String, now: Date) throws -> OneTimeLinkState {
        if try !row.decodeNil(column: used) { return .spent }
        return try row.decode(column: "expires_at", as: String.self) <= timestamp(now) ? .expired : .open
    }

    // MARK: Users as the administration sees them

    public func accountStatuses() async throws -> [AccountStatus] {
        var result: [AccountStatus] = []
        for row in try await db.select().columns("id", "email", "name", "password_hash", "created_at", "deactivated_at").from("users")
            .orderBy("email").all() {
            result.append(try await status(row))
        }
        return result
    }

    public func accountStatus(email: String) async throws -> AccountStatus? {
        guard let email = try? Self.normalisedEmail(email),
              let row = try await db.select().columns("id", "email", "name", "password_hash", "created_at", "deactivated_at")
                .from("users").where("email", .equal, email).first() else { return nil }
        return try await status(row)
    }

    func status(_ row: any SQLRow) async throws -> AccountStatus {
        let id = try row.decode(column: "id", as: Int64.self)
        let pending = try await db.select().column("token_hash").from("invitations").where("user_id", .equal, id)
            .where(SQLColumn("accepted_at"), .is, SQLLiteral.null).where("expires_at", .greaterThan, Self.timestamp(Date())).first() != nil
        return AccountStatus(
            user: try await user(from: row), createdAt: Self.date(try row.decode(column: "created_at", as: String.self)),
            deactivatedAt: try row.decodeOptional("deactivated_at", as: String.self).flatMap(Self.date),
            hasPassword: !(try row.decode(column: "password_hash", as: String.self)).isEmpty, invitationPending: pending)
    }

    // MARK: Invitations

    public func invite(_ user: UserAccount, now: Date, lifetime: TimeInterval) async throws -> String {
        let email = try Self.normalisedEmail(user.email)
        if try await userID(email) != nil { throw StorageError.invalid("Det finnes allerede en bruker med e-postadressen «\(email)».") }
        var stored = user
        stored.email = email
        try await save(stored, password: nil)
        guard let id = try await userID(email) else { throw StorageError.notFound("brukeren «\(email)»") }
        let token = Self.randomToken()
        let expires = Self.timestamp(now.addingTimeInterval(lifetime))
        try await db.insert(into: "invitations").columns("token_hash", "user_id", "created_at", "expires_at")
            .values(SQLBind(Self.sha256(token)), SQLBind(id), SQLBind(Self.timestamp(now)), SQLBind(expires)).run()
        try await audit(.create, "user", email, before: nil, after: try await auditValue(email))
        try await audit(.create, "invitation", email, before: nil, after: ["expiresAt": expires])
        return token
    }

    public func invitation(_ token: String, now: Date) async throws -> Invitation? {
        guard let row = try await db.raw("""
            SELECT u.email, u.name, i.expires_at, i.accepted_at FROM invitations i JOIN users u ON u.id = i.user_id
            WHERE i.token_hash = \(bind: Self.sha256(token))
            """).first() else { return nil }
        return Invitation(
            email: try row.decode(column: "email"), name: try row.decode(column: "name"),
            expiresAt: Self.date(try row.decode(column: "expires_at", as: String.self)) ?? now,
            state: try Self.state(row, used: "accepted_at", now: now))
    }

    public func acceptInvitation(_ token: String, password: String, now: Date) async throws -> UserAccount? {
        guard let invitation = try await invitation(token, now: now), invitation.state == .open else { return nil }
        try await setPassword(email: invitation.email, password: password)
        try await db.update("invitations").set("accepted_at", to: Self.timestamp(now)).where("token_hash", .equal, Self.sha256(token)).run()
        try await audit(.update, "invitation", invitation.email, before: nil, after: ["acceptedAt": Self.timestamp(now)])
        return try await user(email: invitation.email)
    }

    // MARK: Roles and deactivation

    public func addRole(_ assignment: RoleAssignment, to email: String) async throws {
        let email = try Self.normalisedEmail(email)
        guard let existing = try await user(email: email) else { throw StorageError.notFound("brukeren «\(email)»") }
        guard !existing.assignments.contains(assignment) else { return }
        let before = try await auditValue(email)
        try await save(UserAccount(email: email, name: existing.name, assignments: [assignment]), password: nil)
        try await audit(.update, "user", email, before: before, after: try await auditValue(email))
    }

    public func removeRole(_ assignment: RoleAssignment, from email: String) async throws -> Bool {
        let email = try Self.normalisedEmail(email)
        guard let id = try await userID(email), let existing = try await user(email: email),
              existing.assignments.contains(assignment) else { return false }
        let before = try await auditValue(email)
        try await db.raw("""
            DELETE FROM role_assignments WHERE user_id = \(bind: id) AND role = \(bind: assignment.role.rawValue)
            AND organisation_id = (SELECT id FROM organisations WHERE code = \(bind: assignment.organisationCode))
            """).run()
        try await audit(.update, "user", email, before: before, after: try await auditValue(email))
        return true
    }

    public func setDeactivated(_ deactivated: Bool, email: String, now: Date) async throws {
        let email = try Self.normalisedEmail(email)
        guard let id = try await userID(email) else { throw StorageError.notFound("brukeren «\(email)»") }
        let before = try await auditValue(email)
        try await db.update("users").set("deactivated_at", to: deactivated ? Self.timestamp(now) : nil).where("id", .equal, id).run()
        if deactivated { try await db.delete(from: "sessions").where("user_id", .equal, id).run() }
        try await audit(.update, "user", email, before: before, after: try await auditValue(email))
    }

    // MARK: Sessions and API tokens

    public func sessionID(token: String) -> String { String(Self.sha256(token).prefix(AccountAdministrationRules.publicIDLength)) }

    public func sessions(of email: String, now: Date) async throws -> [SessionInfo] {
        guard let id = try await userID(try Self.normalisedEmail(email)) else { return [] }
        return try await db.select().columns("token_hash", "created_at", "expires_at").from("sessions").where("user_id", .equal, id)
            .where("expires_at", .greaterThan, Self.timestamp(now)).orderBy("created_at").all().map { row in
                SessionInfo(
                    id: String(try row.decode(column: "token_hash", as: String.self).prefix(AccountAdministrationRules.publicIDLength)),
                    createdAt: Self.date(try row.decode(column: "created_at")) ?? now, expiresAt: Self.date(try row.decode(column: "expires_at")) ?? now)
            }
    }

    public func endSession(id: String, of email: String) async throws -> Bool {
        try await deleteByPublicID(id, of: email, table: "sessions", entityType: "session")
    }

    public func apiTokens(of email: String) async throws -> [APITokenInfo] {
        guard let id = try await userID(try Self.normalisedEmail(email)) else { return [] }
        return try await db.select().columns("token_hash", "name", "created_at", "expires_at", "last_used_at").from("api_tokens")
            .where("user_id", .equal, id).orderBy("created_at").all().map { row in
                APITokenInfo(
                    id: String(try row.decode(column: "token_hash", as: String.self).prefix(AccountAdministrationRules.publicIDLength)),
                    name: try row.decode(column: "name"), createdAt: Self.date(try row.decode(column: "created_at")) ?? Date(),
                    expiresAt: try row.decode(column: "expires_at", as: String?.self).flatMap(Self.date),
                    lastUsedAt: try row.decode(column: "last_used_at", as: String?.self).flatMap(Self.date))
            }
    }

    public func revokeToken(id: String, of email: String) async throws -> Bool {
        try await deleteByPublicID(id, of: email, table: "api_tokens", entityType: "apiToken")
    }

    private func deleteByPublicID(_ publicID: String, of email: String, table: String, entityType: String) async throws -> Bool {
        guard AccountAdministrationRules.isPublicID(publicID), let email = try? Self.normalisedEmail(email),
              let userID = try await userID(email) else { return false }
        let rows = try await db.select().column("token_hash").from(table).where("user_id", .equal, userID)
            .where("token_hash", .like, publicID + "%").all()
        guard rows.count == 1 else { return false }
        try await db.delete(from: table).where("token_hash", .equal, try rows[0].decode(column: "token_hash", as: String.self)).run()
        try await audit(.delete, entityType, "\(email)/\(publicID)", before: ["id": publicID], after: nil)
        return true
    }

    // MARK: Audit

    /// What the audit log keeps of a user: never a password or token.
    struct AuditedUser: Encodable, Equatable {
        var email: String
        var name: String
        var roles: [String]
        var active: Bool
    }

    func auditValue(_ email: String) async throws -> AuditedUser? {
        guard let status = try await accountStatus(email: email) else { return nil }
        return AuditedUser(
            email: status.user.email, name: status.user.name,
            roles: status.user.assignments.map { "\($0.role.norwegianName) i \($0.organisationCode)" }, active: status.isActive)
    }

    func audit<T: Encodable>(_ action: AuditAction, _ entityType: String, _ key: String, before: T?, after: T?) async throws {
        try await SQLAuditLog(db).append(
            actor: actor, action: action, entityType: entityType, entityKey: key, before: try auditJSON(before), after: try auditJSON(after))
    }
}
