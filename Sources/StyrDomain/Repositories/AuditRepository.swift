/// The append-only audit log (a hash chain); writes append to it inside their own transaction.
public protocol AuditRepository: Sendable {
    /// Entries in sequence order, optionally only those of one entity type and key.
    func entries(entityType: String?, entityKey: String?, limit: Int?) async throws -> [AuditEntry]
    /// The organisation an audited object belongs to, for deciding who may read its history.
    func organisationCode(ofEntityType type: String, key: String) async throws -> String?
    func verify() async throws -> AuditVerification
}
