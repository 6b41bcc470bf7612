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

/// Decides a file's format from its first (decoded, non-blank) line.
public enum LedgerFormatDetector {
    /// The header of Oslo kommune's "Årsregnskap drift" file, as published.
    public static let osloHeader =
        "Avdelingskode;Avdelingsnavn;Kapittelkode;Kapittelnavn;Artgruppekode;Artsgruppenavn;Kostrafunksjonskode;Kostrafunksjonsnavn;Årsregnskap;Regulert budsjett;Opprinnelig budsjett"

    /// - A KOSTRA record: a 2-character skjema (a digit and a letter, e.g. `0A`) and a 4-digit year,
    ///   no field delimiter anywhere and at most 48 characters before trailing blanks (a shorter
    ///   first record is still taken as KOSTRA, so that the parser can say it is cut short).
    /// - The Oslo header: names `Avdelingskode`, `Kapittelkode`, `Artgruppekode` (or
    ///   `Artsgruppekode`) and `Kostrafunksjonskode` among its columns, whatever the delimiter.
    /// - Anything else: an ERP export.
    public static func detect(firstLine: ArraySlice<UInt8>) -> LedgerFormat {
        var line = firstLine
        if line.starts(with: LedgerBytes.utf8BOM) { line = line.dropFirst(3) }
        if isKostraRecord(line) { return .kostra }
        if isOsloHeader(line) { return .osloAnnual }
        return .erp
    }

    public static func detect(firstLine: String) -> LedgerFormat {
        detect(firstLine: Array(firstLine.utf8)[...])
    }

    static func isKostraRecord(_ line: ArraySlice<UInt8>) -> Bool {
        line.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) -> Bool in
            var end = p.count
            while end > 0, p[end - 1] == LedgerBytes.space || p[end - 1] == LedgerBytes.tab { end -= 1 }
            guard end >= 6, end <= LedgerLineParser.kostraRecordLength else { return false }
            guard LedgerBytes.isDigit(p[0]), LedgerBytes.isASCIILetter(p[1]) else { return false }
            for index in 2..<6 where !LedgerBytes.isDigit(p[index]) { return false }
            for index in 0..<end where LedgerBytes.candidateDelimiters.contains(p[index]) { return false }
            return true
        }
    }

    static func isOsloHeader(_ line: ArraySlice<UInt8>) -> Bool {
        let delimiter = LedgerBytes.detectDelimiter(line)
        let names = Set(LedgerBytes.headerNames(line, delimiter: delimiter))
        return names.contains("avdelingskode") && names.contains("kapittelkode")
            && (names.contains("artgruppekode") || names.contains("artsgruppekode"))
            && names.contains("kostrafunksjonskode")
    }
}
