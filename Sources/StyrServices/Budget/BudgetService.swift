import StyrDomain
import StyrReports

/// The budget and accounts of an agency's chapter for a year: the revisions with their
/// references, and the computed operating, investment and project tables (`AccountsTable`,
/// `RevisionRules`, `InvestmentProjectTable`). Read by the budget page and the API.
public struct BudgetService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// The budget page: the chapter's figures as the annual report computes them, with the
    /// imported actuals behind the regnskap columns.
    public struct Overview: Sendable {
        public var scope: OrganisationScope
        public var data: AnnualReportData
        public var report: AnnualReport
        public var imported: ImportedActuals
        /// Whether the chapter has a budget for the year (`AccountsTable.hasBudget`); without one
        /// the tables show only the accounts, and no avvik.
        public var hasBudget: Bool
    }

    public func overview(of code: String, year: Int, by user: UserAccount?) async throws -> Overview {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            let year = try AccessCheck.year(year)
            let data = try await AnnualReportService.data(of: scope, year: year, repositories)
            let table = AccountsTable.build(chapter: data.chapter.number, year: year, kind: .operating, amounts: data.amounts, revisions: data.revisions)
            return Overview(scope: scope, data: data, report: AnnualReport(data),
                            imported: try await ImportedActuals.read(of: scope, chapter: data.chapter, years: [year, year - 1], repositories),
                            hasBudget: table.hasBudget)
        }
    }

    /// The operating or investment table of the organisation's chapter.
    public func accounts(of code: String, year: Int, kind: AccountKind, by user: UserAccount?) async throws -> AccountsTable {
        try await storage.read { repositories in
            let (_, chapter) = try await Self.chapter(of: code, year: year, by: user, repositories)
            let store = repositories.governance
            return AccountsTable.build(
                chapter: chapter.number, year: year, kind: kind,
                amounts: try await store.budgetAmounts(chapter: chapter.number, years: (year - 1)...year),
                revisions: try await store.revisions(chapter: chapter.number, year: year))
        }
    }

    /// The budget revisions of the organisation's chapter for the year, in stored order.
    public func revisions(of code: String, year: Int, by user: UserAccount?) async throws -> (chapter: Chapter, revisions: [BudgetRevision]) {
        try await storage.read { repositories in
            let (_, chapter) = try await Self.chapter(of: code, year: year, by: user, repositories)
            return (chapter, try await repositories.governance.revisions(chapter: chapter.number, year: year))
        }
    }

    /// The investment projects of the organisation's chapter for the year, with their sums.
    public func investmentProjects(of code: String, year: Int, by user: UserAccount?) async throws -> (chapter: Chapter, table: InvestmentProjectTable) {
        try await storage.read { repositories in
            let (_, chapter) = try await Self.chapter(of: code, year: year, by: user, repositories)
            return (chapter, InvestmentProjectTable(projects: try await repositories.governance.investmentProjects(chapter: chapter.number, year: year)))
        }
    }

    /// The organisation, for a page that says it has no budget figures yet.
    public func organisation(_ code: String, by user: UserAccount?) async throws -> Organisation {
        try await storage.read { repositories in try await AccessCheck.scope(.read, on: code, by: user, repositories).organisation }
    }

    /// The access check, the year, and the organisation's (first) chapter.
    static func chapter(of code: String, year: Int, by user: UserAccount?, _ repositories: Repositories) async throws -> (OrganisationScope, Chapter) {
        let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
        _ = try AccessCheck.year(year)
        guard let chapter = try await repositories.governance.chapters(of: code).first else {
            throw ServiceError.notFound(ReportError.noChapter(scope.organisation.name).description)
        }
        return (scope, chapter)
    }
}
