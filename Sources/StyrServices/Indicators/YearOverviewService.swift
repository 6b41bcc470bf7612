import StyrDomain

/// The year at a glance for an organisation (the page's årsoversikt): its indicators with their
/// history, and its chapter's operating accounts against the budget (`AccountsTable`, which says
/// when the year has no budget).
public struct YearOverviewService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    public struct Overview: Sendable {
        public var scope: OrganisationScope
        public var year: Int
        /// Every indicator with all its yearly values (earlier years make the trend).
        public var indicators: [IndicatorWithValues]
        /// The organisation's (first) budget chapter, when it has one.
        public var chapter: Chapter?
        /// The chapter's operating table for the year, when amounts (budget or accounts) are
        /// stored for the year; `hasBudget` tells whether there is a budget to measure against.
        public var operating: AccountsTable?
    }

    public func overview(of code: String, year: Int, by user: UserAccount?) async throws -> Overview {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            let year = try AccessCheck.year(year)
            let store = repositories.governance
            let chapter = try await store.chapters(of: code).first
            var operating: AccountsTable?
            if let chapter {
                let amounts = try await store.budgetAmounts(chapter: chapter.number, years: (year - 1)...year)
                if amounts.contains(where: { $0.year == year }) {
                    operating = AccountsTable.build(
                        chapter: chapter.number, year: year, kind: .operating, amounts: amounts,
                        revisions: try await store.revisions(chapter: chapter.number, year: year))
                }
            }
            return Overview(scope: scope, year: year, indicators: try await store.indicators(of: code), chapter: chapter, operating: operating)
        }
    }
}
