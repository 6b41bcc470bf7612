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

    public func versions(of records: [RecordKey]) async throws -> [RecordKey: Int] {
        var found = Dictionary(records.map { ($0, 0) }, uniquingKeysWith: { first, _ in first })
        let keys = Array(Set(records.map(\.key)))
        for start in stride(from: 0, to: keys.count, by: 500) {
            let rows = try await db.select().columns("entity_type", "entity_key", "version").from("record_versions")
                .where("entity_key", .in, Array(keys[start..<min(start + 500, keys.count)])).all()
            for row in rows {
                let record = RecordKey(try row.decode(column: "entity_type", as: String.self), try row.decode(column: "entity_key", as: String.self))
                if found[record] != nil { found[record] = Int(try row.decode(column: "version", as: Int64.self)) }
            }
        }
        return found
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
