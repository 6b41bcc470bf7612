import Foundation

/// Group claim → role mappings an administrator keeps in the app (beside the server's
/// `STYR_OIDC_GROUP_ROLES`). Each add and removal is audited as `oidcGroupMapping`.
public protocol OIDCGroupMappingRepository: Sendable {
    /// Every stored mapping, by group, then organisation and role.
    func oidcGroupMappings() async throws -> [StoredOIDCGroupMapping]
    /// Stores a mapping (the organisation must exist); returns it with its id.
    func add(_ mapping: OIDCGroupMapping) async throws -> StoredOIDCGroupMapping
    /// Removes the mapping with the id; false when there is none.
    func removeOIDCGroupMapping(id: Int64) async throws -> Bool
}
