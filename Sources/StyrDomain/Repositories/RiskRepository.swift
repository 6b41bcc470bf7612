/// The risk registers of organisations, their scale labels and acceptance levels, and the
/// snapshots kept with risk-picture notices. Every save is audited.
public protocol RiskRepository: Sendable {
    /// All risks of the organisation, closed ones included, in the order they were recorded.
    func risks(of organisationCode: String) async throws -> [Risk]
    /// Inserts (when `id` is nil) or updates a risk; returns its id.
    @discardableResult func save(_ risk: Risk) async throws -> Int64
    /// The organisation's labels and acceptance level (`RiskSettings.standard` when none are stored).
    func riskSettings(of organisationCode: String) async throws -> RiskSettings
    func save(_ settings: RiskSettings, of organisationCode: String) async throws
    /// Stores the snapshot kept with a risk-picture notice (one per notice; a second replaces it).
    func save(_ snapshot: RiskSnapshot, forNotice noticeID: Int64) async throws
    /// The snapshots of the organisation's notices by notice id.
    func riskSnapshots(of organisationCode: String) async throws -> [Int64: RiskSnapshot]
}
