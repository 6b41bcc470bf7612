import Foundation
import StyrDomain

/// An organisation's budget years and their cycle: planned, in progress, closed. A closed year is
/// read-only (`YearGuard`); an administrator may reopen it with a reason, which is audited.
/// "Start year N+1 from year N" copies the structure of N, never its figures. Pages, API and
/// command line call these.
public struct BudgetYearService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// One year of an organisation: its status, and what it holds.
    public struct Entry: Sendable, Hashable {
        public var year: Int
        /// As stored, or in progress (`BudgetYear.unset`) when no status is stored.
        public var budgetYear: BudgetYear
        /// Anything stored for the year: budget or accounts, ledger imports, goals, indicator
        /// values, letters, meetings, annual report texts.
        public var holdsData: Bool
        /// Goal areas, indicator values or an allocation letter: what "start next year" creates.
        public var holdsStructure: Bool

        public var status: BudgetYearStatus { budgetYear.status }
    }

    /// The organisation's years, newest first, and what the user may do with them.
    public struct Listing: Sendable {
        public var scope: OrganisationScope
        public var years: [Entry]
        /// Administrators and the department that steers the agency close years and start the next.
        public var canClose: Bool
        /// Only administrators reopen a closed year.
        public var canReopen: Bool
        /// The year pages open on (`latestYearWithData`).
        public var defaultYear: Int
    }

    /// The organisation's years: every year that holds data or has a stored status, and the
    /// current year. Access: read.
    public func list(in code: String, by user: UserAccount?, today: CalendarDate = .today()) async throws -> Listing {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            return try await Self.listing(scope, repositories, today: today)
        }
    }

    static func listing(_ scope: OrganisationScope, _ repositories: Repositories, today: CalendarDate) async throws -> Listing {
        let code = scope.code
        let store = repositories.governance
        let stored = try await store.budgetYears(of: code)
        let data = try await Self.yearsWithData(code, repositories, around: today.year)
        let structure = try await Self.yearsWithStructure(code, store, among: data)
        let years = Set(stored.map(\.year)).union(data).union([today.year]).sorted(by: >)
        let entries = years.map { year in
            Entry(year: year, budgetYear: stored.first { $0.year == year } ?? .unset(code, year), holdsData: data.contains(year),
                  holdsStructure: structure.contains(year))
        }
        return Listing(scope: scope, years: entries, canClose: scope.can(.administer) || scope.can(.steer), canReopen: scope.can(.administer),
                       defaultYear: Self.latest(of: data, today: today))
    }

    // MARK: The year pages open on

    /// THE year a page opens on when none is asked for ("the current year"): the current year
    /// when it holds data, else the latest earlier year with data, else the earliest later one,
    /// else the current year. So the calendar and the accounts open where the data are.
    public func latestYearWithData(in code: String, by user: UserAccount?, today: CalendarDate = .today()) async throws -> Int {
        try await storage.read { repositories in
            _ = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            return Self.latest(of: try await Self.yearsWithData(code, repositories, around: today.year), today: today)
        }
    }

    static func latest(of years: Set<Int>, today: CalendarDate) -> Int {
        if years.contains(today.year) { return today.year }
        return years.filter { $0 < today.year }.max() ?? years.min() ?? today.year
    }

    /// The years of which anything is stored for the organisation (or, for a department or the
    /// municipality, for the organisations under it): budget amounts of its chapters, indicator
    /// values, letters, meetings; and of the organisation itself goal areas, annual report texts
    /// and ledger imports (looked for in those years, from five years back to next year, and the
    /// years with a stored status).
    static func yearsWithData(_ code: String, _ repositories: Repositories, around currentYear: Int) async throws -> Set<Int> {
        let store = repositories.governance
        let organisations = try await store.organisationFamily(of: [code])
        let tree = OrganisationTree(organisations)
        let codes = organisations.map(\.code).filter { tree.isInSubtree($0, of: code) }
        var years = Set<Int>()
        for member in codes {
            for chapter in try await store.chapters(of: member) {
                years.formUnion(try await store.budgetAmounts(chapter: chapter.number, years: BudgetYears.supported).map(\.year))
            }
            for entry in try await store.indicators(of: member) { years.formUnion(entry.values.map(\.year)) }
            years.formUnion(try await store.letters(of: member).map(\.year))
            years.formUnion(try await store.meetings(of: member).map(\.date.year))
            // Goal areas, texts and ledger imports are found per year: looked for on the
            // organisation itself only, in the years found so far and around the current year.
            guard member == code else { continue }
            let candidates = years.union((currentYear - 5)...(currentYear + 1)).union(try await repositories.governance.budgetYears(of: code).map(\.year))
            for year in candidates.sorted() {
                if years.contains(year) { continue }
                let goalAreas = try await store.goalAreas(of: member, year: year)
                let narratives = try await store.narratives(of: member, year: year)
                let imports = try await repositories.ledger.imports(of: member, year: year)
                if !goalAreas.isEmpty || !narratives.isEmpty || !imports.isEmpty { years.insert(year) }
            }
        }
        return years.filter(BudgetYears.contains)
    }

    /// Of `years`, those with goal areas, indicator values or an allocation letter.
    static func yearsWithStructure(_ code: String, _ store: any GovernanceRepository, among years: Set<Int>) async throws -> Set<Int> {
        var structure = Set<Int>()
        let indicators = try await store.indicators(of: code), letters = try await store.letters(of: code)
        for year in years {
            let goalAreas = try await store.goalAreas(of: code, year: year)
            if indicators.contains(where: { $0.value(in: year) != nil }) || letters.contains(where: { $0.year == year && $0.number == 0 })
                || !goalAreas.isEmpty {
                structure.insert(year)
            }
        }
        return structure
    }

    // MARK: Status

    /// Sets the year planned or in progress (`status`), or closes it. Access: an administrator,
    /// or the department that steers the agency. A closed year is refused (`status`): only
    /// `reopen` opens it. Audited.
    public func setStatus(_ status: BudgetYearStatus, in code: String, year: Int, by user: UserAccount?, now: Date = Date()) async throws -> BudgetYear {
        let year = try AccessCheck.year(year)
        return try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await Self.closingScope(code, user, repositories)
            let current = try await repositories.governance.budgetYear(of: code, year: year)
            let changed = try ServiceError.rule { try BudgetYearRules.set(current, to: status, by: scope.user.email, at: Self.second(now)) }
            try await repositories.governance.save(changed)
            return changed
        }
    }

    /// Closes the year: from then on it is read-only (`YearGuard`). As `setStatus(.closed…)`.
    public func close(in code: String, year: Int, by user: UserAccount?, now: Date = Date()) async throws -> BudgetYear {
        try await setStatus(.closed, in: code, year: year, by: user, now: now)
    }

    /// Reopens a closed year (in progress again) with the reason, which is required (field
    /// `reopenReason`) and audited with the change. Access: administrators only.
    public func reopen(in code: String, year: Int, reason: String, by user: UserAccount?, now: Date = Date()) async throws -> BudgetYear {
        let year = try AccessCheck.year(year)
        return try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.scope(.administer, on: code, by: user, repositories)
            let current = try await repositories.governance.budgetYear(of: code, year: year)
            let reopened = try ServiceError.rule { try BudgetYearRules.reopen(current, reason: reason, by: scope.user.email, at: Self.second(now)) }
            try await repositories.governance.save(reopened)
            return reopened
        }
    }

    /// Administrators, and department steerers on the agencies they steer.
    static func closingScope(_ code: String, _ user: UserAccount?, _ repositories: Repositories) async throws -> OrganisationScope {
        let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
        guard scope.can(.administer) || scope.can(.steer) else { throw ServiceError.forbidden(organisationCode: code) }
        return scope
    }

    /// Stored times are kept to the second.
    static func second(_ date: Date) -> Date { Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)) }
}
