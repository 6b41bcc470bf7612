import SQLKit

/// Login throttling per (source address, account) and per account, counted atomically
/// (`SQLAccountStore+Throttle`), and the sources each account has signed in from before.
struct CreateLoginThrottles: Migration {
    let name = "0046_login_throttles"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "login_throttles")
            .column("throttle_key", type: .text, .primaryKey(autoIncrement: false))
            .column("window_start", type: .text, .notNull)
            .column("attempts", type: .bigint, .notNull)
            .run()
        try await db.create(table: "login_known_sources").idColumn()
            .column("email", type: .text, .notNull)
            .column("source", type: .text, .notNull)
            .column("last_success_at", type: .text, .notNull)
            .unique("email", "source")
            .run()
    }
}
