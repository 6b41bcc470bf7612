import SQLKit
import StyrDomain

/// Record versions for optimistic locking (`record_versions`, migration 0048). The raise is one
/// conditional UPDATE … RETURNING: on PostgreSQL a concurrent save waits for the row's lock and
/// then finds the version raised (so it conflicts, or with no expected version runs after the
/// first); on SQLite writes take turns anyway.
extension SQLGovernanceStore: RecordVersionRepository {
    public func version(of record: RecordKey) async throws -> Int {
        try await db.select().column("version").from("record_versions")
            .where("entity_type", .equal, record.entityType).where("entity_key", .equal, record.key).first()
            .map { Int(try $0.decode(column: "version", as: Int64.self)) } ?? 0
    }

    public func advanceVersion(of record: RecordKey, from expected: Int?) async throws -> Int {
        try await db.raw("""
            INSERT INTO record_versions (entity_type, entity_key, version) VALUES (\(bind: record.entityType), \(bind: record.key), 0)
            ON CONFLICT (entity_type, entity_key) DO NOTHING
            """).run()
        var condition: SQLQueryString = ""
        if let expected { condition = "AND version = \(bind: Int64(expected))" }
        let raised = try await db.raw("""
            UPDATE record_versions SET version = version + 1
            WHERE entity_type = \(bind: record.entityType) AND entity_key = \(bind: record.key) \(condition)
            RETURNING version
            """).first()
        guard let raised else { throw WriteConflict.stale(current: try await version(of: record)) }
        return Int(try raised.decode(column: "version", as: Int64.self))
    }
}
