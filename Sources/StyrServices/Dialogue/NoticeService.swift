import Foundation
import StyrDomain

/// The agency's duties to inform: it writes and sends notices; the department reads and answers
/// them (`NoticeRules`). A draft is the agency's own until sent. Whether an incident was notified
/// late is judged against the configured `limit`.
public struct NoticeService: Sendable {
    let storage: any Storage
    /// How soon after detection a serious incident must reach the department.
    public let limit: NotificationLimit

    public init(storage: any Storage, limit: NotificationLimit = .standard) {
        self.storage = storage
        self.limit = limit
    }

    public struct Listing: Sendable {
        public var scope: OrganisationScope
        /// The notices the user may see, as stored (oldest first); `NoticeRules.newestFirst` orders them for reading.
        public var notices: [InformationNotice]
        public var limit: NotificationLimit
    }

    public func list(in code: String, by user: UserAccount?) async throws -> Listing {
        try await storage.read { repositories in
            let scope = try await AccessCheck.agencyScope(.read, on: code, by: user, repositories)
            let canInform = scope.can(.inform)
            let notices = try await repositories.governance.notices(of: code).filter { NoticeRules.visible($0, toInformer: canInform) }
            return Listing(scope: scope, notices: notices, limit: limit)
        }
    }

    public func notice(_ id: Int64, in code: String, by user: UserAccount?, permission: Permission = .read) async throws -> (scope: OrganisationScope, notice: InformationNotice) {
        try await storage.read { repositories in
            let scope = try await AccessCheck.agencyScope(permission, on: code, by: user, repositories)
            return (scope, try await Self.notice(id, of: scope, repositories.governance))
        }
    }

    /// The scope of a new notice's form: the user must inform for the agency.
    public func prepareNew(in code: String, by user: UserAccount?) async throws -> OrganisationScope {
        try await storage.read { repositories in try await AccessCheck.agencyScope(.inform, on: code, by: user, repositories) }
    }

    /// Writes a notice as the agency, sent to the department now or kept as a draft.
    public func create(_ draft: NoticeDraft, submit: Bool, in code: String, by user: UserAccount?, now: Date = Date()) async throws -> InformationNotice {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.agencyScope(.inform, on: code, by: user, repositories)
            var notice = try ServiceError.rule {
                let notice = try NoticeRules.compose(draft, organisationCode: code, by: scope.user.email, at: now)
                return submit ? try NoticeRules.submit(notice, at: now) : notice
            }
            notice.id = try await repositories.governance.save(notice)
            try await Self.keepRiskPicture(notice, now: now, repositories)
            return notice
        }
    }

    /// Rewrites a draft (its author and time kept), sent now or kept as a draft; a sent notice is not edited.
    public func edit(_ id: Int64, to draft: NoticeDraft, submit: Bool, in code: String, by user: UserAccount?, now: Date = Date()) async throws -> InformationNotice {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.agencyScope(.inform, on: code, by: user, repositories)
            let existing = try await Self.notice(id, of: scope, repositories.governance)
            let notice = try ServiceError.rule {
                let updated = try NoticeRules.compose(draft, organisationCode: code, by: scope.user.email, at: now)
                let edited = try NoticeRules.edit(existing, to: updated, now: now)
                return submit ? try NoticeRules.submit(edited, at: now) : edited
            }
            try await repositories.governance.save(notice)
            try await Self.keepRiskPicture(notice, now: now, repositories)
            return notice
        }
    }

    /// Sends a draft to the department. The rule is applied to the notice as it is inside the
    /// transaction, so two sends (or answers) at once cannot both pass.
    public func submit(_ id: Int64, in code: String, by user: UserAccount?, now: Date = Date()) async throws -> InformationNotice {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.agencyScope(.inform, on: code, by: user, repositories)
            let notice = try await Self.notice(id, of: scope, repositories.governance)
            let submitted = try ServiceError.rule { try NoticeRules.submit(notice, at: now) }
            try await repositories.governance.save(submitted)
            try await Self.keepRiskPicture(submitted, now: now, repositories)
            return submitted
        }
    }

    /// The department's answer to a sent notice, once.
    public func answer(_ id: Int64, text: String, in code: String, by user: UserAccount?, now: Date = Date()) async throws -> InformationNotice {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.agencyScope(.steer, on: code, by: user, repositories)
            let notice = try await Self.notice(id, of: scope, repositories.governance)
            let answered = try ServiceError.rule { try NoticeRules.answer(notice, text: text, by: scope.user.email, at: now) }
            try await repositories.governance.save(answered)
            return answered
        }
    }

    /// A risk-picture notice keeps a snapshot of the register as it stands when it is sent.
    static func keepRiskPicture(_ notice: InformationNotice, now: Date, _ repositories: Repositories) async throws {
        guard notice.kind == .riskUpdate, notice.status == .submitted, let id = notice.id else { return }
        try await RiskPictureService.takeSnapshot(of: notice.organisationCode, forNotice: id, on: CalendarDate(now), repositories)
    }

    /// A notice of the agency that the user may see (drafts only for those who write them).
    static func notice(_ id: Int64, of scope: OrganisationScope, _ store: any GovernanceRepository) async throws -> InformationNotice {
        guard let notice = try await store.notice(id: id), notice.organisationCode == scope.code,
              NoticeRules.visible(notice, toInformer: scope.can(.inform)) else {
            throw ServiceError.notFound("\(scope.organisation.name) har ikke sendt noen melding nr. \(id).")
        }
        return notice
    }
}
