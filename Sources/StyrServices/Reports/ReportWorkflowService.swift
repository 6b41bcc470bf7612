import Foundation
import StyrDomain
import StyrReports

// Public signatures (pages, API, CLI and the annual documents call these):
//
//   ReportWorkflowService.key(_ code: String, year: Int, kind: ReportKind, period: String) throws -> ReportKey
//   status(_ key: ReportKey, by: UserAccount?) async throws -> ReportWorkflowService.Status
//   step(_ action: ReportAction, _ key: ReportKey, comment: String? = nil, by: UserAccount?, at: Date = Date()) async throws -> ReportWorkflow
//   submit / returnForChanges(comment:) / approve(comment:) / publish   (each = step(…))
//   saveTexts(_ texts: [ReportText], for key: ReportKey, by: UserAccount?) async throws -> ReportWorkflow
//   version(_ key: ReportKey, number: Int? = nil, by: UserAccount?) async throws -> ReportVersion   (nil: the latest)
//   diff(_ key: ReportKey, by: UserAccount?) async throws -> ReportDiff?   (the resubmission against the version returned)
//   published() async throws -> [ReportWorkflowService.Published]          (no login: for /offentlig)
//   publishedVersion(_ key: ReportKey) async throws -> ReportVersion      (no login; not found unless published)
//
// A published frozen tertial report: `TertialReportService.frozenReport(_ version:)` decodes its `TertialReport`.

/// The one workflow of every report (tertial, annual, accounting): the agency's leader submits
/// (a frozen snapshot is stored), the steering department returns with comments or approves,
/// then publishes. Every step is audited (the workflow's save) with who and when.
public struct ReportWorkflowService: Sendable {
    let storage: any Storage
    let defaultThreshold: ForecastThreshold

    public init(storage: any Storage, defaultThreshold: ForecastThreshold = .standard) {
        self.storage = storage
        self.defaultThreshold = defaultThreshold
    }

    /// A report's workflow as a person sees it: the state, the steps, the versions, what the
    /// person may do now and whether the texts may still be changed.
    public struct Status: Sendable {
        public var scope: OrganisationScope
        public var workflow: ReportWorkflow
        public var versions: [ReportVersion]
        public var actions: [ReportAction]
        public var canEditTexts: Bool
        /// The resubmission against the version the department returned, when there is one.
        public var diff: ReportDiff?
    }

    /// A published report, for the public list.
    public struct Published: Sendable {
        public var key: ReportKey
        public var organisationName: String
        public var publishedAt: Date?
        public var version: Int
    }

    /// The key of a report, its period checked for the kind (a bad request otherwise).
    public static func key(_ code: String, year: Int, kind: ReportKind, period: String) throws -> ReportKey {
        _ = try AccessCheck.year(year)
        switch kind {
        case .tertial:
            guard let parsed = ReportPeriod(code: period) else { throw ServiceError.badRequest(ReportPeriod.unknownCodeMessage(period)) }
            return ReportKey(organisationCode: code, year: year, kind: kind, period: parsed.code)
        case .accounting:
            guard let parsed = AccountingPeriod(code: period) else { throw ServiceError.badRequest(AccountingPeriod.unknownCodeMessage(period)) }
            return ReportKey(organisationCode: code, year: year, kind: kind, period: parsed.code)
        case .annual:
            return ReportKey.annual(code, year: year)
        }
    }

