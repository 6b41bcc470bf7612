import StyrDomain

/// Budget revisions (budsjettreguleringer) of an agency's chapters for a year: listed by readers;
/// created, edited and deleted by the steering department (`.steer`) or an administrator while the
/// year is open. Any revision of the year may be edited or deleted; each change is audited with
/// the revision before and after. A revision that would make a revised total overflow is refused
/// naming `lines[i].amount` (`RevisionRules.validate`); nothing is saved.
public struct RevisionService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    public struct Listing: Sendable {
        public var scope: OrganisationScope
        public var year: Int
        public var chapters: [Chapter]
        /// Every chapter's revisions of the year, chapter by chapter in stored order.
        public var revisions: [StoredRevision]
        public var canEdit: Bool
    }

    public func list(of code: String, year: Int, by user: UserAccount?) async throws -> Listing {
        try await storage.read { repositories in
            let scope = try await BudgetDataAccess.read(code, by: user, repositories)
            return try await Self.listing(scope, year: try AccessCheck.year(year), repositories)
        }
    }

    /// One revision, for its edit form; not found unless it belongs to the agency and year.
    public func revision(_ id: Int64, of code: String, year: Int, by user: UserAccount?) async throws -> (listing: Listing, revision: StoredRevision) {
        try await storage.read { repositories in
            let scope = try await BudgetDataAccess.read(code, by: user, repositories)
            let listing = try await Self.listing(scope, year: try AccessCheck.year(year), repositories)
            return (listing, try Self.find(id, in: listing))
        }
    }

    /// Records a new revision; returns it with its id.
    public func create(_ draft: RevisionDraft, in code: String, year: Int, by user: UserAccount?) async throws -> StoredRevision {
        try await storage.write(as: user?.email ?? "") { repositories in
            let (listing, revision) = try await Self.checked(draft, replacing: nil, in: code, year: year, by: user, repositories)
            try await repositories.governance.save(revision)
            let stored = try await repositories.governance.storedRevisions(chapter: revision.chapter, year: listing.year)
            guard let created = stored.last else { throw ServiceError.notFound("Reguleringen ble ikke lagret.") }
            return created
        }
    }

    /// Replaces a revision's fields and lines. `version`: the revision's version the form was
    /// loaded at (`RecordVersions.budgetRevision`); a newer one is a `WriteConflict`.
    public func update(_ id: Int64, with draft: RevisionDraft, in code: String, year: Int, version: Int? = nil, by user: UserAccount?) async throws -> StoredRevision {
        try await storage.write(as: user?.email ?? "") { repositories in
            let (_, revision) = try await Self.checked(draft, replacing: id, in: code, year: year, by: user, repositories)
            try await RecordVersions.advance(RecordVersions.budgetRevision(code, id: id), from: version, repositories)
            try await repositories.governance.replaceRevision(id: id, with: revision)
            return StoredRevision(id: id, revision: revision)
        }
    }

    /// Deletes a revision (the audit log keeps it).
    public func delete(_ id: Int64, in code: String, year: Int, version: Int? = nil, by user: UserAccount?) async throws {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await BudgetDataAccess.steer(code, by: user, repositories)
            let year = try AccessCheck.year(year)
            try await BudgetDataAccess.requireOpen(code, year: year, repositories)
            _ = try Self.find(id, in: try await Self.listing(scope, year: year, repositories))
            try await RecordVersions.advance(RecordVersions.budgetRevision(code, id: id), from: version, repositories)
            try await repositories.governance.deleteRevision(id: id)
        }
    }

    static func checked(
        _ draft: RevisionDraft, replacing id: Int64?, in code: String, year: Int, by user: UserAccount?, _ repositories: Repositories
    ) async throws -> (Listing, BudgetRevision) {
        let scope = try await BudgetDataAccess.steer(code, by: user, repositories)
        let year = try AccessCheck.year(year)
        try await BudgetDataAccess.requireOpen(code, year: year, repositories)
        let listing = try await listing(scope, year: year, repositories)
        if let id { _ = try find(id, in: listing) }
        var original: [BudgetAmount] = []
        if let number = draft.chapter, listing.chapters.contains(where: { $0.number == number }) {
            original = try await repositories.governance.budgetAmounts(chapter: number, years: year...year)
        }
        let others = listing.revisions.filter { $0.id != id }.map(\.revision)
        let revision = try ServiceError.rule {
            try RevisionRules.validate(draft, year: year, chapters: listing.chapters, original: original, others: others)
        }
        return (listing, revision)
    }

    static func listing(_ scope: OrganisationScope, year: Int, _ repositories: Repositories) async throws -> Listing {
        let chapters = try await repositories.governance.chapters(of: scope.code)
        var revisions: [StoredRevision] = []
        for chapter in chapters { revisions += try await repositories.governance.storedRevisions(chapter: chapter.number, year: year) }
        return Listing(scope: scope, year: year, chapters: chapters, revisions: revisions, canEdit: scope.can(.steer))
    }

    static func find(_ id: Int64, in listing: Listing) throws -> StoredRevision {
        guard let revision = listing.revisions.first(where: { $0.id == id }) else {
            throw ServiceError.notFound("\(listing.scope.organisation.name) har ingen budsjettregulering nr. \(id) i \(listing.year).")
        }
        return revision
    }
}
