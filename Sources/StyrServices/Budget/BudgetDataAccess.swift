import StyrDomain

/// The access checks and year guard of the budget data use cases (chapters, Dok. 3, revisions,
/// investment projects, staffing): department-side data needs `.steer` on the agency; the
/// agency's own figures (staffing, project progress) `.enterResults` or `.steer`.
enum BudgetDataAccess {
    /// The agency for a department-side write: `.steer` (a steerer of the department above, or an administrator).
    static func steer(_ code: String, by user: UserAccount?, _ repositories: Repositories) async throws -> OrganisationScope {
        try await AccessCheck.agencyScope(.steer, on: code, by: user, repositories)
    }

    /// The agency for the agency's own figures: `.enterResults` or `.steer`.
    static func report(_ code: String, by user: UserAccount?, _ repositories: Repositories) async throws -> OrganisationScope {
        let scope = try await AccessCheck.agencyScope(.read, on: code, by: user, repositories)
        guard scope.can(.enterResults) || scope.can(.steer) else { throw ServiceError.forbidden(organisationCode: code) }
        return scope
    }

    /// The agency for reading.
    static func read(_ code: String, by user: UserAccount?, _ repositories: Repositories) async throws -> OrganisationScope {
        try await AccessCheck.agencyScope(.read, on: code, by: user, repositories)
    }

    /// A closed year is read-only (`YearGuard`).
    static func requireOpen(_ code: String, year: Int, _ repositories: Repositories) async throws {
        try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
    }
}
