import Foundation

/// How one municipality's ERP export is read: the delimiter, the header names of each column, and
/// how a local account and a local tjeneste become KOSTRA art and funksjon.
///
/// Header names are compared case-insensitively, trimmed, without a byte order mark. When a field
/// lists several names, the first name found in the header wins (so `tjeneste_nr` beats `tjeneste`).
public struct ImportProfile: Codable, Hashable, Sendable {
    public var name: String
    /// The field delimiter; nil detects it from the header among `;` `,` tab and `|` (the most frequent wins).
    /// `"tab"` is accepted for a tab.
    public var delimiter: String?
    public var accountNames: [String]
    public var responsibilityNames: [String]
    public var functionNames: [String]
    public var projectNames: [String]
    public var freeDimensionNames: [String]
    public var periodNames: [String]
    public var amountNames: [String]
    public var chapterNames: [String]
    public var accountRule: AccountRule
    /// How many leading digits of the tjeneste are the KOSTRA funksjon (`25300` → 253).
    public var functionDigits: Int
    /// Local tjeneste → KOSTRA funksjon, for tjenester the leading-digits rule gets wrong. Keys as in `AccountRule.artOverrides`.
    public var functionOverrides: [String: Int]
    /// What an art or funksjon outside the KOSTRA code lists is: an error (the line is not imported)
    /// or a warning (the line is imported and reported).
    public var invalidCodes: InvalidCodePolicy
    /// Header names of columns that are never read, even when a name above would take them
    /// (`art_tekst`, a second `beløp` column of another measure).
    public var ignoredColumns: [String]
    /// What a period 13 (year-end closing entries) or 0 (opening entries) becomes.
    public var closingPeriods: ClosingPeriodRule

    public init(
        name: String,
        delimiter: String? = nil,
        accountNames: [String] = ["art", "konto"],
        responsibilityNames: [String] = ["ansvar"],
        functionNames: [String] = ["tjeneste_nr", "tjeneste", "teneste_nr", "teneste", "funksjon"],
        projectNames: [String] = ["prosjekt"],
        freeDimensionNames: [String] = ["fri_dim", "dim"],
        periodNames: [String] = ["periode", "periode_nr", "maaned", "måned", "månad"],
        amountNames: [String] = ["beloep", "belop", "beløp", "rekneskap", "regnskap", "amount"],
        chapterNames: [String] = ["kapittel", "kapittelkode"],
        accountRule: AccountRule = .standard,
        functionDigits: Int = 3,
        functionOverrides: [String: Int] = [:],
        invalidCodes: InvalidCodePolicy = .error,
        ignoredColumns: [String] = [],
        closingPeriods: ClosingPeriodRule = .december
    ) {
        self.name = name
        self.delimiter = delimiter
        self.accountNames = accountNames
        self.responsibilityNames = responsibilityNames
        self.functionNames = functionNames
        self.projectNames = projectNames
        self.freeDimensionNames = freeDimensionNames
        self.periodNames = periodNames
        self.amountNames = amountNames
        self.chapterNames = chapterNames
        self.accountRule = accountRule
        self.functionDigits = functionDigits
        self.functionOverrides = functionOverrides
        self.invalidCodes = invalidCodes
        self.ignoredColumns = ignoredColumns
        self.closingPeriods = closingPeriods
    }

    /// The FORMATS.md §3 rules: `art` = kontoklasse + KOSTRA art + local digit, `tjeneste_nr` = funksjon + 2 local digits.
    public static let standard = ImportProfile(name: "standard")

    /// Local account → KOSTRA art (the same as `accountRule.artOverrides`).
    public var artOverrides: [String: Int] {
        get { accountRule.artOverrides }
        set { accountRule.artOverrides = newValue }
    }

