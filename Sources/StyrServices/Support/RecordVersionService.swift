import StyrDomain

/// The versions a form or an API answer carries (optimistic locking, `RecordVersions`), read with
/// the read permission on the record's organisation. The saves check them (`RecordVersions.advance`).
public struct RecordVersionService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// The record's version now; a record of another organisation than `code` is not found.
    public func version(of record: RecordKey, in code: String, by user: UserAccount?) async throws -> Int {
        try await versions(of: [record], in: code, by: user)[record] ?? 0
    }

    /// The versions of several records of one organisation (0 for those never saved versioned).
    public func versions(of records: [RecordKey], in code: String, by user: UserAccount?) async throws -> [RecordKey: Int] {
        for record in records where !(record.key == code || record.key.hasPrefix(code + "/")) {
            throw ServiceError.notFound("Fant ikke «\(record.key)» hos «\(code)».")
        }
        return try await storage.read { repositories in
            _ = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            return try await repositories.governance.versions(of: records)
        }
    }
}

// The versions of each service's records, for the edges that hold only that service.
extension GoalService { public var recordVersions: RecordVersionService { RecordVersionService(storage: storage) } }
extension IndicatorService { public var recordVersions: RecordVersionService { RecordVersionService(storage: storage) } }
extension OriginalBudgetService { public var recordVersions: RecordVersionService { RecordVersionService(storage: storage) } }
extension RevisionService { public var recordVersions: RecordVersionService { RecordVersionService(storage: storage) } }
extension InvestmentProjectService { public var recordVersions: RecordVersionService { RecordVersionService(storage: storage) } }
extension MissionService { public var recordVersions: RecordVersionService { RecordVersionService(storage: storage) } }
extension MeetingService { public var recordVersions: RecordVersionService { RecordVersionService(storage: storage) } }
extension LetterService { public var recordVersions: RecordVersionService { RecordVersionService(storage: storage) } }
