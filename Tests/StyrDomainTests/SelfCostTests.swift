import Testing
@testable import StyrDomain

/// The worked example of docs/selvkost.md, redone by hand in the comments, to the øre; and the
/// refusals of bad input.
@Suite("Self-cost calculation")
struct SelfCostTests {
    static let ledelse = IndirectCostPool(name: "Ledelse og administrasjon", amount: .kroner(2_000_000), basis: .fte, shares: [
        AllocationShare(serviceKey: "faktura", share: BasisPoints(2_500)),
        AllocationShare(serviceKey: "kompetanse", share: BasisPoints(1_500)),
        AllocationShare(serviceKey: ServiceMappingRule.notAService, share: BasisPoints(6_000)),
    ])
    static let lokaler = IndirectCostPool(name: "Lokaler", amount: .kroner(1_000_000), basis: .floorArea, shares: [
        AllocationShare(serviceKey: "faktura", share: BasisPoints(1_250)),
        AllocationShare(serviceKey: "kompetanse", share: BasisPoints(2_750)),
        AllocationShare(serviceKey: ServiceMappingRule.notAService, share: BasisPoints(6_000)),
    ])
    static let assets = [
        FixedAsset(number: "A-1", serviceKey: "faktura", name: "Fakturaskanner", cost: .kroner(600_000), activationYear: 2018, usefulLife: 5),
        FixedAsset(number: "A-2", serviceKey: "faktura", name: "Tilpasning av fakturasystemet", cost: .kroner(1_000_000), activationYear: 2019,
                   usefulLife: 3),
        FixedAsset(number: "A-3", serviceKey: "kompetanse", name: "Kursportal", cost: .kroner(900_000), activationYear: 2019, usefulLife: 3),
    ]
    static let example = SelfCostInput(
        serviceKey: "faktura", year: 2020, directCosts: .kroner(4_000_000), indirectPools: [ledelse, lokaler], swapRate: BasisPoints(85),
        assets: assets, otherIncome: .kroner(50_000), customerIncome: .kroner(5_200_000),
        openingFund: SelfCostFund(layers: [FundLayer(originYear: 2017, amount: .kroner(80_000))]))

