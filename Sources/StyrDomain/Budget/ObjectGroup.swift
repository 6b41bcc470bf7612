import Foundation

/// A KOSTRA artsgruppe: a range of arts, e.g. 000–099 *Lønn og sosiale utgifter*.
/// Groups below 600 are expenses (financing need), from 600 revenues (financing).
public struct ObjectGroup: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var first: Int
    public var last: Int

    public init(first: Int, last: Int) {
        precondition(0 <= first && first <= last && last <= 999, "an artsgruppe is a range within 000–999")
        self.first = first
        self.last = last
    }

    /// Parses `000-099` (also with an en dash).
    public init?(code: String) {
        let parts = code.replacingOccurrences(of: "–", with: "-").split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, parts.allSatisfy({ $0.count == 3 }), let first = Int(parts[0]), let last = Int(parts[1]),
              first <= last, last <= 999 else { return nil }
        self.init(first: first, last: last)
    }

    public var code: String { "\(pad(first, 3))-\(pad(last, 3))" }
    public var description: String { code }

    public var isExpense: Bool { first < 600 }

    public func contains(art: Int) -> Bool { (first...last).contains(art) }

    public static func < (lhs: ObjectGroup, rhs: ObjectGroup) -> Bool { lhs.first < rhs.first }

    /// The nine artsgrupper of the KOSTRA tables, in printed order.
    public static let standard: [ObjectGroup] = [
        ObjectGroup(first: 0, last: 99), ObjectGroup(first: 100, last: 299), ObjectGroup(first: 300, last: 399),
        ObjectGroup(first: 400, last: 499), ObjectGroup(first: 500, last: 599), ObjectGroup(first: 600, last: 699),
        ObjectGroup(first: 700, last: 799), ObjectGroup(first: 800, last: 899), ObjectGroup(first: 900, last: 999),
    ]

    /// The standard group an art belongs to.
    public static func standardGroup(ofArt art: Int) -> ObjectGroup? {
        standard.first { $0.contains(art: art) }
    }
}

/// Operating (drift) or investment (investering) accounts: the KOSTRA kontoklasse.
public enum AccountKind: String, Sendable, Codable, CaseIterable {
    case operating
    case investment

    public var norwegianName: String {
        switch self {
        case .operating: "Drift"
        case .investment: "Investering"
        }
    }
}

/// The amounts stored as input per chapter × year × kind × artsgruppe. Revised budget is not
/// among them: it is computed as original budget plus revisions.
public enum BudgetMeasure: String, Sendable, Codable, CaseIterable {
    /// Dok. 3: the budget as decided by the city council.
    case originalBudget
    /// Regnskap.
    case actuals
}

/// A budget chapter (kapittel), e.g. 125 Utviklings- og kompetanseetaten.
public struct Chapter: Hashable, Sendable, Codable {
    public var number: Int
    public var name: String
    public var organisationCode: String
    /// Drift, investering or both (the demo's chapter 125 holds both).
    public var kind: ChapterKind

    public init(number: Int, name: String, organisationCode: String, kind: ChapterKind = .both) {
        self.number = number
        self.name = name
        self.organisationCode = organisationCode
        self.kind = kind
    }

    private enum CodingKeys: String, CodingKey { case number, name, organisationCode, kind }

    /// A year file without `kind` (schema version 1) holds chapters of both kinds.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        number = try container.decode(Int.self, forKey: .number)
        name = try container.decode(String.self, forKey: .name)
        organisationCode = try container.decode(String.self, forKey: .organisationCode)
        kind = try container.decodeIfPresent(ChapterKind.self, forKey: .kind) ?? .both
    }

    /// `kind` is written only when it is not `both`, so that files of chapters of both kinds stay as they were.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(name, forKey: .name)
        try container.encode(organisationCode, forKey: .organisationCode)
        if kind != .both { try container.encode(kind, forKey: .kind) }
    }
}

/// What a chapter budgets: drift, investering, or both.
public enum ChapterKind: String, Sendable, Codable, CaseIterable {
    case operating
    case investment
    case both

    public var norwegianName: String {
        switch self {
        case .operating: "Drift"
        case .investment: "Investering"
        case .both: "Drift og investering"
        }
    }

    public var accountKinds: [AccountKind] {
        switch self {
        case .operating: [.operating]
        case .investment: [.investment]
        case .both: [.operating, .investment]
        }
    }

    public func covers(_ kind: AccountKind) -> Bool { accountKinds.contains(kind) }
}

/// One input amount: chapter × year × kind × artsgruppe × measure.
public struct BudgetAmount: Hashable, Sendable, Codable {
    public var chapter: Int
    public var year: Int
    public var kind: AccountKind
    public var group: ObjectGroup
    public var measure: BudgetMeasure
    public var amount: Money

    public init(chapter: Int, year: Int, kind: AccountKind, group: ObjectGroup, measure: BudgetMeasure, amount: Money) {
        self.chapter = chapter
        self.year = year
        self.kind = kind
        self.group = group
        self.measure = measure
        self.amount = amount
    }
}
