import StyrDomain

extension IndicatorService {
    /// Enters a result for a period of the year (`t2`, `m04`) for the tertial or monthly report,
    /// under the same rules as the year's result (the year's target applies); with no period it
    /// enters the year's result as before. The year's value is not changed by a period result.
    /// `version`: the result's version the form was loaded at (`RecordVersions.indicatorResult`).
    public func enterResult(
        _ draft: IndicatorResultDraft, for key: String, in code: String, year: Int, period: ReportPeriod?, version: Int? = nil, by user: UserAccount?
    ) async throws -> IndicatorWithValues {
        guard let period else { return try await enterResult(draft, for: key, in: code, year: year, version: version, by: user) }
        return try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.scope(.enterResults, on: code, by: user, repositories)
            let entry = try await Self.targeted(key, year: try AccessCheck.year(year), scope, repositories)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            try await RecordVersions.advance(RecordVersions.indicatorResult(code, key: key, year: year, period: period), from: version, repositories)
            let target = entry.value(in: year)?.target
            let existing = try await repositories.governance.indicatorPeriodResults(of: code, year: year)[key]?.first { $0.period == period }
            let start = existing?.value(target: target) ?? IndicatorValue(year: year, target: target)
            let value = try ServiceError.rule { try draft.applied(to: start, of: entry.indicator) }
            try await repositories.governance.save(IndicatorPeriodResult(period: period, value: value), ofIndicator: key, of: code)
            return entry
        }
    }

    /// The year's period results of the organisation's indicators, by indicator key.
    public func periodResults(in code: String, year: Int, by user: UserAccount?) async throws -> [String: [IndicatorPeriodResult]] {
        try await storage.read { repositories in
            _ = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            return try await repositories.governance.indicatorPeriodResults(of: code, year: try AccessCheck.year(year))
        }
    }
}
