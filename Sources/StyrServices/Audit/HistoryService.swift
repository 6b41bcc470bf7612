import StyrDomain

/// The audit log: the history of one object for whoever may read its organisation (pages, API),
/// and the whole log and its hash chain for those who administer everything (the command line).
public struct HistoryService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// The changes of one object, oldest first, with the names of the people and organisations
    /// they mention (`AuditPresentation` renders them).
    public struct History: Sendable {
        public var scope: OrganisationScope
        public var entityType: String
        public var entityKey: String
        public var entries: [AuditEntry]
        public var directory: AuditDirectory
    }

    /// Longest type and key asked for (the API's document says so too).
    public static let maximumTypeLength = 100, maximumKeyLength = 500

    public func history(ofType type: String, key: String, by user: UserAccount?) async throws -> History {
        guard user != nil else { throw ServiceError.unauthenticated }
        guard !type.isEmpty, !key.isEmpty, type.count <= Self.maximumTypeLength, key.count <= Self.maximumKeyLength else {
            throw ServiceError.badRequest("Oppgi både type og nøkkel.")
        }
        return try await storage.read { repositories in
            guard let code = try await repositories.audit.organisationCode(ofEntityType: type, key: key), !code.isEmpty else {
                throw ServiceError.notFound("Fant ikke «\(key)».")
            }
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            return History(
                scope: scope, entityType: type, entityKey: key,
                entries: try await repositories.audit.entries(entityType: type, entityKey: key, limit: nil),
                directory: AuditDirectory(users: try await repositories.accounts.users(), organisations: scope.organisations))
        }
    }

    /// The last `limit` entries of the whole log (or of one type or key), oldest first.
    public func log(entityType: String?, entityKey: String?, limit: Int, by user: UserAccount?) async throws -> [AuditEntry] {
        try await storage.read { repositories in
            try await Self.requireAdministrator(user, repositories)
            return try await repositories.audit.entries(entityType: entityType, entityKey: entityKey, limit: limit)
        }
    }

    /// Whether the hash chain holds, or the first entry edited or deleted.
    public func verify(by user: UserAccount?) async throws -> AuditVerification {
        try await storage.read { repositories in
            try await Self.requireAdministrator(user, repositories)
            return try await repositories.audit.verify()
        }
    }

    /// The whole log spans every organisation: only someone who administers each may read it.
    static func requireAdministrator(_ user: UserAccount?, _ repositories: Repositories) async throws {
        guard let user else { throw ServiceError.unauthenticated }
        let organisations = try await repositories.governance.organisations()
        let tree = OrganisationTree(organisations)
        if let refused = organisations.first(where: { !AccessPolicy.allows(user, .administer, on: $0.code, in: tree) }) {
            throw ServiceError.forbidden(organisationCode: refused.code)
        }
    }
}
