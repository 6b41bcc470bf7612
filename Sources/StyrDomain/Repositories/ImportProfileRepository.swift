/// Named import profiles: how an ERP system's columns and local accounts map to KOSTRA.
public protocol ImportProfileRepository: Sendable {
    func save(_ profile: ImportProfile) async throws
    func profile(named name: String) async throws -> ImportProfile?
    func profiles() async throws -> [ImportProfile]
}
