import StyrDomain

/// The guard of every write that belongs to a budget year: a closed year is read-only until an
/// administrator reopens it (`BudgetYearService.reopen`). Call it inside the write's unit of
/// work, after the access check:
///
///     try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
public enum YearGuard {
    /// Refuses (`ServiceError.invalid`, field `year`) when the organisation's year is closed:
    /// "Budsjettåret 2020 er avsluttet for UKE. En administrator kan gjenåpne det med en
    /// begrunnelse." A year with no stored status, or of an organisation not stored yet, is open.
    public static func requireOpen(organisationCode: String, year: Int, _ repositories: Repositories) async throws {
        let budgetYear = try await repositories.governance.budgetYear(of: organisationCode, year: year)
        guard budgetYear.status.isOpen else {
            throw ServiceError.invalid(.single("year", BudgetYearRules.closedMessage(organisationCode, year)))
        }
    }

    /// As `requireOpen`, for every year of `years`.
    public static func requireOpen(organisationCode: String, years: some Sequence<Int>, _ repositories: Repositories) async throws {
        let closed = Set(try await repositories.governance.budgetYears(of: organisationCode).filter { $0.status == .closed }.map(\.year))
        if let year = years.first(where: closed.contains) {
            throw ServiceError.invalid(.single("year", BudgetYearRules.closedMessage(organisationCode, year)))
        }
    }
}
