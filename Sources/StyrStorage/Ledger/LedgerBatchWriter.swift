import Foundation
import StyrDomain

/// Hands batches of lines to the database during an import.
public struct LedgerBatchWriter: Sendable {
    let write: @Sendable ([LedgerLine]) async throws -> Void

    /// Stores `lines` after those appended before. One call at a time: a batch is numbered when
    /// it is placed and inserted in turn after, so two calls at once could swap their order (on
    /// SQLite the import then fails its numbering check). It returns once the batch's insert has
    /// begun, so the next batch can be read meanwhile.
    public func append(_ lines: [LedgerLine]) async throws {
        guard !lines.isEmpty else { return }
        try await write(lines)
    }
}

/// What the import's body reports when it has fed every line.
public struct LedgerImportCount: Sendable {
    public var lines: Int64
    public var controlSum: Money
    /// Filled in by `importLedger` from the lines written.
    var totals: [LedgerImportTotal] = []

    public init(lines: Int64, controlSum: Money) {
        self.lines = lines
        self.controlSum = controlSum
    }
}

/// Runs inserts one after another, in the order they are enqueued, one at a time.
final class SerialInserts: @unchecked Sendable {
    private let lock = NSLock()
    private var last: Task<Void, any Error>?

    /// Starts `work` after the insert enqueued before it, and returns once that one has finished
    /// (so at most one insert waits while another runs), with its error if it failed.
    func enqueue(_ work: @escaping @Sendable () async throws -> Void) async throws {
        let previous = lock.withLock {
            let previous = last
            last = Task {
                try await previous?.value
                try await work()
            }
            return previous
        }
        try await previous?.value
    }

    /// Waits for every insert enqueued; throws the first failure.
    func drain() async throws {
        try await lock.withLock { last }?.value
    }
}

/// Sums the lines handed to an import's writer per chapter, kontoklasse and artsgruppe. The
/// batches come one at a time; the lock only makes that safe to share with the writer's closure.
final class LedgerImportTotals: @unchecked Sendable {
    private let lock = NSLock()
    /// 32 sums a chapter (kontoklasse × 16 + artsgruppe index → øre), one after another in the
    /// order the chapters came, and which of them lines went into (a bit each).
    private var amounts: [Int64] = []
    private var used: [UInt32] = []
    private var chapters: [Int: Int] = [:]

    func add(_ lines: [LedgerLine]) {
        lock.lock()
        defer { lock.unlock() }
        // A file has few chapters (often only 0), mostly in runs: the chapter of the line before
        // is at hand without hashing.
        var chapter: Int?
        var slot = 0
        for line in lines {
            if line.chapter != chapter {
                chapter = line.chapter
                if let known = chapters[line.chapter] {
                    slot = known
                } else {
                    slot = used.count
                    chapters[line.chapter] = slot
                    amounts += repeatElement(0, count: 32)
                    used.append(0)
                }
            }
            let group = line.art < 100 ? 0 : line.art < 300 ? 1 : min(8, line.art / 100 - 1)
            let key = (line.kind == .operating ? 0 : 16) &+ group
            amounts[slot &* 32 &+ key] &+= line.amount.ore
            used[slot] |= 1 << key
        }
    }

    var totals: [LedgerImportTotal] {
        lock.lock()
        defer { lock.unlock() }
        return chapters.sorted { $0.key < $1.key }.flatMap { chapter, slot in
            (0..<32).filter { used[slot] & 1 << $0 != 0 }.map { key in
                LedgerImportTotal(chapter: chapter, kind: key < 16 ? .operating : .investment,
                                  group: ObjectGroup.standard[key % 16].code, amount: Money(ore: amounts[slot * 32 + key]))
            }
        }
    }
}
