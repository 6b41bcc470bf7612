/// Next year's price of a service: the planned cost base, the planned use of the fund (a surplus
/// given back lowers the price, a deficit recovered raises it), and the planned volume.
public struct PricePlan: Hashable, Sendable, Codable {
    public var serviceKey: String
    /// The year the price is for.
    public var year: Int
    public var plannedCostBase: Money
    /// Positive: surplus returned to the customers; negative: deficit recovered from them.
    public var plannedFundUse: Money
    /// Units (of the service's unit) planned sold; nil when not planned.
    public var plannedVolume: Quantity?

    public init(serviceKey: String, year: Int, plannedCostBase: Money, plannedFundUse: Money = .zero, plannedVolume: Quantity?) {
        self.serviceKey = serviceKey
        self.year = year
        self.plannedCostBase = plannedCostBase
        self.plannedFundUse = plannedFundUse
        self.plannedVolume = plannedVolume
    }
}

/// The price per unit, step by step.
public struct PriceCalculation: Hashable, Sendable {
    public struct Step: Hashable, Sendable {
        public var label: String
        public var amount: String
    }

    public var plan: PricePlan
    public var toRecover: Money
    public var pricePerUnit: Money
    public var steps: [Step]
}

public enum PriceRules {
    /// price = (planned cost base − planned fund use) ÷ planned volume, to the øre (half away from
    /// zero). Refused: no planned volume (or not above 0), a negative cost base, or more surplus
    /// given back than the fund holds.
    public static func price(_ plan: PricePlan, serviceName: String, unit: String, fundBalance: Money) throws -> PriceCalculation {
        var errors = InputErrors()
        if plan.plannedCostBase.ore < 0 { errors.add("plannedCostBase", "Planlagt kostnadsgrunnlag kan ikke være negativt.") }
        guard let volume = plan.plannedVolume, volume.milli > 0 else {
            errors.add("plannedVolume", "«\(serviceName)» har ikke planlagt volum for \(plan.year); prisen per \(unit) kan ikke regnes ut uten.")
            throw errors
        }
        if plan.plannedFundUse.ore > 0, plan.plannedFundUse > max(fundBalance, .zero) {
            errors.add("plannedFundUse", "Planlagt bruk av fond (\(NorwegianFormat.kroner(plan.plannedFundUse)) kr) er mer enn fondet har (\(NorwegianFormat.kroner(max(fundBalance, .zero), zeroAsDash: false)) kr).")
        }
        try errors.check()
        let toRecover = plan.plannedCostBase - plan.plannedFundUse
        let price = Money(ore: SelfCostRounding.divide(Int128(toRecover.ore) * 1000, by: Int128(volume.milli)))
        let steps = [
            PriceCalculation.Step(label: "Planlagt kostnadsgrunnlag \(plan.year)", amount: NorwegianFormat.exactKroner(plan.plannedCostBase) + " kr"),
            PriceCalculation.Step(label: plan.plannedFundUse.ore >= 0 ? "− planlagt bruk av selvkostfond" : "+ planlagt inndekning av underskudd",
                                  amount: NorwegianFormat.exactKroner(Money(ore: Int64(plan.plannedFundUse.ore.magnitude))) + " kr"),
            PriceCalculation.Step(label: "= skal dekkes av kundene", amount: NorwegianFormat.exactKroner(toRecover) + " kr"),
            PriceCalculation.Step(label: "÷ planlagt volum", amount: NorwegianFormat.quantity(volume, decimals: 3) + " " + unit),
            PriceCalculation.Step(label: "= pris per \(unit)", amount: NorwegianFormat.exactKroner(price) + " kr"),
        ]
        return PriceCalculation(plan: plan, toRecover: toRecover, pricePerUnit: price, steps: steps)
    }
}
