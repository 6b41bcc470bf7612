import SQLKit

struct CreateBudgetSetup: Migration {
    let name = "0015_budget_setup"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "post_groupings").idColumn()
            .column("chapter", type: .bigint, .notNull)
            .column("document", type: .text, .notNull)
            .unique("chapter")
            .run()
        try await db.create(table: "budget_profiles").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("year", type: .bigint, .notNull)
            .column("document", type: .text, .notNull)
            .run()
    }
}
