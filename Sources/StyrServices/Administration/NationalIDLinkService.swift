import Foundation
import StyrDomain

/// Pre-registering a person for ID-porten by national identity number: the edge hashes the number
/// (`NationalIDHash` in StyrOIDC) and only the hash reaches this use case and the database. The
/// administrator must manage the user as a whole (`.administer` on every role's organisation).
public struct NationalIDLinkService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// Links the hash to the user (audited); a hash linked to another user moves to this one.
    public func link(nationalIDHash hash: String, to email: String, by user: UserAccount?, now: Date = Date()) async throws {
        try await storage.write(as: user?.email ?? "") { repositories in
            let context = try await UserAdministrationService.context(user, repositories)
            let status = try await UserAdministrationService.visible(email, context, repositories)
            guard context.canManage(status.user) else {
                throw ServiceError.forbidden(organisationCode: status.user.assignments.first { !context.administers($0.organisationCode) }?.organisationCode ?? "")
            }
            guard hash.count == 64, hash.allSatisfy(\.isHexDigit) else {
                throw ServiceError.invalid(.single("nationalID", "Fødselsnummeret må ha 11 sifre."))
            }
            try await repositories.governance.linkNationalIDHash(hash, to: status.user.email, now: now)
        }
    }
}
