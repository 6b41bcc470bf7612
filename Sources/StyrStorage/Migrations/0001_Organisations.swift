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
