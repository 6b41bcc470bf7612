import Foundation

/// Sign-ins in progress through an OpenID Connect provider, and which provider subject is which
/// Styr user. A started sign-in is taken back once (then gone); links are audited.
public protocol OIDCRepository: Sendable {
    /// Keeps a started sign-in until its callback (the state only as a hash); drops expired ones.
    func saveSignInAttempt(_ attempt: OIDCSignInAttempt, now: Date) async throws
    /// Removes and returns the sign-in of the state: a state is used at most once.
    func takeSignInAttempt(state: String) async throws -> OIDCSignInAttempt?
    /// The e-mail address of the user linked to the provider's subject, if any.
    func linkedEmail(issuer: String, subject: String) async throws -> String?
    /// Links the provider's subject to the user (audited as `oidcIdentity`).
    func link(issuer: String, subject: String, to email: String, now: Date) async throws
}
