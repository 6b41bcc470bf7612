import StyrDomain
import StyrStorage

/// UKE's services as the first seed names them (§3.2: shared IT services and systems, pay and
/// accounting services; §3.4: activity-based financing of "kompetanseutviklingstiltak …, faktura-
/// og regnskapstjenester" and "drift og forvaltning av fellessystemer", priced at self-cost).
/// Every figure here — service levels, agreements, swap rate, indirect costs, assets, price plans —
/// is an EXAMPLE: the seed names the services but gives none of their figures, and each record is
/// marked `isExample` so the pages and reports say «eksempel».
///
/// The demo ledger (`UKELedger.swift`) books each artsgruppe on one art, so only whole arts can be
/// attributed: purchases (100–299) and sales (600–699) go to shared systems, everything else is
/// not a service (salaries, transfers, refunds, financing and investments are frame-financed core
/// tasks here); the other services get their costs through the indirect-cost keys.
public enum UKEServices {
    static let code = "UKE"

    static func level(_ name: String, _ target: Int64, _ unit: String, higherIsBetter: Bool) -> ServiceLevel {
        ServiceLevel(name: name, target: Quantity(milli: target), unit: unit, higherIsBetter: higherIsBetter)
    }

    public static let services: [ServiceDescription] = [
        ServiceDescription(
            organisationCode: code, key: "fellessystemer", name: "Drift og forvaltning av fellessystemer",
            description: "Drift, forvaltning og videreutvikling av kommunens fellessystemer og felles IKT-plattform; kostnadene viderefordeles til virksomhetene.",
            owner: "Seksjon for drift og forvaltning", unit: "bruker", customers: ["FIN", "BLK"],
            serviceLevels: [level("Tilgjengelighet", 99_500, "%", higherIsBetter: true), level("Responstid kritiske feil", 4_000, "timer", higherIsBetter: false)],
            versions: [ServiceVersion(number: 1, validFromYear: 2020, note: "Eksempel: første versjon i tjenestekatalogen")], isExample: true),
        ServiceDescription(
            organisationCode: code, key: "faktura-regnskap", name: "Faktura- og regnskapstjenester",
            description: "Mottak og behandling av inngående fakturaer og regnskapstjenester for virksomhetene.",
            owner: "Seksjon for regnskap", unit: "faktura", customers: ["FIN", "BLK"],
            serviceLevels: [level("Behandlet innen forfall", 98_000, "%", higherIsBetter: true), level("Åpningstid kundesenter", 7_500, "timer per dag", higherIsBetter: true)],
            versions: [ServiceVersion(number: 1, validFromYear: 2020, note: "Eksempel: første versjon i tjenestekatalogen")], isExample: true),
        ServiceDescription(
            organisationCode: code, key: "kompetanse", name: "Kompetanseutviklingstiltak",
            description: "Kurs og programmer for ansatte og ledere i kommunen.",
            owner: "Seksjon for ledelse og kompetanse", unit: "kursplass", customers: ["FIN", "BLK"],
            serviceLevels: [level("Deltakertilfredshet", 4_500, "av 6", higherIsBetter: true)],
            versions: [ServiceVersion(number: 1, validFromYear: 2020, note: "Eksempel: første versjon i tjenestekatalogen")], isExample: true),
    ]

    public static let rules: [ServiceMappingRule] = [
        ServiceMappingRule(target: "fellessystemer", artFrom: 100, artTo: 299),
        ServiceMappingRule(target: "fellessystemer", artFrom: 600, artTo: 699),
        ServiceMappingRule(target: ServiceMappingRule.notAService, artFrom: 0, artTo: 99),
        ServiceMappingRule(target: ServiceMappingRule.notAService, artFrom: 300, artTo: 599),
        ServiceMappingRule(target: ServiceMappingRule.notAService, artFrom: 700, artTo: 999),
    ]

    public static let assets: [FixedAsset] = [
        FixedAsset(number: "EKS-1", serviceKey: "fellessystemer", name: "Felles integrasjonsplattform (eksempel)", cost: .kroner(60_000_000),
                   activationYear: 2018, usefulLife: 5),
        FixedAsset(number: "EKS-2", serviceKey: "faktura-regnskap", name: "Skanning og tolkning av fakturaer (eksempel)", cost: .kroner(9_000_000),
                   activationYear: 2019, usefulLife: 3),
        FixedAsset(number: "EKS-3", serviceKey: "kompetanse", name: "Kursportal (eksempel)", cost: .kroner(2_400_000), activationYear: 2019,
                   usefulLife: 4),
    ]

