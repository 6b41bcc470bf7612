import SQLKit

/// Sign-in through an OpenID Connect provider (`SQLGovernanceStore+OIDC`): the sign-ins started and
/// not yet come back (the state only as its SHA-256, single use, expiring after minutes), and which
/// provider subject is which user.
struct CreateOIDCSignIn: Migration {
    let name = "0044_oidc_sign_in"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "oidc_sign_in_attempts").idColumn()
            .column("state_hash", type: .text, .notNull)
            .column("nonce", type: .text, .notNull)
            .column("code_verifier", type: .text, .notNull)
            .column("browser_binding", type: .text, .notNull)
            .column("next_path", type: .text, .notNull)
            .column("expires_at", type: .bigint, .notNull)
            .unique("state_hash")
            .run()
        try await db.create(table: "oidc_identities").idColumn()
            .column("issuer", type: .text, .notNull)
            .column("subject", type: .text, .notNull)
            .reference("user_id", to: "users")
            .column("linked_at", type: .bigint, .notNull)
            .unique("issuer", "subject")
            .run()
    }
}
