import StyrDomain
import StyrServices

/// Optimistic locking through the API: a change may send the `version` its resource answered
/// (`RecordVersions`); a stale one is `WriteConflict`, a 409 problem with the current version
/// (`APIProblem`). Every answer of a versioned resource carries its version now.
extension StyrAPIHandler {
    /// The version a request body sent, as the services take it.
    static func sentVersion(_ version: Int64?) -> Int? { version.map { Int(clamping: $0) } }

    /// The record's version now, for an answer.
    func version(_ record: RecordKey, in code: String) async throws -> Int64 {
        Int64(try await service { try await services.recordVersions.version(of: record, in: code, by: APICaller.current) })
    }
}
