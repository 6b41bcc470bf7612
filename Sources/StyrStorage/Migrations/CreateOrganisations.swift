import SQLKit

struct CreateOrganisations: Migration {
    let name = "0001_organisations"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "organisations").idColumn()
            .column("code", type: .text, .notNull, .unique)
            .column("name", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .reference("parent_id", to: "organisations", nullable: true, cascade: false)
            .run()
        try await db.create(table: "staffing_figures").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("as_of", type: .text, .notNull)
            .column("headcount", type: .bigint, .notNull)
            .column("fte_milli", type: .bigint, .notNull)
            .column("comment", type: .text)
            .unique("organisation_id", "as_of")
            .run()
    }
}

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

struct CreateIndicators: Migration {
    let name = "0003_indicators"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "goal_areas").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("year", type: .bigint, .notNull)
            .column("position", type: .bigint, .notNull)
            .column("name", type: .text, .notNull)
            .column("narrative", type: .text)
            .unique("organisation_id", "year", "name")
            .run()
        try await db.create(table: "goals").idColumn()
            .reference("goal_area_id", to: "goal_areas")
            .column("position", type: .bigint, .notNull)
            .column("text", type: .text, .notNull)
            .run()
        try await db.create(table: "indicators").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("key", type: .text, .notNull)
            .column("position", type: .bigint, .notNull)
            .column("name", type: .text, .notNull)
            .column("unit", type: .text, .notNull)
            .column("polarity", type: .text, .notNull)
            .column("deviation_rule", type: .text, .notNull)
            .column("tolerance_yellow_milli", type: .bigint, .notNull)
            .column("tolerance_red_milli", type: .bigint, .notNull)
            .column("decimals", type: .bigint, .notNull)
            .column("introduced_in", type: .bigint)
            .column("goal_area", type: .text)
            .unique("organisation_id", "key")
            .run()
        try await db.create(table: "indicator_notes").idColumn()
            .reference("indicator_id", to: "indicators")
            .column("position", type: .bigint, .notNull)
            .column("text", type: .text, .notNull)
            .run()
        try await db.create(table: "indicator_values").idColumn()
            .reference("indicator_id", to: "indicators")
            .column("year", type: .bigint, .notNull)
            // A single target is target_low_milli alone; a range has both bounds.
            .column("target_low_milli", type: .bigint)
            .column("target_high_milli", type: .bigint)
            .column("result_milli", type: .bigint)
            .column("not_measured_reason", type: .text)
            .column("deviation_comment", type: .text)
            .unique("indicator_id", "year")
            .run()
    }
}

struct CreateBudget: Migration {
    let name = "0004_budget"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "chapters").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("number", type: .bigint, .notNull, .unique)
            .column("name", type: .text, .notNull)
            .run()
        try await db.create(table: "budget_amounts").idColumn()
            .reference("chapter_id", to: "chapters")
            .column("year", type: .bigint, .notNull)
            .column("account_kind", type: .text, .notNull)
            .column("group_first", type: .bigint, .notNull)
            .column("group_last", type: .bigint, .notNull)
            .column("measure", type: .text, .notNull)
            .column("amount_ore", type: .bigint, .notNull)
            .unique("chapter_id", "year", "account_kind", "group_first", "measure")
            .run()
        try await db.create(table: "budget_revisions").idColumn()
            .reference("chapter_id", to: "chapters")
            .column("year", type: .bigint, .notNull)
            .column("account_kind", type: .text, .notNull)
            .column("reference", type: .text, .notNull)
            .column("decided_on", type: .text)
            .column("reason", type: .text, .notNull)
            .run()
        try await db.create(table: "budget_revision_lines").idColumn()
            .reference("revision_id", to: "budget_revisions")
            .column("group_first", type: .bigint, .notNull)
            .column("group_last", type: .bigint, .notNull)
            .column("amount_ore", type: .bigint, .notNull)
            .run()
        try await db.create(table: "investment_projects").idColumn()
            .reference("chapter_id", to: "chapters")
            .column("year", type: .bigint, .notNull)
            .column("number", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("group_first", type: .bigint, .notNull)
            .column("group_last", type: .bigint, .notNull)
            .column("council_completion", type: .text)
            .column("expected_completion", type: .text)
            .column("original_budget_ore", type: .bigint, .notNull)
            .column("revised_budget_ore", type: .bigint, .notNull)
            .column("actuals_ore", type: .bigint, .notNull)
            .unique("chapter_id", "year", "number")
            .run()
    }
}

struct CreateNarratives: Migration {
    let name = "0006_narratives"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "narratives").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("year", type: .bigint, .notNull)
            .column("key", type: .text, .notNull)
            .column("position", type: .bigint, .notNull)
            .column("title", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .unique("organisation_id", "year", "key")
            .run()
    }
}
