import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// Self-cost through the API: the same use cases as the pages (`SelfCostService`,
/// `ServiceCatalogueService`); amounts in øre, rates in basis points.
extension StyrAPIHandler {
    func getSelfCost(_ input: Operations.GetSelfCost.Input) async throws -> Operations.GetSelfCost.Output {
        let computed = try await service { try await services.selfCost.year(input.path.year, of: input.path.code, by: APICaller.current) }
        return .ok(.init(body: .json(Self.selfCostYear(computed))))
    }

    func putSwapRate(_ input: Operations.PutSwapRate.Input) async throws -> Operations.PutSwapRate.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let computed = try await service(fields: ["swapRate": "basisPoints"]) {
            try await services.serviceCatalogue.setSwapRate(BasisPoints(body.basisPoints), year: input.path.year, in: input.path.code,
                                                             by: APICaller.current)
            return try await services.selfCost.year(input.path.year, of: input.path.code, by: APICaller.current)
        }
        return .ok(.init(body: .json(Self.selfCostYear(computed))))
    }

    static func selfCostYear(_ computed: SelfCostService.Year) -> Components.Schemas.SelfCostYear {
        .init(organisationCode: computed.scope.code, year: computed.year, swapRateBasisPoints: computed.setup.swapRate?.value,
              example: computed.isExample, services: computed.services.map { row in
                  let c = row.calculation
                  return .init(
                      key: row.service.key, name: row.service.name, unit: row.service.unit, problem: row.problem,
                      directCostsOre: c?.directCosts.ore, indirectCostsOre: c?.indirectCosts.ore, calculatedInterestOre: c?.calculatedInterest.ore,
                      depreciationOre: c?.depreciation.ore, otherIncomeOre: c?.otherIncome.ore, costBaseOre: c?.costBase.ore,
                      customerIncomeOre: c?.customerIncome.ore, resultOre: c?.result.ore, interestRateBasisPoints: c?.interestRate.value,
                      coverageBasisPoints: c?.coverage?.value, fundOpeningOre: c?.fund.opening.ore, fundInterestOre: c?.fund.interest.ore,
                      fundClosingOre: c?.fund.closing.ore, flags: c?.fund.flags.map(\.message) ?? [], nextYearPriceOre: row.price?.pricePerUnit.ore,
                      priceProblem: row.priceProblem)
              })
    }
}
