import StyrDomain

/// Administering the organisation tree (permission `.administer`, within the administrator's
/// subtree): create under a parent, rename, move (no cycles, kinds where `allowedParents` say),
/// close on a date and reopen. A closed organisation stays readable with all its years; other
/// writes to it are refused (`AccessCheck`). Every change is audited by the store. Refusals name
/// the domain fields `code`, `name`, `kind`, `parentCode` and `closedOn`.
public struct OrganisationAdministrationService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// One organisation in the tree as the administrator sees it.
    public struct Node: Sendable, Equatable {
        public var organisation: Organisation
        /// 0 at the top of the tree.
        public var depth: Int
        /// The user may administer it (else it is shown for context only).
        public var canAdminister: Bool
    }

    /// The organisations the user may read, in the tree's order; `forbidden` when the user
    /// administers none.
    public func tree(by user: UserAccount?) async throws -> [Node] {
        guard let user else { throw ServiceError.unauthenticated }
        let all = try await storage.read { try await $0.governance.organisations() }
        let nodes = Self.nodes(all, for: user)
        guard nodes.contains(where: \.canAdminister) else { throw Self.forbidden(user) }
        return nodes.filter { AccessPolicy.allows(user, .read, on: $0.organisation.code, in: OrganisationTree(all)) }
    }

    /// One organisation for its administration page: where it sits, what lies under it, and the
    /// parents it may be moved to (open, of an allowed kind, administered, not under itself).
    public struct Details: Sendable {
        public var scope: OrganisationScope
        public var parent: Organisation?
        public var children: [Organisation]
        public var possibleParents: [Organisation]

        public var organisation: Organisation { scope.organisation }
    }

    public func details(of code: String, by user: UserAccount?) async throws -> Details {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.administer, on: code, by: user, repositories)
            let tree = scope.tree
            let parents = scope.organisations.filter { candidate in
                scope.organisation.kind.allowedParents.contains(candidate.kind) && !candidate.isClosed
                    && !tree.isInSubtree(candidate.code, of: code) && AccessPolicy.allows(scope.user, .administer, on: candidate.code, in: tree)
            }
            return Details(
                scope: scope, parent: scope.organisation.parentCode.flatMap { parent in scope.organisations.first { $0.code == parent } },
                children: scope.organisations.filter { $0.parentCode == code }, possibleParents: parents)
        }
    }

    /// The organisations a new unit may be created under by the user (open, administered).
    public func possibleParents(by user: UserAccount?) async throws -> [Organisation] {
        try await tree(by: user).filter { $0.canAdminister && !$0.organisation.isClosed }.map(\.organisation)
    }

    /// Creates an organisation under `draft.parentCode`, which the user must administer. A new top
    /// of the tree is made at the first start (`SetupService`) or by the command line (`createTopLevel`).
    public func create(_ draft: OrganisationDraft, by user: UserAccount?) async throws -> Organisation {
        try await storage.write(as: user?.email ?? "") { repositories in
            guard let user else { throw ServiceError.unauthenticated }
            let organisations = try await repositories.governance.organisations()
            let parentCode = draft.parentCode?.trimmingCharacters(in: .whitespaces) ?? ""
            if parentCode.isEmpty {
                guard Self.nodes(organisations, for: user).contains(where: \.canAdminister) else { throw Self.forbidden(user) }
                throw ServiceError.invalid(.single("parentCode", "Velg hvilken organisasjon den nye skal ligge under."))
            }
            if organisations.contains(where: { $0.code == parentCode }) {
                _ = try AccessCheck.scope(.administer, on: parentCode, by: user, among: organisations)
            }
            let organisation = try ServiceError.rule { try OrganisationTreeRules.create(draft, among: organisations) }
            try await repositories.governance.save(organisation)
            return organisation
        }
    }

    /// A new top of the tree (a municipality or ministry): the command line's, which runs with
    /// the database's own rights, audited as `actor`.
    public func createTopLevel(code: String, name: String, actor: String = "system:cli") async throws -> Organisation {
        try await storage.write(as: actor) { repositories in
            let organisations = try await repositories.governance.organisations()
            let organisation = try ServiceError.rule {
                try OrganisationTreeRules.create(OrganisationDraft(code: code, name: name, kind: .municipality, parentCode: nil), among: organisations)
            }
            try await repositories.governance.save(organisation)
            return organisation
        }
    }

    /// Gives the organisation a new name.
    public func rename(_ code: String, to name: String, by user: UserAccount?) async throws -> Organisation {
        try await change(code, by: user) { organisation, _ in try OrganisationTreeRules.rename(organisation, to: name) }
    }

    /// Moves the organisation (with everything under it) under another parent, which the user must
    /// also administer. A cycle, a kind that may not sit there or a closed parent is refused for
    /// `parentCode`, and nothing changes.
    public func move(_ code: String, under parentCode: String?, by user: UserAccount?) async throws -> Organisation {
        try await change(code, by: user) { organisation, scope in
            let target = parentCode?.trimmingCharacters(in: .whitespaces) ?? ""
            if !target.isEmpty, scope.organisations.contains(where: { $0.code == target }) {
                _ = try AccessCheck.scope(.administer, on: target, by: scope.user, among: scope.organisations)
            } else if target.isEmpty, organisation.parentCode != nil {
                throw ServiceError.invalid(.single("parentCode", "Velg hvilken organisasjon «\(code)» skal ligge under."))
            }
            return try OrganisationTreeRules.move(organisation, under: target, among: scope.organisations)
        }
    }

    /// Closes the organisation on `date`: it stays readable with its years, takes no new writes.
    public func close(_ code: String, on date: CalendarDate?, by user: UserAccount?) async throws -> Organisation {
        try await change(code, by: user) { organisation, scope in try OrganisationTreeRules.close(organisation, on: date, among: scope.organisations) }
    }

    /// Opens a closed organisation again.
    public func reopen(_ code: String, by user: UserAccount?) async throws -> Organisation {
        try await change(code, by: user) { organisation, scope in try OrganisationTreeRules.reopen(organisation, among: scope.organisations) }
    }

    /// Access (`.administer` on the organisation), the rule, and the save, in one transaction.
    private func change(
        _ code: String, by user: UserAccount?, _ rule: @Sendable (Organisation, OrganisationScope) throws -> Organisation
    ) async throws -> Organisation {
        return try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.scope(.administer, on: code, by: user, repositories)
            let changed = try ServiceError.rule { try rule(scope.organisation, scope) }
            if changed != scope.organisation { try await repositories.governance.save(changed) }
            return changed
        }
    }

    static func nodes(_ organisations: [Organisation], for user: UserAccount) -> [Node] {
        let tree = OrganisationTree(organisations)
        return OrganisationTreeRules.ordered(organisations).map {
            Node(organisation: $0.organisation, depth: $0.depth, canAdminister: AccessPolicy.allows(user, .administer, on: $0.organisation.code, in: tree))
        }
    }

    static func forbidden(_ user: UserAccount) -> ServiceError {
        .forbidden(organisationCode: user.assignments.first?.organisationCode ?? "")
    }
}
