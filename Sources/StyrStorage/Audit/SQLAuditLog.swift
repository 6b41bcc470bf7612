import Crypto
import Foundation
import SQLKit
import StyrDomain

/// The audit log in the database: append-only, hash-chained with SHA-256.
///
/// Appends take the next sequence number inside the caller's transaction; on PostgreSQL an
/// advisory lock makes concurrent writers wait their turn, so the chain never forks.
public struct SQLAuditLog: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) {
        self.db = db
    }

    public static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Appends one entry after the current last one.
    @discardableResult
    public func append(
        actor: String, action: AuditAction, entityType: String, entityKey: String, before: String?, after: String?,
        at date: Date = Date()
    ) async throws -> AuditEntry {
        if db.dialect.name == "postgresql" {
            try await db.raw("SELECT pg_advisory_xact_lock(7357002)").run()
        }
        let last = try await db.select().columns("sequence", "hash").from("audit_log")
            .orderBy("sequence", .descending).limit(1).first()
        let sequence = (try last?.decode(column: "sequence", as: Int64.self) ?? 0) + 1
        let previousHash = try last?.decode(column: "hash", as: String.self) ?? AuditChain.genesisHash
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var entry = AuditEntry(
            sequence: sequence, occurredAt: formatter.string(from: date), actor: actor, action: action,
            entityType: entityType, entityKey: entityKey, before: before, after: after, previousHash: previousHash, hash: "")
        entry.hash = Self.sha256(entry.canonicalText)
        try await db.insert(into: "audit_log")
            .columns("sequence", "occurred_at", "actor", "action", "entity_type", "entity_key", "before_json", "after_json",
                     "previous_hash", "hash")
            .values(SQLBind(entry.sequence), SQLBind(entry.occurredAt), SQLBind(entry.actor), SQLBind(entry.action.rawValue),
                    SQLBind(entry.entityType), SQLBind(entry.entityKey), SQLBind(entry.before), SQLBind(entry.after),
                    SQLBind(entry.previousHash), SQLBind(entry.hash))
            .run()
        return entry
    }

    /// Entries in sequence order, optionally only those of one entity type and key.
    public func entries(entityType: String? = nil, entityKey: String? = nil, limit: Int? = nil) async throws -> [AuditEntry] {
        var query = db.select().columns("*").from("audit_log")
        if let entityType { query = query.where("entity_type", .equal, entityType) }
        if let entityKey { query = query.where("entity_key", .equal, entityKey) }
        if let limit { query = query.orderBy("sequence", .descending).limit(limit) } else { query = query.orderBy("sequence") }
        let rows = try await query.all().map(Self.entry)
        return limit == nil ? rows : rows.reversed()
    }

    /// Entity types whose key starts with a chapter number rather than an organisation code.
    static let chapterKeyedTypes: Set<String> = ["chapter", "budgetAmount", "budgetRevision", "investmentProject"]

    /// The organisation an audited object belongs to (for the read check of its history), from
    /// the first part of its key: an organisation code, or a chapter number for budget objects.
    public func organisationCode(ofEntityType type: String, key: String) async throws -> String? {
        let first = String(key.split(separator: "/", maxSplits: 1).first ?? "")
        guard Self.chapterKeyedTypes.contains(type) else { return first.isEmpty ? nil : first }
        guard let number = Int(first) else { return nil }
        return try await db.raw("""
            SELECT o.code FROM chapters c JOIN organisations o ON o.id = c.organisation_id WHERE c.number = \(bind: number)
            """).first()?.decode(column: "code", as: String.self)
    }

    /// Checks the whole chain: the first entry edited or deleted, or intact.
    public func verify() async throws -> AuditVerification {
        AuditChain.verify(try await entries(), hash: Self.sha256)
    }

    static func entry(_ row: any SQLRow) throws -> AuditEntry {
        AuditEntry(
            sequence: try row.decode(column: "sequence"), occurredAt: try row.decode(column: "occurred_at"),
            actor: try row.decode(column: "actor"), action: try enumValue(row, "action"),
            entityType: try row.decode(column: "entity_type"), entityKey: try row.decode(column: "entity_key"),
            before: try row.decodeOptional("before_json"), after: try row.decodeOptional("after_json"),
            previousHash: try row.decode(column: "previous_hash"), hash: try row.decode(column: "hash"))
    }
}
