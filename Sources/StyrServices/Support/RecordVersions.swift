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
