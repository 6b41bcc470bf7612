import SQLKit

/// The internal control plans (`SQLGovernanceStore+InternalControl`): each control of a year's
/// plan a JSON document with its executions; each evidence file a row with its bytes (Base64
/// text, the same on SQLite and PostgreSQL), checksum and type.
struct CreateInternalControl: Migration {
    let name = "0031_internal_control"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "control_activities").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("year", type: .bigint, .notNull)
            .column("document", type: .text, .notNull)
            .run()
        try await db.create(table: "control_evidence").idColumn()
            .reference("activity_id", to: "control_activities")
            .column("filename", type: .text, .notNull)
            .column("content_type", type: .text, .notNull)
            .column("byte_count", type: .bigint, .notNull)
            .column("sha256", type: .text, .notNull)
            .column("content_base64", type: .text, .notNull)
            .run()
    }
}
