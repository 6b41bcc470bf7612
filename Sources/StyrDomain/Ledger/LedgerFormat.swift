/// The shapes of ledger file Styr reads (see FORMATS.md).
public enum LedgerFormat: String, Hashable, Sendable, Codable, CaseIterable {
    /// Statistics Norway's KOSTRA reporting file: 48-character fixed-width records, amounts in 1000 NOK.
    case kostra
    /// Oslo kommune's open data "<år> Årsregnskap drift.csv": one row per avdeling × kapittel × artsgruppe × funksjon.
    case osloAnnual
    /// A line-level ERP export (Unit4/Agresso, Visma) read through an `ImportProfile`'s column names.
    case erp

    public var norwegianName: String {
        switch self {
        case .kostra: "KOSTRA-rapporteringsfil"
        case .osloAnnual: "Oslo kommune årsregnskap (CSV)"
        case .erp: "Eksport fra økonomisystem (CSV)"
        }
    }

    /// Whether the first line of the file names the columns.
    public var hasHeader: Bool { self != .kostra }
}

/// Which amount an import reads. Only the Oslo file carries several (one column each); the other
/// formats hold one amount a line, read as the measure chosen here.
public enum LedgerImportMeasure: String, Hashable, Sendable, Codable, CaseIterable {
    /// Regnskap: the Oslo column `Årsregnskap`.
    case actuals
    /// The budget as decided: the Oslo column `Opprinnelig budsjett`.
    case budget
    /// The budget as revised during the year: the Oslo column `Regulert budsjett`.
    case revisedBudget

    /// How the lines are stored.
    public var ledgerMeasure: LedgerMeasure {
        switch self {
        case .actuals: .actuals
        case .budget: .budget
        case .revisedBudget: .revisedBudget
        }
    }

    /// The Oslo file's header name of the column holding this measure.
    public var osloColumn: String { columnNames[0] }

    /// Header names of a column holding this measure, the published Oslo name first, then
    /// variants seen in other municipalities' files (bokmål and nynorsk).
    public var columnNames: [String] {
        switch self {
        case .actuals: ["Årsregnskap", "Regnskap", "Rekneskap", "Årsrekneskap"]
        case .budget: ["Opprinnelig budsjett", "Vedtatt budsjett", "Opphavleg budsjett", "Budsjett"]
        // Not a bare "Budsjett": that is the budget as decided.
        case .revisedBudget: ["Regulert budsjett", "Revidert budsjett", "Justert budsjett"]
        }
    }

    /// The names an ERP export's amount column is looked for under: for actuals the profile's
    /// names; for a budget this measure's own names first, and the profile's without those that
    /// mean actuals (so that a file with both a `regnskap` and a `budsjett` column gives the budget).
    public func amountNames(profile: [String]) -> [String] {
        let actualsNames = Set(Self.actuals.columnNames.map { $0.lowercased() })
        switch self {
        case .actuals:
            return profile + columnNames.map { $0.lowercased() }.filter { !profile.map { $0.lowercased() }.contains($0) }
        case .budget, .revisedBudget:
            return columnNames.map { $0.lowercased() } + profile.filter { !actualsNames.contains($0.lowercased()) }
        }
    }
}
