import SQLKit

/// The status of an organisation's budget year (planned, in progress, closed), who set it when,
/// and why it was last reopened (`SQLGovernanceStore.budgetYears`). A year without a row is in
/// progress.
struct CreateBudgetYears: Migration {
    let name = "0022_budget_years"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "budget_years").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("year", type: .bigint, .notNull)
            .column("status", type: .text, .notNull)
            .column("changed_by", type: .text)
            .column("changed_at", type: .text)
            .column("reopen_reason", type: .text)
            .unique("organisation_id", "year")
            .run()
    }
}
