import StyrDomain

/// The original budget (Dok. 3) of an agency's chapters for a year: a grid of chapter ×
/// kontoklasse × artsgruppe, typed (saved in one transaction, errors per cell) or taken from a
/// budget file imported with `styr import ledger --measure budget` or the ledger import page
/// (`OriginalBudgetRules`). Written by the steering department (`.steer`) or an administrator.
public struct OriginalBudgetService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    public struct Grid: Sendable {
        public var scope: OrganisationScope
        public var year: Int
        public var chapters: [Chapter]
        /// The stored Dok. 3 amounts of the year, of every chapter of the agency.
        public var amounts: [BudgetAmount]
        /// The budget files imported for the agency and year (measure budget), newest last.
        public var budgetImports: [LedgerImportRecord]
        public var canEdit: Bool
        /// The grid's version (`RecordVersions.originalBudget`): the form carries it.
        public var version: Int = 0

        /// The stored amount of a cell, nil when none is stored.
        public func amount(chapter: Int, kind: AccountKind, group: ObjectGroup) -> Money? {
            amounts.first { $0.chapter == chapter && $0.kind == kind && $0.group == group }?.amount
        }
    }

    /// The grid of the year: the agency's chapters, their Dok. 3 amounts and the imported budget files.
    public func grid(of code: String, year: Int, by user: UserAccount?) async throws -> Grid {
        try await storage.read { repositories in
            let scope = try await BudgetDataAccess.read(code, by: user, repositories)
            let year = try AccessCheck.year(year)
            return try await Self.grid(scope, year: year, repositories)
        }
    }

    static func grid(_ scope: OrganisationScope, year: Int, _ repositories: Repositories) async throws -> Grid {
        let store = repositories.governance
        let chapters = try await store.chapters(of: scope.code)
        var amounts: [BudgetAmount] = []
        for chapter in chapters {
            amounts += try await store.budgetAmounts(chapter: chapter.number, years: year...year).filter { $0.measure == .originalBudget }
        }
        let imports = try await repositories.ledger.imports(of: scope.code, year: year).filter { $0.measure == .budget }
        return Grid(scope: scope, year: year, chapters: chapters, amounts: amounts, budgetImports: imports, canEdit: scope.can(.steer),
                    version: try await RecordVersions.current(RecordVersions.originalBudget(scope.code, year: year), repositories))
    }

    /// Saves the typed cells in one transaction: every cell is checked first, and an error in any
    /// (keyed `amounts[i].amount`, naming the row) saves nothing. An empty cell is zero. `version`:
    /// the grid's version the form was loaded at (`RecordVersions.originalBudget`); a newer one is a `WriteConflict`.
    @discardableResult
    public func save(_ cells: [OriginalBudgetCell], in code: String, year: Int, version: Int? = nil, by user: UserAccount?) async throws -> [BudgetAmount] {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await BudgetDataAccess.steer(code, by: user, repositories)
            let year = try AccessCheck.year(year)
            try await BudgetDataAccess.requireOpen(code, year: year, repositories)
            let chapters = try await repositories.governance.chapters(of: code)
            try await RecordVersions.advance(RecordVersions.originalBudget(code, year: year), from: version, repositories)
            let amounts = try ServiceError.rule { try OriginalBudgetRules.amounts(cells, year: year, chapters: chapters) }
            try await repositories.governance.save(amounts)
            return amounts
        }
    }

    /// Takes Dok. 3 from the budget files imported for the agency and year: their lines summed per
    /// chapter × kontoklasse × artsgruppe (lines without a chapter go to the agency's only chapter
    /// of their kontoklasse; see `OriginalBudgetRules`). Stored cells the files do not hold become
    /// zero. Refused naming `budgetFile` when no budget file is imported.
    @discardableResult
    public func takeFromBudgetFile(in code: String, year: Int, by user: UserAccount?) async throws -> [BudgetAmount] {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await BudgetDataAccess.steer(code, by: user, repositories)
            let year = try AccessCheck.year(year)
            try await BudgetDataAccess.requireOpen(code, year: year, repositories)
            let grid = try await Self.grid(scope, year: year, repositories)
            try await RecordVersions.advance(RecordVersions.originalBudget(code, year: year), from: nil, repositories)
            guard !grid.budgetImports.isEmpty else {
                throw ServiceError.invalid(.single(
                    "budgetFile", "Det er ikke importert noen budsjettfil for \(scope.organisation.name) i \(year). Importer fila på regnskapssiden med måltall «Budsjett» først."))
            }
            // A whole-year file (period 0) is the budget; monthly files count only without one.
            let wholeYear = grid.budgetImports.filter { $0.period == 0 }
            let files = wholeYear.isEmpty ? grid.budgetImports : wholeYear
            let amounts = try ServiceError.rule {
                try OriginalBudgetRules.fromImport(files.flatMap(\.totals), year: year, chapters: grid.chapters)
            }
            let cleared = grid.amounts.filter { old in
                !amounts.contains { $0.chapter == old.chapter && $0.kind == old.kind && $0.group == old.group }
            }.map { old -> BudgetAmount in
                var zero = old
                zero.amount = .zero
                return zero
            }
            try await repositories.governance.save(amounts + cleared)
            return amounts
        }
    }
}
