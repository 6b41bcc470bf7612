import StyrDomain

/// The register of an agency's delegated authorities (fullmakter, first seed §3.3) and the
/// decision requests about them. The department keeps the register (`.steer`; admin too); the
/// agency drafts and sends a request when a change is of a principled nature or has significant
/// effects (`.inform`); the department decides it (`.steer`), and a granted request updates the
/// register: a new entry, and for a change the old entry ends the day before (history kept).
/// Pages and API call these; each write is one unit of work, audited.
public struct AuthorityService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// The register and the requests, with what the user may do.
    public struct Register: Sendable {
        public var scope: OrganisationScope
        /// Every entry, ended and replaced ones included, in the order added.
        public var authorities: [DelegatedAuthority]
        public var requests: [AuthorityRequest]
        /// May add and change entries directly (`.steer`).
        public var canEdit: Bool
        /// May draft and send requests (`.inform`).
        public var canRequest: Bool
        /// May decide sent requests (`.steer`).
        public var canDecide: Bool

        /// The entries valid on `date`.
        public func valid(on date: CalendarDate) -> [DelegatedAuthority] { authorities.filter { $0.isValid(on: date) } }
    }

    public func register(in code: String, by user: UserAccount?) async throws -> Register {
        try await storage.read { repositories in
            try await Self.register(try await AccessCheck.agencyScope(.read, on: code, by: user, repositories), repositories)
        }
    }

    static func register(_ scope: OrganisationScope, _ repositories: Repositories) async throws -> Register {
        let store = repositories.governance
        return Register(
            scope: scope, authorities: try await store.delegatedAuthorities(of: scope.code),
            requests: try await store.authorityRequests(of: scope.code), canEdit: scope.can(.steer), canRequest: scope.can(.inform),
            canDecide: scope.can(.steer))
    }

    /// One entry with the register around it (for its history: what it replaced, what replaced it).
    public func authority(_ id: Int64, in code: String, by user: UserAccount?) async throws -> (register: Register, authority: DelegatedAuthority) {
        try await storage.read { repositories in
            let register = try await Self.register(try await AccessCheck.agencyScope(.read, on: code, by: user, repositories), repositories)
            return (register, try Self.find(id, in: register))
        }
    }

    /// One request with the register around it.
    public func request(_ id: Int64, in code: String, by user: UserAccount?) async throws -> (register: Register, request: AuthorityRequest) {
        try await storage.read { repositories in
            let register = try await Self.register(try await AccessCheck.agencyScope(.read, on: code, by: user, repositories), repositories)
            return (register, try Self.findRequest(id, in: register))
        }
    }

    // MARK: The register (the department)

    /// Adds an entry to the register.
    @discardableResult
    public func add(_ draft: AuthorityDraft, in code: String, by user: UserAccount?) async throws -> DelegatedAuthority {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await AccessCheck.agencyScope(.steer, on: code, by: user, repositories)
            var authority = try ServiceError.rule { try AuthorityRules.authority(draft, organisationCode: code) }
            authority.id = try await repositories.governance.save(authority)
            return authority
        }
    }

    /// Corrects an entry in place (the audit log keeps what it was); its links to requests and
    /// replaced entries stay.
    @discardableResult
    public func update(_ id: Int64, with draft: AuthorityDraft, in code: String, by user: UserAccount?) async throws -> DelegatedAuthority {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.agencyScope(.steer, on: code, by: user, repositories)
            let register = try await Self.register(scope, repositories)
            let old = try Self.find(id, in: register)
            var authority = try ServiceError.rule { try AuthorityRules.authority(draft, organisationCode: code) }
            authority.id = id
            authority.replaces = old.replaces
            authority.requestID = old.requestID
            try await repositories.governance.save(authority)
            return authority
        }
    }

    // MARK: Decision requests

    /// Drafts a request (the agency); `authorityID` nil asks for a new authority.
    @discardableResult
    public func draftRequest(_ draft: AuthorityRequestDraft, in code: String, by user: UserAccount?) async throws -> AuthorityRequest {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.agencyScope(.inform, on: code, by: user, repositories)
            let register = try await Self.register(scope, repositories)
            var request = try ServiceError.rule {
                try AuthorityRequestRules.draft(
                    draft, organisationCode: code, register: register.authorities, existing: nil, createdBy: scope.user.email)
            }
            request.id = try await repositories.governance.save(request)
            return request
        }
    }

    /// Edits a request while it is a draft.
    @discardableResult
    public func editRequest(_ id: Int64, with draft: AuthorityRequestDraft, in code: String, by user: UserAccount?) async throws -> AuthorityRequest {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.agencyScope(.inform, on: code, by: user, repositories)
            let register = try await Self.register(scope, repositories)
            let existing = try Self.findRequest(id, in: register)
            let request = try ServiceError.rule {
                try AuthorityRequestRules.draft(
                    draft, organisationCode: code, register: register.authorities, existing: existing, createdBy: scope.user.email)
            }
            try await repositories.governance.save(request)
            return request
        }
    }

    /// Sends a draft request to the department.
    @discardableResult
    public func sendRequest(_ id: Int64, in code: String, by user: UserAccount?, today: CalendarDate = .today()) async throws -> AuthorityRequest {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.agencyScope(.inform, on: code, by: user, repositories)
            let existing = try Self.findRequest(id, in: try await Self.register(scope, repositories))
            let sent = try ServiceError.rule { try AuthorityRequestRules.send(existing, by: scope.user.email, on: today) }
            try await repositories.governance.save(sent)
            return sent
        }
    }

    /// Decides a sent request (the department). Granted, the register gets the new entry (and a
    /// changed entry ends the day before the new one starts), linked to the request.
    @discardableResult
    public func decideRequest(
        _ id: Int64, outcome: AuthorityDecisionOutcome?, text: String, decidedOn: CalendarDate?, in code: String, by user: UserAccount?,
        today: CalendarDate = .today()
    ) async throws -> AuthorityRequest {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.agencyScope(.steer, on: code, by: user, repositories)
            let register = try await Self.register(scope, repositories)
            let existing = try Self.findRequest(id, in: register)
            var (decided, added, ended) = try ServiceError.rule {
                try AuthorityRequestRules.decide(
                    existing, outcome: outcome, text: text, on: decidedOn, by: scope.user.email, register: register.authorities, today: today)
            }
            let store = repositories.governance
            if let ended { try await store.save(ended) }
            if let added { decided.resultingAuthorityID = try await store.save(added) }
            try await store.save(decided)
            return decided
        }
    }

    static func find(_ id: Int64, in register: Register) throws -> DelegatedAuthority {
        guard let authority = register.authorities.first(where: { $0.id == id }) else {
            throw ServiceError.notFound("\(register.scope.organisation.name) har ingen fullmakt nr. \(id) i fullmaktsregisteret.")
        }
        return authority
    }

    static func findRequest(_ id: Int64, in register: Register) throws -> AuthorityRequest {
        guard let request = register.requests.first(where: { $0.id == id }) else {
            throw ServiceError.notFound("\(register.scope.organisation.name) har ingen anmodning om fullmakt nr. \(id).")
        }
        return request
    }
}
