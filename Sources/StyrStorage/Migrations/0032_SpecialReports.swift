import SQLKit

/// Chapters 4–5 of the annual report, one JSON document (`SpecialReport`) per organisation and
/// year, and the tracked items of chapter 6, each a JSON document (`TrackedItem`) with its status
/// beside it (`SQLGovernanceStore+SpecialReports`).
struct CreateSpecialReports: Migration {
    let name = "0032_special_reports"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "special_reports").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("year", type: .bigint, .notNull)
            .column("document", type: .text, .notNull)
            .unique("organisation_id", "year")
            .run()
        try await db.create(table: "tracked_items").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("status", type: .text, .notNull)
            .column("document", type: .text, .notNull)
            .run()
    }
}