    /// What is wrong with the profile itself, in Norwegian; empty when it can be used.
    /// (A parser ignores override keys that are listed here.)
    public var problems: [String] {
        var problems: [String] = []
        if let delimiter, Self.delimiterByte(delimiter) == nil {
            problems.append("skilletegnet «\(delimiter)» er ikke ett av ; , | eller tabulator")
        }
        if accountNames.isEmpty { problems.append("ingen kolonnenavn for art/konto") }
        if amountNames.isEmpty { problems.append("ingen kolonnenavn for beløp") }
        if !(1...3).contains(functionDigits) { problems.append("funksjonen må være 1–3 ledende siffer, ikke \(functionDigits)") }
        for (key, art) in accountRule.artOverrides.sorted(by: { $0.key < $1.key }) {
            if LedgerCodePattern(key) == nil { problems.append("artsoverstyring «\(key)»: nøkkelen må være siffer, ev. med x til slutt") }
            if !(0...999).contains(art) { problems.append("artsoverstyring «\(key)»: art \(art) er ikke 000–999") }
        }
        for (key, digit) in accountRule.kontoklasser.sorted(by: { $0.key < $1.key }) {
            if key.count != 1 || !key.allSatisfy(\.isNumber) { problems.append("kontoklasse «\(key)»: nøkkelen må være ett siffer (lokal kontoklasse)") }
            if ![0, 1, 2, 9].contains(digit) { problems.append("kontoklasse «\(key)»: KOSTRA-kontoklasse \(digit) er ikke 0, 1, 2 eller 9") }
        }
        for (key, function) in functionOverrides.sorted(by: { $0.key < $1.key }) {
            if LedgerCodePattern(key) == nil { problems.append("funksjonsoverstyring «\(key)»: nøkkelen må være siffer, ev. med x til slutt") }
            if !(100...999).contains(function) { problems.append("funksjonsoverstyring «\(key)»: funksjon \(function) er ikke 100–999") }
        }
        return problems
    }

    /// The byte of a delimiter named in a profile: one of `;` `,` `|`, or a tab (`"\t"`, `"tab"`, `"tabulator"`).
    package static func delimiterByte(_ name: String) -> UInt8? {
        switch name.lowercased() {
        case "tab", "tabulator", "\\t": return UInt8(ascii: "\t")
        default: break
        }
        let bytes = Array(name.utf8)
        guard bytes.count == 1, ";,\t|".utf8.contains(bytes[0]) else { return nil }
        return bytes[0]
    }

    enum CodingKeys: String, CodingKey {
        case name, delimiter, accountNames, responsibilityNames, functionNames, projectNames, freeDimensionNames, periodNames
        case amountNames, chapterNames, accountRule, functionDigits, functionOverrides, invalidCodes, ignoredColumns, closingPeriods
    }

    /// Reads a stored profile; every key but `name` may be left out and then has the standard value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let standard = ImportProfile(name: "")
        self.init(
            name: try container.decode(String.self, forKey: .name),
            delimiter: try container.decodeIfPresent(String.self, forKey: .delimiter),
            accountNames: try container.decodeIfPresent([String].self, forKey: .accountNames) ?? standard.accountNames,
            responsibilityNames: try container.decodeIfPresent([String].self, forKey: .responsibilityNames) ?? standard.responsibilityNames,
            functionNames: try container.decodeIfPresent([String].self, forKey: .functionNames) ?? standard.functionNames,
            projectNames: try container.decodeIfPresent([String].self, forKey: .projectNames) ?? standard.projectNames,
            freeDimensionNames: try container.decodeIfPresent([String].self, forKey: .freeDimensionNames) ?? standard.freeDimensionNames,
            periodNames: try container.decodeIfPresent([String].self, forKey: .periodNames) ?? standard.periodNames,
            amountNames: try container.decodeIfPresent([String].self, forKey: .amountNames) ?? standard.amountNames,
            chapterNames: try container.decodeIfPresent([String].self, forKey: .chapterNames) ?? standard.chapterNames,
            accountRule: try container.decodeIfPresent(AccountRule.self, forKey: .accountRule) ?? standard.accountRule,
            functionDigits: try container.decodeIfPresent(Int.self, forKey: .functionDigits) ?? standard.functionDigits,
            functionOverrides: try container.decodeIfPresent([String: Int].self, forKey: .functionOverrides) ?? standard.functionOverrides,
            invalidCodes: try container.decodeIfPresent(InvalidCodePolicy.self, forKey: .invalidCodes) ?? standard.invalidCodes,
            ignoredColumns: try container.decodeIfPresent([String].self, forKey: .ignoredColumns) ?? standard.ignoredColumns,
            closingPeriods: try container.decodeIfPresent(ClosingPeriodRule.self, forKey: .closingPeriods) ?? standard.closingPeriods
        )
    }
}

