import StyrDomain
import StyrServices

/// The view model of `admin-user.mustache`: one user's roles (with removal), a form to grant a
/// role, deactivation, the link to a national identity number, and their sessions and API tokens.
struct AdminUserView: Sendable {
    struct RoleRow: Sendable {
        var roleText: String, roleValue: String, organisationValue: String
        var canRemove: Bool
    }
    struct Option: Sendable { var value: String, label: String }
    struct SessionRow: Sendable { var started: String, expires: String, endURL: String }
    struct TokenRow: Sendable { var tokenName: String, created: String, revokeURL: String }

    var userName: String
    var email: String
    var stateText: String
    var isActive: Bool
    var canManage: Bool
    var isSelf: Bool
    var saved: String?
    var errorMessages: [String]
    var roleError: String?
    var organisationError: String?
    /// Whether and when the user was linked to a national identity number (ID-porten).
    var nationalIDText: String
    var nationalIDError: String?
    var csrfToken: String
    var base: String
    var roles: [RoleRow]
    var roleOptions: [Option]
    var organisationOptions: [Option]
    var sessions: [SessionRow]
    var tokens: [TokenRow]

    init(_ details: UserAdministrationService.Details, csrfToken: String, saved: String?, errors: InputErrors) {
        let status = details.status, listing = details.listing
        userName = status.user.name
        email = status.user.email
        stateText = Self.stateText(status)
        isActive = status.isActive
        canManage = details.canManage
        isSelf = status.user.email == listing.admin.email
        self.saved = saved
        errorMessages = errors.entries.map(\.message)
        roleError = errors["rolle"]
        organisationError = errors["organisasjon"]
        nationalIDText = details.nationalIDLinkedAt.map { "Knyttet til et fødselsnummer \(OsloTime.format($0))." }
            ?? "Ikke knyttet til noe fødselsnummer."
        nationalIDError = errors["fodselsnummer"]
        self.csrfToken = csrfToken
        let base = AdminUserController.url(status.user.email)
        self.base = base
        roles = status.user.assignments.map { assignment in
            RoleRow(roleText: "\(assignment.role.norwegianName) i \(listing.name(of: assignment.organisationCode)) (\(assignment.organisationCode))",
                    roleValue: assignment.role.rawValue, organisationValue: assignment.organisationCode,
                    canRemove: details.removable.contains(assignment))
        }
        roleOptions = Role.allCases.map { Option(value: $0.rawValue, label: $0.norwegianName) }
        organisationOptions = listing.grantable.map { Option(value: $0.code, label: "\($0.name) (\($0.code))") }
        sessions = details.sessions.reversed().map {
            SessionRow(started: OsloTime.format($0.createdAt), expires: OsloTime.format($0.expiresAt), endURL: "\(base)/okter/\($0.id)/avslutt")
        }
        tokens = details.tokens.map {
            TokenRow(tokenName: $0.name, created: OsloTime.format($0.createdAt), revokeURL: "\(base)/nokler/\($0.id)/trekk-tilbake")
        }
    }

    static func rolesText(_ user: UserAccount, _ listing: UserAdministrationService.Listing) -> String {
        user.assignments.isEmpty ? "Ingen roller"
            : user.assignments.map { "\($0.role.norwegianName) i \($0.organisationCode)" }.joined(separator: ", ")
    }

    static func stateText(_ status: AccountStatus) -> String {
        if let deactivated = status.deactivatedAt { return "Deaktivert \(OsloTime.format(deactivated))" }
        if !status.hasPassword { return status.invitationPending ? "Invitert, har ikke valgt passord" : "Har ikke passord (invitasjonen er utløpt)" }
        return "Aktiv"
    }
}
