/// The errors (or warnings) of an import: the first `limit` kept in full, all of them counted.
public struct ImportErrorLog: Hashable, Sendable {
    public static let defaultLimit = 100

    public let limit: Int
    /// The first `limit` errors: structural ones (a line with too few fields) first, each kind in
    /// file order, so that a cut line is not hidden behind a hundred codes outside the lists.
    public var errors: [LedgerLineError] {
        structural.isEmpty ? others : Array((structural + others).prefix(limit))
    }
    private var structural: [LedgerLineError] = []
    private var others: [LedgerLineError] = []
    /// Every error recorded, kept or not.
    public private(set) var count = 0

    public init(limit: Int = ImportErrorLog.defaultLimit) {
        self.limit = max(0, limit)
    }

    public var isEmpty: Bool { count == 0 }

    /// Errors counted but not kept.
    public var omitted: Int { count - errors.count }

    /// Errors of a kind: the structural ones (the line's shape) and the others (its fields).
    public var structuralCount: Int { structural.count }

    public mutating func record(_ error: LedgerLineError) {
        count += 1
        if error.isStructural {
            if structural.count < limit { structural.append(error) }
        } else if others.count < limit {
            others.append(error)
        }
    }
}

/// What an import read and what it amounted to.
public struct ImportSummary: Hashable, Sendable {
    public var format: LedgerFormat?
    public var encoding: LedgerTextEncoding = .utf8
    public var hasByteOrderMark = false
    /// The delimiter as shown to a person (`;`, `,`, `|`, `tabulator`); nil for fixed-width records.
    public var delimiter: String?
    /// Every line of the file, the header and blank lines included.
    public var linesRead = 0
    /// Lines that became ledger lines (with or without a warning).
    public var linesImported = 0
    /// Lines passed over: blank lines, total rows, and records or accounts outside bevilgningsregnskap.
    public var linesSkipped = 0
    public var skipped: [LedgerSkipReason: Int] = [:]
    /// Lines imported with a warning.
    public var warnings = 0
    /// Lines imported that had fields after the header's last column (read and ignored).
    public var linesWithExtraFields = 0
    /// Lines not imported because of an error.
    public var errors = 0
    /// The total of all imported amounts.
    public var controlSum = Money.zero
    /// Set when a sum would not fit in 64 bits of øre; the sums are then not to be trusted.
    public var sumOverflowed = false
    /// The file's last line had no line end (a possible sign that the file was cut short).
    public var lastLineUnterminated = false

    public init() {}

    /// `3 tomme linjer, 1 sumlinje uten konto (Sum, Totalt)`: what was skipped and why, most first; nil when nothing was.
    public var skippedDescription: String? {
        guard !skipped.isEmpty else { return nil }
        return skipped.sorted { ($0.value, $1.key.norwegianDescription(count: 0)) > ($1.value, $0.key.norwegianDescription(count: 0)) }
            .map { $0.key.norwegianDescription(count: $0.value) }.joined(separator: ", ")
    }

    /// Lines that were data lines: imported, skipped as outside bevilgningsregnskap, or in error
    /// (not blank lines or total rows).
    public var dataLines: Int { linesImported + errors + linesSkipped - (skipped[.blank] ?? 0) - (skipped[.sumRow] ?? 0) - (skipped[.preamble] ?? 0) }

    /// A budget file sums to 0: expenses are financed by revenues.
    public var isBalanced: Bool { controlSum.isZero && !sumOverflowed }

    /// The imported total of each kontoklasse that has lines.
    public var sumByKind: [AccountKind: Money] {
        var sums: [AccountKind: Money] = [:]
        for (index, kind) in [AccountKind.operating, .investment].enumerated() where kindLines[index] > 0 {
            sums[kind] = Money(ore: kindTotals[index])
        }
        return sums
    }

    /// The imported total of each artsgruppe that has lines.
    public var sumByGroup: [ObjectGroup: Money] {
        var sums: [ObjectGroup: Money] = [:]
        for (index, group) in ObjectGroup.standard.enumerated() where groupLines[index] > 0 {
            sums[group] = Money(ore: groupTotals[index])
        }
        return sums
    }

    public mutating func add(_ line: LedgerLine) {
        linesImported += 1
        let amount = line.amount.ore
        var overflow = false
        controlSum = Money(ore: Self.adding(controlSum.ore, amount, &overflow))
        let kind = line.kind == .operating ? 0 : 1
        kindTotals[kind] = Self.adding(kindTotals[kind], amount, &overflow)
        kindLines[kind] += 1
        if let group = Self.groupIndex(ofArt: line.art) {
            groupTotals[group] = Self.adding(groupTotals[group], amount, &overflow)
            groupLines[group] += 1
        }
        if overflow { sumOverflowed = true }
    }

    public mutating func skip(_ reason: LedgerSkipReason) {
        linesSkipped += 1
        skipped[reason, default: 0] += 1
    }

    /// Totals and line counts per kontoklasse (operating, investment) and per standard artsgruppe,
    /// kept in arrays so that adding a line costs no hashing.
    private var kindTotals: [Int64] = [0, 0]
    private var kindLines: [Int] = [0, 0]
    private var groupTotals: [Int64] = Array(repeating: 0, count: 9)
    private var groupLines: [Int] = Array(repeating: 0, count: 9)

    /// The index in `ObjectGroup.standard` of the group of an art.
    static func groupIndex(ofArt art: Int) -> Int? {
        switch art {
        case 0..<100: 0
        case 100..<300: 1
        case 300..<1000: art / 100 - 1
        default: nil
        }
    }

    private static func adding(_ sum: Int64, _ amount: Int64, _ overflow: inout Bool) -> Int64 {
        let (result, overflowed) = sum.addingReportingOverflow(amount)
        if overflowed {
            overflow = true
            return sum
        }
        return result
    }
}
