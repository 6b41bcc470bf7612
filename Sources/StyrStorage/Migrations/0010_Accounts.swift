import SQLKit

struct CreateAccounts: Migration {
    let name = "0010_accounts"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "users").idColumn()
            .column("email", type: .text, .notNull, .unique)
            .column("name", type: .text, .notNull)
            .column("password_hash", type: .text, .notNull)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(table: "role_assignments").idColumn()
            .reference("user_id", to: "users")
            .column("role", type: .text, .notNull)
            .reference("organisation_id", to: "organisations")
            .run()
        try await db.create(table: "sessions")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
            .reference("user_id", to: "users")
            .column("csrf_token", type: .text, .notNull)
            .column("created_at", type: .text, .notNull)
            .column("expires_at", type: .text, .notNull)
            .run()
        try await db.create(table: "login_attempts").idColumn()
            .column("email", type: .text, .notNull)
            .column("at", type: .text, .notNull)
            .column("succeeded", type: .bigint, .notNull)
            .run()
        try await db.create(index: "login_attempts_email").on("login_attempts").column("email").column("at").run()
        try await db.create(table: "api_tokens")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
            .reference("user_id", to: "users")
            .column("name", type: .text, .notNull)
            .column("created_at", type: .text, .notNull)
            .run()
    }
}
