import Crypto
import Foundation
import SQLKit
import StyrDomain

/// Sign-ins in progress (keyed by the SHA-256 of their state, deleted when taken or expired) and
/// the links of provider subjects to users (audited as `oidcIdentity`).
extension SQLGovernanceStore: OIDCRepository {
    public func saveSignInAttempt(_ attempt: OIDCSignInAttempt, now: Date) async throws {
        try await db.delete(from: "oidc_sign_in_attempts").where("expires_at", .lessThan, Int64(now.timeIntervalSince1970)).run()
        try await db.insert(into: "oidc_sign_in_attempts")
            .columns("state_hash", "nonce", "code_verifier", "browser_binding", "next_path", "expires_at")
            .values(SQLBind(Self.stateHash(attempt.state)), SQLBind(attempt.nonce), SQLBind(attempt.codeVerifier),
                    SQLBind(attempt.browserBinding), SQLBind(attempt.next), SQLBind(Int64(attempt.expiresAt.timeIntervalSince1970)))
            .run()
    }

    public func takeSignInAttempt(state: String) async throws -> OIDCSignInAttempt? {
        let hash = Self.stateHash(state)
        // Deleting first and reading what was deleted makes the take single-use even when two
        // callbacks with the same state arrive at once: only one delete returns the row.
        let rows = try await db.delete(from: "oidc_sign_in_attempts").where("state_hash", .equal, hash)
            .returning("nonce", "code_verifier", "browser_binding", "next_path", "expires_at").all()
        guard let row = rows.first else { return nil }
        return OIDCSignInAttempt(
            state: state, nonce: try row.decode(column: "nonce", as: String.self),
            codeVerifier: try row.decode(column: "code_verifier", as: String.self),
            browserBinding: try row.decode(column: "browser_binding", as: String.self),
            next: try row.decode(column: "next_path", as: String.self),
            expiresAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "expires_at", as: Int64.self))))
    }

    public func linkedEmail(issuer: String, subject: String) async throws -> String? {
        try await db.select().column(SQLColumn("email", table: "users")).from("oidc_identities")
            .join("users", on: SQLColumn("user_id", table: "oidc_identities"), .equal, SQLColumn("id", table: "users"))
            .where(SQLColumn("issuer", table: "oidc_identities"), .equal, SQLBind(issuer))
            .where(SQLColumn("subject", table: "oidc_identities"), .equal, SQLBind(subject))
            .first()?.decode(column: "email", as: String.self)
    }

    public func link(issuer: String, subject: String, to email: String, now: Date) async throws {
        guard let user = try await db.select().column("id").from("users").where("email", .equal, email).first() else {
            throw StorageError.notFound("brukeren «\(email)»")
        }
        try await db.insert(into: "oidc_identities").columns("issuer", "subject", "user_id", "linked_at")
            .values(SQLBind(issuer), SQLBind(subject), SQLBind(try user.decode(column: "id", as: Int64.self)),
                    SQLBind(Int64(now.timeIntervalSince1970)))
            .run()
        try await record("oidcIdentity", "\(issuer)#\(subject)", before: String?.none, after: email)
    }

    static func stateHash(_ state: String) -> String {
        SHA256.hash(data: Data(state.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
