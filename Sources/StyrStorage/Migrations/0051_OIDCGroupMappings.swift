import SQLKit

/// Group claim → role in an organisation, kept by administrators in the app
/// (`SQLGovernanceStore+OIDCGroupMappings`); a mapping goes with its organisation.
struct CreateOIDCGroupMappings: Migration {
    let name = "0051_oidc_group_mappings"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "oidc_group_mappings").idColumn()
            .column("group_value", type: .text, .notNull)
            .column("role", type: .text, .notNull)
            .reference("organisation_id", to: "organisations")
            .unique("group_value", "role", "organisation_id")
            .run()
    }
}
