/// An import that would clash with an earlier one: one import per organisation × year × measure ×
/// period (and kontoklasse, when limited to one), and a whole-year import excludes monthly ones.
/// The message says what clashes, not how to replace it: each edge says that in its own words
/// (the command line's `--replace`, the upload form's box, the API's `replace=true`).
public enum LedgerImportClash: Error, Sendable, Hashable, CustomStringConvertible {
    /// An earlier import covers the period; it may be replaced.
    case alreadyImported(measure: LedgerMeasure, organisationCode: String, year: Int, period: Int)
    /// A monthly import cannot replace an import of the whole year.
    case wholeYearImported(year: Int)

    /// Whether asking to replace would resolve it.
    public var isReplaceable: Bool {
        if case .alreadyImported = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .alreadyImported(let measure, let code, let year, let period):
            let when = period == 0 ? "hele året" : "periode \(period)"
            return "\(measure.norwegianName) for «\(code)» \(year) (\(when)) er allerede importert, eller overlapper en import av hele året; ingenting er endret."
        case .wholeYearImported(let year):
            return "Det finnes en import av hele året \(year); den kan bare byttes ut av en ny import av hele året. Ingenting er endret."
        }
    }
}
