/// Why a line of a ledger file was not imported (or was imported with a warning), pointing at the
/// field: `linje 12, kolonne 5 (beløp): «12,3,4» er ikke et beløp`.
public struct LedgerLineError: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// 1-based line in the file; 0 for the file as a whole (e.g. "Filen er tom").
    public var line: Int
    /// 1-based field number in a delimited file, or 1-based character position in a fixed-width record.
    public var column: Int?
    /// The field's Norwegian name (`beløp`, `art`, `funksjon`, …).
    public var field: String?
    /// The field as found (trimmed); empty when the field is missing or empty.
    public var value: String
    /// What is wrong, in Norwegian, without the location.
    public var reason: String

    /// Values longer than this are cut (with "…") so that an error log stays small.
    public static let maximumValueLength = 80

    public init(line: Int, column: Int? = nil, field: String? = nil, value: String = "", reason: String) {
        self.line = line
        self.column = column
        self.field = field
        self.value = value.count > Self.maximumValueLength ? String(value.prefix(Self.maximumValueLength)) + "…" : value
        self.reason = reason
    }

    /// An error in the line's shape (fewer fields than the header), not in one field's value:
    /// reported before the others.
    public var isStructural: Bool { reason.hasPrefix("linjen har ") }

    /// The file holds no data lines.
    public static let emptyFile = LedgerLineError(line: 0, reason: "Filen er tom")

    public var description: String {
        var location = line > 0 ? "linje \(line)" : ""
        if let column { location += location.isEmpty ? "kolonne \(column)" : ", kolonne \(column)" }
        if let field { location += location.isEmpty ? "(\(field))" : " (\(field))" }
        let body = value.isEmpty ? reason : "«\(value)» \(reason)"
        return location.isEmpty ? body : "\(location): \(body)"
    }
}

/// Why a line was passed over without being imported or counted as an error.
public enum LedgerSkipReason: Hashable, Sendable, Codable {
    /// An empty line (or one of blanks only).
    case blank
    /// A KOSTRA record of a skjema that is not bevilgningsregnskap (e.g. `0B`, `0D`, `0J`, `0N`: balance).
    case skjema(String)
    /// An ERP account of kontoklasse 2 (balanse) or 9 (memoriakonti).
    case kontoklasse(Int)
    /// A total row of a spreadsheet export (`Sum …`, `Totalt`) without an account: adding it would
    /// count its lines twice.
    case sumRow
    /// A line before the header (a title or a note above the table in a spreadsheet export).
    case preamble

    /// `3 tomme linjer`, `1 sumlinje uten konto (Sum, Totalt)`.
    public func norwegianDescription(count: Int) -> String {
        let one = count == 1
        let number = NorwegianFormat.integer(Int64(count))
        return switch self {
        case .blank: one ? "\(number) tom linje" : "\(number) tomme linjer"
        case .skjema(let skjema): "\(number) \(one ? "post" : "poster") av skjema \(skjema) (ikke bevilgningsregnskap)"
        case .kontoklasse(2): "\(number) \(one ? "linje" : "linjer") i kontoklasse 2 (balanse)"
        case .kontoklasse(let digit): "\(number) \(one ? "linje" : "linjer") i kontoklasse \(digit) (ikke bevilgningsregnskap)"
        case .sumRow: one ? "\(number) sumlinje uten konto (Sum, Totalt)" : "\(number) sumlinjer uten konto (Sum, Totalt)"
        case .preamble: one ? "\(number) linje før overskriften" : "\(number) linjer før overskriften"
        }
    }

}
