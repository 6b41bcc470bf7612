import Foundation
import StyrDomain
import StyrReports

/// The tertial (or monthly) report of an agency: built from stored data for the period, with the
/// agency's written sections and the report's place in the workflow (`ReportWorkflowService`).
public struct TertialReportService: Sendable {
    let storage: any Storage
    let defaultThreshold: ForecastThreshold

    public init(storage: any Storage, defaultThreshold: ForecastThreshold = .standard) {
        self.storage = storage
        self.defaultThreshold = defaultThreshold
    }

    /// The report as it stands now (live data and the saved texts), its workflow, and the
    /// periods the year's letter asks reports for.
    public struct View: Sendable {
        public var report: TertialReport
        public var status: ReportWorkflowService.Status
        public var periods: [ReportPeriod]
    }

    public func report(in code: String, year: Int, period: String, by user: UserAccount?) async throws -> View {
        let key = try ReportWorkflowService.key(code, year: year, kind: .tertial, period: period)
        guard let parsed = ReportPeriod(code: key.period) else { throw ServiceError.badRequest(ReportPeriod.unknownCodeMessage(period)) }
        return try await storage.read { repositories in
            let scope = try await AccessCheck.agencyScope(.read, on: code, by: user, repositories)
            let status = try await ReportWorkflowService.status(key, scope: scope, repositories)
            let report = try await Self.build(
                repositories, organisation: scope.organisation, year: year, period: parsed, texts: status.workflow.texts,
                defaultThreshold: defaultThreshold)
            let requirements = try await repositories.governance.letters(of: code).filter { $0.year == year && $0.number == 0 }
                .flatMap(\.content.reportingRequirements)
            return View(report: report, status: status, periods: ReportPeriod.named(in: requirements))
        }
    }

    /// A frozen version's tertial report (the model stored at submission).
    public static func frozenReport(_ version: ReportVersion) throws -> TertialReport {
        guard version.key.kind == .tertial, let model = version.snapshot.model else {
            throw ServiceError.notFound("Versjon \(version.number) er ingen tertialrapport.")
        }
        let decoder = JSONDecoder()
        return try decoder.decode(TertialReport.self, from: Data(model.utf8))
    }

    /// The frozen snapshot of a tertial report: its Markdown's sections and the model's JSON.
    static func snapshot(_ report: TertialReport) throws -> ReportSnapshot {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let markdown = TertialReportMarkdown.render(report)
        return ReportSnapshot(
            title: report.title, sections: ReportSnapshot.sections(ofMarkdown: markdown), markdown: markdown,
            model: String(decoding: try encoder.encode(report), as: UTF8.self))
    }

    /// Builds the report from stored input only, in the caller's unit of work.
    static func build(
        _ repositories: Repositories, organisation: Organisation, year: Int, period: ReportPeriod, texts: [ReportText],
        defaultThreshold: ForecastThreshold
    ) async throws -> TertialReport {
        let store = repositories.governance, code = organisation.code
        var accounting: AccountingReport?
        var accountingNote: String?
        do {
            let setup = try await BudgetSetup.load(repositories, code: code, year: year, defaultThreshold: defaultThreshold)
            if setup.chapters.isEmpty {
                accountingNote = "Etaten har ikke noe budsjettkapittel, så regnskapsrapporten kan ikke lages."
            } else {
                accounting = try await AccountingReportService.build(repositories, code: code, year: year, period: period.accountingPeriod, setup: setup)
            }
        } catch ServiceError.invalid(let errors) {
            accountingNote = "Regnskapsrapporten kan ikke lages: \(errors.entries.map(\.message).joined(separator: " "))"
        }
        return TertialReport(TertialReportInput(
            organisation: organisation, year: year, period: period, goalAreas: try await store.goalAreas(of: code, year: year),
            indicators: try await store.indicators(of: code), periodResults: try await store.indicatorPeriodResults(of: code, year: year),
            letters: try await store.letters(of: code), assignmentUpdates: try await store.assignmentUpdates(of: code),
            accounting: accounting, accountingNote: accountingNote,
            risks: try await riskPart(repositories, code: code, end: period.endDate(year: year)),
            notices: try await store.notices(of: code), texts: texts))
    }
}
