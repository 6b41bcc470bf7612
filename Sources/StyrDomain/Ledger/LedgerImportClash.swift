/// An import that would clash with an earlier one: one import per organisation × year × measure ×
/// period (and kontoklasse, when limited to one), and a whole-year import excludes monthly ones.
/// The message says what clashes, not how to replace it: each edge says that in its own words
/// (the command line's `--replace`, the upload form's box, the API's `replace=true`).
public enum LedgerImportClash: Error, Sendable, Hashable, CustomStringConvertible {
    /// An earlier import covers the period; it may be replaced.
    case alreadyImported(measure: LedgerMeasure, organisationCode: String, year: Int, period: Int)
    /// A monthly import cannot replace an import of the whole year.
    case wholeYearImported(year: Int)

    /// The rule: which earlier imports of the organisation's year a new import replaces, or the
    /// clash that refuses it. Imports of the same measure clash when their periods overlap (the
    /// whole year, period 0, overlaps every month) and their kontoklasser may overlap (an import
    /// limited to drift stands beside one limited to investering). Without `replace` a clash
    /// refuses the import; a monthly import never replaces an import of the whole year.
    public static func replaced(
        by new: (organisationCode: String, year: Int, period: Int, measure: LedgerMeasure, scope: AccountKind?, replace: Bool),
        among earlier: [LedgerImportRecord]
    ) throws(LedgerImportClash) -> [LedgerImportRecord] {
        let clashing = earlier.filter { record in
            record.year == new.year && record.measure == new.measure
                && (new.period == 0 || record.period == 0 || record.period == new.period)
                && (new.scope == nil || record.scope == nil || record.scope == new.scope)
        }
        guard !clashing.isEmpty else { return [] }
        guard new.replace else {
            throw .alreadyImported(measure: new.measure, organisationCode: new.organisationCode, year: new.year, period: new.period)
        }
        if new.period != 0, clashing.contains(where: { $0.period == 0 }) { throw .wholeYearImported(year: new.year) }
        return clashing
    }

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
