/// One import of a ledger file as asked for (by the command line, the web upload or the API), and
/// what came of it.
public struct LedgerImportSettings: Sendable {
    public var organisationCode: String
    public var year: Int
    public var period: Int
    public var measure: LedgerImportMeasure
    public var format: LedgerFormat?
    public var sourceName: String
    public var replace: Bool
    public var profileName: String?
    /// Overrides the profile's policy for arts and funksjoner outside the KOSTRA lists.
    public var invalidCodes: InvalidCodePolicy?
    /// The one kontoklasse the file holds (Oslo's drift and investering files): lines whose
    /// account carries none get it, a line of the other is refused, and the import stands
    /// beside one of the other kontoklasse. Nil: decided by the file's name (below), else both.
    public var defaultKind: AccountKind?
    public var actor: String

    public init(organisationCode: String, year: Int, period: Int = 0, measure: LedgerImportMeasure = .actuals, format: LedgerFormat? = nil,
                sourceName: String, replace: Bool = false, profileName: String? = nil, invalidCodes: InvalidCodePolicy? = nil,
                defaultKind: AccountKind? = nil, actor: String) {
        self.organisationCode = organisationCode
        self.year = year
        self.period = period
        self.measure = measure
        self.format = format
        self.sourceName = sourceName
        self.replace = replace
        self.profileName = profileName
        self.invalidCodes = invalidCodes
        self.defaultKind = defaultKind
        self.actor = actor
    }

    /// The profile as this import reads with it: `invalidCodes` and the scope's kontoklasse,
    /// when set, override the profile's.
    public func overriding(_ profile: ImportProfile) -> ImportProfile {
        var result = profile
        if let invalidCodes { result.invalidCodes = invalidCodes }
        if let scope { result.accountRule.defaultKind = scope }
        return result
    }

    /// The one kontoklasse of the import: `defaultKind`, or what the file's name says when no
    /// profile is named (a named profile is the municipality's own settings).
    public var scope: AccountKind? { defaultKind ?? (profileName == nil ? kindFromName : nil) }

    /// What the name of one of Oslo's files says: `2019 Årsregnskap investering.csv` is
    /// investering, `… Årsregnskap drift …` drift; any other name (or one naming both) nothing.
    public var kindFromName: AccountKind? {
        let name = sourceName.lowercased().replacingOccurrences(of: "å", with: "a")
            .replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        let investment = name.contains("arsregnskap investering"), operating = name.contains("arsregnskap drift")
        if investment, !name.contains("drift") { return .investment }
        if operating, !name.contains("investering") { return .operating }
        return nil
    }
}

/// What came of an import: the stored import, or the errors that stopped it.
public struct LedgerImportOutcome: Sendable {
    public var record: LedgerImportRecord?
    public var summary: ImportSummary?
    public var errors: ImportErrorLog
    public var warnings: ImportErrorLog
    /// An error that stopped the whole file (no header, empty file, a clash with an earlier import).
    public var fileError: String?

    /// An earlier import of the same period that this one would clash with (its `replace` was off).
    public var clash: LedgerImportClash?

    public init(record: LedgerImportRecord? = nil, summary: ImportSummary? = nil, errors: ImportErrorLog, warnings: ImportErrorLog,
                fileError: String? = nil, clash: LedgerImportClash? = nil) {
        self.record = record
        self.summary = summary
        self.errors = errors
        self.warnings = warnings
        self.fileError = fileError
        self.clash = clash
    }

    public var succeeded: Bool { record != nil }
}
