import SQLKit

/// Budget data edited from the web: a chapter's kind (drift, investering or both; existing
/// chapters hold both) and an investment project's decision (a year or a date).
struct AddBudgetData: Migration {
    let name = "0023_budget_data"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.raw("ALTER TABLE chapters ADD COLUMN kind TEXT NOT NULL DEFAULT 'both'").run()
        try await db.raw("ALTER TABLE investment_projects ADD COLUMN decided TEXT").run()
    }
}
