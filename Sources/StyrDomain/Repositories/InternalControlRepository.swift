/// The internal control plans of organisations (one control a row, with its executions) and the
/// evidence files of the executions, stored in the database. Every save is audited.
public protocol InternalControlRepository: Sendable {
    /// The controls of the organisation's plan for the year, in the order added.
    func controlActivities(of organisationCode: String, year: Int) async throws -> [ControlActivity]
    /// Inserts (when `id` is nil) or updates a control; returns its id.
    @discardableResult func save(_ activity: ControlActivity) async throws -> Int64
    /// Stores an evidence file of a control (checked by `EvidenceRules`); returns its reference.
    func addEvidence(filename: String, contentType: String, bytes: [UInt8], toActivity activityID: Int64) async throws -> EvidenceReference
    /// An evidence file's bytes, when it belongs to the control.
    func evidence(id: Int64, ofActivity activityID: Int64) async throws -> (reference: EvidenceReference, bytes: [UInt8])?
    /// The 93 controls of ISO/IEC 27001:2022 Annex A, in their order.
    func isoControls() async throws -> [ISOControl]
}
