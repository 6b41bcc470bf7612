import Foundation
import StyrDomain

/// Group claim → role mappings kept by administrators in the app (permission `.administer` on the
/// mapping's organisation): list, add, remove; each change audited by the store. Sign-in
/// (`OIDCSignInService`) uses them together with the server's `STYR_OIDC_GROUP_ROLES`, which stay a
/// bootstrap: both count (`OIDCGroupMappingRules.effective`). Refusals name `group`, `role` and
/// `organisationCode`.
public struct OIDCGroupMappingService: Sendable {
    let storage: any Storage
    /// The server's single sign-on settings (nil when no provider is configured).
    let settings: OIDCSettings?

    public init(storage: any Storage, settings: OIDCSettings? = nil) {
        self.storage = storage
        self.settings = settings
    }

    /// What the administrator sees: the stored mappings of organisations they administer, the
    /// server's own mappings (read-only), and where they may map to.
    public struct Listing: Sendable {
        public var mappings: [StoredOIDCGroupMapping]
        /// From `STYR_OIDC_GROUP_ROLES`: changed only in the server's environment.
        public var environmentMappings: [OIDCGroupMapping]
        /// The provider's name when single sign-on is configured.
        public var providerName: String?
        /// The group claim read from the ID token (`groups`).
        public var groupClaim: String
        /// Whether sign-in creates a user from a mapped group (`STYR_OIDC_CREATE_USERS=on`).
        public var createsUsers: Bool
        public var organisations: [Organisation]
        /// Open organisations the administrator may map to, in the tree's order.
        public var grantable: [Organisation]

        public func name(of code: String) -> String { organisations.first { $0.code == code }?.name ?? code }
    }

    public func list(by user: UserAccount?) async throws -> Listing {
        try await storage.read { repositories in
            let context = try await UserAdministrationService.context(user, repositories)
            let stored = try await repositories.governance.oidcGroupMappings()
            return listing(context, stored.filter { context.administers($0.assignment.organisationCode) })
        }
    }

    /// Adds a mapping to an open organisation the administrator administers.
    public func add(_ draft: OIDCGroupMappingDraft, by user: UserAccount?) async throws -> StoredOIDCGroupMapping {
        try await storage.write(as: user?.email ?? "") { repositories in
            let context = try await UserAdministrationService.context(user, repositories)
            let code = draft.organisationCode.trimmingCharacters(in: .whitespaces)
            if !code.isEmpty { try context.requireGrantable(code) }
            let existing = try await repositories.governance.oidcGroupMappings().map(\.mapping)
            let mapping = try ServiceError.rule { try OIDCGroupMappingRules.validated(draft, existing: existing) }
            return try await repositories.governance.add(mapping)
        }
    }

    /// One stored mapping the administrator may remove (for the confirmation page).
    public func mapping(_ id: Int64, by user: UserAccount?) async throws -> StoredOIDCGroupMapping {
        try await storage.read { repositories in
            let context = try await UserAdministrationService.context(user, repositories)
            return try await Self.removable(id, context, repositories)
        }
    }

    /// Removes a stored mapping of an organisation the administrator administers. Users created
    /// from it keep their roles (they are changed on the users' pages).
    public func remove(_ id: Int64, by user: UserAccount?) async throws -> StoredOIDCGroupMapping {
        try await storage.write(as: user?.email ?? "") { repositories in
            let context = try await UserAdministrationService.context(user, repositories)
            let stored = try await Self.removable(id, context, repositories)
            guard try await repositories.governance.removeOIDCGroupMapping(id: stored.id) else { throw Self.notFound(id) }
            return stored
        }
    }

    static func removable(_ id: Int64, _ context: UserAdministrationService.Context, _ repositories: Repositories) async throws
        -> StoredOIDCGroupMapping {
        guard let stored = try await repositories.governance.oidcGroupMappings().first(where: { $0.id == id }) else { throw notFound(id) }
        guard context.administers(stored.assignment.organisationCode) else {
            throw ServiceError.forbidden(organisationCode: stored.assignment.organisationCode)
        }
        return stored
    }

    static func notFound(_ id: Int64) -> ServiceError {
        .notFound("Fant ingen gruppekobling med nummer \(id). Den kan være fjernet allerede.")
    }

    func listing(_ context: UserAdministrationService.Context, _ stored: [StoredOIDCGroupMapping]) -> Listing {
        Listing(mappings: stored, environmentMappings: settings?.groupMappings ?? [], providerName: settings?.displayName,
                groupClaim: settings?.groupClaim ?? "groups", createsUsers: settings?.createUsers ?? false,
                organisations: context.organisations, grantable: context.grantable)
    }
}
