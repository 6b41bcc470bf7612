import StyrDemo
import StyrDomain
import StyrServices
import StyrTestSupport
import Testing

/// The services and self-cost use cases on the demo: every demo ledger line attributed once,
/// the demo's calculation, refusals that change nothing, and who may do what.
@Suite("Services and self-cost")
struct SelfCostServiceTests {
    static let pool = IndirectCostPool(name: "IT-drift", amount: .kroner(1_000), basis: .volume, shares: [
        AllocationShare(serviceKey: "fellessystemer", share: BasisPoints(6_000)),
        AllocationShare(serviceKey: "kompetanse", share: BasisPoints(3_000)),
    ])

    @Test("every demo ledger line falls to exactly one service or «ikke en tjeneste»", arguments: TestDatabase.backends)
    func demoMapping(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let editor = try #require(users[ServiceTestApp.editor])
            for year in [2019, 2020] {
                let mapping = try await services.selfCost.mapping(of: "UKE", year: year, by: editor)
                #expect(mapping.attribution.unmatched.isEmpty && mapping.attribution.conflicts.isEmpty)
                #expect(mapping.totalLines == Int64(DemoData.ledgerLines(year: year).count))
                #expect(mapping.attribution.attributedLineCount == mapping.totalLines)
            }
            let year = try await services.selfCost.year(2020, of: "UKE", by: editor)
            #expect(year.isExample)
            let shared = try #require(year.services.first { $0.service.key == "fellessystemer" })
            let calculation = try #require(shared.calculation)
            #expect(calculation.costBase == calculation.directCosts + calculation.indirectCosts + calculation.calculatedInterest
                + calculation.depreciation - calculation.otherIncome)
            // B: 30 % of 120 mill. + 25 % of 40 mill.
            #expect(calculation.indirectCosts == .kroner(46_000_000))
            // The 2019 calculation carries the entered 2017 fund over into 2020.
            #expect(calculation.fund.fund.layers.first?.originYear == 2017 || calculation.fund.opening.ore < 0)
            #expect(shared.price?.pricePerUnit == Money(ore: SelfCostRounding.divide(69_000_000_000 * 1000, by: 55_000_000)))
        }
    }

    @Test("bad input is refused with the field named, and nothing changes", arguments: TestDatabase.backends)
    func refusals(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let editor = try #require(users[ServiceTestApp.editor])
            let before = try await services.serviceCatalogue.selfCostYear(of: "UKE", year: 2021, by: editor)
            do {
                try await services.serviceCatalogue.saveIndirectPool(Self.pool, year: 2021, in: "UKE", by: editor)
                Issue.record("a key of 90 % was accepted")
            } catch ServiceError.invalid(let errors) {
                #expect(errors["shares"] == "Fordelingsnøkkelen for «IT-drift» summerer til 90 %, ikke 100 %.")
            }
            let plan = PricePlan(serviceKey: "kompetanse", year: 2022, plannedCostBase: .kroner(1_000), plannedVolume: nil)
            do {
                try await services.serviceCatalogue.savePricePlan(plan, year: 2021, in: "UKE", by: editor)
                Issue.record("a price without volume was accepted")
            } catch ServiceError.invalid(let errors) {
                #expect(errors["plannedVolume"] != nil)
            }
            #expect(try await services.serviceCatalogue.selfCostYear(of: "UKE", year: 2021, by: editor) == before)
            let assetsBefore = try await services.serviceCatalogue.catalogue(of: "UKE", by: editor).assets
            let zeroLife = FixedAsset(number: "X-1", serviceKey: "kompetanse", name: "Server", cost: .kroner(10), activationYear: 2021, usefulLife: 0)
            let late = FixedAsset(number: "X-2", serviceKey: "kompetanse", name: "Server", cost: .kroner(10), activationYear: 2022, usefulLife: 3)
            for (asset, field) in [(zeroLife, "usefulLife"), (late, "activationYear")] {
                do {
                    try await services.serviceCatalogue.saveAsset(asset, year: 2021, in: "UKE", by: editor)
                    Issue.record("\(asset.number) accepted")
                } catch ServiceError.invalid(let errors) {
                    #expect(errors[field] != nil)
                }
            }
            #expect(try await services.serviceCatalogue.catalogue(of: "UKE", by: editor).assets == assetsBefore)
            // A rule claiming lines another service has: the lines are listed, attributed to neither.
            try await services.serviceCatalogue.addMappingRule(ServiceMappingRule(target: "kompetanse", artFrom: 600, artTo: 600), in: "UKE", by: editor)
            try await services.serviceCatalogue.addMappingRule(ServiceMappingRule(target: "kompetanse", artFrom: 620, artTo: 620), in: "UKE", by: editor)
            let mapping = try await services.selfCost.mapping(of: "UKE", year: 2020, by: editor)
            #expect(!mapping.attribution.conflicts.isEmpty)
            #expect(mapping.attribution.conflicts.allSatisfy { $0.targets == ["fellessystemer", "kompetanse"] && $0.group.line.art == 620 })
            #expect(mapping.attribution.attributedLineCount + mapping.attribution.conflicts.map(\.group.count).reduce(0, +) == mapping.totalLines)
        }
    }

    @Test("the agency writes; its department and the auditor read; another department neither", arguments: TestDatabase.backends)
    func access(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            var fixed = Self.pool
            fixed.shares.append(AllocationShare(serviceKey: ServiceMappingRule.notAService, share: BasisPoints(1_000)))
            for email in [ServiceTestApp.auditor, ServiceTestApp.blkSteerer, ServiceTestApp.finSteerer] {
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    try await services.serviceCatalogue.saveIndirectPool(fixed, year: 2021, in: "UKE", by: users[email])
                }
            }
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                _ = try await services.selfCost.year(2020, of: "UKE", by: users[ServiceTestApp.blkSteerer])
            }
            await #expect(throws: ServiceError.unauthenticated) { _ = try await services.selfCost.year(2020, of: "UKE", by: nil) }
            #expect(try await services.selfCost.year(2020, of: "UKE", by: users[ServiceTestApp.auditor]).services.count == 3)
            let overview = try await services.selfCost.overview(of: "FIN", year: 2020, by: users[ServiceTestApp.finSteerer])
            #expect(overview.rows.map(\.service.key) == ["fellessystemer", "faktura-regnskap", "kompetanse"])
            try await services.serviceCatalogue.saveIndirectPool(fixed, year: 2021, in: "UKE", by: users[ServiceTestApp.editor])
            #expect(try await services.serviceCatalogue.selfCostYear(of: "UKE", year: 2021, by: users[ServiceTestApp.auditor]).indirectPools == [fixed])
        }
    }
}
