/// What an agency enters for one year's self-cost besides its ledger and asset register: the
/// year's average 5-year swap rate, the indirect costs with their allocation keys, the fund at
/// the start of the year where it is not carried over from last year's calculation, and the
/// price plans for the next year.
public struct SelfCostYear: Hashable, Sendable, Codable {
    public var organisationCode: String
    public var year: Int
    /// The year's average 5-year swap rate; nil until entered.
    public var swapRate: BasisPoints?
    public var indirectPools: [IndirectCostPool]
    /// Opening funds by service key, for the first year Styr calculates (later years carry over).
    public var openingFunds: [String: SelfCostFund]
    /// Price plans for `year + 1`, one per service.
    public var pricePlans: [PricePlan]
    public var isExample: Bool

    public init(organisationCode: String, year: Int, swapRate: BasisPoints? = nil, indirectPools: [IndirectCostPool] = [],
                openingFunds: [String: SelfCostFund] = [:], pricePlans: [PricePlan] = [], isExample: Bool = false) {
        self.organisationCode = organisationCode
        self.year = year
        self.swapRate = swapRate
        self.indirectPools = indirectPools
        self.openingFunds = openingFunds
        self.pricePlans = pricePlans
        self.isExample = isExample
    }
}
