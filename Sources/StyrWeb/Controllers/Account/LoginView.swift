import Foundation
import StyrServices

/// The view model of `login.mustache`.
struct LoginView: Sendable {
    var email: String
    /// Where to go after logging in (a local path).
    var next: String
    var csrfToken: String
    var error: String?
    /// The single sign-on button («Logg inn med …»): the provider's name and the start address.
    var providerName: String? = nil
    var providerLink: String? = nil
    /// False when `STYR_LOCAL_PASSWORDS=off`: no password form.
    var passwordsAllowed = true

    mutating func offerSingleSignOn(_ signIn: OIDCSignInService?, next: String) {
        guard let signIn else { return }
        passwordsAllowed = signIn.localPasswordsAllowed || signIn.providerName == nil
        guard let name = signIn.providerName else { return }
        providerName = name
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        providerLink = "/logg-inn/oidc?neste=" + (next.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/")
    }
}
