import Foundation
import StyrDomain

/// The internal control plan of an organisation per year (`InternalControlRules`): what is
/// controlled, against which requirement, how often and by whom; each execution with its result
/// and evidence files; deviations followed to closure; the information-security view by Annex A
/// theme; the serious incidents the agency reported that year. The organisation keeps its plan
/// (`.enterResults`); the department reads each agency's plan and status; auditors read.
public struct InternalControlService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    public struct Plan: Sendable {
        public var scope: OrganisationScope
        public var year: Int
        public var activities: [ControlActivity]
        public var isoControls: [ISOControl]
        /// The organisation's risks, for requirements that name one.
        public var risks: [Risk]
        /// Serious incidents the agency notified in the year (sent notices).
        public var incidents: [InformationNotice]
        public var canEdit: Bool
        /// The date statuses are computed for: today within the year, else the year's end.
        public var asOf: CalendarDate

        public func status(_ activity: ControlActivity) -> ControlStatus { InternalControlRules.status(activity, on: asOf) }
        public func activity(_ id: Int64) -> ControlActivity? { activities.first { $0.id == id } }
        public func isoControl(_ id: String) -> ISOControl? { isoControls.first { $0.id == id } }
    }

    public func plan(in code: String, year: Int, by user: UserAccount?, today: CalendarDate = .today()) async throws -> Plan {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            return try await Self.plan(scope, year: try AccessCheck.year(year), today: today, repositories)
        }
    }

    static func plan(_ scope: OrganisationScope, year: Int, today: CalendarDate, _ repositories: Repositories) async throws -> Plan {
        let store = repositories.governance
        let incidents = try await store.notices(of: scope.code).filter { notice in
            guard notice.kind == .incidentNotification, notice.status != .draft, let timing = notice.incidentTiming else { return false }
            return CalendarDate(timing.occurredAt).year == year
        }
        let asOf = today.year == year ? today : today.year < year ? CalendarDate(year: year, month: 1, day: 1) : CalendarDate(year: year, month: 12, day: 31)
        return Plan(
            scope: scope, year: year, activities: try await store.controlActivities(of: scope.code, year: year), isoControls: try await store.isoControls(),
            risks: try await store.risks(of: scope.code), incidents: incidents, canEdit: scope.can(.enterResults), asOf: asOf)
    }

    /// One control with its plan.
    public func activity(_ id: Int64, in code: String, year: Int, by user: UserAccount?) async throws -> (plan: Plan, activity: ControlActivity) {
        let plan = try await plan(in: code, year: year, by: user)
        return (plan, try Self.find(id, in: plan))
    }

    /// The department's view: each agency under it that the user may read, with its plan.
    public func overview(in code: String, year: Int, by user: UserAccount?, today: CalendarDate = .today()) async throws -> (scope: OrganisationScope, plans: [Plan]) {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            let year = try AccessCheck.year(year)
            var plans: [Plan] = []
            for agency in scope.agencies where agency.code != code {
                plans.append(try await Self.plan(
                    try AccessCheck.scope(.read, on: agency.code, by: scope.user, among: scope.organisations), year: year, today: today, repositories))
            }
            return (scope, plans)
        }
    }

    /// An evidence file of a control, for whoever may read the plan.
    public func evidence(_ evidenceID: Int64, ofActivity id: Int64, in code: String, year: Int, by user: UserAccount?) async throws -> (reference: EvidenceReference, bytes: [UInt8]) {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            guard try await repositories.governance.controlActivities(of: scope.code, year: year).contains(where: { $0.id == id }),
                  let found = try await repositories.governance.evidence(id: evidenceID, ofActivity: id) else {
                throw ServiceError.notFound("Fant ikke dokumentasjon nr. \(evidenceID) for kontroll nr. \(id) hos \(scope.organisation.name) i \(year).")
            }
            return found
        }
    }

    // MARK: Writes

    @discardableResult
    public func addControl(_ draft: ControlDraft, in code: String, year: Int, by user: UserAccount?, isExample: Bool = false) async throws -> ControlActivity {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.scope(.enterResults, on: code, by: user, repositories)
            let year = try AccessCheck.year(year)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            let store = repositories.governance
            let riskIDs = Set(try await store.risks(of: scope.code).compactMap(\.id))
            let controls = try await store.isoControls()
            var activity = try ServiceError.rule {
                try InternalControlRules.control(draft, organisationCode: code, year: year, existing: nil, isoControls: controls, riskIDs: riskIDs)
            }
            activity.isExample = isExample
            activity.id = try await store.save(activity)
            return activity
        }
    }

    @discardableResult
    public func editControl(_ id: Int64, with draft: ControlDraft, in code: String, year: Int, by user: UserAccount?) async throws -> ControlActivity {
        try await change(id, in: code, year: year, by: user) { activity, _, store in
            let riskIDs = Set(try await store.risks(of: code).compactMap(\.id))
            let controls = try await store.isoControls()
            return try ServiceError.rule {
                try InternalControlRules.control(draft, organisationCode: code, year: year, existing: activity, isoControls: controls, riskIDs: riskIDs)
            }
        }
    }

    /// Records one execution (its result, and a deviation with its measure).
    @discardableResult
    public func recordExecution(_ id: Int64, _ draft: ExecutionDraft, in code: String, year: Int, by user: UserAccount?) async throws -> ControlActivity {
        try await change(id, in: code, year: year, by: user) { activity, email, _ in
            try ServiceError.rule { try InternalControlRules.execute(activity, draft, by: email) }
        }
    }

    /// Closes the deviation an execution found.
    @discardableResult
    public func closeDeviation(
        _ id: Int64, execution number: Int, on date: CalendarDate?, note: String, in code: String, year: Int, by user: UserAccount?
    ) async throws -> ControlActivity {
        try await change(id, in: code, year: year, by: user) { activity, email, _ in
            try ServiceError.rule { try InternalControlRules.closeDeviation(activity, execution: number, on: date, note: note, by: email) }
        }
    }

    /// Stores an evidence file with an execution: size and type checked (`EvidenceRules`) before anything is written.
    @discardableResult
    public func addEvidence(
        _ id: Int64, execution number: Int, filename: String, bytes: [UInt8], in code: String, year: Int, by user: UserAccount?
    ) async throws -> EvidenceReference {
        let checked = try ServiceError.rule { try EvidenceRules.check(filename: filename, bytes: bytes) }
        return try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.scope(.enterResults, on: code, by: user, repositories)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            let store = repositories.governance
            var activity = try Self.find(id, in: try await Self.plan(scope, year: year, today: .today(), repositories))
            guard let index = activity.executions.firstIndex(where: { $0.number == number }) else {
                throw ServiceError.invalid(.single("execution", "Kontrollen har ingen gjennomføring nr. \(number)."))
            }
            let reference = try await store.addEvidence(filename: checked.filename, contentType: checked.contentType, bytes: bytes, toActivity: id)
            activity.executions[index].evidence.append(reference)
            try await store.save(activity)
            return reference
        }
    }

    func change(
        _ id: Int64, in code: String, year: Int, by user: UserAccount?,
        _ rule: @Sendable @escaping (ControlActivity, String, any GovernanceRepository) async throws -> ControlActivity
    ) async throws -> ControlActivity {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.scope(.enterResults, on: code, by: user, repositories)
            let year = try AccessCheck.year(year)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            let existing = try Self.find(id, in: try await Self.plan(scope, year: year, today: .today(), repositories))
            let changed = try await rule(existing, scope.user.email, repositories.governance)
            try await repositories.governance.save(changed)
            return changed
        }
    }

    static func find(_ id: Int64, in plan: Plan) throws -> ControlActivity {
        guard let activity = plan.activity(id) else {
            throw ServiceError.notFound("\(plan.scope.organisation.name) har ingen kontroll nr. \(id) i internkontrollplanen for \(plan.year).")
        }
        return activity
    }
}
