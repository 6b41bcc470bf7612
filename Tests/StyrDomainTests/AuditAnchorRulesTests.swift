import StyrDomain
import Testing

@Suite("audit anchor")
struct AuditAnchorRulesTests {
    static func chain(_ count: Int, salt: String = "") -> [AuditEntry] {
        var entries: [AuditEntry] = []
        for sequence in 1...Int64(count) {
            var entry = AuditEntry(
                sequence: sequence, occurredAt: "2026-12-04T20:00:0\(sequence % 10).000Z", actor: "a@example.no" + salt, action: .create,
                entityType: "organisation", entityKey: "UKE", before: nil, after: "{}", previousHash: entries.last?.hash ?? AuditChain.genesisHash,
                hash: "")
            entry.hash = String(entry.canonicalText.hashValue, radix: 16)
            entries.append(entry)
        }
        return entries
    }

    @Test("the log reaching the anchor's entry with its hash holds; fewer entries or another hash there do not")
    func check() {
        let entries = Self.chain(5)
        let anchor = AuditAnchor(head: entries[4], anchoredAt: "2026-12-04T21:00:00.000Z")
        #expect(AuditAnchorRules.check(anchor, entries: entries) == .intact(entries: 5))
        #expect(AuditAnchorRules.check(anchor, entries: entries + Self.chain(6).suffix(1)) == .intact(entries: 6))
        #expect(AuditAnchorRules.check(anchor, entries: Array(entries.prefix(4))) == .broken(
            sequence: 5, reason: "Oppføring 5 er slettet: ankeret tatt 2026-12-04T21:00:00.000Z viser oppføring 5 som den nyeste, men loggen slutter ved oppføring 4."))
        #expect(AuditAnchorRules.check(anchor, entries: []) == .broken(
            sequence: 1, reason: "Oppføringene 1–5 er slettet: ankeret tatt 2026-12-04T21:00:00.000Z viser oppføring 5 som den nyeste, men loggen slutter ved oppføring 0."))
        // Deleted and written anew: as many entries, but the anchor's entry has another hash.
        let rewritten = Array(entries.prefix(3)) + Self.chain(5, salt: "x").suffix(2)
        guard case .broken(let sequence, let reason) = AuditAnchorRules.check(anchor, entries: rewritten) else {
            Issue.record("a rewritten log must not hold")
            return
        }
        #expect(sequence == 5)
        #expect(reason.contains("annen hash enn i ankeret"))
        // An anchor of an empty log holds for any log.
        #expect(AuditAnchorRules.check(AuditAnchor(head: nil, anchoredAt: "t"), entries: entries) == .intact(entries: 5))
    }

    @Test("the signed text covers every field but the signature")
    func signedText() {
        var anchor = AuditAnchor(sequence: 7, hash: "ab", occurredAt: nil, anchoredAt: "t")
        let text = anchor.signedText
        anchor.signature = "zz"
        #expect(anchor.signedText == text)
        #expect(text == "19:styr-audit-anchor/1|1:7|2:ab|-1:|1:t")
    }
}
