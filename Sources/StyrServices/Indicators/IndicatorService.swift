import StyrDomain

/// Result indicators: the department defines them and sets a target per year
/// (`IndicatorDraft`), the agency enters results with the explanations owed
/// (`IndicatorResultDraft`, `IndicatorRules.missingExplanations`). Pages and API call these.
public struct IndicatorService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// An organisation's indicators, in their order, each with all its yearly values (earlier
    /// years are the baselines and the trend); `year` is the one asked about.
    public struct Listing: Sendable {
        public var scope: OrganisationScope
        public var year: Int
        public var entries: [IndicatorWithValues]

        /// The indicators with a value (a target, a result or both) in the year.
        public var ofYear: [IndicatorWithValues] { entries.filter { $0.value(in: year) != nil } }
        /// The indicators with a target for the year: those whose results are assessed.
        public var withTarget: [IndicatorWithValues] { entries.filter { $0.value(in: year)?.target != nil } }
    }

    public func list(in code: String, year: Int, by user: UserAccount?) async throws -> Listing {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            return Listing(scope: scope, year: try AccessCheck.year(year), entries: try await repositories.governance.indicators(of: code))
        }
    }

    // MARK: Results

    /// The indicator whose result the user is about to enter: it must have a target for the year.
    public func prepareResult(for key: String, in code: String, year: Int, by user: UserAccount?) async throws -> (scope: OrganisationScope, entry: IndicatorWithValues) {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.enterResults, on: code, by: user, repositories)
            return (scope, try await Self.targeted(key, year: try AccessCheck.year(year), scope, repositories))
        }
    }

    /// Enters the year's result, reason or comment; refused (for the draft's fields) while an
    /// explanation is owed. Returns the indicator with its values as stored. `version`: the
    /// result's version the form was loaded at (`RecordVersions.indicatorResult`); a newer one is a `WriteConflict`.
    public func enterResult(_ draft: IndicatorResultDraft, for key: String, in code: String, year: Int, version: Int? = nil, by user: UserAccount?) async throws -> IndicatorWithValues {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.scope(.enterResults, on: code, by: user, repositories)
            let entry = try await Self.targeted(key, year: try AccessCheck.year(year), scope, repositories)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            try await RecordVersions.advance(RecordVersions.indicatorResult(code, key: key, year: year), from: version, repositories)
            let value = try ServiceError.rule { try draft.applied(to: entry.value(in: year) ?? IndicatorValue(year: year), of: entry.indicator) }
            try await repositories.governance.save(value, ofIndicator: key, of: code)
            return entry.replacing(value)
        }
    }

    static func targeted(_ key: String, year: Int, _ scope: OrganisationScope, _ repositories: Repositories) async throws -> IndicatorWithValues {
        guard let entry = try await repositories.governance.indicators(of: scope.code).first(where: { $0.indicator.key == key }),
              entry.value(in: year)?.target != nil else {
            throw ServiceError.notFound("«\(key)» har ikke noe måltall for \(year) hos «\(scope.code)».")
        }
        return entry
    }

    // MARK: Definitions

    /// Which indicator a definition is for.
    public enum Definition: Sendable, Equatable {
        /// A new indicator; its key is made from its name, and neither may be taken.
        case new
        /// The indicator under this key, which must exist.
        case existing(key: String)
        /// The indicator under this key, created when there is none; the key must be one
        /// `IndicatorDraft.isValidKey` allows.
        case put(key: String)
    }

    /// What the definition form needs: the scope (the user must define indicators there), the
    /// year's goal areas to choose from, and the indicator when it exists.
    public struct DefinitionForm: Sendable {
        public var scope: OrganisationScope
        public var goalAreas: [GoalArea]
        public var existing: IndicatorWithValues?
    }

    public func prepareDefinition(_ definition: Definition, in code: String, year: Int, by user: UserAccount?) async throws -> DefinitionForm {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.defineIndicators, on: code, by: user, repositories)
            let year = try AccessCheck.year(year)
            let existing = try await Self.existing(definition, scope, repositories.governance.indicators(of: code))
            return DefinitionForm(scope: scope, goalAreas: try await repositories.governance.goalAreas(of: code, year: year), existing: existing)
        }
    }

    /// Defines the indicator and its target for the year, in its place in the order (a new one
    /// last). Returns the indicator with its values as stored. `version`: the definition's version
    /// the form was loaded at (`RecordVersions.indicatorDefinition`); a newer one is a `WriteConflict`.
    public func define(_ draft: IndicatorDraft, _ definition: Definition, in code: String, year: Int, version: Int? = nil, by user: UserAccount?) async throws -> IndicatorWithValues {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.scope(.defineIndicators, on: code, by: user, repositories)
            let year = try AccessCheck.year(year)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            let store = repositories.governance
            if case .put(let key) = definition, !IndicatorDraft.isValidKey(key) {
                throw ServiceError.invalid(.single(IndicatorDraft.Field.key.rawValue, IndicatorDraft.keyFormatMessage))
            }
            let entries = try await store.indicators(of: code)
            let existing = try Self.existing(definition, scope, entries)
            let key = switch definition {
            case .new: IndicatorDraft.key(for: draft.name)
            case .existing(let key), .put(let key): key
            }
            try await RecordVersions.advance(RecordVersions.indicatorDefinition(code, key: key), from: definition == .new ? nil : version, repositories)
            let (indicator, target) = try ServiceError.rule {
                try draft.defined(as: key, year: year, among: entries, isNew: definition == .new)
            }
            var value = existing?.value(in: year) ?? IndicatorValue(year: year)
            value.target = target
            try await store.save(indicator, of: code, position: entries.firstIndex { $0.indicator.key == key } ?? entries.count)
            try await store.save(value, ofIndicator: key, of: code)
            return (existing ?? IndicatorWithValues(indicator: indicator, values: [])).replacing(value, indicator: indicator)
        }
    }

    /// The indicator a definition is for, when it exists; an `existing` one that does not is not found.
    static func existing(_ definition: Definition, _ scope: OrganisationScope, _ entries: [IndicatorWithValues]) throws -> IndicatorWithValues? {
        switch definition {
        case .new: return nil
        case .put(let key): return entries.first { $0.indicator.key == key }
        case .existing(let key):
            guard let entry = entries.first(where: { $0.indicator.key == key }) else {
                throw ServiceError.notFound("«\(key)» finnes ikke hos «\(scope.code)».")
            }
            return entry
        }
    }
}

extension IndicatorWithValues {
    /// The same indicator (or `indicator`) with `value` in place of its value for that year.
    func replacing(_ value: IndicatorValue, indicator: Indicator? = nil) -> IndicatorWithValues {
        IndicatorWithValues(indicator: indicator ?? self.indicator, values: values.filter { $0.year != value.year } + [value])
    }
}
