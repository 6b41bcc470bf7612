/// Tabell 4.8.1, consultant use in operations: computed from the ledger where lines of the
/// consultant arts are imported for the year or the year before, otherwise as entered.
///
/// The arts: KOSTRA art 270 (*Konsulenttjenester* in SSB's kontoplan until 2023) and art 271
/// (*Konsulenttjenester* after 270 was split into 271 and 272 *andre tjenester*; Styr's code
/// list `kostra_arter_valid_codes_2025.csv` holds 271 and 272, not 270). Lines imported under
/// either count; a year's lines are summed as imported (actuals, whole year).
public struct ConsultantUse: Sendable, Equatable {
    public enum Source: String, Sendable { case ledger, entered }

    public static let arts = ["270", "271"]
    public static let ledgerCategory = "Konsulenttjenester (KOSTRA art 270/271, fra regnskapet)"

    public var source: Source
    public var rows: [ConsultantRow]

    public init(source: Source, rows: [ConsultantRow]) {
        self.source = source
        self.rows = rows
    }

    /// The ledger's sums when there are any lines of the arts, else the entered rows.
    public static func choose(ledgerYear: Money?, ledgerPreviousYear: Money?, entered: [ConsultantRow]) -> ConsultantUse {
        guard ledgerYear != nil || ledgerPreviousYear != nil else { return ConsultantUse(source: .entered, rows: entered) }
        return ConsultantUse(source: .ledger, rows: [ConsultantRow(category: ledgerCategory, previousYear: ledgerPreviousYear, year: ledgerYear)])
    }

    public var sourceNote: String {
        switch source {
        case .ledger: "Beregnet fra regnskapslinjene på KOSTRA-art 270 og 271 (konsulenttjenester), hele året."
        case .entered: "Registrert av virksomheten (det er ikke importert regnskapslinjer på KOSTRA-art 270 eller 271 for årene)."
        }
    }
}
