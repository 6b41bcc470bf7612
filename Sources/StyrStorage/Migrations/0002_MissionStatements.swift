import SQLKit

struct CreateMissionStatements: Migration {
    let name = "0002_mission_statements"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "mission_statements").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("version", type: .bigint, .notNull)
            .column("title", type: .text, .notNull)
            .column("fixed_on", type: .text, .notNull)
            .reference("fixed_by_id", to: "organisations", cascade: false)
            .unique("organisation_id", "version")
            .run()
        try await db.create(table: "mission_sections").idColumn()
            .reference("mission_statement_id", to: "mission_statements")
            .column("position", type: .bigint, .notNull)
            .column("number", type: .text, .notNull)
            .column("heading", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .run()
        try await db.create(table: "core_tasks").idColumn()
            .reference("mission_statement_id", to: "mission_statements")
            .column("position", type: .bigint, .notNull)
            .column("letter", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("description", type: .text, .notNull)
            .run()
        try await db.create(table: "authorities").idColumn()
            .reference("mission_statement_id", to: "mission_statements")
            .column("position", type: .bigint, .notNull)
            .column("description", type: .text, .notNull)
            .column("legal_basis", type: .text)
            .run()
        try await db.create(table: "funding_sources").idColumn()
            .reference("mission_statement_id", to: "mission_statements")
            .column("position", type: .bigint, .notNull)
            .column("kind", type: .text, .notNull)
            .column("description", type: .text, .notNull)
            .run()
        // Target groups and revision triggers are short ordered texts of the statement.
        try await db.create(table: "mission_list_items").idColumn()
            .reference("mission_statement_id", to: "mission_statements")
            .column("list", type: .text, .notNull)
            .column("position", type: .bigint, .notNull)
            .column("text", type: .text, .notNull)
            .run()
    }
}
