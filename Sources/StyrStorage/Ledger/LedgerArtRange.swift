import Foundation

/// One row of `ledger_cells` as stored: an id range of one art, and where each funksjon starts in
/// it as text (`120:0,253:14`).
struct LedgerCellRow: Sendable, Hashable {
    var art: Int
    var firstID: Int64
    var lastID: Int64
    var functions: String

    var range: LedgerArtRange { LedgerArtRange(art: art, firstID: firstID, lastID: lastID, functionStarts: LedgerArtRange.functionStarts(functions)) }

    init(art: Int, firstID: Int64, lastID: Int64, functions: String) {
        (self.art, self.firstID, self.lastID, self.functions) = (art, firstID, lastID, functions)
    }

    /// Reads a line written by `LedgerArtRange.appendRow`; nil if it is not one.
    init?<Bytes: Collection<UInt8>>(spilled line: Bytes) {
        let fields = line.split(separator: UInt8(ascii: ";"), maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count == 4, let art = decimal(fields[0]), let first = decimal(fields[1]), let last = decimal(fields[2]),
              fields[3].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ",") })
        else { return nil }
        self.init(art: Int(art), firstID: first, lastID: last, functions: String(decoding: fields[3], as: UTF8.self))
    }
}

/// Appends `value`'s decimal digits (with a minus sign if negative).
func appendDecimal(_ value: Int64, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: String(value).utf8)
}

/// The number written in `digits` (0–9 only); nil otherwise, or if it exceeds `Int64`.
func decimal<Bytes: Collection<UInt8>>(_ digits: Bytes) -> Int64? {
    guard !digits.isEmpty else { return nil }
    var value: Int64 = 0
    for byte in digits {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        let (tens, overflow) = value.multipliedReportingOverflow(by: 10)
        let (sum, carry) = tens.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
        guard !overflow, !carry else { return nil }
        value = sum
    }
    return value
}

/// One id range of an import's lines that all have the same art (`ledger_cells`), in funksjon
/// order within it.
public struct LedgerArtRange: Sendable, Hashable {
    public var art: Int
    public var firstID: Int64
    public var lastID: Int64
    /// Where each funksjon's lines start, as offsets from `firstID`, ascending; nil when unknown
    /// (then a funksjon's lines may be anywhere in the range).
    public var functionStarts: [FunctionStart]?

    public struct FunctionStart: Sendable, Hashable {
        public var function: Int
        public var offset: Int64
    }

    /// The ids of one funksjon's lines in the range: nil when it has none there.
    public func ids(ofFunction function: Int) -> ClosedRange<Int64>? {
        guard let starts = functionStarts else { return firstID...lastID }
        guard let index = starts.firstIndex(where: { $0.function == function }) else { return nil }
        let end = index + 1 < starts.count ? firstID + starts[index + 1].offset - 1 : lastID
        return (firstID + starts[index].offset)...end
    }

    /// As stored: `120:0,253:14` (funksjon and offset).
    var functionsText: String {
        var bytes: [UInt8] = []
        appendFunctions(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    var row: LedgerCellRow { LedgerCellRow(art: art, firstID: firstID, lastID: lastID, functions: functionsText) }

    private func appendFunctions(to bytes: inout [UInt8]) {
        for (index, start) in (functionStarts ?? []).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendDecimal(Int64(start.function), to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            appendDecimal(start.offset, to: &bytes)
        }
    }

    /// One line of an import's spilled ranges: `art;first;last;functions`.
    func appendRow(to bytes: inout [UInt8]) {
        appendDecimal(Int64(art), to: &bytes)
        bytes.append(UInt8(ascii: ";"))
        appendDecimal(firstID, to: &bytes)
        bytes.append(UInt8(ascii: ";"))
        appendDecimal(lastID, to: &bytes)
        bytes.append(UInt8(ascii: ";"))
        appendFunctions(to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
    }

    static func functionStarts(_ text: String) -> [FunctionStart]? {
        guard !text.isEmpty else { return nil }
        var starts: [FunctionStart] = []
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let function = Int(parts[0]), let offset = Int64(parts[1]) else { return nil }
            starts.append(FunctionStart(function: function, offset: offset))
        }
        return starts
    }
}
