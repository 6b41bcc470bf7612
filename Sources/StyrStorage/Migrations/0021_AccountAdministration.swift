import SQLKit

/// What administering accounts needs: deactivated users, the one-time set-up link of the first
/// start, and invitations (only hashes of their tokens are kept).
struct AddAccountAdministration: Migration {
    let name = "0021_account_administration"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.raw("ALTER TABLE users ADD COLUMN deactivated_at TEXT").run()
        try await db.create(table: "setup_tokens")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("created_at", type: .text, .notNull)
            .column("expires_at", type: .text, .notNull)
            .column("used_at", type: .text)
            .run()
        try await db.create(table: "invitations")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
            .reference("user_id", to: "users")
            .column("created_at", type: .text, .notNull)
            .column("expires_at", type: .text, .notNull)
            .column("accepted_at", type: .text)
            .run()
    }
}
