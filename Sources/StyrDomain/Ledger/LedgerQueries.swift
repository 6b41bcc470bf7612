/// What the ledger is asked for and what it answers: filters, totals, stored lines and the
/// record of each import. Plain values, shared by storage, services and the edges.

/// Which lines a total or a drill-down covers.
public struct LedgerFilter: Sendable, Hashable {
    public var year: Int
    public var measure: LedgerMeasure
    /// Months 1…this (annual lines, month 0, count in every range); nil for the whole year.
    public var throughMonth: Int?
    /// Each dimension's value as text (the group as `600-699`).
    public var equals: [LedgerDimension: String]

    public init(year: Int, measure: LedgerMeasure = .actuals, throughMonth: Int? = nil, equals: [LedgerDimension: String] = [:]) {
        self.year = year
        self.measure = measure
        self.throughMonth = throughMonth
        self.equals = equals
    }
}

/// A total over the lines that share the values of the chosen dimensions.
public struct LedgerTotal: Sendable, Hashable {
    public var values: [LedgerDimension: String]
    public var amount: Money
    public var lines: Int64

    public init(values: [LedgerDimension: String], amount: Money, lines: Int64) {
        self.values = values
        self.amount = amount
        self.lines = lines
    }
}

/// A stored line with its id, for drill-down pages.
public struct StoredLedgerLine: Sendable, Hashable {
    public var id: Int64
    public var line: LedgerLine

    public init(id: Int64, line: LedgerLine) {
        self.id = id
        self.line = line
    }
}

/// Where an import goes: one organisation, year, period and measure. Period 0 is the whole year.
public struct LedgerImportTarget: Sendable, Hashable {
    public var organisationCode: String
    public var year: Int
    public var period: Int
    public var measure: LedgerMeasure
    public var sourceName: String
    public var format: String
    public var replace: Bool
    public var actor: String
    /// The one kontoklasse the import holds (Oslo's drift and investering files), so that it stands
    /// beside an import of the other; nil: it may hold both, and clashes with any import of its period.
    public var scope: AccountKind?

    public init(organisationCode: String, year: Int, period: Int = 0, measure: LedgerMeasure = .actuals, sourceName: String,
                format: String, replace: Bool = false, actor: String, scope: AccountKind? = nil) {
        self.scope = scope
        self.organisationCode = organisationCode
        self.year = year
        self.period = period
        self.measure = measure
        self.sourceName = sourceName
        self.format = format
        self.replace = replace
        self.actor = actor
    }
}

/// An import as recorded: which file, when, by whom, how many lines, and their sum.
public struct LedgerImportRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var organisationCode: String
    public var year: Int
    public var period: Int
    public var measure: LedgerMeasure
    public var sourceName: String
    public var format: String
    public var lines: Int64
    public var controlSum: Money
    public var importedAt: String
    public var importedBy: String
    /// The one kontoklasse the import holds; nil when it may hold both.
    public var scope: AccountKind?
    /// Its sums per chapter, kontoklasse and artsgruppe, kept with the import so that pages can
    /// compare them with their tables without reading the lines.
    public var totals: [LedgerImportTotal]

    public init(id: Int64, organisationCode: String, year: Int, period: Int, measure: LedgerMeasure, sourceName: String, format: String,
                lines: Int64, controlSum: Money, importedAt: String, importedBy: String, scope: AccountKind?, totals: [LedgerImportTotal]) {
        self.id = id
        self.organisationCode = organisationCode
        self.year = year
        self.period = period
        self.measure = measure
        self.sourceName = sourceName
        self.format = format
        self.lines = lines
        self.controlSum = controlSum
        self.importedAt = importedAt
        self.importedBy = importedBy
        self.scope = scope
        self.totals = totals
    }
}

/// The sum of an import's lines of one chapter, kontoklasse and artsgruppe.
public struct LedgerImportTotal: Sendable, Hashable, Codable {
    public var chapter: Int
    public var kind: AccountKind
    /// The artsgruppe's code, `100-299`.
    public var group: String
    public var amount: Money

    public init(chapter: Int, kind: AccountKind, group: String, amount: Money) {
        self.chapter = chapter
        self.kind = kind
        self.group = group
        self.amount = amount
    }
}
