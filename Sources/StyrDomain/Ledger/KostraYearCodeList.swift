/// Which KOSTRA code list: the arts (*arter*) or the funksjoner.
public enum KostraListKind: String, Codable, Hashable, Sendable, CaseIterable {
    case arts = "art"
    case functions = "funksjon"

    public var norwegianName: String {
        switch self {
        case .arts: "arter"
        case .functions: "funksjoner"
        }
    }

    /// `art`, `arter`, `funksjon`, `funksjoner`, `function(s)` (any case); nil for anything else.
    public init?(text: String) {
        switch text.lowercased() {
        case "art", "arter", "arts": self = .arts
        case "funksjon", "funksjoner", "function", "functions": self = .functions
        default: return nil
        }
    }
}

/// One code of a year's list, as SSB's classification (KLASS) publishes it.
public struct KostraCodeEntry: Codable, Hashable, Sendable {
    /// The three-digit code (`010`, `253`).
    public var code: String
    public var name: String?
    public var validFrom: CalendarDate?
    /// The first day the code is no longer valid (KLASS's `validTo` is exclusive); nil: still valid.
    public var validTo: CalendarDate?

    public init(code: String, name: String? = nil, validFrom: CalendarDate? = nil, validTo: CalendarDate? = nil) {
        self.code = code
        self.name = name
        self.validFrom = validFrom
        self.validTo = validTo
    }

    /// Whether the code is valid on some day of the year.
    public func isValid(in year: Int) -> Bool {
        if let validFrom, validFrom.year > year { return false }
        if let validTo, validTo.year < year || (validTo.year == year && validTo.month == 1 && validTo.day == 1) { return false }
        return true
    }
}

/// The arts or funksjoner valid in one accounting year, loaded by an administrator from SSB's
/// published list (`styr codes import FILE --year Y`). A file of that year is checked against it;
/// a year without a list is checked against the lists shipped with Styr (2025), with a warning.
public struct KostraYearCodeList: Codable, Hashable, Sendable {
    public var year: Int
    public var kind: KostraListKind
    /// The codes valid in `year`, ascending.
    public var entries: [KostraCodeEntry]

    public init(year: Int, kind: KostraListKind, entries: [KostraCodeEntry]) {
        self.year = year
        self.kind = kind
        self.entries = entries.filter { $0.isValid(in: year) }.sorted { $0.code < $1.code }
    }

    /// The year the shipped lists are of.
    public static let shippedYear = 2025

    /// The codes as numbers (three digits only: KLASS's group levels `1`, `10` are left out).
    public var codes: Set<Int> {
        Set(entries.compactMap { $0.code.count == 3 ? Int($0.code) : nil })
    }

    /// The check for a year: its own arts and funksjoner where loaded, the shipped lists for the rest.
    /// An art of a loaded list is valid in drift and investering alike (KLASS does not say where).
    public static func codes(arts: KostraYearCodeList?, functions: KostraYearCodeList?, shipped: KostraCodes) -> KostraCodes {
        guard arts != nil || functions != nil else { return shipped }
        let artList: [(art: Int, operating: Bool, investment: Bool)]
        if let arts {
            artList = arts.codes.map { (art: $0, operating: true, investment: true) }
        } else {
            let operating = Set(shipped.arts(.operating))
            let investment = Set(shipped.arts(.investment))
            artList = operating.union(investment).map { (art: $0, operating: operating.contains($0), investment: investment.contains($0)) }
        }
        return KostraCodes(arts: artList, functions: functions?.codes ?? Set(shipped.functions))
    }

    /// The warning when a year lacks a list of its own (nil when it has both).
    public static func missingListWarning(year: Int, arts: Bool, functions: Bool) -> String? {
        guard year != shippedYear else { return nil }
        let missing = [arts ? nil : "arter", functions ? nil : "funksjoner"].compactMap { $0 }
        guard !missing.isEmpty else { return nil }
        return "Det er ikke lastet inn noen KOSTRA-kodeliste (\(missing.joined(separator: " og "))) for \(year); filen er kontrollert mot listen Styr leveres med (\(shippedYear)). Last inn årets liste fra SSB (KLASS) med «styr codes import FIL --year \(year)»."
    }
}
