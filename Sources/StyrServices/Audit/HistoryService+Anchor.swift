import StyrDomain

extension HistoryService {
    /// The newest entry of the log (nil when it is empty), for an anchor; administrators of
    /// everything only, as the whole log.
    public func head(by user: UserAccount?) async throws -> AuditEntry? {
        try await storage.read { repositories in
            try await Self.requireAdministrator(user, repositories)
            return try await repositories.audit.entries(entityType: nil, entityKey: nil, limit: 1).last
        }
    }

    /// Whether the chain holds and still reaches the anchor's entry with the anchor's hash
    /// (`AuditAnchorRules.check`). The anchor's signature is checked by the caller, which holds
    /// the key.
    public func verify(against anchor: AuditAnchor, by user: UserAccount?) async throws -> AuditVerification {
        try await storage.read { repositories in
            try await Self.requireAdministrator(user, repositories)
            let chain = try await repositories.audit.verify()
            guard case .intact = chain else { return chain }
            return AuditAnchorRules.check(anchor, entries: try await repositories.audit.entries(entityType: nil, entityKey: nil, limit: nil))
        }
    }
}
