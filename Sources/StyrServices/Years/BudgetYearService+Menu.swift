import StyrDomain

extension BudgetYearService {
    /// What the main menu of the pages needs for an organisation: its name and kind, the years
    /// to choose from, and the year it opens on.
    public struct Menu: Sendable {
        public var scope: OrganisationScope
        /// Years that hold data or have a stored status, newest first.
        public var years: [Int]
        /// The year pages open on when none is chosen (`latestYearWithData`).
        public var defaultYear: Int
    }

    /// The menu of the organisation for the user. Access: read.
    public func menu(in code: String, by user: UserAccount?, today: CalendarDate = .today()) async throws -> Menu {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            let data = try await Self.yearsWithData(code, repositories, around: today.year)
            let stored = try await repositories.governance.budgetYears(of: code).map(\.year)
            return Menu(scope: scope, years: data.union(stored).sorted(by: >), defaultYear: Self.latest(of: data, today: today))
        }
    }
}
