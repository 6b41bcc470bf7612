/// The view model of `login.mustache`.
struct LoginView: Sendable {
    var email: String
    /// Where to go after logging in (a local path).
    var next: String
    var csrfToken: String
    var error: String?
}
