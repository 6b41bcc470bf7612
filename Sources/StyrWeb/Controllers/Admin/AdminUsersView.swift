import StyrDomain
import StyrServices

/// The view model of `admin-users.mustache`: the users the administrator sees, with their roles
/// and state.
struct AdminUsersView: Sendable {
    struct Row: Sendable {
        var userName: String, email: String, url: String, rolesText: String, stateText: String
        var isInactive: Bool
    }

    var saved: String?
    var rows: [Row]
    var inviteURL: String

    init(_ listing: UserAdministrationService.Listing, saved: String?) {
        self.saved = saved
        rows = listing.users.map { status in
            Row(userName: status.user.name, email: status.user.email, url: AdminUserController.url(status.user.email),
                rolesText: AdminUserView.rolesText(status.user, listing), stateText: AdminUserView.stateText(status), isInactive: !status.isActive)
        }
        inviteURL = "/admin/brukere/ny"
    }
}

/// The view model of `admin-invitation.mustache`: the link of a new invitation, shown once.
struct AdminInvitationView: Sendable {
    var userName: String
    var email: String
    var link: String
    var expires: String
    var userURL: String

    init(_ sent: UserAdministrationService.SentInvitation, link: String) {
        userName = sent.user.name
        email = sent.user.email
        self.link = link
        expires = OsloTime.format(sent.expiresAt)
        userURL = AdminUserController.url(sent.user.email)
    }
}
