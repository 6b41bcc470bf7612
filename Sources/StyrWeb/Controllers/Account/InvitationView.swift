import StyrDomain

/// The view model of `invitation.mustache`.
struct InvitationView: Sendable {
    var action: String
    var name: String
    var email: String
    var isOpen: Bool
    /// Why the link cannot be used, when it cannot.
    var closedReason: String?
    var error: String?
    var minimumLength: Int

    init(token: String, invitation: Invitation, error: String?) {
        action = "/invitasjon/\(token.urlPathEncoded)"
        name = invitation.name
        email = invitation.email
        isOpen = invitation.state == .open
        closedReason = switch invitation.state {
        case .open: nil
        case .spent: "Invitasjonen er allerede brukt. Logg inn med passordet du valgte."
        case .expired: "Invitasjonen er utløpt. Be administratoren om en ny."
        case .unknown: "Invitasjonen finnes ikke."
        }
        self.error = error
        minimumLength = AccountRules.minimumPasswordLength
    }
}
