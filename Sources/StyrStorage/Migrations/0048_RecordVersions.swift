import SQLKit

/// The version of each record edited in a form (optimistic locking, `SQLGovernanceStore+RecordVersions`):
/// one row per (entity type, key), raised by every save.
struct CreateRecordVersions: Migration {
    let name = "0048_record_versions"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "record_versions")
            .column("entity_type", type: .text, .notNull)
            .column("entity_key", type: .text, .notNull)
            .column("version", type: .bigint, .notNull)
            .primaryKey("entity_type", "entity_key")
            .run()
    }
}
