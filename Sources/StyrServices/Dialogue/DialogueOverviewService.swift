import Foundation
import StyrDomain

/// The governance dialogue seen whole: the overview of an organisation's agencies, the annual
/// calendar (`AnnualCalendar`) with its iCalendar feed, and the governance log (`GovernanceLog`).
/// For an agency these cover the agency; for a department, the agencies under it that the user may read.
public struct DialogueOverviewService: Sendable {
    let storage: any Storage
    /// How soon after detection a serious incident must reach the department (the log flags later ones).
    public let limit: NotificationLimit

    public init(storage: any Storage, limit: NotificationLimit = .standard) {
        self.storage = storage
        self.limit = limit
    }

    /// The dialogue records of each agency the view covers (`OrganisationScope.agencies`).
    public struct Overview: Sendable {
        public var scope: OrganisationScope
        public var dialogues: [AgencyDialogue]
    }

    public func overview(of code: String, by user: UserAccount?) async throws -> Overview {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            return Overview(scope: scope, dialogues: try await Self.dialogues(of: scope.agencies, repositories.governance))
        }
    }

    /// Who may read the organisation's overview (for a page that shows a refusal beside its form).
    public func scope(of code: String, by user: UserAccount?) async throws -> OrganisationScope {
        try await storage.read { repositories in try await AccessCheck.scope(.read, on: code, by: user, repositories) }
    }

    // MARK: Annual calendar

    /// Every entry of the annual calendar of the agencies, by date (`AnnualCalendar.ordered`).
    public func calendar(of code: String, by user: UserAccount?, today: CalendarDate = .today()) async throws -> (scope: OrganisationScope, entries: [CalendarEntry]) {
        let overview = try await overview(of: code, by: user)
        return (overview.scope, AnnualCalendar.ordered(overview.dialogues.flatMap { AnnualCalendar.entries(for: $0, today: today) }))
    }

    /// The calendar of every agency the token's user may read; nil for a wrong or replaced token.
    public func feed(token: String, today: CalendarDate = .today()) async throws -> (user: UserAccount, entries: [CalendarEntry])? {
        guard token.count <= 100 else { return nil }
        return try await storage.read { repositories -> (user: UserAccount, entries: [CalendarEntry])? in
            guard let user = try await repositories.accounts.user(calendarToken: token) else { return nil }
            let agencies = AccessPolicy.readable(try await repositories.governance.organisations(), by: user)
                .filter { $0.kind == .agency || $0.kind == .section }
            let dialogues = try await Self.dialogues(of: agencies, repositories.governance)
            return (user, AnnualCalendar.ordered(dialogues.flatMap { AnnualCalendar.entries(for: $0, today: today) }))
        }
    }

    // MARK: Governance log

    public struct Log: Sendable {
        public var scope: OrganisationScope
        public var period: ClosedRange<CalendarDate>
        public var entries: [GovernanceLogEntry]
        public var limit: NotificationLimit
    }

    /// The log of the period (`GovernanceLog.period`: a missing end is filled in, one that ends
    /// before it begins is refused as `to`).
    public func governanceLog(
        of code: String, from: CalendarDate?, to: CalendarDate?, by user: UserAccount?, today: CalendarDate = .today()
    ) async throws -> Log {
        let limit = limit
        return try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            let period = try ServiceError.rule { try GovernanceLog.period(from: from, to: to, today: today) }
            let entries = try await Self.dialogues(of: scope.agencies, repositories.governance).flatMap {
                GovernanceLog.entries(for: $0, from: period.lowerBound, to: period.upperBound, today: today, limit: limit)
            }
            return Log(scope: scope, period: period, entries: GovernanceLog.ordered(entries), limit: limit)
        }
    }

    static func dialogues(of agencies: [Organisation], _ store: any GovernanceRepository) async throws -> [AgencyDialogue] {
        var dialogues: [AgencyDialogue] = []
        for agency in agencies { dialogues.append(try await store.dialogue(of: agency)) }
        return dialogues
    }
}
