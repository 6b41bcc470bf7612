import StyrDomain

/// The organisation a use case is about, the user, and what the user may do there: the result of
/// the access check that every use case starts with.
public struct OrganisationScope: Sendable {
    public let user: UserAccount
    public let organisation: Organisation
    public let organisations: [Organisation]

    public init(user: UserAccount, organisation: Organisation, organisations: [Organisation]) {
        self.user = user
        self.organisation = organisation
        self.organisations = organisations
    }

    public var code: String { organisation.code }
    public var tree: OrganisationTree { OrganisationTree(organisations) }

    public func can(_ permission: Permission) -> Bool { AccessPolicy.allows(user, permission, on: organisation.code, in: tree) }

    public var isAgency: Bool { organisation.kind == .agency || organisation.kind == .section }

    /// The agencies a dialogue view covers: the agency itself, or the agencies and sections under a
    /// department (or municipality) that the user may read.
    public var agencies: [Organisation] {
        if isAgency { return [organisation] }
        let tree = self.tree
        return organisations.filter {
            ($0.kind == .agency || $0.kind == .section) && $0.code != code && tree.isInSubtree($0.code, of: code)
                && AccessPolicy.allows(user, .read, on: $0.code, in: tree)
        }
    }

    /// The department that steers the agency: its nearest department above.
    public var steeringDepartmentCode: String {
        var current = organisation.parentCode
        var seen = Set<String>()
        while let code = current, seen.insert(code).inserted, let parent = organisations.first(where: { $0.code == code }) {
            if parent.kind == .department { return parent.code }
            current = parent.parentCode
        }
        return organisation.parentCode ?? organisation.code
    }

    public func name(of code: String) -> String { organisations.first { $0.code == code }?.name ?? code }
}

/// The access check of every use case: the user must be logged in, the organisation must exist,
/// and the user's roles must allow `permission` on it.
public enum AccessCheck {
    public static func scope(
        _ permission: Permission, on code: String, by user: UserAccount?, _ repositories: Repositories
    ) async throws -> OrganisationScope {
        guard let user else { throw ServiceError.unauthenticated }
        // One organisation's family (ancestors and subtree), not the whole country (issue 14);
        // administering (moves, unique codes) and an unknown code see every organisation.
        var organisations = permission == .administer ? [] : try await repositories.governance.organisationFamily(of: [code])
        if organisations.isEmpty { organisations = try await repositories.governance.organisations() }
        return try scope(permission, on: code, by: user, among: organisations)
    }

    public static func scope(
        _ permission: Permission, on code: String, by user: UserAccount, among organisations: [Organisation]
    ) throws -> OrganisationScope {
        guard let organisation = organisations.first(where: { $0.code == code }) else {
            // Answered as a code that exists but is not the user's, so codes cannot be probed;
            // only a user who reads every organisation (and so sees every code) hears «unknown».
            if readsEverything(user, organisations) { throw ServiceError.unknownOrganisation(code: code) }
            throw ServiceError.forbidden(organisationCode: code)
        }
        guard AccessPolicy.allows(user, permission, on: code, in: OrganisationTree(organisations)) else {
            throw ServiceError.forbidden(organisationCode: code)
        }
        // A closed organisation keeps its years for reading; only its administration still writes.
        if let closedOn = organisation.closedOn, permission != .read, permission != .administer {
            throw ServiceError.invalid(.single("organisation", "\(organisation.name) ble lagt ned \(NorwegianFormat.date(closedOn)) og tar ikke imot nye endringer. En administrator kan gjenåpne den."))
        }
        return OrganisationScope(user: user, organisation: organisation, organisations: organisations)
    }

    /// Whether the user may read every organisation (a role at each root of the tree).
    static func readsEverything(_ user: UserAccount, _ organisations: [Organisation]) -> Bool {
        let tree = OrganisationTree(organisations)
        return organisations.filter { $0.parentCode == nil }.allSatisfy { AccessPolicy.allows(user, .read, on: $0.code, in: tree) }
    }

    /// As `scope`, for records that belong to an agency (letters, meetings, signals, notices).
    public static func agencyScope(
        _ permission: Permission, on code: String, by user: UserAccount?, _ repositories: Repositories
    ) async throws -> OrganisationScope {
        let scope = try await scope(permission, on: code, by: user, repositories)
        guard scope.isAgency else { throw ServiceError.notAnAgency(code: code, name: scope.organisation.name) }
        return scope
    }

    /// A year Styr keeps (1900–2200), else a bad request.
    public static func year(_ year: Int) throws -> Int {
        guard BudgetYears.contains(year) else { throw ServiceError.badRequest(BudgetYears.outOfRangeMessage(year)) }
        return year
    }
}

extension OrganisationScope {
    /// The same scope, able to name organisations outside the family the access check read (a
    /// service's customers in other departments): each missing code is read on its own, so a page
    /// still never reads every organisation (issue 14). Grants nothing: access is the organisation's.
    func naming(_ codes: some Sequence<String>, _ repositories: Repositories) async throws -> OrganisationScope {
        var organisations = self.organisations
        for code in Set(codes).subtracting(organisations.map(\.code)).sorted() {
            if let found = try await repositories.governance.organisation(code: code) { organisations.append(found) }
        }
        return OrganisationScope(user: user, organisation: organisation, organisations: organisations)
    }
}
