import StyrDomain

/// Optimistic locking for the records edited in forms, done once: a form carries the version it
/// was loaded at; the save raises the record's version from exactly that one in its unit of work
/// (`RecordVersionRepository.advanceVersion`), or throws `WriteConflict` with the current version
/// (a 409 at every edge). A save without a version (an older client) still raises it, so the
/// forms open meanwhile see the change; concurrent saves of one record take turns.
public enum RecordVersions {
    /// The keys of the versioned records (entity types as in the audit log).
    public static func forecastThreshold(_ code: String, year: Int) -> RecordKey { RecordKey("forecastThreshold", "\(code)/\(year)") }
    public static func goalArea(_ code: String, year: Int, id: Int64) -> RecordKey { RecordKey("goalArea", "\(code)/\(year)/\(id)") }
    public static func indicator(_ code: String, id: Int64) -> RecordKey { RecordKey("indicator", "\(code)/\(id)") }
    public static func risk(_ code: String, id: Int64) -> RecordKey { RecordKey("risk", "\(code)/\(id)") }
    public static func trackedItem(_ code: String, id: Int64) -> RecordKey { RecordKey("trackedItem", "\(code)/\(id)") }
    /// The year's goal areas and goals as one record: goals are addressed by their place, which
    /// any change of the year's chain may move.
    public static func goals(_ code: String, year: Int) -> RecordKey { RecordKey("goals", "\(code)/\(year)") }
    /// An indicator's definition with its targets (the department's side).
    public static func indicatorDefinition(_ code: String, key: String) -> RecordKey { RecordKey("indicator", "\(code)/\(key)") }
    /// An indicator's result for the year, or for a period of it (the agency's side).
    public static func indicatorResult(_ code: String, key: String, year: Int, period: ReportPeriod? = nil) -> RecordKey {
        RecordKey("indicatorResult", "\(code)/\(key)/\(year)" + (period.map { "/\($0.code)" } ?? ""))
    }
    /// Dok. 3 of the organisation's year (the grid is saved whole).
    public static func originalBudget(_ code: String, year: Int) -> RecordKey { RecordKey("originalBudget", "\(code)/\(year)") }
    public static func budgetRevision(_ code: String, id: Int64) -> RecordKey { RecordKey("budgetRevision", "\(code)/\(id)") }
    public static func investmentProject(_ code: String, year: Int, number: String) -> RecordKey {
        RecordKey("investmentProject", "\(code)/\(year)/\(number)")
    }
    /// The draft of the next mission statement (one at a time per organisation).
    public static func missionDraft(_ code: String) -> RecordKey { RecordKey("missionDraft", "\(code)/draft") }
    public static func meeting(_ code: String, id: Int64) -> RecordKey { RecordKey("meeting", "\(code)/\(id)") }
    /// The draft of the year's allocation letter.
    public static func letterDraft(_ code: String, year: Int) -> RecordKey { RecordKey("allocationLetter", "\(code)/\(year)") }

    /// Raises the record's version from `expected` (nil: from whatever it is) inside the write.
    @discardableResult
    public static func advance(_ record: RecordKey, from expected: Int?, _ repositories: Repositories) async throws -> Int {
        try await repositories.governance.advanceVersion(of: record, from: expected)
    }

    /// The record's version now (for a form to carry).
    public static func current(_ record: RecordKey, _ repositories: Repositories) async throws -> Int {
        try await repositories.governance.version(of: record)
    }

    /// A form's or a request's version field as typed: a whole number from 0, else none.
    public static func parse(_ text: String?) -> Int? {
        guard let text, let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 0 else { return nil }
        return value
    }
}