/// How a local account becomes kontoklasse and KOSTRA art.
///
/// The rule (FORMATS.md §3): an account of four or more digits is the kontoklasse digit
/// (1 drift, 0 investering), the three-digit KOSTRA art, then local digits (`10201` → drift,
/// art 020). Kontoklasse 2 (balanse) and 9 (memoriakonti) are not bevilgningsregnskap: such lines
/// are skipped and counted. An account of three digits is the art itself, in `defaultKind`.
/// `artOverrides` come first: a key is a local account (`11601`), or an account pattern ending in
/// `x`, one for each digit (`1160x` = 11600–11609); the most specific key wins.
public struct AccountRule: Codable, Hashable, Sendable {
    /// The kontoklasse of accounts that carry none (three-digit accounts, and Oslo's annual file).
    public var defaultKind: AccountKind
    /// Local account (or pattern) → KOSTRA art.
    public var artOverrides: [String: Int]
    /// A local plan's first digit → KOSTRA's kontoklasse (0 investering, 1 drift, 2 balanse, 9
    /// memoriakonti), for plans that put investment under another digit: `{"3": 0, "4": 1}` reads
    /// `30201` as investering, art 020. Digits not named keep KOSTRA's meaning.
    public var kontoklasser: [String: Int]

    public init(defaultKind: AccountKind = .operating, artOverrides: [String: Int] = [:], kontoklasser: [String: Int] = [:]) {
        self.defaultKind = defaultKind
        self.artOverrides = artOverrides
        self.kontoklasser = kontoklasser
    }

    /// The KOSTRA kontoklasse of a local first digit (0–9).
    public func kontoklasse(ofLocalDigit digit: Int) -> Int {
        kontoklasser.isEmpty ? digit : kontoklasser[String(digit)] ?? digit
    }

    public static let standard = AccountRule()

    enum CodingKeys: String, CodingKey { case defaultKind, artOverrides, kontoklasser }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            defaultKind: try container.decodeIfPresent(AccountKind.self, forKey: .defaultKind) ?? .operating,
            artOverrides: try container.decodeIfPresent([String: Int].self, forKey: .artOverrides) ?? [:],
            kontoklasser: try container.decodeIfPresent([String: Int].self, forKey: .kontoklasser) ?? [:]
        )
    }
}

/// What a line of period 13 (year-end closing entries, «årsavslutning») or period 0 (opening
/// entries) becomes.
public enum ClosingPeriodRule: String, Codable, Hashable, Sendable, CaseIterable {
    /// Month 12, with December's own lines.
    case december
    /// A period of its own after December (stored as month 13, shown as «årsavslutning»).
    case own
    /// The line is an error, as any month outside 1–12.
    case error

    /// The month a line of such a period is stored under; nil refuses it.
    public var month: Int? {
        switch self {
        case .december: 12
        case .own: LedgerLine.closingMonth
        case .error: nil
        }
    }
}

/// What an art or funksjon outside the KOSTRA code lists does to its line.
public enum InvalidCodePolicy: String, Codable, Hashable, Sendable, CaseIterable {
    /// The line is not imported; the import reports the error.
    case error
    /// The line is imported; the import reports a warning.
    case warning
}

/// One override key: `11601` (exactly that code) or `1160x` (any code of five digits starting 1160).
package struct LedgerCodePattern: Hashable, Sendable {
    /// Digits in the codes the key matches.
    package var length: Int
    /// Leading digits fixed by the key.
    package var prefixLength: Int
    package var prefix: Int

    package init?(_ key: String) {
        let characters = Array(key.trimmingCharacters(in: .whitespaces).utf8)
        var digits = 0
        var value = 0
        var wildcards = 0
        for byte in characters {
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                guard wildcards == 0 else { return nil }
                digits += 1
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            } else if byte == UInt8(ascii: "x") || byte == UInt8(ascii: "X") {
                wildcards += 1
            } else {
                return nil
            }
        }
        guard digits + wildcards > 0, digits + wildcards <= 18 else { return nil }
        length = digits + wildcards
        prefixLength = digits
        prefix = value
    }
}
