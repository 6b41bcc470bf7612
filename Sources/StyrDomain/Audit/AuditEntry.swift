/// What a change did to an entity.
public enum AuditAction: String, Sendable, Codable, CaseIterable {
    case create
    case update
    case delete

    public var norwegianName: String {
        switch self {
        case .create: "opprettet"
        case .update: "endret"
        case .delete: "slettet"
        }
    }
}

/// One entry of the append-only audit log: who changed which entity when, with the values
/// before and after (as JSON). Entries are hash-chained: each holds the hash of the one before,
/// so an entry edited or deleted afterwards breaks the chain from there on.
public struct AuditEntry: Hashable, Sendable {
    /// 1, 2, 3, … without gaps.
    public var sequence: Int64
    /// UTC, ISO 8601 with milliseconds.
    public var occurredAt: String
    public var actor: String
    public var action: AuditAction
    public var entityType: String
    public var entityKey: String
    public var before: String?
    public var after: String?
    public var previousHash: String
    public var hash: String

    public init(
        sequence: Int64, occurredAt: String, actor: String, action: AuditAction, entityType: String, entityKey: String,
        before: String?, after: String?, previousHash: String, hash: String
    ) {
        self.sequence = sequence
        self.occurredAt = occurredAt
        self.actor = actor
        self.action = action
        self.entityType = entityType
        self.entityKey = entityKey
        self.before = before
        self.after = after
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The text the hash covers: every field but the hash, each prefixed by its length so that
    /// no two different entries serialise alike. A missing value is written as `-1:`.
    public var canonicalText: String {
        let fields: [String?] = [
            String(sequence), occurredAt, actor, action.rawValue, entityType, entityKey, before, after, previousHash,
        ]
        return fields.map { field in field.map { "\($0.utf8.count):\($0)" } ?? "-1:" }.joined(separator: "|")
    }
}

public enum AuditVerification: Hashable, Sendable {
    case intact(entries: Int)
    /// The first entry found edited or deleted, and why.
    case broken(sequence: Int64, reason: String)
}

/// The hash chain of the audit log. The hash function is passed in (SHA-256 in storage), so the
/// rule stays free of any crypto library.
public enum AuditChain {
    /// The `previousHash` of the first entry.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Walks the entries in sequence order and reports the first that does not hold.
    public static func verify(_ entries: [AuditEntry], hash: (String) -> String) -> AuditVerification {
        var expectedSequence: Int64 = 1
        var previous: AuditEntry?
        for entry in entries.sorted(by: { $0.sequence < $1.sequence }) {
            if entry.sequence != expectedSequence {
                return .broken(
                    sequence: expectedSequence,
                    reason: "Oppføring \(expectedSequence) mangler: den er slettet (neste oppføring er nr. \(entry.sequence)).")
            }
            if hash(entry.canonicalText) != entry.hash {
                return .broken(sequence: entry.sequence, reason: "Oppføring \(entry.sequence) er endret etter at den ble skrevet: hashen stemmer ikke med innholdet.")
            }
            if entry.previousHash != (previous?.hash ?? genesisHash) {
                // The entry itself is sound, so the one before was rewritten with a new hash.
                let culprit = previous?.sequence ?? entry.sequence
                return .broken(
                    sequence: culprit,
                    reason: "Oppføring \(culprit) er endret og hashen regnet om: oppføring \(entry.sequence) peker på en annen hash.")
            }
            previous = entry
            expectedSequence += 1
        }
        return .intact(entries: entries.count)
    }
}
