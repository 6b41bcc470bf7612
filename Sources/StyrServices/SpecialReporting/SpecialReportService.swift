import StyrDomain
import StyrReports

/// Chapters 4–5 of an agency's annual report: the tables of HR and HSE, consultant use and
/// environment, written by the agency (`.enterResults`) part by part; read with every figure and
/// finding computed (`SpecialReportFigures`), and with consultant use from the ledger where
/// lines of the consultant arts are imported (`ConsultantUse`).
public struct SpecialReportService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    public struct Chapters: Sendable {
        public var scope: OrganisationScope
        public var year: Int
        /// As entered (empty when nothing is).
        public var report: SpecialReport
        public var data: SpecialChaptersData
        public var findings: [SpecialReportFinding]
        /// The year's written sections (for the chapters' texts).
        public var narratives: [Narrative]
        /// May write (`.enterResults`).
        public var canEdit: Bool
    }

    public func chapters(of code: String, year: Int, by user: UserAccount?) async throws -> Chapters {
        try await storage.read { repositories in
            let scope = try await AccessCheck.agencyScope(.read, on: code, by: user, repositories)
            let year = try AccessCheck.year(year)
            let data = try await Self.data(of: code, year: year, repositories)
            return Chapters(scope: scope, year: year, report: data.report, data: data, findings: data.findings,
                            narratives: try await repositories.governance.narratives(of: code, year: year), canEdit: scope.can(.enterResults))
        }
    }

    /// Replaces one part of the year's chapters 4–5; refusals name the part's domain field
    /// (`SpecialReportRules.applying`).
    @discardableResult
    public func save(_ part: SpecialReportPart, of code: String, year: Int, by user: UserAccount?) async throws -> SpecialReport {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await AccessCheck.agencyScope(.enterResults, on: code, by: user, repositories)
            let year = try AccessCheck.year(year)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            let store = repositories.governance
            let current = try await store.specialReport(of: code, year: year) ?? SpecialReport(organisationCode: code, year: year)
            let changed = try ServiceError.rule { try SpecialReportRules.applying(part, to: current) }
            try await store.save(changed)
            return changed
        }
    }

    /// Replaces the whole of the year's chapters 4–5 (the API's PUT, the year file): every part
    /// through its rule, all refusals together, keyed by the parts' domain fields.
    @discardableResult
    public func replace(with report: SpecialReport, of code: String, year: Int, by user: UserAccount?) async throws -> SpecialReport {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await AccessCheck.agencyScope(.enterResults, on: code, by: user, repositories)
            let year = try AccessCheck.year(year)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            var report = report
            (report.organisationCode, report.year) = (code, year)
            let checked = try ServiceError.rule { try Self.checked(report) }
            try await repositories.governance.save(checked)
            return checked
        }
    }

    /// Stores a whole year's chapters 4–5 through the same rules, inside a caller's unit of work
    /// (the demo's load, the year file's import).
    public static func store(_ report: SpecialReport, within repository: some GovernanceRepository) async throws {
        try await repository.save(try ServiceError.rule { try checked(report) })
    }

    /// `report` through every part's rule; the refusals of all parts together.
    static func checked(_ report: SpecialReport) throws -> SpecialReport {
        var checked = SpecialReport(organisationCode: report.organisationCode, year: report.year)
        var errors = InputErrors()
        for part: SpecialReportPart in [
            .equality(report.equality), .genderPay(report.genderPay), .workforce(report.workforce), .hse(report.hse),
            .sickLeave(report.sickLeave), .consultants(report.consultants), .environment(report.environment),
            .headcountExplanation(report.headcountExplanation),
        ] {
            do {
                checked = try SpecialReportRules.applying(part, to: checked)
            } catch let refused as InputErrors {
                for entry in refused.entries { errors.add(entry.field, entry.message) }
            }
        }
        try errors.check()
        return checked
    }

    /// Everything chapters 4–6 of `code`'s report for `year` are computed from.
    static func data(of code: String, year: Int, _ repositories: Repositories) async throws -> SpecialChaptersData {
        let store = repositories.governance
        let report = try await store.specialReport(of: code, year: year) ?? SpecialReport(organisationCode: code, year: year)
        let staffing = try await store.staffing(of: code)
        let atYearEnd = staffing.first { $0.asOf == CalendarDate(year: year + 1, month: 1, day: 1) }?.headcount
        let consultants = ConsultantUse.choose(
            ledgerYear: try await consultantActuals(of: code, year: year, repositories),
            ledgerPreviousYear: try await consultantActuals(of: code, year: year - 1, repositories), entered: report.consultants)
        return SpecialChaptersData(
            report: report, consultants: consultants, trackedItems: try await store.trackedItems(of: code), staffingAtYearEnd: atYearEnd)
    }

    /// The year's actuals on the consultant arts, or nil when no line of them is imported.
    static func consultantActuals(of code: String, year: Int, _ repositories: Repositories) async throws -> Money? {
        guard BudgetYears.contains(year), !(try await repositories.ledger.imports(of: code, year: year)).isEmpty else { return nil }
        var sum = Money.zero, lines: Int64 = 0
        for art in ConsultantUse.arts {
            for total in try await repositories.ledger.totals(of: code, LedgerFilter(year: year, equals: [.art: art]), by: []) {
                sum = sum + total.amount
                lines += total.lines
            }
        }
        return lines > 0 ? sum : nil
    }
}
