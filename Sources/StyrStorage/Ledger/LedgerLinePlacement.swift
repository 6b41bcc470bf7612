import Foundation
import StyrDomain

/// Gives an import's lines their ids and keeps where each art and funksjon lies.
///
/// A line's id is `import id << 32 + its position in the import`, so an import is one key range and
/// lines append at the end of the table's key (no secondary index grows at random places: on 2 M
/// rows that index cut SQLite's insert rate from 1.18 M to 0.29 M rows/s, and PostgreSQL's COPY
/// from 682 000 to 278 000). Each batch is stored in art
/// and funksjon order, keeping the file's order within a cell, so an art of a batch is one id
/// range and a funksjon a range within it; drill-down reads those ranges (`ledger_cells`, about
/// one an art per batch of 100 000 lines) instead of an index per line.
final class LedgerLinePlacement: @unchecked Sendable {
    static let linesPerImport: Int64 = 1 << 32
    let importID: Int64
    private let lock = NSLock()
    private var placed: Int64 = 0
    /// The ranges so far as text lines (`art;first;last;funksjoner`), spilled to a temporary file
    /// past 1 MB: a 10 M-line import has about 14 000 ranges of about 1 KB, and memory must stay
    /// bounded whatever the import's size.
    private var pending: [UInt8] = []
    private var spill: (path: String, handle: FileHandle)?
    /// Where the ranges went past 1 MB (for tests).
    var spillPath: String? { lockedState().0?.path }

    init(importID: Int64) throws {
        guard importID > 0, importID < 1 << 30 else { throw StorageError.invalid("Importnummeret \(importID) er utenfor det lagringen tåler.") }
        self.importID = importID
    }

    static func idRange(ofImport importID: Int64) -> ClosedRange<Int64> {
        (importID << 32)...(importID << 32 + linesPerImport - 1)
    }

    /// The batch in art and funksjon order and the id of its first line.
    func place(_ lines: [LedgerLine]) throws -> (lines: [LedgerLine], firstID: Int64) {
        if let odd = lines.first(where: { !(0..<1000).contains($0.art) || !(0..<1000).contains($0.function) }) {
            throw StorageError.invalid("Art \(odd.art) eller funksjon \(odd.function) er utenfor 000–999.")
        }
        let sorted = Self.sortedInCellOrder(lines)
        lock.lock()
        defer { lock.unlock() }
        guard placed + Int64(lines.count) <= Self.linesPerImport else {
            throw StorageError.invalid("En import kan ha høyst \(Self.linesPerImport) linjer.")
        }
        let firstID = importID << 32 + placed
        for range in Self.ranges(of: sorted, firstID: firstID) { range.appendRow(to: &pending) }
        if pending.count >= 1 << 20 { try flush() }
        placed += Int64(lines.count)
        return (sorted, firstID)
    }

    private func flush() throws {
        if spill == nil {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("styr-ranges-\(UUID().uuidString)").path
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forUpdatingAtPath: path) else {
                throw StorageError.invalid("Kan ikke skrive en midlertidig fil for importen.")
            }
            // Unlinked at once: the open handle keeps it while the import runs, and nothing is left
            // behind if the process is killed.
            try? FileManager.default.removeItem(atPath: path)
            spill = (path, handle)
        }
        try spill?.handle.write(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
    }

