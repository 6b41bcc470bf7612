import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// Result indicators through the API: the same use cases as the pages (`IndicatorService`). The
/// rules name their fields as the operations' JSON does (`result`, `deviationComment`, `name`,
/// `toleranceRed`, `key`, …), so no renaming is needed.
extension StyrAPIHandler {
    func listIndicators(_ input: Operations.ListIndicators.Input) async throws -> Operations.ListIndicators.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        let listing = try await service { try await services.indicators.list(in: code, year: year, by: APICaller.current) }
        return .ok(.init(body: .json(.init(year: year, items: listing.ofYear.map { Self.indicator($0, year: year) }))))
    }

    func putIndicatorResult(_ input: Operations.PutIndicatorResult.Input) async throws -> Operations.PutIndicatorResult.Output {
        let (code, year, key) = (input.path.code, input.path.year, input.path.key)
        try validate(year: year)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let draft = IndicatorResultDraft(result: body.result, notMeasuredReason: body.notMeasuredReason, deviationComment: body.deviationComment)
        let entry = try await service {
            try await services.indicators.enterResult(draft, for: key, in: code, year: year, version: Self.sentVersion(body.version), by: APICaller.current)
        }
        return .ok(.init(body: .json(try await versioned(Self.indicator(entry, year: year), code, year))))
    }

    func putIndicatorDefinition(_ input: Operations.PutIndicatorDefinition.Input) async throws -> Operations.PutIndicatorDefinition.Output {
        let (code, year, key) = (input.path.code, input.path.year, input.path.key)
        try validate(year: year)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let draft = IndicatorDraft(
            name: body.name, unit: Self.unit(body.unit), polarity: Self.polarity(body.polarity), deviationRule: Self.rule(body.deviationRule),
            decimals: String(body.decimals), toleranceYellow: body.toleranceYellow, toleranceRed: body.toleranceRed, target: body.target,
            targetHigh: body.targetHigh ?? "", goalArea: body.goalArea ?? "", notes: body.notes ?? [])
        let entry = try await service {
            try await services.indicators.define(draft, .put(key: key), in: code, year: year, version: Self.sentVersion(body.version), by: APICaller.current)
        }
        return .ok(.init(body: .json(try await versioned(Self.indicator(entry, year: year), code, year))))
    }

    /// An indicator with the versions of its definition and of the year's result.
    func versioned(_ indicator: Components.Schemas.Indicator, _ code: String, _ year: Int) async throws -> Components.Schemas.Indicator {
        var indicator = indicator
        indicator.definitionVersion = try await version(RecordVersions.indicatorDefinition(code, key: indicator.key), in: code)
        indicator.resultVersion = try await version(RecordVersions.indicatorResult(code, key: indicator.key, year: year), in: code)
        return indicator
    }

    static func indicator(_ entry: IndicatorWithValues, year: Int) -> Components.Schemas.Indicator {
        let indicator = entry.indicator
        let value = entry.value(in: year)
        let assessment = value.flatMap { IndicatorRules.assess($0, of: indicator) }
        let (low, high): (Quantity?, Quantity?) = switch value?.target {
        case .value(let target): (target, nil)
        case .range(let low, let high): (low, high)
        case nil: (nil, nil)
        }
        return .init(
            key: indicator.key, name: indicator.name, unit: unit(indicator.unit), polarity: polarity(indicator.polarity),
            deviationRule: rule(indicator.deviationRule), goalArea: indicator.goalArea, year: year, target: low.map(decimal),
            targetHigh: high.map(decimal), result: value?.result.map(decimal), notMeasuredReason: value?.notMeasuredReason,
            deviationComment: value?.deviationComment, deviation: assessment?.deviation.map(decimal),
            status: assessment.map { status($0.status) },
            needsExplanation: value.map { !IndicatorRules.missingExplanations($0, of: indicator).isEmpty } ?? false)
    }

    // MARK: Mappings between the contract's enums and the domain's

    static func unit(_ unit: IndicatorUnit) -> Components.Schemas.Indicator.UnitPayload {
        switch unit {
        case .share: .share
        case .count: .count
        case .amount: .amount
        case .days: .days
        }
    }

    static func unit(_ unit: Components.Schemas.IndicatorDefinitionInput.UnitPayload) -> IndicatorUnit {
        switch unit {
        case .share: .share
        case .count: .count
        case .amount: .amount
        case .days: .days
        }
    }

    static func polarity(_ polarity: Polarity) -> Components.Schemas.Indicator.PolarityPayload {
        switch polarity {
        case .higherIsBetter: .higherIsBetter
        case .lowerIsBetter: .lowerIsBetter
        case .targetRange: .targetRange
        }
    }

    static func polarity(_ polarity: Components.Schemas.IndicatorDefinitionInput.PolarityPayload) -> Polarity {
        switch polarity {
        case .higherIsBetter: .higherIsBetter
        case .lowerIsBetter: .lowerIsBetter
        case .targetRange: .targetRange
        }
    }

    static func rule(_ rule: DeviationRule) -> Components.Schemas.Indicator.DeviationRulePayload {
        switch rule {
        case .percentagePoints: .percentagePoints
        case .relativePercent: .relativePercent
        case .absolute: .absolute
        }
    }

    static func rule(_ rule: Components.Schemas.IndicatorDefinitionInput.DeviationRulePayload) -> DeviationRule {
        switch rule {
        case .percentagePoints: .percentagePoints
        case .relativePercent: .relativePercent
        case .absolute: .absolute
        }
    }

    static func status(_ status: IndicatorStatus) -> Components.Schemas.Indicator.StatusPayload {
        switch status {
        case .green: .green
        case .yellow: .yellow
        case .red: .red
        case .notMeasured: .notMeasured
        }
    }
}
