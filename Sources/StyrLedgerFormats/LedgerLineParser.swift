import Foundation
import StyrDomain

/// Turns lines of one file (of one format, read through one profile) into ledger lines.
///
/// Delimited files (Oslo's annual file, ERP exports) start with a header: pass it to `header(_:number:)`
/// first, then every further line to `parse(_:number:)`. KOSTRA files have no header.
///
/// - ERP: `art` is read by `profile.accountRule` (kontoklasse + art + local digits), `tjeneste_nr` by
///   `profile.functionDigits`, the period as 1–12, `ÅÅÅÅMM` or `ÅÅÅÅ-MM` (of the import year), the
///   amount in kroner. A row with fewer fields than the header is an error (a cut line); so is a row
///   with more non-empty fields (a delimiter inside an unquoted text).
/// - Oslo annual: responsibility = Avdelingskode, chapter = Kapittelkode, function =
///   Kostrafunksjonskode, kind = `profile.accountRule.defaultKind` (drift for "Årsregnskap drift"),
///   amount = the column of `measure` (empty or `-` is 0). The file is by artsgruppe, not art: the
///   line's art is the first art of the group, so that `LedgerLine.group` is right. Artgruppekode is
///   taken as one digit (`1` → 100, `2` → 200: the first art with that artsgruppe digit), three
///   digits (an art) or a range (`100-299` → 100). Arts are not checked against the code list here.
/// - KOSTRA: see `parseKostra`.
public struct LedgerLineParser: Sendable {
    public static let kostraRecordLength = 48

    public let format: LedgerFormat
    public let profile: ImportProfile
    public let year: Int
    /// The month of lines whose source has none (0: the whole year).
    public let month: Int
    public let measure: LedgerImportMeasure
    /// The code lists arts and funksjoner are checked against (when `checksCodes`). Kept
    /// non-optional, like `columns`, so that parsing a line borrows them instead of copying them.
    let codeLists: KostraCodes
    let checksCodes: Bool
    let artOverrides: LedgerCodeOverrides
    let functionOverrides: LedgerCodeOverrides
    let functionWidth: Int
    /// A local account's first digit → KOSTRA kontoklasse (the profile's `kontoklasser`), one index a line.
    let kontoklasseTable: [Int]
    /// What a period 13 or 0 becomes (nil: an error).
    let closingMonth: Int?
    private(set) var columns = LedgerColumns(delimiter: LedgerBytes.semicolon, roles: [], names: [])
    private(set) var headerRead = false

    public init(format: LedgerFormat, profile: ImportProfile = .standard, year: Int, month: Int = 0,
                measure: LedgerImportMeasure = .actuals, codes: KostraCodes? = nil) {
        self.format = format
        self.profile = profile
        self.year = year
        self.month = month
        self.measure = measure
        codeLists = codes ?? KostraCodes(arts: [], functions: [])
        checksCodes = codes != nil
        artOverrides = LedgerCodeOverrides(profile.accountRule.artOverrides.filter { (0...999).contains($0.value) })
        functionOverrides = LedgerCodeOverrides(profile.functionOverrides.filter { (100...999).contains($0.value) })
        functionWidth = (1...3).contains(profile.functionDigits) ? profile.functionDigits : 3
        kontoklasseTable = (0...9).map { profile.accountRule.kontoklasse(ofLocalDigit: $0) }
        closingMonth = profile.closingPeriods.month
    }

    /// The code lists arts and funksjoner are checked against; nil checks nothing.
    public var codes: KostraCodes? { checksCodes ? codeLists : nil }

    /// Whether the next line must go to `header(_:number:)`.
    public var needsHeader: Bool { format.hasHeader && !headerRead }

    /// The delimiter in use, once the header is read.
    public var delimiter: UInt8? { headerRead ? columns.delimiter : nil }

    /// The delimiter as shown to a person (`;`, `,`, `|`, `tabulator`), once the header is read.
    public var delimiterName: String? { headerRead ? LedgerBytes.delimiterName(columns.delimiter) : nil }

    /// The header's columns that are read, with what each is read as.
    public var mappedColumns: [(header: String, field: String)] {
        var mapped: [(header: String, field: String)] = []
        for (name, role) in zip(columns.names, columns.roles) where role != .ignore && role != .excluded {
            mapped.append((header: name, field: role.norwegianName))
        }
        return mapped
    }

    // MARK: Header

