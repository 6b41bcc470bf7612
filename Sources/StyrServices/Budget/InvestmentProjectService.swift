import StyrDomain

/// Investment projects of an agency's chapters for a year (`InvestmentProjectRules`). The
/// department (`.steer`) or an administrator decides a project: creates it and changes anything;
/// the agency (`.enterResults`) reports its progress: expected completion, revised budget with
/// carry-over, and actuals. Actuals come from the ledger when it holds lines of the project
/// (regnskap, kontoklasse investering, the project's artsgrupper); without such lines the stored
/// (typed) actuals stay, as the demo's do.
public struct InvestmentProjectService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    public struct Listing: Sendable {
        public var scope: OrganisationScope
        public var year: Int
        public var chapters: [Chapter]
        public var table: InvestmentProjectTable
        /// Whether the user may create projects and change their decisions.
        public var canDecide: Bool
        /// Whether the user may report progress.
        public var canReport: Bool
    }

    public func list(of code: String, year: Int, by user: UserAccount?) async throws -> Listing {
        try await storage.read { repositories in
            let scope = try await BudgetDataAccess.read(code, by: user, repositories)
            return try await Self.listing(scope, year: try AccessCheck.year(year), repositories)
        }
    }

    /// One project of the year by number.
    public func project(_ number: String, of code: String, year: Int, by user: UserAccount?) async throws -> (listing: Listing, project: InvestmentProject) {
        try await storage.read { repositories in
            let scope = try await BudgetDataAccess.read(code, by: user, repositories)
            let listing = try await Self.listing(scope, year: try AccessCheck.year(year), repositories)
            return (listing, try Self.find(number, in: listing))
        }
    }

    /// Decides a new project (`.steer`). Refusals name the draft's fields (`number`,
    /// `expectedCompletion` before `decided`, …).
    public func create(_ draft: InvestmentProjectDraft, in code: String, year: Int, by user: UserAccount?) async throws -> InvestmentProject {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await BudgetDataAccess.steer(code, by: user, repositories)
            let year = try AccessCheck.year(year)
            try await BudgetDataAccess.requireOpen(code, year: year, repositories)
            let listing = try await Self.listing(scope, year: year, repositories)
            var project = try ServiceError.rule {
                try InvestmentProjectRules.validate(
                    draft, year: year, chapters: listing.chapters, existingNumbers: Set(listing.table.projects.map(\.number)))
            }
            project.actuals = try await Self.ledgerActuals(of: project, code, repositories) ?? project.actuals
            try await repositories.governance.save(project)
            return project
        }
    }

    /// Changes a project. The department may change anything; the agency only its progress
    /// (a change of the decision by the agency is `forbidden`). The number is kept. `version`: the
    /// project's version the form was loaded at (`RecordVersions.investmentProject`); a newer one is a `WriteConflict`.
    public func update(_ number: String, with draft: InvestmentProjectDraft, in code: String, year: Int, version: Int? = nil, by user: UserAccount?) async throws -> InvestmentProject {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await BudgetDataAccess.report(code, by: user, repositories)
            let year = try AccessCheck.year(year)
            try await BudgetDataAccess.requireOpen(code, year: year, repositories)
            let listing = try await Self.listing(scope, year: year, repositories)
            let stored = try Self.find(number, in: listing)
            try await RecordVersions.advance(RecordVersions.investmentProject(code, year: year, number: stored.number), from: version, repositories)
            var draft = draft
            draft.number = stored.number
            var project = try ServiceError.rule {
                try InvestmentProjectRules.validate(
                    draft, year: year, chapters: listing.chapters,
                    existingNumbers: Set(listing.table.projects.map(\.number)).subtracting([stored.number]))
            }
            if !scope.can(.steer), InvestmentProjectRules.decisionChanged(from: stored, to: project) {
                throw ServiceError.forbidden(organisationCode: code)
            }
            project.actuals = try await Self.ledgerActuals(of: project, code, repositories) ?? project.actuals
            if project.chapter != stored.chapter {
                throw ServiceError.invalid(.single("chapter", "Et prosjekt kan ikke flyttes til et annet kapittel; opprett det på nytt der."))
            }
            try await repositories.governance.save(project)
            return project
        }
    }

    /// The project's actuals in the ledger (regnskap, investering, lines carrying the project's
    /// number within its artsgrupper), nil when the ledger holds no such lines.
    static func ledgerActuals(of project: InvestmentProject, _ code: String, _ repositories: Repositories) async throws -> Money? {
        let filter = LedgerFilter(year: project.year, measure: .actuals, equals: [.project: project.number, .kind: AccountKind.investment.rawValue])
        let totals = try await repositories.ledger.totals(of: code, filter, by: [.group]).filter { total in
            guard let code = total.values[.group], let group = ObjectGroup(code: code) else { return false }
            return project.groups.first <= group.first && group.last <= project.groups.last
        }
        guard totals.contains(where: { $0.lines > 0 }) else { return nil }
        return totals.map(\.amount).sum()
    }

    static func listing(_ scope: OrganisationScope, year: Int, _ repositories: Repositories) async throws -> Listing {
        let chapters = try await repositories.governance.chapters(of: scope.code)
        var projects: [InvestmentProject] = []
        for chapter in chapters { projects += try await repositories.governance.investmentProjects(chapter: chapter.number, year: year) }
        return Listing(scope: scope, year: year, chapters: chapters, table: InvestmentProjectTable(projects: projects),
                       canDecide: scope.can(.steer), canReport: scope.can(.steer) || scope.can(.enterResults))
    }

    static func find(_ number: String, in listing: Listing) throws -> InvestmentProject {
        guard let project = listing.table.projects.first(where: { $0.number == number }) else {
            throw ServiceError.notFound("\(listing.scope.organisation.name) har ikke noe investeringsprosjekt \(number) i \(listing.year).")
        }
        return project
    }
}
