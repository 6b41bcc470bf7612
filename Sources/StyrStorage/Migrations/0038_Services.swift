import SQLKit

/// An agency's services and self-cost (`SQLGovernanceStore+Services`): the catalogue,
/// agreements, mapping rules, asset register, each year's self-cost input and service-level
/// results, each a JSON document of its kind, keyed within the agency.
struct CreateServices: Migration {
    let name = "0038_services"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "service_documents").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("kind", type: .text, .notNull)
            .column("document_key", type: .text, .notNull)
            .column("document", type: .text, .notNull)
            .unique("organisation_id", "kind", "document_key")
            .run()
    }
}
