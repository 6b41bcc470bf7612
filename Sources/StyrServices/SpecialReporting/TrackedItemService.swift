import StyrDomain

/// The tracked items of chapter 6: the city council's verbal decisions and the remarks of the
/// municipal auditor and the control committee, followed up during the year by the department
/// (`.steer`) and the agency (`.enterResults`) until closed with a reference (`TrackedItemRules`).
public struct TrackedItemService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    public struct Listing: Sendable {
        public var scope: OrganisationScope
        public var items: [TrackedItem]
        public var canWrite: Bool
    }

    public func list(of code: String, by user: UserAccount?) async throws -> Listing {
        try await storage.read { repositories in
            let scope = try await AccessCheck.agencyScope(.read, on: code, by: user, repositories)
            return Listing(scope: scope, items: try await repositories.governance.trackedItems(of: code), canWrite: Self.canWrite(scope))
        }
    }

    public func item(_ id: Int64, of code: String, by user: UserAccount?) async throws -> (scope: OrganisationScope, item: TrackedItem, canWrite: Bool) {
        try await storage.read { repositories in
            let scope = try await AccessCheck.agencyScope(.read, on: code, by: user, repositories)
            return (scope, try await Self.find(id, scope, repositories), Self.canWrite(scope))
        }
    }

    /// Records a new item (open or under follow-up); returns it with its id.
    @discardableResult
    public func record(_ draft: TrackedItemDraft, in code: String, by user: UserAccount?) async throws -> TrackedItem {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await Self.writeScope(code, user, repositories)
            var item = try ServiceError.rule { try TrackedItemRules.write(draft, organisationCode: code) }
            try await YearGuard.requireOpen(organisationCode: code, year: item.date.year, repositories)
            item.id = try await repositories.governance.save(item)
            return item
        }
    }

    /// Changes an open item (its text, responsible, measures, status). `version`: the item's
    /// version the form was loaded at (`version(ofItem:)`); a newer one is a `WriteConflict`.
    @discardableResult
    public func update(_ id: Int64, with draft: TrackedItemDraft, in code: String, version: Int? = nil, by user: UserAccount?) async throws -> TrackedItem {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await Self.writeScope(code, user, repositories)
            let existing = try await Self.find(id, scope, repositories)
            try await RecordVersions.advance(RecordVersions.trackedItem(code, id: id), from: version, repositories)
            let item = try ServiceError.rule { try TrackedItemRules.write(draft, organisationCode: code, existing: existing) }
            try await YearGuard.requireOpen(organisationCode: code, year: item.date.year, repositories)
            try await repositories.governance.save(item)
            return item
        }
    }

    /// The item's version now (optimistic locking, `RecordVersions`): raised by every change of it.
    public func version(ofItem id: Int64, of code: String, by user: UserAccount?) async throws -> Int {
        try await storage.read { repositories in
            _ = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            return try await RecordVersions.current(RecordVersions.trackedItem(code, id: id), repositories)
        }
    }

    /// Closes an item with the reference that closes it; without one it is refused (`closedReference`).
    @discardableResult
    public func close(_ id: Int64, reference: String, on date: CalendarDate?, in code: String, by user: UserAccount?) async throws -> TrackedItem {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await Self.writeScope(code, user, repositories)
            let existing = try await Self.find(id, scope, repositories)
            try await RecordVersions.advance(RecordVersions.trackedItem(code, id: id), from: nil, repositories)
            let closed = try ServiceError.rule { try TrackedItemRules.close(existing, reference: reference, on: date) }
            try await YearGuard.requireOpen(organisationCode: code, year: closed.closedOn?.year ?? existing.date.year, repositories)
            try await repositories.governance.save(closed)
            return closed
        }
    }

    /// Stores an item through the same rules inside a caller's unit of work (the demo's load),
    /// closed with its reference when `closedReference` is given.
    public static func store(_ item: TrackedItem, within repository: some GovernanceRepository) async throws {
        try await repository.save(try ServiceError.rule { try checked(item) })
    }

    /// `item` as the rules make it (written, then closed with its reference when it has one); the
    /// refusals as `InputErrors`. The id is kept.
    static func checked(_ item: TrackedItem) throws -> TrackedItem {
        let draft = TrackedItemDraft(source: item.source, title: item.title, date: item.date, text: item.text,
                                     responsible: item.responsible, measures: item.measures, status: item.status == .closed ? .open : item.status)
        var stored = try TrackedItemRules.write(draft, organisationCode: item.organisationCode)
        if item.status == .closed || item.closedReference != nil {
            stored = try TrackedItemRules.close(stored, reference: item.closedReference ?? "", on: item.closedOn)
        }
        stored.id = item.id
        return stored
    }

    static func canWrite(_ scope: OrganisationScope) -> Bool { scope.can(.steer) || scope.can(.enterResults) }

    /// The department (`.steer`) or the agency (`.enterResults`) may write.
    static func writeScope(_ code: String, _ user: UserAccount?, _ repositories: Repositories) async throws -> OrganisationScope {
        do {
            return try await AccessCheck.agencyScope(.enterResults, on: code, by: user, repositories)
        } catch ServiceError.forbidden {
            return try await AccessCheck.agencyScope(.steer, on: code, by: user, repositories)
        }
    }

    static func find(_ id: Int64, _ scope: OrganisationScope, _ repositories: Repositories) async throws -> TrackedItem {
        guard let item = try await repositories.governance.trackedItems(of: scope.code).first(where: { $0.id == id }) else {
            throw ServiceError.notFound("\(scope.organisation.name) har ingen oppfølgingssak nr. \(id).")
        }
        return item
    }
}
