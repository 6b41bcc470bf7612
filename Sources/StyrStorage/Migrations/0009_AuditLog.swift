import SQLKit

struct CreateAuditLog: Migration {
    let name = "0009_audit_log"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "audit_log")
            .column("sequence", type: .bigint, .primaryKey(autoIncrement: false))
            .column("occurred_at", type: .text, .notNull)
            .column("actor", type: .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("entity_type", type: .text, .notNull)
            .column("entity_key", type: .text, .notNull)
            .column("before_json", type: .text)
            .column("after_json", type: .text)
            .column("previous_hash", type: .text, .notNull)
            .column("hash", type: .text, .notNull)
            .run()
        try await db.create(index: "audit_log_entity").on("audit_log").column("entity_type").column("entity_key").run()
    }
}
