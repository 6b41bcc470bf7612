import Foundation
import StyrDomain

/// What an administrator types to invite a user.
public struct InvitationDraft: Sendable, Equatable {
    public var email: String
    public var name: String
    /// Each role scoped to an organisation in the administrator's subtree; at least one.
    public var roles: [RoleAssignment]

    public init(email: String, name: String, roles: [RoleAssignment]) {
        self.email = email
        self.name = name
        self.roles = roles
    }
}

/// Administering users (permission `.administer`): list them with their roles, invite (a one-time
/// link where the invitee sets a password), grant and remove roles, deactivate and reactivate,
/// and end a user's sessions and API tokens. An administrator sees the users with a role in their
/// subtree, grants roles only there, changes a user as a whole only when every role of the user
/// lies there, and cannot deactivate themselves. Refusals name `email`, `name`, `roles`, `role`,
/// `organisationCode` and `password`. Every change is audited by the store.
public struct UserAdministrationService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// The users the administrator sees, and the organisations they may grant roles in.
    public struct Listing: Sendable {
        public var admin: UserAccount
        public var users: [AccountStatus]
        /// Every organisation, for naming roles.
        public var organisations: [Organisation]
        /// Open organisations the administrator may grant roles in, in the tree's order.
        public var grantable: [Organisation]

        public func name(of code: String) -> String { organisations.first { $0.code == code }?.name ?? code }
    }

    public func list(by user: UserAccount?) async throws -> Listing {
        try await storage.read { repositories in
            let context = try await Self.context(user, repositories)
            let users = try await repositories.accounts.accountStatuses().filter { context.canSee($0.user) }
            return Listing(admin: context.admin, users: users, organisations: context.organisations, grantable: context.grantable)
        }
    }

    /// One user for their administration page.
    public struct Details: Sendable {
        public var listing: Listing
        public var status: AccountStatus
        public var sessions: [SessionInfo]
        public var tokens: [APITokenInfo]
        /// The administrator may deactivate the user and end their sessions and tokens.
        public var canManage: Bool
        /// The roles the administrator may remove (those in their subtree).
        public var removable: [RoleAssignment]
        /// When the user was last linked to a national identity number for ID-porten; nil: never.
        public var nationalIDLinkedAt: Date?
    }

    public func user(_ email: String, by user: UserAccount?, now: Date = Date()) async throws -> Details {
        try await storage.read { repositories in
            let context = try await Self.context(user, repositories)
            let status = try await Self.visible(email, context, repositories)
            let listing = Listing(admin: context.admin, users: [status], organisations: context.organisations, grantable: context.grantable)
            return Details(
                listing: listing, status: status, sessions: try await repositories.accounts.sessions(of: status.user.email, now: now),
                tokens: try await repositories.accounts.apiTokens(of: status.user.email), canManage: context.canManage(status.user),
                removable: status.user.assignments.filter { context.administers($0.organisationCode) },
                nationalIDLinkedAt: try await repositories.governance.nationalIDLinkedAt(of: status.user.email))
        }
    }

    /// An invitation just made: the user (without a password yet) and the one-time token; the
    /// edge shows the link `/invitasjon/<token>` to the administrator once.
    public struct SentInvitation: Sendable, Equatable {
        public var user: UserAccount
        public var token: String
        public var expiresAt: Date
    }

    /// Creates the user with the roles and a one-time invitation link (valid seven days).
    public func invite(_ draft: InvitationDraft, by user: UserAccount?, now: Date = Date()) async throws -> SentInvitation {
        try await storage.write(as: user?.email ?? "") { repositories in
            let context = try await Self.context(user, repositories)
            var errors = InputErrors()
            let email = errors.keep { () throws(InputErrors) in try AccountRules.email(draft.email) }
            let name = draft.name.trimmingCharacters(in: .whitespaces)
            errors.keep { () throws(InputErrors) in try AccountRules.validate(name: name) }
            if draft.roles.isEmpty { errors.add("roles", "Gi brukeren minst én rolle i en organisasjon.") }
            for role in draft.roles { try context.requireGrantable(role.organisationCode) }
            if let email, try await repositories.accounts.user(email: email) != nil {
                errors.add("email", "Det finnes allerede en bruker med e-postadressen «\(email)». Gi rollen på brukerens side i stedet.")
            }
            try ServiceError.rule { try errors.check() }
            let invited = UserAccount(email: email!, name: name, assignments: Self.unique(draft.roles))
            let token = try await repositories.accounts.invite(invited, now: now, lifetime: AccountAdministrationRules.invitationLifetime)
            return SentInvitation(user: invited, token: token, expiresAt: now.addingTimeInterval(AccountAdministrationRules.invitationLifetime))
        }
    }

    /// Gives the user a role in an organisation the administrator administers.
    public func grant(_ role: RoleAssignment, to email: String, by user: UserAccount?) async throws -> UserAccount {
        try await storage.write(as: user?.email ?? "") { repositories in
            let context = try await Self.context(user, repositories)
            let status = try await Self.visible(email, context, repositories)
            try context.requireGrantable(role.organisationCode)
            try await repositories.accounts.addRole(role, to: status.user.email)
            return try await repositories.accounts.user(email: status.user.email) ?? status.user
        }
    }

    /// Removes a role the user holds in the administrator's subtree. An administrator cannot
    /// remove their own admin role (field `role`).
    public func revoke(_ role: RoleAssignment, from email: String, by user: UserAccount?) async throws -> UserAccount {
        try await storage.write(as: user?.email ?? "") { repositories in
            let context = try await Self.context(user, repositories)
            let status = try await Self.visible(email, context, repositories)
            guard context.administers(role.organisationCode) else { throw ServiceError.forbidden(organisationCode: role.organisationCode) }
            if status.user.email == context.admin.email, role.role == .admin {
                throw ServiceError.invalid(.single("role", "Du kan ikke fjerne din egen administratorrolle. Be en annen administrator om det."))
            }
            guard try await repositories.accounts.removeRole(role, from: status.user.email) else {
                throw ServiceError.notFound("\(status.user.name) har ikke rollen \(role.role.norwegianName.lowercased()) i «\(role.organisationCode)».")
            }
            return try await repositories.accounts.user(email: status.user.email) ?? status.user
        }
    }

    /// Deactivates the user: they cannot log in, their sessions end and their API tokens and
    /// calendar feed stop working. An administrator cannot deactivate themselves (field `email`).
    public func deactivate(_ email: String, by user: UserAccount?, now: Date = Date()) async throws {
        try await manage(email, by: user) { status, context, repositories in
            guard status.user.email != context.admin.email else {
                throw ServiceError.invalid(.single("email", "Du kan ikke deaktivere deg selv."))
            }
            if status.isActive { try await repositories.accounts.setDeactivated(true, email: status.user.email, now: now) }
        }
    }

    /// Lets a deactivated user log in again (their API tokens work again; sessions were ended).
    public func reactivate(_ email: String, by user: UserAccount?, now: Date = Date()) async throws {
        try await manage(email, by: user) { status, _, repositories in
            if !status.isActive { try await repositories.accounts.setDeactivated(false, email: status.user.email, now: now) }
        }
    }

    /// Ends one of the user's sessions (by its public id).
    public func endSession(_ id: String, of email: String, by user: UserAccount?) async throws {
        try await manage(email, by: user) { status, _, repositories in
            guard try await repositories.accounts.endSession(id: id, of: status.user.email) else {
                throw ServiceError.notFound("\(status.user.name) har ingen åpen økt med id «\(id)».")
            }
        }
    }

    /// Revokes one of the user's API tokens (by its public id).
    public func revokeToken(_ id: String, of email: String, by user: UserAccount?) async throws {
        try await manage(email, by: user) { status, _, repositories in
            guard try await repositories.accounts.revokeToken(id: id, of: status.user.email) else {
                throw ServiceError.notFound("\(status.user.name) har ingen API-nøkkel med id «\(id)».")
            }
        }
    }

    // MARK: The invitation link (no one logged in)

    /// The invitation of a link; `notFound` when there is none.
    public func invitation(_ token: String, now: Date = Date()) async throws -> Invitation {
        guard !token.isEmpty, token.count <= AccountService.maximumTokenLength,
              let invitation = try await storage.read({ try await $0.accounts.invitation(token, now: now) }) else {
            throw ServiceError.notFound("Invitasjonen finnes ikke. Sjekk at hele lenken er med, eller be administratoren om en ny.")
        }
        return invitation
    }

    /// Sets the invitee's password and spends the link. A spent or expired link is `notFound`.
    public func acceptInvitation(_ token: String, password: String, now: Date = Date()) async throws -> UserAccount {
        let invitation = try await invitation(token, now: now)
        switch invitation.state {
        case .open: break
        case .spent: throw ServiceError.notFound("Invitasjonen er allerede brukt. Logg inn med passordet du valgte.")
        case .expired: throw ServiceError.notFound("Invitasjonen er utløpt. Be administratoren om en ny.")
        case .unknown: throw ServiceError.notFound("Invitasjonen finnes ikke.")
        }
        try ServiceError.rule { try AccountRules.validate(password: password) }
        return try await storage.write(as: invitation.email) { repositories in
            guard let user = try await repositories.accounts.acceptInvitation(token, password: password, now: now) else {
                throw ServiceError.notFound("Invitasjonen er allerede brukt eller utløpt.")
            }
            return user
        }
    }

    // MARK: Access

    /// The administrator and what they administer.
    struct Context {
        var admin: UserAccount
        var organisations: [Organisation]
        var tree: OrganisationTree
        var roots: [String]

        var grantable: [Organisation] {
            OrganisationTreeRules.ordered(organisations).map(\.organisation).filter { administers($0.code) && !$0.isClosed }
        }

        func administers(_ code: String) -> Bool { AccessPolicy.allows(admin, .administer, on: code, in: tree) }
        func canSee(_ user: UserAccount) -> Bool { AccountAdministrationRules.canSee(user, by: admin, in: tree, roots: roots) }
        func canManage(_ user: UserAccount) -> Bool { AccountAdministrationRules.canManage(user, by: admin, in: tree, roots: roots) }

        func requireGrantable(_ code: String) throws {
            guard let organisation = organisations.first(where: { $0.code == code }) else { throw ServiceError.unknownOrganisation(code: code) }
            guard administers(code) else { throw ServiceError.forbidden(organisationCode: code) }
            if organisation.isClosed {
                throw ServiceError.invalid(.single("organisationCode", "«\(organisation.name)» er lagt ned; gi rollen i en organisasjon som er i bruk."))
            }
        }
    }

    static func context(_ user: UserAccount?, _ repositories: Repositories) async throws -> Context {
        guard let user else { throw ServiceError.unauthenticated }
        let organisations = try await repositories.governance.organisations()
        let codes = Set(organisations.map(\.code))
        let context = Context(
            admin: user, organisations: organisations, tree: OrganisationTree(organisations),
            roots: organisations.filter { $0.parentCode.map { !codes.contains($0) } ?? true }.map(\.code))
        guard organisations.contains(where: { context.administers($0.code) }) else { throw OrganisationAdministrationService.forbidden(user) }
        return context
    }

    /// The user, when the administrator may see them; else `notFound` (so addresses are not probed).
    static func visible(_ email: String, _ context: Context, _ repositories: Repositories) async throws -> AccountStatus {
        guard let status = try await repositories.accounts.accountStatus(email: email), context.canSee(status.user) else {
            throw ServiceError.notFound("Fant ingen bruker med e-postadressen «\(email)» blant brukerne du administrerer.")
        }
        return status
    }

    private func manage(
        _ email: String, by user: UserAccount?,
        _ body: @Sendable (AccountStatus, Context, Repositories) async throws -> Void
    ) async throws {
        try await storage.write(as: user?.email ?? "") { repositories in
            let context = try await Self.context(user, repositories)
            let status = try await Self.visible(email, context, repositories)
            guard context.canManage(status.user) else {
                throw ServiceError.forbidden(organisationCode: status.user.assignments.first { !context.administers($0.organisationCode) }?.organisationCode ?? "")
            }
            try await body(status, context, repositories)
        }
    }

    static func unique(_ roles: [RoleAssignment]) -> [RoleAssignment] {
        var seen = Set<RoleAssignment>()
        return roles.filter { seen.insert($0).inserted }
    }
}
