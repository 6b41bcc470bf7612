/// The stored statuses of organisations' budget years (planned, in progress, closed).
public protocol BudgetYearRepository: Sendable {
    /// The years of the organisation that have a stored status, oldest first; none for an
    /// organisation that is not stored (yet).
    func budgetYears(of organisationCode: String) async throws -> [BudgetYear]
    /// Inserts or replaces the status of the organisation's year; audited.
    func save(_ budgetYear: BudgetYear) async throws
}

extension BudgetYearRepository {
    /// The year's status; in progress when none is stored.
    public func budgetYear(of organisationCode: String, year: Int) async throws -> BudgetYear {
        try await budgetYears(of: organisationCode).first { $0.year == year } ?? .unset(organisationCode, year)
    }
}
