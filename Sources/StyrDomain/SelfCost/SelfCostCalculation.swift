/// What one service's self-cost calculation for a year is computed from (selvkostforskriften
/// FOR-2019-12-11-1731, guide H-2465). Amounts in øre; revenues as positive amounts here.
public struct SelfCostInput: Hashable, Sendable {
    public var serviceKey: String
    public var year: Int
    /// A: the service's direct operating costs (its ledger lines, arts 010–499, operating).
    public var directCosts: Money
    /// The agency's indirect costs, each with its allocation key (B is the service's part).
    public var indirectPools: [IndirectCostPool]
    /// The year's average 5-year swap rate; the calculation rate adds 0,5 percentage points.
    public var swapRate: BasisPoints
    /// The service's fixed assets (assets of other services and assets activated after the year are ignored).
    public var assets: [FixedAsset]
    /// E: other income that reduces the cost base (refunds, grants; arts 700–899 except 790).
    public var otherIncome: Money
    /// G: income from customers (internal sales 790 and sales 600–689).
    public var customerIncome: Money
    /// The fund at the start of the year.
    public var openingFund: SelfCostFund

    public init(serviceKey: String, year: Int, directCosts: Money, indirectPools: [IndirectCostPool] = [], swapRate: BasisPoints,
                assets: [FixedAsset] = [], otherIncome: Money = .zero, customerIncome: Money, openingFund: SelfCostFund = SelfCostFund()) {
        self.serviceKey = serviceKey
        self.year = year
        self.directCosts = directCosts
        self.indirectPools = indirectPools
        self.swapRate = swapRate
        self.assets = assets
        self.otherIncome = otherIncome
        self.customerIncome = customerIncome
        self.openingFund = openingFund
    }
}

/// One service's self-cost for a year, every step kept so it can be shown and redone by hand.
public struct SelfCostCalculation: Hashable, Sendable {
    public var serviceKey: String
    public var year: Int
    /// A
    public var directCosts: Money
    /// B, and each pool's part of it.
    public var indirectCosts: Money
    public var indirectParts: [IndirectPart]
    /// The calculation rate: swap rate + 0,5 percentage points.
    public var swapRate: BasisPoints
    public var interestRate: BasisPoints
    /// Residual values of the service's assets at the start and end of the year, and their average.
    public var openingResidual: Money
    public var closingResidual: Money
    public var averageResidual: Money
    /// C = interest rate × average residual value.
    public var calculatedInterest: Money
    /// D = Σ straight-line depreciation.
    public var depreciation: Money
    /// E
    public var otherIncome: Money
    /// F = A + B + C + D − E
    public var costBase: Money
    /// G
    public var customerIncome: Money
    /// H = G − F
    public var result: Money
    /// G / F in basis points; nil when F is not positive.
    public var coverage: BasisPoints?
    public var fund: FundYear

    /// One indirect cost's part of B: the pool, the service's share of its key, the part.
    public struct IndirectPart: Hashable, Sendable {
        public var name: String
        public var pool: Money
        public var share: BasisPoints
        public var part: Money
    }

    /// The coverage ratio as `98,4 %` (one decimal), or «–» without a cost base.
    public var coverageText: String {
        guard let coverage else { return "–" }
        return NorwegianFormat.percent(Quantity(milli: coverage.value * 10), decimals: 1)
    }
}

public enum SelfCostRules {
    /// The markup on the swap rate: 0,5 percentage points.
    public static let interestMarkup = BasisPoints(50)

    /// Computes A–H, the coverage ratio and the fund's year. Refused: a negative swap rate, a
    /// key that does not add up to 100 %, an asset of the service with a useful life under one year.
    public static func calculate(_ input: SelfCostInput) throws -> SelfCostCalculation {
        var errors = InputErrors()
        if input.swapRate.value < 0 || input.swapRate.value > 2_000 {
            errors.add("swapRate", "Swaprenten for \(input.year) må være mellom 0 og 20 % (var \(input.swapRate.percentText)).")
        }
        for pool in input.indirectPools where pool.totalShare.value != 10_000 {
            errors.add("shares", "Fordelingsnøkkelen for «\(pool.name)» summerer til \(pool.totalShare.percentText), ikke 100 %.")
        }
        let assets = input.assets.filter { $0.serviceKey == input.serviceKey && $0.activationYear <= input.year }
        if let asset = assets.first(where: { $0.usefulLife <= 0 }) {
            errors.add("usefulLife", "Anleggsmiddel \(asset.number) har levetid \(asset.usefulLife); den må være minst 1 år.")
        }
        try errors.check()

        let parts = input.indirectPools.compactMap { pool -> SelfCostCalculation.IndirectPart? in
            let share = pool.shares.filter { $0.serviceKey == input.serviceKey }.map(\.share.value).reduce(0, +)
            return share == 0 ? nil
                : SelfCostCalculation.IndirectPart(name: pool.name, pool: pool.amount, share: BasisPoints(share), part: pool.allocated(to: input.serviceKey))
        }
        let indirect = parts.map(\.part).sum()
        let rate = BasisPoints(input.swapRate.value + interestMarkup.value)
        let opening = assets.map { $0.openingValue(in: input.year) }.sum()
        let closing = assets.map { $0.closingValue(in: input.year) }.sum()
        let average = Money(ore: SelfCostRounding.divide(Int128(opening.ore) + Int128(closing.ore), by: 2))
        let interest = SelfCostRounding.share(of: average, basisPoints: rate.value)
        let depreciation = assets.map { $0.depreciation(in: input.year) }.sum()
        let costBase = input.directCosts + indirect + interest + depreciation - input.otherIncome
        let result = input.customerIncome - costBase
        let coverage = costBase.ore > 0
            ? BasisPoints(SelfCostRounding.divide(Int128(input.customerIncome.ore) * 10_000, by: Int128(costBase.ore))) : nil
        return SelfCostCalculation(
            serviceKey: input.serviceKey, year: input.year, directCosts: input.directCosts, indirectCosts: indirect,
            indirectParts: parts, swapRate: input.swapRate, interestRate: rate,
            openingResidual: opening, closingResidual: closing, averageResidual: average, calculatedInterest: interest,
            depreciation: depreciation, otherIncome: input.otherIncome, costBase: costBase, customerIncome: input.customerIncome,
            result: result, coverage: coverage,
            fund: FundYear.compute(from: input.openingFund, result: result, rate: rate, year: input.year))
    }
}
