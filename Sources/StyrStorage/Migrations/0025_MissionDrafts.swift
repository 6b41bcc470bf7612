import SQLKit

/// The draft of an organisation's next mission statement version (one at a time, a JSON
/// document), and the revision cause of each fixed version.
struct CreateMissionDrafts: Migration {
    let name = "0025_mission_drafts"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "mission_drafts").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("document", type: .text, .notNull)
            .unique("organisation_id")
            .run()
        try await db.create(table: "mission_revision_causes").idColumn()
            .reference("mission_statement_id", to: "mission_statements")
            .column("revision_trigger", type: .text, .notNull)
            .column("description", type: .text, .notNull)
            .unique("mission_statement_id")
            .run()
    }
}
