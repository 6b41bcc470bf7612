/// The organisation hierarchy as parent links, for scope checks.
public struct OrganisationTree: Sendable {
    private let parents: [String: String]
    private let kinds: [String: OrganisationKind]

    public init(_ organisations: [Organisation]) {
        var parents: [String: String] = [:]
        var kinds: [String: OrganisationKind] = [:]
        for organisation in organisations {
            parents[organisation.code] = organisation.parentCode
            kinds[organisation.code] = organisation.kind
        }
        self.parents = parents
        self.kinds = kinds
    }

    public func contains(_ code: String) -> Bool { kinds[code] != nil }

    public func kind(of code: String) -> OrganisationKind? { kinds[code] }

    /// True when `code` is `root` or lies under it.
    public func isInSubtree(_ code: String, of root: String) -> Bool {
        var current: String? = code
        var seen = Set<String>()
        while let node = current, seen.insert(node).inserted {
            if node == root { return true }
            current = parents[node]
        }
        return false
    }
}

/// Who may do what where. One function, checked on the server for every page and endpoint.
public enum AccessPolicy {
    public static func allows(
        _ user: UserAccount, _ permission: Permission, on organisationCode: String, in tree: OrganisationTree
    ) -> Bool {
        guard tree.contains(organisationCode) else { return false }
        return user.assignments.contains { assignment in
            guard tree.isInSubtree(organisationCode, of: assignment.organisationCode) else { return false }
            return allows(assignment.role, permission, strictlyBelow: organisationCode != assignment.organisationCode,
                          targetKind: tree.kind(of: organisationCode))
        }
    }

    static func allows(_ role: Role, _ permission: Permission, strictlyBelow: Bool, targetKind: OrganisationKind?) -> Bool {
        switch (role, permission) {
        case (.admin, _): true
        case (_, .read): true
        case (.departmentSteerer, .defineIndicators), (.departmentSteerer, .steer):
            // The department steers the agencies under it, not itself.
            strictlyBelow && (targetKind == .agency || targetKind == .section)
        case (.agencyEditor, .enterResults), (.agencyLeader, .enterResults), (.agencyLeader, .approveReports): true
        case (.agencyEditor, .inform), (.agencyLeader, .inform), (.agencyLeader, .approveMinutes): true
        default: false
        }
    }

    /// The organisations of `organisations` the user may read, in their order.
    public static func readable(_ organisations: [Organisation], by user: UserAccount) -> [Organisation] {
        let tree = OrganisationTree(organisations)
        return organisations.filter { allows(user, .read, on: $0.code, in: tree) }
    }
}
