import Foundation

/// What a published table is made of, written once per table shape (docs/table-definitions.md):
/// its rows and columns under the names reports give them, and the identities its numbers must
/// satisfy (sums, results with signs per row type, a deviation column with a rule per row type,
/// identities between tables and between a year's report and the year before).
public struct TableDefinition: Codable, Hashable, Sendable {
    /// Short name used on the command line and in cross-table references (`okonomisk-oversikt-drift`).
    public var name: String
    public var title: String
    /// Differences up to this many units of the table (a krone, or a thousand kroner) are rounding.
    public var tolerance: Double?
    /// Header names of the column that names the rows; nil: the first column.
    public var labelColumns: [String]?
    public var columns: [TableColumnDefinition]
    public var rows: [TableRowDefinition]
    /// Row types (`inntekt`, `utgift`, `resultat`, …) and the sign their printed values carry in a result (`net`).
    public var types: [String: TableRowType]?
    /// Identities between this table and another (`tabell:rad.kolonne`) checked in the same run.
    public var identities: [TableCrossIdentity]?

    public init(name: String, title: String, tolerance: Double? = nil, labelColumns: [String]? = nil, columns: [TableColumnDefinition],
                rows: [TableRowDefinition], types: [String: TableRowType]? = nil, identities: [TableCrossIdentity]? = nil) {
        self.name = name
        self.title = title
        self.tolerance = tolerance
        self.labelColumns = labelColumns
        self.columns = columns
        self.rows = rows
        self.types = types
        self.identities = identities
    }

    /// The sign of a row type (1 when the type or its sign is not given).
    func sign(ofType type: String?) -> Int64 {
        guard let type, let sign = types?[type]?.sign else { return 1 }
        return sign < 0 ? -1 : 1
    }
}

public struct TableColumnDefinition: Codable, Hashable, Sendable {
    public var key: String
    /// Header names; `{year}` stands for a four-digit year (`Regnskap {year}`), `{year-1}` for the year before.
    public var names: [String]
    /// A column that may be missing from a file (else a missing column is an error).
    public var optional: Bool?
    /// Whether the rows' sums and results are checked in this column (default true; false for a deviation in percent).
    public var sums: Bool?
    /// A column computed from others on the same row, by row type: `{"default": ["budsjett", "-regnskap"], "byType": {"inntekt": ["regnskap", "-budsjett"]}}`.
    public var formula: TableColumnFormula?
    /// This column of a year's report equals column `previousYearOf` of the report of the year before.
    public var previousYearOf: String?

    public init(key: String, names: [String], optional: Bool? = nil, sums: Bool? = nil, formula: TableColumnFormula? = nil, previousYearOf: String? = nil) {
        self.key = key
        self.names = names
        self.optional = optional
        self.sums = sums
        self.formula = formula
        self.previousYearOf = previousYearOf
    }
}

public struct TableColumnFormula: Codable, Hashable, Sendable {
    /// Terms: column keys, each with an optional leading `-`.
    public var `default`: [String]?
    public var byType: [String: [String]]?

    public init(default: [String]? = nil, byType: [String: [String]]? = nil) {
        self.default = `default`
        self.byType = byType
    }

    func terms(forType type: String?) -> [String]? {
        if let type, let terms = byType?[type] { return terms }
        return self.default
    }
}

public struct TableRowDefinition: Codable, Hashable, Sendable {
    public var key: String
    /// Labels as reports print them (compared without case, blanks, footnote marks or a leading number).
    public var names: [String]
    public var type: String?
    /// This row = the sum of these rows (keys, `-` before a key subtracts it).
    public var sum: [String]?
    /// This row × its type's sign = Σ term × the term's type sign: a result whatever sign each type is printed with.
    public var net: [String]?

    public init(key: String, names: [String], type: String? = nil, sum: [String]? = nil, net: [String]? = nil) {
        self.key = key
        self.names = names
        self.type = type
        self.sum = sum
        self.net = net
    }
}

public struct TableRowType: Codable, Hashable, Sendable {
    /// +1 or -1: how the type's amounts are printed relative to the result they enter.
    public var sign: Int64
    public init(sign: Int64) { self.sign = sign }
}

/// `cell` = Σ `equals`, references written `tabell:rad.kolonne` (`rad.kolonne` is this table).
public struct TableCrossIdentity: Codable, Hashable, Sendable {
    public var cell: String
    public var equals: [String]
    public init(cell: String, equals: [String]) {
        self.cell = cell
        self.equals = equals
    }
}

/// A signed term (`-sum_driftsutgifter` → -1, `sum_driftsutgifter`).
struct SignedTerm: Hashable, Sendable {
    var key: String
    var sign: Int64

    init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("-") {
            key = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
            sign = -1
        } else {
            key = trimmed.hasPrefix("+") ? String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces) : trimmed
            sign = 1
        }
    }
}

/// A cell reference `tabell:rad.kolonne` or `rad.kolonne`.
struct CellReference: Hashable, Sendable {
    var table: String?
    var row: String
    var column: String

    init?(_ text: String) {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        if let colon = rest.firstIndex(of: ":") {
            table = String(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
        }
        guard let dot = rest.lastIndex(of: "."), dot != rest.startIndex, rest.index(after: dot) != rest.endIndex else { return nil }
        row = String(rest[..<dot])
        column = String(rest[rest.index(after: dot)...])
    }
}
