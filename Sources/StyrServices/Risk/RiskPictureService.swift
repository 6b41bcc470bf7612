import Foundation
import StyrDomain

/// The risk-picture notice (duty to inform, first seed §4.3.1) carries a snapshot of the register
/// at the date it is sent, stored with it; the notice's page shows what changed since the
/// previous risk-picture notice of the agency.
public struct RiskPictureService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// Keeps the register as it stands on `date` with the notice (called in the notice's write).
    public static func takeSnapshot(of code: String, forNotice noticeID: Int64, on date: CalendarDate, _ repositories: Repositories) async throws {
        let store = repositories.governance
        let snapshot = RiskSnapshot(try await store.risks(of: code), organisationCode: code, on: date, settings: try await store.riskSettings(of: code))
        try await store.save(snapshot, forNotice: noticeID)
    }

    public struct Picture: Sendable {
        public var snapshot: RiskSnapshot
        /// The previous sent risk-picture notice with a snapshot, when there is one.
        public var previousNoticeID: Int64?
        public var previous: RiskSnapshot?
        public var changes: RiskSnapshotChanges
    }

    /// The snapshot kept with the notice and the changes since the previous risk-picture notice;
    /// nil when the notice has none (a draft, or sent before registers were kept).
    public func picture(ofNotice noticeID: Int64, in code: String, by user: UserAccount?) async throws -> Picture? {
        try await storage.read { repositories in
            let scope = try await AccessCheck.agencyScope(.read, on: code, by: user, repositories)
            let store = repositories.governance
            let snapshots = try await store.riskSnapshots(of: scope.code)
            guard let snapshot = snapshots[noticeID] else { return nil }
            let notices = try await store.notices(of: scope.code).filter { $0.kind == .riskUpdate && $0.status != .draft }
            guard let notice = notices.first(where: { $0.id == noticeID }) else { return nil }
            let sentAt = notice.submittedAt ?? notice.createdAt
            let earlier = notices.filter { other in
                guard let id = other.id, id != noticeID, snapshots[id] != nil else { return false }
                let otherAt = other.submittedAt ?? other.createdAt
                return (otherAt, id) < (sentAt, noticeID)
            }.max { ($0.submittedAt ?? $0.createdAt, $0.id ?? 0) < ($1.submittedAt ?? $1.createdAt, $1.id ?? 0) }
            let previous = earlier.flatMap { $0.id.flatMap { snapshots[$0] } }
            return Picture(snapshot: snapshot, previousNoticeID: earlier?.id, previous: previous,
                           changes: RiskSnapshotChanges(from: previous, to: snapshot))
        }
    }
}
