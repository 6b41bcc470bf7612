import StyrDomain

/// Staffing at dates (headcount and årsverk) of an agency: read by anyone who reads the agency;
/// added, corrected and deleted by the agency (`.enterResults`), the steering department
/// (`.steer`) or an administrator, while the date's year is open (`StaffingRules`).
public struct StaffingService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    public struct Listing: Sendable {
        public var scope: OrganisationScope
        /// Oldest first.
        public var figures: [StaffingFigure]
        public var canEdit: Bool
    }

    public func list(of code: String, by user: UserAccount?) async throws -> Listing {
        try await storage.read { repositories in
            let scope = try await BudgetDataAccess.read(code, by: user, repositories)
            return Listing(scope: scope, figures: try await repositories.governance.staffing(of: code),
                           canEdit: scope.can(.enterResults) || scope.can(.steer))
        }
    }

    /// Adds the figure of a date, or corrects the one stored for it. `replacing`: the date of the
    /// figure being corrected when the date itself changes (that figure is removed).
    @discardableResult
    public func save(_ draft: StaffingDraft, replacing: CalendarDate? = nil, in code: String, by user: UserAccount?) async throws -> StaffingFigure {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await BudgetDataAccess.report(code, by: user, repositories)
            let figure = try ServiceError.rule { try StaffingRules.figure(draft) }
            try await BudgetDataAccess.requireOpen(code, year: figure.asOf.year, repositories)
            let store = repositories.governance
            if let replacing, replacing != figure.asOf {
                guard try await store.staffing(of: code).contains(where: { $0.asOf == replacing }) else {
                    throw Self.notFound(replacing, scope)
                }
                try await BudgetDataAccess.requireOpen(code, year: replacing.year, repositories)
                try await store.removeStaffing(at: replacing, of: code)
            }
            try await store.add(figure, to: code)
            return figure
        }
    }

    /// Deletes the figure of the date.
    public func delete(at date: CalendarDate, in code: String, by user: UserAccount?) async throws {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await BudgetDataAccess.report(code, by: user, repositories)
            guard try await repositories.governance.staffing(of: code).contains(where: { $0.asOf == date }) else {
                throw Self.notFound(date, scope)
            }
            try await BudgetDataAccess.requireOpen(code, year: date.year, repositories)
            try await repositories.governance.removeStaffing(at: date, of: code)
        }
    }

    static func notFound(_ date: CalendarDate, _ scope: OrganisationScope) -> ServiceError {
        .notFound("\(scope.organisation.name) har ingen bemanningstall for \(NorwegianFormat.date(date)).")
    }
}
