import StyrDomain

/// New versions of a mission statement (samfunnsoppdrag): drafted from the version in force,
/// naming the revision trigger that caused it, edited while a draft, and fixed by the department
/// on a date, after which the version never changes (`MissionRules`). Pages and API call these.
///
/// Who may do what: the department fixes (`.steer`). A draft may be started and edited by the
/// department (`.steer`) or proposed by the agency itself (`.inform`: the seed's duty to inform
/// includes proposing changes to its frames), so the agency can write the proposal the
/// department then fixes. Discarding a draft is the department's (`.steer`) or the drafter's.
public struct MissionService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// The versions, the draft when there is one, and what the user may do with it.
    public struct Drafting: Sendable {
        public var scope: OrganisationScope
        public var versions: [MissionStatement]
        public var draft: MissionDraft?
        /// May start or edit a draft (`.steer` or `.inform`).
        public var canDraft: Bool
        /// May fix the draft (`.steer`).
        public var canFix: Bool
        /// The version in force (the newest).
        public var inForce: MissionStatement? { versions.last }
    }

    public func drafting(in code: String, by user: UserAccount?) async throws -> Drafting {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            return try await Self.drafting(scope, repositories)
        }
    }

    static func drafting(_ scope: OrganisationScope, _ repositories: Repositories) async throws -> Drafting {
        Drafting(
            scope: scope, versions: try await repositories.governance.missionStatements(of: scope.code),
            draft: try await repositories.governance.missionDraft(of: scope.code),
            canDraft: scope.can(.steer) || scope.can(.inform), canFix: scope.can(.steer))
    }

    /// Starts a draft of the next version, a copy of the version in force, caused by `trigger`
    /// (with `triggerText`, required for `.other`). Refused while another draft exists.
    @discardableResult
    public func startDraft(
        trigger: RevisionTrigger?, triggerText: String, in code: String, by user: UserAccount?, today: CalendarDate = .today()
    ) async throws -> MissionDraft {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await Self.draftingScope(code, user, repositories)
            let store = repositories.governance
            let existing = try await store.missionDraft(of: code)
            let inForce = try await store.missionStatements(of: code).last
            let started = try ServiceError.rule {
                try MissionRules.start(
                    organisationCode: code, cause: try MissionRules.cause(trigger, text: triggerText), inForce: inForce,
                    existingDraft: existing, createdBy: scope.user.email, today: today)
            }
            try await RecordVersions.advance(RecordVersions.missionDraft(code), from: nil, repositories)
            try await store.save(started)
            return started
        }
    }

    /// Edits the draft's text and cause. Not found when there is no draft. `version`: the draft's
    /// version the form was loaded at (`RecordVersions.missionDraft`); a newer one is a `WriteConflict`.
    @discardableResult
    public func editDraft(_ edit: MissionDraftEdit, in code: String, version: Int? = nil, by user: UserAccount?) async throws -> MissionDraft {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await Self.draftingScope(code, user, repositories)
            let draft = try await Self.requireDraft(scope, repositories)
            try await RecordVersions.advance(RecordVersions.missionDraft(code), from: version, repositories)
            let edited = try ServiceError.rule { try MissionRules.edit(draft, with: edit) }
            try await repositories.governance.save(edited)
            return edited
        }
    }

    /// Fixes the draft on `date` as the next version, in the name of the department that steers
    /// the agency; the draft is gone afterwards and the version never changes.
    @discardableResult
    public func fixDraft(on date: CalendarDate?, in code: String, by user: UserAccount?, today: CalendarDate = .today()) async throws -> MissionStatement {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.scope(.steer, on: code, by: user, repositories)
            let draft = try await Self.requireDraft(scope, repositories)
            let store = repositories.governance
            let versions = try await store.missionStatements(of: code)
            let statement = try ServiceError.rule {
                try MissionRules.fix(draft, on: date, by: scope.steeringDepartmentCode, versions: versions, today: today)
            }
            try await RecordVersions.advance(RecordVersions.missionDraft(code), from: nil, repositories)
            try await store.save(statement)
            try await store.deleteMissionDraft(of: code)
            return statement
        }
    }

    /// Throws the draft away.
    public func discardDraft(in code: String, by user: UserAccount?) async throws {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await Self.draftingScope(code, user, repositories)
            _ = try await Self.requireDraft(scope, repositories)
            try await RecordVersions.advance(RecordVersions.missionDraft(code), from: nil, repositories)
            try await repositories.governance.deleteMissionDraft(of: code)
        }
    }

    static func draftingScope(_ code: String, _ user: UserAccount?, _ repositories: Repositories) async throws -> OrganisationScope {
        let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
        guard scope.can(.steer) || scope.can(.inform) else { throw ServiceError.forbidden(organisationCode: code) }
        return scope
    }

    static func requireDraft(_ scope: OrganisationScope, _ repositories: Repositories) async throws -> MissionDraft {
        guard let draft = try await repositories.governance.missionDraft(of: scope.code) else {
            throw ServiceError.notFound("\(scope.organisation.name) har ikke noe utkast til nytt samfunnsoppdrag.")
        }
        return draft
    }
}
