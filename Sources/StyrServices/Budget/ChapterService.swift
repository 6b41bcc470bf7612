import StyrDomain

/// An agency's budget chapters (kapitler): listed by anyone who reads the agency; created,
/// renamed and given another kind by the department that steers it (`.steer`) or an
/// administrator (`ChapterRules`). Pages and the API call these.
public struct ChapterService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    public struct Listing: Sendable {
        public var scope: OrganisationScope
        public var chapters: [Chapter]
        /// Whether the user may create and change chapters here.
        public var canEdit: Bool
    }

    /// The agency's chapters in number order.
    public func list(of code: String, by user: UserAccount?) async throws -> Listing {
        try await storage.read { repositories in
            let scope = try await BudgetDataAccess.read(code, by: user, repositories)
            return Listing(scope: scope, chapters: try await repositories.governance.chapters(of: code), canEdit: scope.can(.steer))
        }
    }

    /// Creates a chapter. A number used by any chapter in the database is refused naming `number`.
    public func create(_ draft: ChapterDraft, in code: String, by user: UserAccount?) async throws -> Chapter {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await BudgetDataAccess.steer(code, by: user, repositories)
            var clash: Chapter?
            if let number = draft.number { clash = try await repositories.governance.chapter(number: number) }
            let chapter = try ServiceError.rule { try ChapterRules.create(draft, organisationCode: code, clash: clash) }
            try await repositories.governance.save(chapter)
            return chapter
        }
    }

    /// Renames the chapter or changes its kind; a kind that would leave amounts outside it is
    /// refused naming `kind`.
    public func edit(_ number: Int, name: String, kind: ChapterKind?, in code: String, by user: UserAccount?) async throws -> Chapter {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await BudgetDataAccess.steer(code, by: user, repositories)
            let store = repositories.governance
            guard let chapter = try await store.chapters(of: code).first(where: { $0.number == number }) else {
                throw ServiceError.notFound("\(scope.organisation.name) har ikke noe kapittel \(number).")
            }
            let held = kind == nil || kind == chapter.kind ? [] : try await Self.heldKinds(of: number, store)
            let edited = try ServiceError.rule { try ChapterRules.edit(chapter, name: name, kind: kind, heldKinds: held) }
            try await store.save(edited)
            return edited
        }
    }

    /// The kontoklasser the chapter holds amounts of: Dok. 3 and regnskap, revisions and projects
    /// of any year Styr keeps (read only when the kind is to change).
    static func heldKinds(of chapter: Int, _ store: any GovernanceRepository) async throws -> Set<AccountKind> {
        let amounts = try await store.budgetAmounts(chapter: chapter, years: BudgetYears.supported)
        var kinds = Set(amounts.filter { !$0.amount.isZero }.map(\.kind))
        for year in BudgetYears.supported {
            kinds.formUnion(try await store.revisions(chapter: chapter, year: year).map(\.kind))
            if !(try await store.investmentProjects(chapter: chapter, year: year)).isEmpty { kinds.insert(.investment) }
        }
        return kinds
    }
}
