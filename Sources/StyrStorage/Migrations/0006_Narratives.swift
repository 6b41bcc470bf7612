import SQLKit

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
