/// What a person may do, always within an organisation subtree.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// Everything in the subtree.
    case admin
    /// Department staff (etatsstyrer): define goals, indicators and targets for the agencies under
    /// the department, and read all of them.
    case departmentSteerer
    /// Agency controller: enter results, accounts and comments for the agency.
    case agencyEditor
    /// Agency leader: as editor, and approve and submit reports.
    case agencyLeader
    /// Auditor (kommunerevisjon): read everything in scope, change nothing.
    case auditor

    public var norwegianName: String {
        switch self {
        case .admin: "Administrator"
        case .departmentSteerer: "Etatsstyrer"
        case .agencyEditor: "Redaktør i etaten"
        case .agencyLeader: "Etatsleder"
        case .auditor: "Revisor"
        }
    }

    /// Accepts the code name or the Norwegian name in lower case (`etatsstyrer`, `revisor`, …).
    public init?(name: String) {
        let key = name.lowercased().filter { !$0.isWhitespace }
        if let role = Role(rawValue: name) { self = role; return }
        switch key {
        case "admin", "administrator": self = .admin
        case "etatsstyrer", "steerer", "departmentsteerer": self = .departmentSteerer
        case "redaktør", "redaktøriettaten", "editor", "agencyeditor": self = .agencyEditor
        case "etatsleder", "leder", "leader", "agencyleader": self = .agencyLeader
        case "revisor", "auditor": self = .auditor
        default: return nil
        }
    }
}

/// A role held in an organisation, reaching over its whole subtree.
public struct RoleAssignment: Hashable, Sendable, Codable {
    public var role: Role
    public var organisationCode: String

    public init(role: Role, organisationCode: String) {
        self.role = role
        self.organisationCode = organisationCode
    }
}

/// A person who can log in.
public struct UserAccount: Hashable, Sendable, Codable {
    public var email: String
    public var name: String
    public var assignments: [RoleAssignment]

    public init(email: String, name: String, assignments: [RoleAssignment]) {
        self.email = email
        self.name = name
        self.assignments = assignments
    }
}

/// What a request wants to do to an organisation's data.
public enum Permission: String, Sendable, CaseIterable {
    case read
    /// Define goals, indicators and targets (the department's side of the letter).
    case defineIndicators
    /// Enter results, accounts and deviation comments (the agency's side).
    case enterResults
    /// Approve and submit reports.
    case approveReports
    /// Write allocation letters, chair meetings and write their minutes, record steering signals,
    /// answer the agency's notices (the department's side of the governance dialogue).
    case steer
    /// Write and send notices under the duties to inform, and report on assignments (the agency's side).
    case inform
    /// Approve meeting minutes on the agency's behalf.
    case approveMinutes
    /// Manage users and organisations.
    case administer
}
