import StyrDomain

/// The risk register of an organisation (an agency, or a department's own): risks with their
/// dated assessments and measures (`RiskRules`), the organisation's scale labels and acceptance
/// level, and the department's roll-up across its agencies. The organisation keeps its register
/// (`.enterResults`: agency editors and leaders; admin); everyone who may read the organisation
/// reads it (the department its agencies', auditors everything). Each write is one unit of work,
/// audited, and a write dated in a closed year is refused (`YearGuard`).
///
/// For the tertial report: `risksAboveAcceptance(in:on:by:)` (or the static form inside a read).
public struct RiskService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    public struct Register: Sendable {
        public var scope: OrganisationScope
        /// Every risk, closed ones included, in the order recorded.
        public var risks: [Risk]
        public var settings: RiskSettings
        /// May record and change risks, measures, assessments and settings (`.enterResults`).
        public var canEdit: Bool

        public func risk(_ id: Int64) -> Risk? { risks.first { $0.id == id } }
        public func open(on date: CalendarDate) -> [Risk] { risks.filter { $0.isOpen(on: date) } }
    }

    /// The register, for anyone who may read the organisation.
    public func register(in code: String, by user: UserAccount?) async throws -> Register {
        try await storage.read { repositories in
            try await Self.register(try await AccessCheck.scope(.read, on: code, by: user, repositories), repositories)
        }
    }

    static func register(_ scope: OrganisationScope, _ repositories: Repositories) async throws -> Register {
        let store = repositories.governance
        return Register(scope: scope, risks: try await store.risks(of: scope.code), settings: try await store.riskSettings(of: scope.code),
                        canEdit: scope.can(.enterResults))
    }

    /// One risk with its register.
    public func risk(_ id: Int64, in code: String, by user: UserAccount?) async throws -> (register: Register, risk: Risk) {
        try await storage.read { repositories in
            let register = try await Self.register(try await AccessCheck.scope(.read, on: code, by: user, repositories), repositories)
            return (register, try Self.find(id, in: register))
        }
    }

    /// The risks of `code` above its acceptance level on `date` (by their residual score), with
    /// the assessment in force then and their measures; highest first. For the tertial report.
    public func risksAboveAcceptance(in code: String, on date: CalendarDate, by user: UserAccount?) async throws -> [RiskAtDate] {
        try await storage.read { repositories in
            _ = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            return try await Self.risksAboveAcceptance(of: code, on: date, repositories)
        }
    }

    /// As above, inside a read the caller has opened and checked access for.
    public static func risksAboveAcceptance(of code: String, on date: CalendarDate, _ repositories: Repositories) async throws -> [RiskAtDate] {
        let store = repositories.governance
        return RiskRules.aboveAcceptance(try await store.risks(of: code), on: date, settings: try await store.riskSettings(of: code))
    }

    /// The department's view: each agency under it that the user may read, with its register.
    public struct RollUp: Sendable {
        public var scope: OrganisationScope
        public var agencies: [Register]
    }

    public func rollUp(in code: String, by user: UserAccount?) async throws -> RollUp {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            var registers: [Register] = []
            for agency in scope.agencies where agency.code != code {
                let agencyScope = try AccessCheck.scope(.read, on: agency.code, by: scope.user, among: scope.organisations)
                registers.append(try await Self.register(agencyScope, repositories))
            }
            return RollUp(scope: scope, agencies: registers)
        }
    }

    // MARK: Writes

    /// Records a new risk with its first assessment. `isExample` marks the demo's example data.
    @discardableResult
    public func record(_ draft: RiskDraft, in code: String, by user: UserAccount?, isExample: Bool = false) async throws -> Risk {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.scope(.enterResults, on: code, by: user, repositories)
            var risk = try ServiceError.rule { try RiskRules.record(draft, organisationCode: code, by: scope.user.email) }
            try await YearGuard.requireOpen(organisationCode: code, year: risk.recordedOn.year, repositories)
            risk.isExample = isExample
            risk.id = try await repositories.governance.save(risk)
            return risk
        }
    }

    /// Changes what the risk is (title, description, cause, consequence, category, owner, links).
    @discardableResult
    /// `version`: the risk's version the form was loaded at (`version(ofRisk:)`); a newer one is a `WriteConflict`.
    public func edit(_ id: Int64, with draft: RiskDraft, in code: String, version: Int? = nil, by user: UserAccount?) async throws -> Risk {
        try await change(id, in: code, by: user, version: version) { risk, _ in try RiskRules.edit(risk, with: draft) }
    }

    /// The risk's version now (optimistic locking, `RecordVersions`): raised by every change of it.
    public func version(ofRisk id: Int64, in code: String, by user: UserAccount?) async throws -> Int {
        try await storage.read { repositories in
            _ = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            return try await RecordVersions.current(RecordVersions.risk(code, id: id), repositories)
        }
    }

    /// Adds a dated assessment (before and after measures); the year of its date must be open.
    @discardableResult
    public func assess(_ id: Int64, _ draft: AssessmentDraft, in code: String, by user: UserAccount?) async throws -> Risk {
        try await change(id, in: code, by: user, year: draft.date?.year) { risk, email in try RiskRules.assess(risk, draft, by: email) }
    }

    /// Adds a measure (`number` nil) or changes one.
    @discardableResult
    public func saveMeasure(_ id: Int64, number: Int?, _ draft: MeasureDraft, in code: String, by user: UserAccount?) async throws -> Risk {
        try await change(id, in: code, by: user) { risk, _ in try RiskRules.measure(risk, number: number, draft) }
    }

    /// Takes the risk out of the register on `date`, or back in (`nil`).
    @discardableResult
    public func close(_ id: Int64, on date: CalendarDate?, in code: String, by user: UserAccount?) async throws -> Risk {
        try await change(id, in: code, by: user, year: date?.year) { risk, _ in try RiskRules.close(risk, on: date) }
    }

    /// The organisation's scale labels and acceptance level.
    @discardableResult
    public func saveSettings(
        likelihoodLabels: [String], consequenceLabels: [String], acceptanceLevel: Int?, in code: String, by user: UserAccount?
    ) async throws -> RiskSettings {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await AccessCheck.scope(.enterResults, on: code, by: user, repositories)
            let settings = try ServiceError.rule {
                try RiskSettings.validated(likelihoodLabels: likelihoodLabels, consequenceLabels: consequenceLabels, acceptanceLevel: acceptanceLevel)
            }
            try await repositories.governance.save(settings, of: code)
            return settings
        }
    }

    func change(
        _ id: Int64, in code: String, by user: UserAccount?, year: Int? = nil, version: Int? = nil,
        _ rule: @Sendable @escaping (Risk, String) throws -> Risk
    ) async throws -> Risk {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.scope(.enterResults, on: code, by: user, repositories)
            let existing = try Self.find(id, in: try await Self.register(scope, repositories))
            try await RecordVersions.advance(RecordVersions.risk(code, id: id), from: version, repositories)
            let changed = try ServiceError.rule { try rule(existing, scope.user.email) }
            if let year { try await YearGuard.requireOpen(organisationCode: code, year: year, repositories) }
            try await repositories.governance.save(changed)
            return changed
        }
    }

    static func find(_ id: Int64, in register: Register) throws -> Risk {
        guard let risk = register.risk(id) else {
            throw ServiceError.notFound("\(register.scope.organisation.name) har ingen risiko nr. \(id) i risikoregisteret.")
        }
        return risk
    }
}
