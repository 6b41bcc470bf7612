import SQLKit

struct CreateDialogue: Migration {
    let name = "0011_dialogue"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "allocation_letters").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("year", type: .bigint, .notNull)
            .column("number", type: .bigint, .notNull)
            .column("status", type: .text, .notNull)
            .column("issued_on", type: .text)
            .column("document", type: .text, .notNull)
            .unique("organisation_id", "year", "number")
            .run()
        try await db.create(table: "assignment_updates").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("year", type: .bigint, .notNull)
            .column("assignment_key", type: .text, .notNull)
            .column("date", type: .text, .notNull)
            .column("document", type: .text, .notNull)
            .run()
        try await db.create(table: "meetings").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("date", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("document", type: .text, .notNull)
            .run()
        try await db.create(table: "steering_signals").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("given_on", type: .text, .notNull)
            .column("confirmed", type: .bigint, .notNull)
            .column("document", type: .text, .notNull)
            .run()
        try await db.create(table: "information_notices").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("kind", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("document", type: .text, .notNull)
            .run()
        for table in ["assignment_updates", "meetings", "steering_signals", "information_notices"] {
            try await db.create(index: "\(table)_organisation").on(table).column("organisation_id").run()
        }
        try await db.create(table: "calendar_tokens")
            .column("user_id", type: .bigint, .primaryKey(autoIncrement: false), .references("users", "id", onDelete: .cascade))
            .column("token_hash", type: .text, .notNull, .unique)
            .column("created_at", type: .text, .notNull)
            .run()
    }
}
