import Foundation

/// Users pre-registered by their national identity number for ID-porten (only its hash is kept;
/// `NationalIDHash` in StyrOIDC). Links are audited as `oidcIdentity` keyed by the hash's start.
public protocol OIDCNationalIDRepository: Sendable {
    /// The e-mail address of the user linked to the hash, if any.
    func emailLinked(toNationalIDHash hash: String) async throws -> String?
    /// Links the hash to the user, replacing an earlier link of the same hash.
    func linkNationalIDHash(_ hash: String, to email: String, now: Date) async throws
    /// When the user was last linked to a national identity number; nil when never.
    func nationalIDLinkedAt(of email: String) async throws -> Date?
}
