import SQLKit

/// Indexes for a whole country's data (issue 14: 356 municipalities × 50 agencies × 10 years):
/// every lookup that one agency's page makes by a parent key finds its rows through an index, so
/// no page scans all organisations' or all years' rows. The same SQL on SQLite and PostgreSQL.
/// (Measured with EXPLAIN ANALYZE on the generated set; see Benchmarks/results/nation-*.md.)
struct AddNationIndexes: Migration {
    let name = "0027_nation_indexes"

    /// (index name, table, columns): the foreign keys read by the pages, which had no index.
    static let indexes: [(String, String, [String])] = [
        ("organisations_parent", "organisations", ["parent_id"]),
        ("role_assignments_user", "role_assignments", ["user_id"]),
        ("role_assignments_organisation", "role_assignments", ["organisation_id"]),
        ("chapters_organisation", "chapters", ["organisation_id"]),
        ("goals_goal_area", "goals", ["goal_area_id"]),
        ("indicator_notes_indicator", "indicator_notes", ["indicator_id"]),
        ("budget_revisions_chapter_year", "budget_revisions", ["chapter_id", "year"]),
        ("budget_revision_lines_revision", "budget_revision_lines", ["revision_id"]),
        ("budget_profiles_organisation_year", "budget_profiles", ["organisation_id", "year"]),
        ("accounting_report_submissions_organisation_year", "accounting_report_submissions", ["organisation_id", "year"]),
        ("sessions_user", "sessions", ["user_id"]),
    ]

    func prepare(on db: any SQLDatabase) async throws {
        for (name, table, columns) in Self.indexes {
            try await columns.reduce(db.create(index: name).on(table)) { $0.column($1) }.run()
        }
    }
}