    public func status(_ key: ReportKey, by user: UserAccount?) async throws -> Status {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: key.organisationCode, by: user, repositories)
            return try await Self.status(key, scope: scope, repositories)
        }
    }

    static func status(_ key: ReportKey, scope: OrganisationScope, _ repositories: Repositories) async throws -> Status {
        let workflow = try await repositories.governance.reportWorkflow(key) ?? ReportWorkflow(key: key)
        let versions = try await repositories.governance.reportVersions(key)
        let canEdit = ReportWorkflowRules.isEditable(workflow.state) && scope.can(.enterResults)
        return Status(
            scope: scope, workflow: workflow, versions: versions,
            actions: ReportWorkflowRules.availableActions(workflow, for: scope.user, in: scope.tree), canEditTexts: canEdit,
            diff: diff(workflow, versions))
    }

    static func diff(_ workflow: ReportWorkflow, _ versions: [ReportVersion]) -> ReportDiff? {
        guard let returned = workflow.returnedVersionBeforeLatest, let old = versions.first(where: { $0.number == returned }),
              let new = versions.last, new.number > returned else { return nil }
        return ReportDiff.between(old, new)
    }

    /// Takes a step of the workflow. A submission freezes the report as it stands now (its data
    /// and texts) as a new version; the department acts on that frozen version.
    @discardableResult
    public func step(_ action: ReportAction, _ key: ReportKey, comment: String? = nil, by user: UserAccount?, at time: Date = Date()) async throws -> ReportWorkflow {
        try await storage.write(as: user?.email ?? "") { repositories in
            try await Self.step(action, key, comment: comment, by: user, at: time, defaultThreshold: defaultThreshold, repositories)
        }
    }

    /// The step inside a caller's unit of work (the accounting report's submission uses it).
    static func step(
        _ action: ReportAction, _ key: ReportKey, comment: String?, by user: UserAccount?, at time: Date, defaultThreshold: ForecastThreshold,
        _ repositories: Repositories
    ) async throws -> ReportWorkflow {
        let scope = try await AccessCheck.scope(.read, on: key.organisationCode, by: user, repositories)
        try await YearGuard.requireOpen(organisationCode: key.organisationCode, year: key.year, repositories)
        let current = try await repositories.governance.reportWorkflow(key) ?? ReportWorkflow(key: key)
        let next = try refusals(key.organisationCode) {
            try ReportWorkflowRules.apply(action, to: current, by: scope.user, in: scope.tree, at: time, comment: comment)
        }
        // A closed organisation takes no steps (its reports stay readable).
        _ = try await AccessCheck.scope(action == .submit ? .approveReports : .steer, on: key.organisationCode, by: user, repositories)
        try await repositories.governance.save(next)
        if action == .submit {
            // Styr's own tables run the same definitions as published ones before they may be sent.
            if key.kind == .annual { try await TableCheckService.requireConsistentAnnualReport(of: scope, year: key.year, repositories) }
            let snapshot = try await ReportSnapshots.snapshot(key, texts: current.texts, scope: scope, defaultThreshold: defaultThreshold, repositories)
            try await repositories.governance.add(ReportVersion(
                key: key, number: next.versionCount, submittedBy: scope.user.email, submittedAt: time, snapshot: snapshot))
        }
        return next
    }

    @discardableResult
    public func submit(_ key: ReportKey, by user: UserAccount?, at time: Date = Date()) async throws -> ReportWorkflow {
        try await step(.submit, key, by: user, at: time)
    }

    @discardableResult
    public func returnForChanges(_ key: ReportKey, comment: String, by user: UserAccount?, at time: Date = Date()) async throws -> ReportWorkflow {
        try await step(.returnForChanges, key, comment: comment, by: user, at: time)
    }

    @discardableResult
    public func approve(_ key: ReportKey, comment: String? = nil, by user: UserAccount?, at time: Date = Date()) async throws -> ReportWorkflow {
        try await step(.approve, key, comment: comment, by: user, at: time)
    }

    @discardableResult
    public func publish(_ key: ReportKey, by user: UserAccount?, at time: Date = Date()) async throws -> ReportWorkflow {
        try await step(.publish, key, by: user, at: time)
    }

    /// Saves the agency's written sections (keyed by heading); refused once submitted, until returned.
    @discardableResult
    public func saveTexts(_ texts: [ReportText], for key: ReportKey, by user: UserAccount?) async throws -> ReportWorkflow {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.scope(.enterResults, on: key.organisationCode, by: user, repositories)
            try await YearGuard.requireOpen(organisationCode: key.organisationCode, year: key.year, repositories)
            var errors = InputErrors()
            for text in texts where text.body.count > ReportWorkflowRules.maximumTextLength {
                errors.add(text.key, "Teksten kan ha høyst \(ReportWorkflowRules.maximumTextLength) tegn.")
            }
            guard errors.isEmpty else { throw ServiceError.invalid(errors) }
            let current = try await repositories.governance.reportWorkflow(key) ?? ReportWorkflow(key: key)
            let next = try Self.refusals(key.organisationCode) { try ReportWorkflowRules.editTexts(texts, of: current, by: scope.user, in: scope.tree) }
            try await repositories.governance.save(next)
            return next
        }
    }

    /// A frozen version (the latest when `number` is nil), for anyone who may read the organisation.
    public func version(_ key: ReportKey, number: Int? = nil, by user: UserAccount?) async throws -> ReportVersion {
        try await storage.read { repositories in
            _ = try await AccessCheck.scope(.read, on: key.organisationCode, by: user, repositories)
            let versions = try await repositories.governance.reportVersions(key)
            guard let version = number.map({ number in versions.first { $0.number == number } }) ?? versions.last else {
                throw ServiceError.notFound(number.map { "Fant ikke versjon \($0) av \(key.title) for «\(key.organisationCode)»." }
                    ?? "\(key.title) for «\(key.organisationCode)» er ikke sendt inn.")
            }
            return version
        }
    }

    /// The resubmission against the version the department returned, when there is one.
    public func diff(_ key: ReportKey, by user: UserAccount?) async throws -> ReportDiff? {
        try await status(key, by: user).diff
    }

    /// Every published report (public: no login), newest year first.
    public func published() async throws -> [Published] {
        try await storage.read { repositories in
            let organisations = try await repositories.governance.organisations()
            return try await repositories.governance.publishedReportWorkflows().map { workflow in
                Published(
                    key: workflow.key, organisationName: organisations.first { $0.code == workflow.key.organisationCode }?.name ?? workflow.key.organisationCode,
                    publishedAt: workflow.lastStep(.publish)?.at, version: workflow.versionCount)
            }
        }
    }

    /// The frozen version of a published report (public: no login); not found unless published.
    public func publishedVersion(_ key: ReportKey) async throws -> ReportVersion {
        try await storage.read { repositories in
            guard try await repositories.governance.organisation(code: key.organisationCode) != nil else {
                throw ServiceError.unknownOrganisation(code: key.organisationCode)
            }
            guard let workflow = try await repositories.governance.reportWorkflow(key), workflow.state == .published,
                  let version = try await repositories.governance.reportVersions(key).last(where: { $0.number == workflow.versionCount }) else {
                throw ServiceError.notFound("\(key.title) for «\(key.organisationCode)» er ikke publisert.")
            }
            return version
        }
    }

    /// The workflow's refusals as service errors: a role that may not take the step is forbidden;
    /// a state or a missing comment is invalid input (fields `state`, `comment`).
    static func refusals<T>(_ code: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ReportWorkflowRefusal {
            switch error {
            case .notPermitted: throw ServiceError.forbidden(organisationCode: code)
            case .wrongState(let message): throw ServiceError.invalid(.single("state", message))
            case .missingComment(let message): throw ServiceError.invalid(.single("comment", message))
            }
        }
    }
}
