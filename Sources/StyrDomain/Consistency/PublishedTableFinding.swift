/// The identity a finding breaks.
public enum PublishedTableRule: String, Sendable, CaseIterable {
    /// A sum row is the sum of its rows.
    case groupSum
    /// The net row follows from the two sum rows as printed.
    case netResult
    /// avvik = regulert − regnskap.
    case deviation
    /// avvik is blank although regulert − regnskap is not zero.
    case missingDeviation

    /// Norwegian name for reports.
    public var norwegianName: String {
        switch self {
        case .groupSum: "sum"
        case .netResult: "netto"
        case .deviation: "avvik"
        case .missingDeviation: "manglende avvik"
        }
    }
}

/// One printed cell that disagrees with what the table's own numbers say it should be.
public struct PublishedTableFinding: Sendable, Equatable {
    /// 1-based line in the file.
    public var line: Int
    /// The row as printed, e.g. "000-099", "sum_inntekter", "112007".
    public var row: String
    /// Header name of the column, e.g. "avvik".
    public var column: String
    /// nil when the cell is blank or "-".
    public var printed: PrintedAmount?
    public var computed: PrintedAmount
    /// printed − computed, with a blank cell counting as 0.
    public var difference: PrintedAmount
    public var rule: PublishedTableRule
    /// Norwegian sentence showing how `computed` was reached.
    public var explanation: String

    public init(
        line: Int, row: String, column: String, printed: PrintedAmount?, computed: PrintedAmount,
        difference: PrintedAmount, rule: PublishedTableRule, explanation: String
    ) {
        self.line = line
        self.row = row
        self.column = column
        self.printed = printed
        self.computed = computed
        self.difference = difference
        self.rule = rule
        self.explanation = explanation
    }
}
