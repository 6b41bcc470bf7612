/// The head of the audit chain exported outside the database (`styr audit anchor`): the newest
/// entry's sequence number and hash, signed. The chain alone cannot show that its newest entries
/// were deleted (what remains still links up); an anchor kept elsewhere can.
public struct AuditAnchor: Hashable, Sendable, Codable {
    /// The format's name, part of the signed text.
    public static let format = "styr-audit-anchor/1"

    public var format: String
    /// The newest entry's sequence number when the anchor was taken (0 for an empty log).
    public var sequence: Int64
    /// Its hash (the genesis hash for an empty log).
    public var hash: String
    /// Its time (UTC, ISO 8601), or nil for an empty log.
    public var occurredAt: String?
    /// When the anchor was taken (UTC, ISO 8601).
    public var anchoredAt: String
    /// Ed25519 signature of `signedText`, Base64; nil until signed.
    public var signature: String?

    public init(sequence: Int64, hash: String, occurredAt: String?, anchoredAt: String, signature: String? = nil) {
        self.format = Self.format
        self.sequence = sequence
        self.hash = hash
        self.occurredAt = occurredAt
        self.anchoredAt = anchoredAt
        self.signature = signature
    }

    /// The anchor of a log whose newest entry is `head` (nil: an empty log).
    public init(head: AuditEntry?, anchoredAt: String) {
        self.init(
            sequence: head?.sequence ?? 0, hash: head?.hash ?? AuditChain.genesisHash, occurredAt: head?.occurredAt,
            anchoredAt: anchoredAt)
    }

    /// The text the signature covers: every field but the signature, length-prefixed like
    /// `AuditEntry.canonicalText`.
    public var signedText: String {
        let fields: [String?] = [format, String(sequence), hash, occurredAt, anchoredAt]
        return fields.map { field in field.map { "\($0.utf8.count):\($0)" } ?? "-1:" }.joined(separator: "|")
    }
}

/// Checking a log against an anchor taken earlier.
public enum AuditAnchorRules {
    /// An intact chain (checked first with `AuditChain.verify`) must still reach the anchor's
    /// entry, with the same hash: a log that ends before it lost its newest entries; another hash
    /// there means the log was rewritten from that entry or before (deleted and written anew).
    public static func check(_ anchor: AuditAnchor, entries: [AuditEntry]) -> AuditVerification {
        let head = entries.map(\.sequence).max() ?? 0
        if head < anchor.sequence {
            let first = head + 1
            let deleted = first == anchor.sequence ? "Oppføring \(first) er slettet" : "Oppføringene \(first)–\(anchor.sequence) er slettet"
            return .broken(
                sequence: first,
                reason: "\(deleted): ankeret tatt \(anchor.anchoredAt) viser oppføring \(anchor.sequence) som den nyeste, men loggen slutter ved oppføring \(head).")
        }
        if anchor.sequence > 0 {
            guard let entry = entries.first(where: { $0.sequence == anchor.sequence }), entry.hash == anchor.hash else {
                return .broken(
                    sequence: anchor.sequence,
                    reason: "Oppføring \(anchor.sequence) har en annen hash enn i ankeret tatt \(anchor.anchoredAt): loggen er slettet og skrevet på nytt fra denne oppføringen eller tidligere.")
            }
        }
        return .intact(entries: entries.count)
    }
}
