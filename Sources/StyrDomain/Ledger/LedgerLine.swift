/// One line of accounts or budget as imported: a posting (or a budget line) on every dimension
/// the municipality accounts by. Amounts are øre, expenses positive, revenues negative.
public struct LedgerLine: Hashable, Sendable, Codable {
    /// The responsibility unit (*ansvar*) or organisation code as the source names it; may be empty.
    public var responsibility: String
    /// The budget chapter (*kapittel*), when the source has one (0 when it has not).
    public var chapter: Int
    public var kind: AccountKind
    /// KOSTRA art, 0–999.
    public var art: Int
    /// KOSTRA funksjon, 100–899; 0 when the source has none.
    public var function: Int
    /// Project code; may be empty.
    public var project: String
    /// A free dimension; may be empty.
    public var freeDimension: String
    public var year: Int
    /// 1–12; 0 for a line of the whole year (annual files carry no month).
    public var month: Int
    public var amount: Money

    public init(responsibility: String = "", chapter: Int = 0, kind: AccountKind, art: Int, function: Int = 0, project: String = "",
                freeDimension: String = "", year: Int, month: Int = 0, amount: Money) {
        self.responsibility = responsibility
        self.chapter = chapter
        self.kind = kind
        self.art = art
        self.function = function
        self.project = project
        self.freeDimension = freeDimension
        self.year = year
        self.month = month
        self.amount = amount
    }

    /// An art as printed: three digits (`010`).
    public static func artCode(_ art: Int) -> String { pad(art, 3) }

    /// The artsgruppe of the art (000-099 … 900-999).
    public var group: ObjectGroup? { ObjectGroup.standardGroup(ofArt: art) }
}

/// What a ledger file holds: actual postings, the budget as decided, or the budget as revised
/// during the year (kept apart, so that importing one never replaces the other).
public enum LedgerMeasure: String, Hashable, Sendable, Codable, CaseIterable {
    case actuals, budget
    case revisedBudget = "revised-budget"

    public var norwegianName: String {
        switch self {
        case .actuals: "Regnskap"
        case .budget: "Budsjett"
        case .revisedBudget: "Regulert budsjett"
        }
    }
}

/// The dimensions lines can be totalled and drilled down by.
public enum LedgerDimension: String, Hashable, Sendable, Codable, CaseIterable {
    case responsibility, chapter, kind, group, art, function, project, freeDimension, month

    public var norwegianName: String {
        switch self {
        case .responsibility: "Ansvar"
        case .chapter: "Kapittel"
        case .kind: "Kontoklasse"
        case .group: "Artsgruppe"
        case .art: "Art"
        case .function: "Funksjon"
        case .project: "Prosjekt"
        case .freeDimension: "Fri dimensjon"
        case .month: "Periode"
        }
    }

    /// Whether its values are numbers (codes), as opposed to free text.
    public var isNumeric: Bool { ![.responsibility, .project, .freeDimension].contains(self) }
}
