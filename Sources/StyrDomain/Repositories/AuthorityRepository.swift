/// The register of delegated authorities (fullmakter) of an agency and the decision requests
/// about them. Every save is audited.
public protocol AuthorityRepository: Sendable {
    /// All entries of the register, ended ones included, in the order they were added.
    func delegatedAuthorities(of organisationCode: String) async throws -> [DelegatedAuthority]
    /// Inserts (when `id` is nil) or updates an entry; returns its id.
    @discardableResult func save(_ authority: DelegatedAuthority) async throws -> Int64
    /// All decision requests, oldest first.
    func authorityRequests(of organisationCode: String) async throws -> [AuthorityRequest]
    /// Inserts (when `id` is nil) or updates a request; returns its id.
    @discardableResult func save(_ request: AuthorityRequest) async throws -> Int64
}
