import Testing
@testable import StyrDomain

@Suite("Audit hash chain")
struct AuditChainTests {
    /// A stand-in hash that depends on every character, so any edit changes it.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 1469598103934665603
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 1099511628211 }
        return String(value, radix: 16)
    }

    static func chain(_ count: Int) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        for sequence in 1...Int64(count) {
            var entry = AuditEntry(
                sequence: sequence, occurredAt: "2026-11-22T10:00:0\(sequence % 10).000Z", actor: "system:demo", action: .create,
                entityType: "organisation", entityKey: "ORG\(sequence)", before: nil, after: #"{"name":"\#(sequence)"}"#,
                previousHash: entries.last?.hash ?? AuditChain.genesisHash, hash: "")
            entry.hash = hash(entry.canonicalText)
            entries.append(entry)
        }
        return entries
    }

    @Test("an untouched chain is intact")
    func intact() {
        #expect(AuditChain.verify(Self.chain(5), hash: Self.hash) == .intact(entries: 5))
        #expect(AuditChain.verify([], hash: Self.hash) == .intact(entries: 0))
    }

    @Test("an edited entry is found by its own hash")
    func edited() {
        var entries = Self.chain(5)
        entries[2].after = #"{"name":"forfalsket"}"#
        guard case .broken(let sequence, let reason) = AuditChain.verify(entries, hash: Self.hash) else {
            Issue.record("expected a broken chain")
            return
        }
        #expect(sequence == 3)
        #expect(reason.contains("endret"))
    }

    @Test("an edited entry whose hash was recomputed is found through the next link")
    func rehashed() {
        var entries = Self.chain(5)
        entries[1].actor = "noen andre"
        entries[1].hash = Self.hash(entries[1].canonicalText)
        guard case .broken(let sequence, _) = AuditChain.verify(entries, hash: Self.hash) else {
            Issue.record("expected a broken chain")
            return
        }
        #expect(sequence == 2)
    }

    @Test("a deleted entry leaves a gap")
    func deleted() {
        var entries = Self.chain(5)
        entries.remove(at: 3)
        guard case .broken(let sequence, let reason) = AuditChain.verify(entries, hash: Self.hash) else {
            Issue.record("expected a broken chain")
            return
        }
        #expect(sequence == 4)
        #expect(reason.contains("slettet"))
    }

    @Test("a missing value and an empty one hash differently")
    func canonical() {
        var entry = Self.chain(1)[0]
        entry.before = nil
        let missing = entry.canonicalText
        entry.before = ""
        #expect(missing != entry.canonicalText)
    }
}