    /// Reads the header line: chooses the delimiter (the profile's, or detected) and finds each
    /// column. Throws when a required column is missing, naming the names looked for.
    public mutating func header(_ line: ArraySlice<UInt8>, number: Int = 1) throws {
        guard format.hasHeader else { return }
        let delimiter: UInt8
        if format == .erp, let named = profile.delimiter {
            guard let byte = ImportProfile.delimiterByte(named) else {
                throw LedgerLineError(line: number, reason: "skilletegnet «\(named)» i profilen «\(profile.name)» er ikke ett av ; , | eller tabulator")
            }
            delimiter = byte
        } else {
            delimiter = LedgerBytes.detectDelimiter(line)
        }
        let names = LedgerBytes.headerFields(line, delimiter: delimiter)
        let normalized = names.map(LedgerBytes.normalizedName)
        var roles = Array(repeating: LedgerColumnRole.ignore, count: names.count)
        // Columns the profile names as ignored are never taken for a field.
        if format == .erp, !profile.ignoredColumns.isEmpty {
            let ignored = Set(profile.ignoredColumns.map(LedgerBytes.normalizedName))
            for index in normalized.indices where ignored.contains(normalized[index]) { roles[index] = .excluded }
        }
        var missing: [(role: LedgerColumnRole, accepted: [String])] = []
        for expected in expectedColumns() {
            let accepted = expected.names.map(LedgerBytes.normalizedName)
            if let column = Self.column(accepted: accepted, in: normalized, roles: roles, year: year) {
                roles[column] = expected.role
            } else if expected.required {
                missing.append((expected.role, accepted))
            }
        }
        if let first = missing.first {
            var reason = "mangler "
                + missing.map { "kolonnen for \($0.role.norwegianName) (en av: \($0.accepted.joined(separator: ", ")))" }.joined(separator: " og ")
            if missing.contains(where: { $0.role == .amount }) {
                reason += "; navnet kan også ha året i seg, med mellomrom eller understrek (for eksempel «regnskap \(year)», «rekneskap_\(year)», «budsjett_\(year)»), eller stå i profilens «amountNames»"
            }
            // Every name of the header, whole: the reason is not cut as a field's value is.
            reason += "; overskriften har \(names.count) \(names.count == 1 ? "kolonne" : "kolonner"): "
                + names.map { "«\($0)»" }.joined(separator: ", ")
            if names.count == 1 {
                reason += "; overskriften ble ikke delt i kolonner med skilletegnet «\(LedgerBytes.delimiterName(delimiter))»"
                    + " – skilletegnet er trolig feil"
            }
            throw LedgerLineError(line: number, field: first.role.norwegianName, reason: reason)
        }
        for index in roles.indices where roles[index] == .excluded { roles[index] = .ignore }
        columns = LedgerColumns(delimiter: delimiter, roles: roles, names: names)
        headerRead = true
    }

    public mutating func header(_ line: String, number: Int = 1) throws {
        try header(Array(line.utf8)[...], number: number)
    }

    private func expectedColumns() -> [(role: LedgerColumnRole, names: [String], required: Bool)] {
        switch format {
        case .kostra:
            return []
        case .osloAnnual:
            return [
                (role: .responsibility, names: ["Avdelingskode"], required: true),
                (role: .chapter, names: ["Kapittelkode"], required: true),
                (role: .artGroup, names: ["Artgruppekode", "Artsgruppekode"], required: true),
                (role: .function, names: ["Kostrafunksjonskode"], required: true),
                (role: .amount, names: measure.columnNames, required: true),
            ]
        case .erp:
            return [
                (role: .account, names: profile.accountNames, required: true),
                (role: .amount, names: measure.amountNames(profile: profile.amountNames), required: true),
                (role: .responsibility, names: profile.responsibilityNames, required: false),
                (role: .function, names: profile.functionNames, required: false),
                (role: .project, names: profile.projectNames, required: false),
                (role: .freeDimension, names: profile.freeDimensionNames, required: false),
                (role: .period, names: profile.periodNames, required: false),
                (role: .chapter, names: profile.chapterNames, required: false),
            ]
        }
    }

    /// The first column named by the first accepted name that has one, among columns not yet taken.
    /// A name may carry the import year, as published files often do (`Regnskap 2023`); a column of
    /// another year is never taken for this one.
    static func column(accepted: [String], in names: [String], roles: [LedgerColumnRole], year: Int) -> Int? {
        let free = names.indices.filter { roles[$0] == .ignore }
        for wanted in [accepted, accepted.map { "\($0) \(year)" }] {
            for name in wanted {
                if let index = free.first(where: { names[$0] == name }) { return index }
            }
        }
        return nil
    }
}

/// What a column of a delimited file is read as.
enum LedgerColumnRole: Hashable, Sendable {
    case ignore, account, responsibility, function, project, freeDimension, period, amount, chapter, artGroup
    /// Named in the profile's `ignoredColumns`: held back while the header is matched, then ignored.
    case excluded

    var norwegianName: String {
        switch self {
        case .ignore, .excluded: ""
        case .account: "art"
        case .responsibility: "ansvar"
        case .function: "funksjon"
        case .project: "prosjekt"
        case .freeDimension: "fri dimensjon"
        case .period: "periode"
        case .amount: "beløp"
        case .chapter: "kapittel"
        case .artGroup: "artsgruppe"
        }
    }
}

/// The header as read: the delimiter and what each column is.
struct LedgerColumns: Hashable, Sendable {
    var delimiter: UInt8
    var roles: [LedgerColumnRole]
    /// The header names as written.
    var names: [String]
}
