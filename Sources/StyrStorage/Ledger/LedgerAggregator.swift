import Foundation
import StyrDomain

/// Totals ledger lines by every dimension (ansvar, kapittel, kontoklasse, art, funksjon, prosjekt,
/// fri dimensjon, periode) in bounded memory, whatever the number of lines or groups.
///
/// Each group's key is packed into 128 bits (text dimensions interned to numbers), and at most
/// `capacity` groups are held in memory. When that many are held, they are sorted and written to a
/// temporary run file; `finish` merges the runs, adding up a group that occurs in several. Hand
/// written because no listed library aggregates with a spill to disk (DuckDB, which does, is the
/// benchmark's yardstick, not a dependency). Call `discard()` when giving up, to remove the runs.
public struct LedgerAggregator {
    struct Key: Hashable, Comparable {
        var high: UInt64
        var low: UInt64

        static func < (a: Key, b: Key) -> Bool { a.high != b.high ? a.high < b.high : a.low < b.low }
    }

    /// What came of it: the number of groups, the sum of every amount, and how the work went.
    public struct Result: Sendable, Equatable {
        public var groups: Int64
        public var total: Int64
        /// How many runs were written to disk (0 when every group fitted in memory).
        public var runs: Int
    }

    public enum Failure: Error, CustomStringConvertible {
        case tooManyCodes(String)
        case overflow
        case io(String)

        public var description: String {
            switch self {
            case .tooManyCodes(let dimension): "Over 16 777 215 ulike verdier av \(dimension); de kan ikke summeres."
            case .overflow: "Summen av beløpene er for stor til å regnes ut."
            case .io(let reason): "Kan ikke skrive mellomresultatet til disk: \(reason)"
            }
        }
    }

    /// Text values of one dimension as numbers 1… (0 is the empty text), and back.
    struct Codes {
        let dimension: String
        var numbers: [String: UInt64] = [:]
        var texts: [String] = [""]

        mutating func number(_ text: String) throws -> UInt64 {
            if text.isEmpty { return 0 }
            if let known = numbers[text] { return known }
            let next = UInt64(texts.count)
            guard next < 1 << 24 else { throw Failure.tooManyCodes(dimension) }
            numbers[text] = next
            texts.append(text)
            return next
        }
    }

    public let capacity: Int
    private let directory: URL
    private var totals: [Key: Int64] = [:]
    private var responsibilities = Codes(dimension: "ansvar")
    private var projects = Codes(dimension: "prosjekt")
    private var freeDimensions = Codes(dimension: "fri dimensjon")
    private var runFiles: [URL] = []
    private var total: Int64 = 0
    /// The import's year, from the lines (every line of an import has it).
    private var year = 0
    private static let entriesPerWrite = 65_536
    /// Entries (24 bytes each) buffered by all the runs' readers together during the merge: 16 MB.
    static let mergeBudgetEntries = 699_050

    /// `capacity` groups in memory (about 50 bytes each, plus the sorted copy while a run is written).
    public init(capacity: Int = 1_000_000, directory: URL = FileManager.default.temporaryDirectory) {
        self.capacity = max(1, capacity)
        self.directory = directory
        totals.reserveCapacity(self.capacity)
    }

    public mutating func add(_ line: LedgerLine) throws {
        let responsibility = try responsibilities.number(line.responsibility)
        let project = try projects.number(line.project)
        let freeDimension = try freeDimensions.number(line.freeDimension)
        // Bits: ansvar 40–63, prosjekt 16–39, art 6–15, periode 2–5, kontoklasse 0 | fri dimensjon
        // 40–63, kapittel 10–39 (at most nine digits), funksjon 0–9.
        let high = responsibility << 40 | project << 16 | UInt64(line.art & 0x3FF) << 6 | UInt64(line.month & 0xF) << 2
            | (line.kind == .operating ? 1 : 0)
        let low = freeDimension << 40 | UInt64(line.chapter & 0x3FFF_FFFF) << 10 | UInt64(line.function & 0x3FF)
        let key = Key(high: high, low: low)
        year = line.year
        let (sum, overflow) = (totals[key] ?? 0).addingReportingOverflow(line.amount.ore)
        let (newTotal, totalOverflow) = total.addingReportingOverflow(line.amount.ore)
        guard !overflow, !totalOverflow else { throw Failure.overflow }
        totals[key] = sum
        total = newTotal
        if totals.count >= capacity { try spill() }
    }

