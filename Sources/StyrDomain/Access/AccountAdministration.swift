import Foundation

/// A user as the administration sees them: roles, whether they may log in, and whether they have
/// set a password yet (an invited user has not until they accept).
public struct AccountStatus: Sendable, Equatable {
    public var user: UserAccount
    public var createdAt: Date?
    /// When the user was deactivated; nil for an active user.
    public var deactivatedAt: Date?
    public var hasPassword: Bool
    /// An invitation sent and not yet accepted (and not expired).
    public var invitationPending: Bool

    public init(user: UserAccount, createdAt: Date?, deactivatedAt: Date?, hasPassword: Bool, invitationPending: Bool) {
        self.user = user
        self.createdAt = createdAt
        self.deactivatedAt = deactivatedAt
        self.hasPassword = hasPassword
        self.invitationPending = invitationPending
    }

    public var isActive: Bool { deactivatedAt == nil }
}

/// An open browser session, known by a short id (the start of its token's hash), never its token.
public struct SessionInfo: Sendable, Equatable {
    public var id: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(id: String, createdAt: Date, expiresAt: Date) {
        self.id = id
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// A personal API token, known by a short id (the start of its hash) and its name.
public struct APITokenInfo: Sendable, Equatable {
    public var id: String
    public var name: String
    public var createdAt: Date
    /// When it stops working (nil: never, for tokens older than expiry times).
    public var expiresAt: Date?
    /// When it was last used, to the minute (nil: never).
    public var lastUsedAt: Date?

    public init(id: String, name: String, createdAt: Date, expiresAt: Date? = nil, lastUsedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastUsedAt = lastUsedAt
    }

    public func isExpired(at now: Date) -> Bool { expiresAt.map { $0 <= now } ?? false }
}

/// Where a one-time link (set-up or invitation) stands.
public enum OneTimeLinkState: String, Sendable, Equatable {
    case open, spent, expired, unknown
}

/// An invitation as its link shows it: who is invited and where it stands.
public struct Invitation: Sendable, Equatable {
    public var email: String
    public var name: String
    public var expiresAt: Date
    public var state: OneTimeLinkState

    public init(email: String, name: String, expiresAt: Date, state: OneTimeLinkState) {
        self.email = email
        self.name = name
        self.expiresAt = expiresAt
        self.state = state
    }
}

/// Who may administer which users, and how long one-time links last.
public enum AccountAdministrationRules {
    /// The set-up link printed at the first start.
    public static let setupLinkLifetime: TimeInterval = 24 * 60 * 60
    /// An invitation link.
    public static let invitationLifetime: TimeInterval = 7 * 24 * 60 * 60
    /// The public id of a session or token: this many hex digits of its hash.
    public static let publicIDLength = 16
    public static let maximumTokenNameLength = 100

    /// True when `id` looks like a public id (so it is safe to look up by prefix).
    public static func isPublicID(_ id: String) -> Bool {
        id.count == publicIDLength && id.allSatisfy { $0.isHexDigit && ($0.isNumber || $0.isLowercase) }
    }

    /// The administrator may see the user: one of the user's roles lies in the administrator's
    /// subtree, or the user has no role and the administrator administers a top organisation.
    public static func canSee(_ user: UserAccount, by admin: UserAccount, in tree: OrganisationTree, roots: [String]) -> Bool {
        guard !user.assignments.isEmpty else { return roots.contains { AccessPolicy.allows(admin, .administer, on: $0, in: tree) } }
        return user.assignments.contains { AccessPolicy.allows(admin, .administer, on: $0.organisationCode, in: tree) }
    }

    /// The administrator may change the user as a whole (deactivate, end sessions, revoke tokens):
    /// every role of the user lies in the administrator's subtree.
    public static func canManage(_ user: UserAccount, by admin: UserAccount, in tree: OrganisationTree, roots: [String]) -> Bool {
        guard !user.assignments.isEmpty else { return canSee(user, by: admin, in: tree, roots: roots) }
        return user.assignments.allSatisfy { AccessPolicy.allows(admin, .administer, on: $0.organisationCode, in: tree) }
    }

    /// A token's name as stored, or an error for the `name` field.
    public static func tokenName(_ text: String) throws(InputErrors) -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .single("name", "Gi nøkkelen et navn, f.eks. «rapportskript».") }
        guard name.count <= maximumTokenNameLength else { throw .single("name", "Navnet kan ha høyst \(maximumTokenNameLength) tegn.") }
        return name
    }
}
