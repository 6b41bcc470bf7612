/// Versions of the records edited in forms (optimistic locking). A record never saved through a
/// versioned save is at version 0.
public protocol RecordVersionRepository: Sendable {
    /// The record's version now.
    func version(of record: RecordKey) async throws -> Int
    /// The versions of several records at once (every record given is in the answer, 0 when never raised).
    func versions(of records: [RecordKey]) async throws -> [RecordKey: Int]
    /// Raises the record's version by one, atomically, and returns the new version. With
    /// `expected`, only when the version is still `expected`: else throws `WriteConflict.stale`
    /// with the current version. Two concurrent saves of one record take turns here, so their
    /// other writes never interleave.
    func advanceVersion(of record: RecordKey, from expected: Int?) async throws -> Int
}