    /// A group's total as a ledger line of its dimensions.
    func group(_ key: Key, _ amount: Int64) -> LedgerLine {
        LedgerLine(
            responsibility: responsibilities.texts[Int(key.high >> 40)], chapter: Int((key.low >> 10) & 0x3FFF_FFFF),
            kind: key.high & 1 == 1 ? .operating : .investment, art: Int((key.high >> 6) & 0x3FF), function: Int(key.low & 0x3FF),
            project: projects.texts[Int((key.high >> 16) & 0xFF_FFFF)], freeDimension: freeDimensions.texts[Int(key.low >> 40)],
            year: year, month: Int((key.high >> 2) & 0xF), amount: Money(ore: amount))
    }

    /// Writes the groups held to a sorted run file and empties the table.
    private mutating func spill() throws {
        var entries = totals.map { (key: $0.key, amount: $0.value) }
        totals.removeAll(keepingCapacity: true)
        entries.sort { $0.key < $1.key }
        let url = directory.appendingPathComponent("styr-aggregat-\(UUID().uuidString).run")
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = FileHandle(forWritingAtPath: url.path) else {
            throw Failure.io("kan ikke opprette \(url.path)")
        }
        runFiles.append(url)
        defer { try? handle.close() }
        var buffer: [UInt64] = []
        buffer.reserveCapacity(3 * Self.entriesPerWrite)
        for (offset, entry) in entries.enumerated() {
            buffer.append(entry.key.high.littleEndian)
            buffer.append(entry.key.low.littleEndian)
            buffer.append(UInt64(bitPattern: entry.amount).littleEndian)
            if buffer.count >= 3 * Self.entriesPerWrite || offset == entries.count - 1 {
                do {
                    try buffer.withUnsafeBytes { bytes in try handle.write(contentsOf: Data(bytes)) }
                } catch {
                    throw Failure.io(String(describing: error))
                }
                buffer.removeAll(keepingCapacity: true)
            }
        }
    }

    /// The groups and the total; merges the runs written to disk, and removes them. `each` is given
    /// every group once, in key order, as a line of the group's dimensions and total.
    public mutating func finish(_ each: ((LedgerLine) throws -> Void)? = nil) throws -> Result {
        defer { discard() }
        if runFiles.isEmpty {
            if let each {
                for (key, amount) in totals.sorted(by: { $0.key < $1.key }) { try each(group(key, amount)) }
            }
            return Result(groups: Int64(totals.count), total: total, runs: 0)
        }
        if !totals.isEmpty { try spill() }
        let runs = runFiles.count
        // The merge reads every run at once: their buffers share one budget, so memory does not
        // grow with the number of runs (a run per million groups).
        let entriesPerRead = max(1_024, Self.mergeBudgetEntries / runs)
        var readers = try runFiles.map { try RunReader(url: $0, entriesPerRead: entriesPerRead) }
        var current: [(key: Key, amount: Int64)?] = try readers.indices.map { try readers[$0].next() }
        var groups: Int64 = 0
        var mergedTotal: Int64 = 0
        while true {
            // A handful of runs: a linear search for the smallest key is as fast as a heap.
            var smallest: Key?
            for entry in current { if let entry, smallest.map({ entry.key < $0 }) ?? true { smallest = entry.key } }
            guard let key = smallest else { break }
            groups += 1
            var amount: Int64 = 0
            for index in current.indices {
                while let entry = current[index], entry.key == key {
                    let (sum, overflow) = amount.addingReportingOverflow(entry.amount)
                    guard !overflow else { throw Failure.overflow }
                    amount = sum
                    current[index] = try readers[index].next()
                }
            }
            // The total of every line was checked as it was added; the groups add up to it.
            mergedTotal &+= amount
            try each?(group(key, amount))
        }
        return Result(groups: groups, total: mergedTotal, runs: runs)
    }

    /// Removes the run files written so far (after `finish`, or when the import is given up).
    public mutating func discard() {
        for url in runFiles { try? FileManager.default.removeItem(at: url) }
        runFiles.removeAll()
    }

    /// Reads a run file's entries in order, `entriesPerRead` at a time.
    struct RunReader {
        let handle: FileHandle
        let entriesPerRead: Int
        var buffer: [UInt64] = []
        var position = 0

        init(url: URL, entriesPerRead: Int) throws {
            guard let handle = FileHandle(forReadingAtPath: url.path) else { throw Failure.io("kan ikke lese \(url.path)") }
            self.handle = handle
            self.entriesPerRead = entriesPerRead
        }

        mutating func next() throws -> (key: Key, amount: Int64)? {
            if position + 3 > buffer.count {
                guard let data = try handle.read(upToCount: 24 * entriesPerRead), !data.isEmpty else {
                    try? handle.close()
                    return nil
                }
                buffer = data.withUnsafeBytes { raw in
                    (0..<(raw.count / 8)).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
                }
                position = 0
            }
            defer { position += 3 }
            return (Key(high: buffer[position], low: buffer[position + 1]), Int64(bitPattern: buffer[position + 2]))
        }
    }
}
