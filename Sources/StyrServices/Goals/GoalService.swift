import StyrDomain

/// The chain goal area → goal → indicator → target of an agency's year. The department (or
/// whoever may define indicators) edits the year's goal areas and goals (`GoalAreaRules`);
/// everyone who reads the agency sees the chain. Pages and API call these. Every write checks
/// `.defineIndicators` and that the year is open (`YearGuard`), in one unit of work.
public struct GoalService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// One goal area of the chain with the indicators linked to it.
    public struct Area: Sendable {
        public var area: GoalArea
        public var indicators: [IndicatorWithValues]
    }

    /// The year's chain: the goal areas in order, each with its goals and linked indicators, and
    /// the indicators with a value in the year that belong to no area of the year.
    public struct Chain: Sendable {
        public var scope: OrganisationScope
        public var year: Int
        public var areas: [Area]
        public var unlinked: [IndicatorWithValues]
        /// Every indicator of the organisation, in order (to link one to an area).
        public var indicators: [IndicatorWithValues]
        /// True when the user may edit the goal areas and goals.
        public var canEdit: Bool
        /// The version of the year's goal areas and goals (`RecordVersions.goals`): the forms carry it.
        public var version: Int = 0
    }

    public func chain(in code: String, year: Int, by user: UserAccount?) async throws -> Chain {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            let year = try AccessCheck.year(year)
            return try await Self.chain(scope, year: year, repositories)
        }
    }

    static func chain(_ scope: OrganisationScope, year: Int, _ repositories: Repositories) async throws -> Chain {
        let store = repositories.governance
        let areas = try await store.goalAreas(of: scope.code, year: year)
        let indicators = try await store.indicators(of: scope.code)
        let names = Set(areas.map(\.name))
        return Chain(
            scope: scope, year: year,
            areas: areas.map { area in Area(area: area, indicators: indicators.filter { $0.indicator.goalArea == area.name }) },
            unlinked: indicators.filter { $0.value(in: year) != nil && !names.contains($0.indicator.goalArea ?? "") }, indicators: indicators,
            canEdit: scope.can(.defineIndicators),
            version: try await RecordVersions.current(RecordVersions.goals(scope.code, year: year), repositories))
    }

    /// Adds a goal area last in the year's order.
    @discardableResult
    public func addGoalArea(named name: String, in code: String, year: Int, version: Int? = nil, by user: UserAccount?) async throws -> GoalArea {
        try await edit(code, year, user, version) { store, areas in
            let area = GoalArea(name: try GoalAreaRules.name(name, among: areas))
            try await store.save(area, of: code, year: year, position: areas.count)
            return area
        }
    }

    /// Renames a goal area; its goals, narrative and place stay, and the indicators linked to it follow.
    @discardableResult
    public func renameGoalArea(_ name: String, to newName: String, in code: String, year: Int, version: Int? = nil, by user: UserAccount?) async throws -> GoalArea {
        try await edit(code, year, user, version) { store, areas in
            var (_, area) = try GoalAreaRules.area(name, in: areas, year: year)
            let checked = try GoalAreaRules.name(newName, among: areas, except: name)
            if checked != name { try await store.renameGoalArea(of: code, year: year, from: name, to: checked) }
            area.name = checked
            return area
        }
    }

    /// Moves a goal area one place up (`offset` −1) or down (+1).
    public func moveGoalArea(_ name: String, offset: Int, in code: String, year: Int, version: Int? = nil, by user: UserAccount?) async throws {
        try await edit(code, year, user, version) { store, areas in
            let (index, _) = try GoalAreaRules.area(name, in: areas, year: year)
            for (position, area) in try GoalAreaRules.moved(areas, index: index, offset: offset).enumerated() {
                try await store.save(area, of: code, year: year, position: position)
            }
        }
    }

    /// Deletes a goal area with its goals; refused while an indicator belongs to it.
    public func deleteGoalArea(_ name: String, in code: String, year: Int, version: Int? = nil, by user: UserAccount?) async throws {
        try await edit(code, year, user, version) { store, areas in
            let (_, area) = try GoalAreaRules.area(name, in: areas, year: year)
            try GoalAreaRules.checkDeletable(area, indicators: try await store.indicators(of: code).map(\.indicator))
            try await store.deleteGoalArea(of: code, year: year, named: name)
            for (position, remaining) in areas.filter({ $0.name != name }).enumerated() {
                try await store.save(remaining, of: code, year: year, position: position)
            }
        }
    }

    /// Adds a goal last in the area.
    @discardableResult
    public func addGoal(_ text: String, to areaName: String, in code: String, year: Int, version: Int? = nil, by user: UserAccount?) async throws -> GoalArea {
        try await changeGoals(areaName, code, year, user, version) { goals in goals + [try GoalAreaRules.goal(text)] }
    }

    /// Changes the text of the goal at `index` (0-based) in the area.
    @discardableResult
    public func editGoal(at index: Int, of areaName: String, to text: String, in code: String, year: Int, version: Int? = nil, by user: UserAccount?) async throws -> GoalArea {
        try await changeGoals(areaName, code, year, user, version) { goals in
            var goals = goals
            goals[try Self.goalIndex(index, goals)] = try GoalAreaRules.goal(text)
            return goals
        }
    }

    /// Moves the goal at `index` one place up (−1) or down (+1) in its area.
    @discardableResult
    public func moveGoal(at index: Int, of areaName: String, offset: Int, in code: String, year: Int, version: Int? = nil, by user: UserAccount?) async throws -> GoalArea {
        try await changeGoals(areaName, code, year, user, version) { goals in
            try GoalAreaRules.moved(goals, index: try Self.goalIndex(index, goals), offset: offset)
        }
    }

    /// Deletes the goal at `index` of the area (nothing refers to a single goal).
    @discardableResult
    public func deleteGoal(at index: Int, of areaName: String, in code: String, year: Int, version: Int? = nil, by user: UserAccount?) async throws -> GoalArea {
        try await changeGoals(areaName, code, year, user, version) { goals in
            var goals = goals
            goals.remove(at: try Self.goalIndex(index, goals))
            return goals
        }
    }

    /// Links an indicator to one of the year's goal areas, or unlinks it (`areaName` nil or empty).
    public func linkIndicator(_ key: String, to areaName: String?, in code: String, year: Int, version: Int? = nil, by user: UserAccount?) async throws {
        try await edit(code, year, user, version) { store, areas in
            let entries = try await store.indicators(of: code)
            guard let position = entries.firstIndex(where: { $0.indicator.key == key }) else {
                throw ServiceError.notFound("Resultatindikatoren «\(key)» finnes ikke hos «\(code)».")
            }
            var indicator = entries[position].indicator
            let name = areaName?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if !name.isEmpty { _ = try GoalAreaRules.area(name, in: areas, year: year) }
            indicator.goalArea = name.isEmpty ? nil : name
            _ = try await store.advanceVersion(of: RecordVersions.indicatorDefinition(code, key: key), from: nil)
            try await store.save(indicator, of: code, position: position)
        }
    }

    static func goalIndex(_ index: Int, _ goals: [String]) throws -> Int {
        guard goals.indices.contains(index) else { throw InputErrors.single("goal", "Målet nr. \(index + 1) finnes ikke i målområdet.") }
        return index
    }

    func changeGoals(
        _ areaName: String, _ code: String, _ year: Int, _ user: UserAccount?, _ version: Int?, _ change: @Sendable ([String]) throws -> [String]
    ) async throws -> GoalArea {
        try await edit(code, year, user, version) { store, areas in
            var (index, area) = try GoalAreaRules.area(areaName, in: areas, year: year)
            area.goals = try change(area.goals)
            try await store.save(area, of: code, year: year, position: index)
            return area
        }
    }

    /// One write: access (`.defineIndicators`), an open year, the year's version raised from
    /// `version` (the form's; a newer one is a `WriteConflict`), the year's areas, then `body`;
    /// rule errors become `ServiceError.invalid`.
    func edit<T: Sendable>(
        _ code: String, _ year: Int, _ user: UserAccount?, _ version: Int?,
        _ body: @Sendable (any GovernanceRepository, [GoalArea]) async throws -> T
    ) async throws -> T {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await AccessCheck.scope(.defineIndicators, on: code, by: user, repositories)
            let year = try AccessCheck.year(year)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            try await RecordVersions.advance(RecordVersions.goals(code, year: year), from: version, repositories)
            let store = repositories.governance
            do {
                return try await body(store, try await store.goalAreas(of: code, year: year))
            } catch let errors as InputErrors {
                throw ServiceError.invalid(errors)
            }
        }
    }
}