    @Test("The worked example: A–H, coverage and fund to the øre")
    func workedExample() throws {
        let result = try SelfCostRules.calculate(Self.example)
        // A: 4 000 000,00
        #expect(result.directCosts == Money(ore: 400_000_000))
        // B: 25 % of 2 000 000 = 500 000,00; 12,5 % of 1 000 000 = 125 000,00; B = 625 000,00
        #expect(result.indirectParts.map(\.part) == [.kroner(500_000), .kroner(125_000)])
        #expect(result.indirectCosts == .kroner(625_000))
        // D: scanner 600 000 / 5 = 120 000,00; system: round(1 000 000 × 1/3) = 333 333,33 → 453 333,33
        #expect(result.depreciation == Money(ore: 45_333_333))
        // Residual: start 480 000 + 1 000 000 = 1 480 000,00; end 360 000 + 666 666,67 = 1 026 666,67
        #expect(result.openingResidual == .kroner(1_480_000))
        #expect(result.closingResidual == Money(ore: 102_666_667))
        // Average (1 480 000,00 + 1 026 666,67) / 2 = 1 253 333,335 → 1 253 333,34 (half away from zero)
        #expect(result.averageResidual == Money(ore: 125_333_334))
        // C: rate 0,85 % + 0,5 = 1,35 %; 1 253 333,34 × 1,35 % = 16 920,000 09 → 16 920,00
        #expect(result.interestRate == BasisPoints(135))
        #expect(result.calculatedInterest == .kroner(16_920))
        // F = 4 000 000 + 625 000 + 16 920 + 453 333,33 − 50 000 = 5 045 253,33
        #expect(result.costBase == Money(ore: 504_525_333))
        // H = 5 200 000 − 5 045 253,33 = 154 746,67; coverage 103,07 %
        #expect(result.result == Money(ore: 15_474_667))
        #expect(result.coverage == BasisPoints(10_307))
        #expect(result.coverageText == "103,1 %")
        // Fund: average 80 000 + 154 746,67 / 2 = 157 373,335 → 157 373,34; interest × 1,35 % = 2 124,54
        #expect(result.fund.interest == Money(ore: 212_454))
        #expect(result.fund.closing == Money(ore: 23_687_121))
        #expect(result.fund.fund.layers == [FundLayer(originYear: 2017, amount: .kroner(80_000)),
                                            FundLayer(originYear: 2020, amount: Money(ore: 15_687_121))])
        // The 2017 surplus is in its fourth year at the end of 2020.
        #expect(result.fund.flags.map(\.kind) == [.fourthYear])
        #expect(result.fund.flags.first?.message.contains("fjerde år") == true)
    }

    @Test("Next year's price step by step: (5 200 000 − 80 000) ÷ 260 000 fakturaer = 19,69 kr")
    func price() throws {
        let plan = PricePlan(serviceKey: "faktura", year: 2021, plannedCostBase: .kroner(5_200_000), plannedFundUse: .kroner(80_000),
                             plannedVolume: Quantity(260_000))
        let price = try PriceRules.price(plan, serviceName: "Fakturatjenester", unit: "faktura", fundBalance: Money(ore: 23_687_121))
        #expect(price.toRecover == .kroner(5_120_000))
        #expect(price.pricePerUnit == Money(ore: 1_969))
        #expect(price.steps.map(\.amount) == ["5 200 000 kr", "80 000 kr", "5 120 000 kr", "260 000 faktura", "19,69 kr"])
    }

    @Test("A price without planned volume is refused, naming the service")
    func priceWithoutVolume() {
        let plan = PricePlan(serviceKey: "faktura", year: 2021, plannedCostBase: .kroner(1_000), plannedVolume: nil)
        #expect(throws: InputErrors.single("plannedVolume",
                                           "«Fakturatjenester» har ikke planlagt volum for 2021; prisen per faktura kan ikke regnes ut uten.")) {
            try PriceRules.price(plan, serviceName: "Fakturatjenester", unit: "faktura", fundBalance: .zero)
        }
        let zero = PricePlan(serviceKey: "faktura", year: 2021, plannedCostBase: .kroner(1_000), plannedVolume: .zero)
        #expect(throws: InputErrors.self) { try PriceRules.price(zero, serviceName: "X", unit: "faktura", fundBalance: .zero) }
        let tooMuch = PricePlan(serviceKey: "faktura", year: 2021, plannedCostBase: .kroner(1_000), plannedFundUse: .kroner(10),
                                plannedVolume: Quantity(1))
        #expect(throws: InputErrors.self) { try PriceRules.price(tooMuch, serviceName: "X", unit: "faktura", fundBalance: .kroner(5)) }
    }

    @Test("Keys that do not add up to 100 % are refused")
    func keysNotHundred() {
        var pool = Self.ledelse
        pool.shares[2].share = BasisPoints(5_500)
        #expect(throws: InputErrors.single("shares", "Fordelingsnøkkelen for «Ledelse og administrasjon» summerer til 95 %, ikke 100 %.")) {
            try AllocationRules.validate(pool, serviceKeys: ["faktura", "kompetanse"])
        }
        var input = Self.example
        input.indirectPools = [pool]
        #expect(throws: InputErrors.self) { try SelfCostRules.calculate(input) }
        #expect(throws: Never.self) { try AllocationRules.validate(Self.ledelse, serviceKeys: ["faktura", "kompetanse"]) }
    }

    @Test("Useful life 0 and an asset activated after the year are refused")
    func assetRefusals() {
        let zeroLife = FixedAsset(number: "B-1", serviceKey: "faktura", name: "Server", cost: .kroner(10), activationYear: 2020, usefulLife: 0)
        #expect(throws: InputErrors.self) { try FixedAssetRules.validate(zeroLife, year: 2020, serviceKeys: ["faktura"], otherNumbers: []) }
        let late = FixedAsset(number: "B-2", serviceKey: "faktura", name: "Server", cost: .kroner(10), activationYear: 2021, usefulLife: 3)
        do {
            try FixedAssetRules.validate(late, year: 2020, serviceKeys: ["faktura"], otherNumbers: [])
            Issue.record("accepted")
        } catch let errors as InputErrors {
            #expect(errors["activationYear"] == "Aktiveringsåret 2021 er etter 2020; et anleggsmiddel tatt i bruk senere hører ikke til årets selvkost.")
        } catch { Issue.record("\(error)") }
        var input = Self.example
        input.assets.append(zeroLife)
        #expect(throws: InputErrors.self) { try SelfCostRules.calculate(input) }
    }

    @Test("Straight-line depreciation adds up to the cost and starts the year after activation")
    func depreciation() {
        let asset = Self.assets[1]
        #expect(asset.depreciation(in: 2019) == .zero)
        #expect((2019...2025).map { asset.depreciation(in: $0) }.sum() == asset.cost)
        #expect(asset.closingValue(in: 2022) == .zero)
        #expect(asset.depreciation(in: 2021) == Money(ore: 33_333_334))
    }

    @Test("A deficit is carried forward and settled by later surpluses, oldest first")
    func deficitCarriedForward() {
        let fund = SelfCostFund(layers: [FundLayer(originYear: 2018, amount: .kroner(-30_000)), FundLayer(originYear: 2019, amount: .kroner(-10_000))])
        let after = fund.applying(.kroner(35_000), in: 2020)
        #expect(after.layers == [FundLayer(originYear: 2019, amount: .kroner(-5_000))])
        let surplus = SelfCostFund(layers: [FundLayer(originYear: 2015, amount: .kroner(1_000)), FundLayer(originYear: 2016, amount: .kroner(2_000))])
        #expect(surplus.ageFlags(at: 2020).map(\.kind) == [.overdue, .fifthYear])
        #expect(surplus.applying(.kroner(-1_500), in: 2020).layers == [FundLayer(originYear: 2016, amount: .kroner(1_500))])
    }

    @Test("Rounding is to the øre, half away from zero")
    func rounding() {
        #expect(SelfCostRounding.divide(5, by: 2) == 3)
        #expect(SelfCostRounding.divide(-5, by: 2) == -3)
        #expect(SelfCostRounding.divide(4, by: 3) == 1)
        #expect(SelfCostRounding.share(of: Money(ore: 1), basisPoints: 5_000) == Money(ore: 1))
    }

    @Test("Every line to exactly one target; uncovered and double-claimed lines listed")
    func attribution() {
        let rules = [
            ServiceMappingRule(target: "faktura", function: 120, artFrom: 10, artTo: 499),
            ServiceMappingRule(target: "faktura", artFrom: 790, artTo: 790),
            ServiceMappingRule(target: "kompetanse", project: "KURS"),
            ServiceMappingRule(target: ServiceMappingRule.notAService, responsibility: "LED"),
        ]
        let lines = [
            LedgerLineGroup(line: LedgerLine(responsibility: "UKE", kind: .operating, art: 10, function: 120, year: 2020, amount: .kroner(100)), count: 3),
            LedgerLineGroup(line: LedgerLine(responsibility: "UKE", kind: .operating, art: 790, function: 120, year: 2020, amount: .kroner(-200)), count: 1),
            LedgerLineGroup(line: LedgerLine(responsibility: "UKE", kind: .operating, art: 10, function: 120, project: "KURS", year: 2020,
                                             amount: .kroner(50)), count: 2),
            LedgerLineGroup(line: LedgerLine(responsibility: "LED", kind: .operating, art: 600, function: 100, year: 2020, amount: .kroner(5)), count: 1),
            LedgerLineGroup(line: LedgerLine(responsibility: "X", kind: .operating, art: 700, function: 100, year: 2020, amount: .kroner(5)), count: 4),
        ]
        let attribution = ServiceMappingRules.attribute(lines, rules: rules)
        #expect(attribution.byTarget["faktura"]?.map(\.count) == [3, 1])
        #expect(attribution.byTarget[ServiceMappingRule.notAService]?.count == 1)
        #expect(attribution.conflicts.map(\.targets) == [["faktura", "kompetanse"]])
        #expect(attribution.unmatched.map(\.count) == [4])
        let accounts = attribution.accounts(of: "faktura")
        #expect(accounts.directCosts == .kroner(100))
        #expect(accounts.customerIncome == .kroner(200))
        #expect(accounts.internalSales == .kroner(200))
        #expect(throws: InputErrors.self) { try ServiceMappingRules.validate(ServiceMappingRule(target: "faktura"), serviceKeys: ["faktura"]) }
    }
}