    /// Hands every range over in order as the rows of `ledger_cells`, a thousand at a time, and
    /// removes the temporary file. The funksjon starts stay text, as they are stored.
    func forEachBatchOfRanges(_ body: ([LedgerCellRow]) async throws -> Void) async throws {
        defer { discard() }
        var batch: [LedgerCellRow] = []
        var rest: [UInt8] = []
        func take(_ bytes: [UInt8]) async throws {
            rest += bytes
            guard let end = rest.lastIndex(of: UInt8(ascii: "\n")) else { return }
            for line in rest[...end].split(separator: UInt8(ascii: "\n")) {
                guard let row = LedgerCellRow(spilled: line) else { throw StorageError.invalid("Den midlertidige fila for importen er skadet.") }
                batch.append(row)
                if batch.count == 1000 {
                    try await body(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            rest.removeSubrange(...end)
        }
        let (spilled, tail) = lockedState()
        if let spilled {
            try spilled.handle.seek(toOffset: 0)
            while let data = try spilled.handle.read(upToCount: 1 << 20), !data.isEmpty { try await take([UInt8](data)) }
        }
        try await take(tail)
        // Every range written ends in a newline: bytes after the last one are a damaged file.
        guard rest.isEmpty else { throw StorageError.invalid("Den midlertidige fila for importen er skadet.") }
        if !batch.isEmpty { try await body(batch) }
    }

    private func lockedState() -> ((path: String, handle: FileHandle)?, [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        return (spill, pending)
    }

    /// Removes the temporary file, if any (also when the import is given up).
    func discard() {
        lock.lock()
        defer { lock.unlock() }
        if let spill {
            try? spill.handle.close()
            try? FileManager.default.removeItem(atPath: spill.path)
        }
        spill = nil
        pending = []
    }

    deinit { discard() }

    /// The art ranges of lines in cell order whose first id is `firstID`.
    static func ranges(of sorted: [LedgerLine], firstID: Int64) -> [LedgerArtRange] {
        var ranges: [LedgerArtRange] = []
        var index = 0
        while index < sorted.count {
            let art = sorted[index].art
            var starts: [LedgerArtRange.FunctionStart] = []
            let start = index
            while index < sorted.count, sorted[index].art == art {
                if starts.last?.function != sorted[index].function {
                    starts.append(.init(function: sorted[index].function, offset: Int64(index - start)))
                }
                index += 1
            }
            ranges.append(LedgerArtRange(art: art, firstID: firstID + Int64(start), lastID: firstID + Int64(index - 1), functionStarts: starts))
        }
        return ranges
    }

    /// The lines by art, then funksjon, each cell's lines in the file's order: a stable radix sort
    /// of the positions, by funksjon and then by art (two counting passes over a key a line), after
    /// which each line is copied once to its place. Moving the lines themselves in each pass cost a
    /// copy (and its retains) a pass.
    static func sortedInCellOrder(_ lines: [LedgerLine]) -> [LedgerLine] {
        let count = lines.count
        guard count > 1 else { return lines }
        // Codes are 000–999 (`place` checked): art in the high bits, funksjon in the low ten.
        let keys = [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
            lines.withUnsafeBufferPointer { lines in
                for index in 0..<count { buffer[index] = UInt32(truncatingIfNeeded: lines[index].art) << 10 | UInt32(truncatingIfNeeded: lines[index].function) }
            }
            initialized = count
        }
        let byFunction = positions(keys, in: Array(0..<Int32(count))) { $0 & 1023 }
        let order = positions(keys, in: byFunction) { $0 >> 10 }
        // Each line's place, so that the lines are read in order and written at random: reading
        // them at random stalled on every line (10 MB a batch is beyond the caches).
        var places = [Int32](repeating: 0, count: count)
        for (place, position) in order.enumerated() { places[Int(position)] = Int32(place) }
        return [LedgerLine](unsafeUninitializedCapacity: count) { buffer, initialized in
            lines.withUnsafeBufferPointer { lines in
                for (position, place) in places.enumerated() { (buffer.baseAddress! + Int(place)).initialize(to: lines[position]) }
            }
            initialized = count
        }
    }

    /// `positions` reordered stably by `bucket(keys[position])` (0–1023): one counting-sort pass.
    private static func positions(_ keys: [UInt32], in positions: [Int32], bucket: (UInt32) -> UInt32) -> [Int32] {
        var next = [Int](repeating: 0, count: 1025)
        keys.withUnsafeBufferPointer { keys in
            for key in keys { next[Int(bucket(key)) + 1] += 1 }
        }
        for index in 0..<1024 { next[index + 1] += next[index] }
        return [Int32](unsafeUninitializedCapacity: positions.count) { buffer, initialized in
            keys.withUnsafeBufferPointer { keys in
                for position in positions {
                    let slot = Int(bucket(keys[Int(position)]))
                    buffer[next[slot]] = position
                    next[slot] += 1
                }
            }
            initialized = positions.count
        }
    }
}
