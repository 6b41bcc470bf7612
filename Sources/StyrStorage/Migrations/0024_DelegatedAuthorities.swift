import SQLKit

/// The register of delegated authorities (fullmakter) and the decision requests about them
/// (`SQLGovernanceStore+Authorities`). Each row keeps its record as a JSON document.
struct CreateDelegatedAuthorities: Migration {
    let name = "0024_delegated_authorities"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "delegated_authorities").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("valid_from", type: .text, .notNull)
            .column("document", type: .text, .notNull)
            .run()
        try await db.create(table: "authority_requests").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("status", type: .text, .notNull)
            .column("document", type: .text, .notNull)
            .run()
    }
}
