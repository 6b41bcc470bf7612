import StyrDomain

/// Meetings between the department and an agency: the department records them and writes the
/// minutes; both sides approve the minutes, after which they are locked (`MeetingRules`).
public struct MeetingService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    public struct Listing: Sendable {
        public var scope: OrganisationScope
        /// Oldest first, as stored.
        public var meetings: [Meeting]
    }

    public func list(in code: String, by user: UserAccount?) async throws -> Listing {
        try await storage.read { repositories in
            let scope = try await AccessCheck.agencyScope(.read, on: code, by: user, repositories)
            return Listing(scope: scope, meetings: try await repositories.governance.meetings(of: code))
        }
    }

    /// A meeting with the steering signals recorded as given in it.
    public struct Found: Sendable {
        public var scope: OrganisationScope
        public var meeting: Meeting
        public var signals: [SteeringSignal]
    }

    public func meeting(_ id: Int64, in code: String, by user: UserAccount?, permission: Permission = .read) async throws -> Found {
        try await storage.read { repositories in
            let scope = try await AccessCheck.agencyScope(permission, on: code, by: user, repositories)
            let meeting = try await Self.meeting(id, of: scope, repositories.governance)
            let signals = try await repositories.governance.signals(of: code).filter { $0.meetingID == id }
            return Found(scope: scope, meeting: meeting, signals: signals)
        }
    }

    /// What a new meeting's form starts from: a formal meeting today, chaired by the agency's department.
    public func prepareNew(in code: String, by user: UserAccount?, today: CalendarDate = .today()) async throws -> (scope: OrganisationScope, blank: Meeting) {
        try await storage.read { repositories in
            let scope = try await AccessCheck.agencyScope(.steer, on: code, by: user, repositories)
            return (scope, Meeting(organisationCode: code, chairedByCode: scope.steeringDepartmentCode, kind: .governance, title: "", date: today))
        }
    }

    /// Records a meeting with the agency, chaired by its department; returns it with its id.
    public func create(_ draft: MeetingDraft, in code: String, by user: UserAccount?) async throws -> Meeting {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.agencyScope(.steer, on: code, by: user, repositories)
            var meeting = try ServiceError.rule {
                try MeetingRules.record(draft, organisationCode: code, chairedByCode: scope.steeringDepartmentCode)
            }
            meeting.id = try await repositories.governance.save(meeting)
            return meeting
        }
    }

    /// Edits the meeting and its minutes while they are not approved by both sides; an edit
    /// withdraws a one-sided approval. `version`: the meeting's version the form was loaded at
    /// (`RecordVersions.meeting`); a newer one (an edit or an approval since) is a `WriteConflict`.
    public func edit(_ id: Int64, to draft: MeetingDraft, in code: String, version: Int? = nil, by user: UserAccount?) async throws -> Meeting {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.agencyScope(.steer, on: code, by: user, repositories)
            let meeting = try await Self.meeting(id, of: scope, repositories.governance)
            try await RecordVersions.advance(RecordVersions.meeting(code, id: id), from: version, repositories)
            let edited = try ServiceError.rule { try MeetingRules.edit(meeting, to: draft) }
            try await repositories.governance.save(edited)
            return edited
        }
    }

    /// One side's approval of the minutes: the department's by its steerer, the agency's by its
    /// leader. The rule is applied to the minutes as they are inside the transaction, so two
    /// approvals at once cannot both pass.
    /// Whether the user may approve minutes for `side` (the department steers, the agency's
    /// leader approves); a refusal as `approve` would give it, for a form checked before its token.
    public func checkApproval(side: MeetingSide, in code: String, by user: UserAccount?) async throws {
        _ = try await storage.read { repositories in
            try await AccessCheck.agencyScope(side == .department ? .steer : .approveMinutes, on: code, by: user, repositories)
        }
    }

    public func approve(
        _ id: Int64, side: MeetingSide, in code: String, by user: UserAccount?, today: CalendarDate = .today()
    ) async throws -> Meeting {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.agencyScope(side == .department ? .steer : .approveMinutes, on: code, by: user, repositories)
            let meeting = try await Self.meeting(id, of: scope, repositories.governance)
            try await RecordVersions.advance(RecordVersions.meeting(code, id: id), from: nil, repositories)
            let approved = try ServiceError.rule { try MeetingRules.approve(meeting, side: side, by: scope.user.email, on: today) }
            try await repositories.governance.save(approved)
            return approved
        }
    }

    static func meeting(_ id: Int64, of scope: OrganisationScope, _ store: any GovernanceRepository) async throws -> Meeting {
        guard let meeting = try await store.meeting(id: id), meeting.organisationCode == scope.code else {
            throw ServiceError.notFound("\(scope.organisation.name) har ikke noe møte nr. \(id).")
        }
        return meeting
    }
}