    static func share(_ key: String, _ basisPoints: Int64) -> AllocationShare { AllocationShare(serviceKey: key, share: BasisPoints(basisPoints)) }

    public static func selfCostYears() -> [SelfCostYear] {
        let pools = [
            IndirectCostPool(name: "Ledelse og fellesfunksjoner (eksempel)", amount: .kroner(120_000_000), basis: .fte, shares: [
                share("fellessystemer", 3_000), share("faktura-regnskap", 2_000), share("kompetanse", 1_000), share(ServiceMappingRule.notAService, 4_000),
            ]),
            IndirectCostPool(name: "Lokaler (eksempel)", amount: .kroner(40_000_000), basis: .floorArea, shares: [
                share("fellessystemer", 2_500), share("faktura-regnskap", 2_500), share("kompetanse", 1_500), share(ServiceMappingRule.notAService, 3_500),
            ]),
        ]
        let plans = [
            PricePlan(serviceKey: "fellessystemer", year: 2021, plannedCostBase: .kroner(690_000_000), plannedFundUse: .zero,
                      plannedVolume: Quantity(55_000)),
            PricePlan(serviceKey: "faktura-regnskap", year: 2021, plannedCostBase: .kroner(36_000_000), plannedFundUse: .zero,
                      plannedVolume: Quantity(1_200_000)),
            PricePlan(serviceKey: "kompetanse", year: 2021, plannedCostBase: .kroner(16_000_000), plannedVolume: Quantity(8_000)),
        ]
        let openingFunds = ["fellessystemer": SelfCostFund(layers: [FundLayer(originYear: 2017, amount: .kroner(3_000_000))])]
        return [
            SelfCostYear(organisationCode: code, year: 2019, swapRate: BasisPoints(160), indirectPools: pools, openingFunds: openingFunds,
                         isExample: true),
            SelfCostYear(organisationCode: code, year: 2020, swapRate: BasisPoints(85), indirectPools: pools, pricePlans: plans, isExample: true),
        ]
    }

    static let agreementRows: [(String, String, Int64, Int64)] = [
        ("fellessystemer", "FIN", 450, 1_254_500), ("fellessystemer", "BLK", 380, 1_254_500),
        ("faktura-regnskap", "FIN", 12_000, 3_000), ("faktura-regnskap", "BLK", 9_500, 3_000),
        ("kompetanse", "FIN", 60, 200_000), ("kompetanse", "BLK", 45, 200_000),
    ]

    public static let agreements: [ServiceAgreement] = agreementRows.map { service, customer, volume, priceOre in
        ServiceAgreement(organisationCode: code, serviceKey: service, customerCode: customer, fromDate: CalendarDate(year: 2020, month: 1, day: 1),
                         toDate: CalendarDate(year: 2020, month: 12, day: 31), volume: Quantity(volume), price: Money(ore: priceOre),
                         serviceLevels: services.first { $0.key == service }?.serviceLevels ?? [], isExample: true)
    }

    public static let results: [ServiceLevelResult] = [
        ServiceLevelResult(serviceKey: "fellessystemer", year: 2020, period: "t1", levelName: "Tilgjengelighet", achieved: Quantity(milli: 99_700)),
        ServiceLevelResult(serviceKey: "fellessystemer", year: 2020, period: "t2", levelName: "Tilgjengelighet", achieved: Quantity(milli: 99_200),
                           comment: "Eksempel: ustabil plattform i mai"),
        ServiceLevelResult(serviceKey: "faktura-regnskap", year: 2020, period: "t1", levelName: "Behandlet innen forfall", achieved: Quantity(milli: 98_400)),
    ]

    /// How many audit entries `load` writes: one per record, the mapping rules as one.
    public static var auditedRecords: Int { services.count + 1 + assets.count + selfCostYears().count + agreements.count + results.count }

    /// Adds the services to the demo (inside the demo's transaction, audited as the demo).
    static func load(into store: SQLGovernanceStore) async throws {
        for service in services { try await store.save(service) }
        try await store.saveServiceMappingRules(rules, of: code)
        for asset in assets { try await store.save(asset, of: code) }
        for year in selfCostYears() { try await store.save(year) }
        for agreement in agreements { try await store.save(agreement) }
        for result in results { try await store.save(result, of: code) }
    }
}
