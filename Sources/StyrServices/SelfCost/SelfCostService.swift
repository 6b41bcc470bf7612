import StyrDomain

/// The figures computed from what the agency entered and its ledger: the ledger mapped to
/// services, the services' accounts (tjenesteregnskap), each service's self-cost (A–H, fund),
/// next year's price list, each customer's invoice basis, and the department's overview.
public struct SelfCostService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// The year's ledger mapped to services.
    public struct Mapping: Sendable {
        public var scope: OrganisationScope
        public var year: Int
        public var services: [ServiceDescription]
        public var rules: [ServiceMappingRule]
        public var attribution: ServiceAttribution
        public var totalLines: Int64
    }

    /// One service's year: its accounts and its self-cost calculation (nil with the reason when it cannot be computed).
    public struct ServiceYear: Sendable {
        public var service: ServiceDescription
        public var accounts: ServiceAccounts
        public var calculation: SelfCostCalculation?
        public var problem: String?
        public var assets: [FixedAsset]
        public var price: PriceCalculation?
        public var priceProblem: String?
    }

    public struct Year: Sendable {
        public var scope: OrganisationScope
        public var year: Int
        public var setup: SelfCostYear
        public var mapping: ServiceAttribution
        public var services: [ServiceYear]
        public var notAService: ServiceAccounts
        public var agreements: [ServiceAgreement]
        public var results: [ServiceLevelResult]
        public var isExample: Bool
    }

    public func mapping(of code: String, year: Int, by user: UserAccount?) async throws -> Mapping {
        try await storage.read { repositories in
            let scope = try await AccessCheck.agencyScope(.read, on: code, by: user, repositories)
            let year = try AccessCheck.year(year)
            let rules = try await repositories.governance.serviceMappingRules(of: code)
            let groups = try await Self.lineGroups(of: code, year: year, repositories)
            return Mapping(scope: scope, year: year, services: try await repositories.governance.services(of: code), rules: rules,
                           attribution: ServiceMappingRules.attribute(groups, rules: rules), totalLines: groups.map(\.count).reduce(0, +))
        }
    }

    /// Every service's accounts and self-cost for the year, the fund carried over from earlier
    /// years' calculations (up to ten years back) or entered for the year.
    public func year(_ year: Int, of code: String, by user: UserAccount?) async throws -> Year {
        try await storage.read { repositories in
            let scope = try await AccessCheck.agencyScope(.read, on: code, by: user, repositories)
            return try await Self.compute(year: try AccessCheck.year(year), scope: scope, repositories)
        }
    }

    /// The department's (or the agency's own) overview: each service's coverage ratio and fund, per agency.
    public struct OverviewRow: Sendable {
        public var agency: Organisation
        public var service: ServiceDescription
        public var calculation: SelfCostCalculation?
        public var problem: String?
    }

    public func overview(of code: String, year: Int, by user: UserAccount?) async throws -> (scope: OrganisationScope, rows: [OverviewRow]) {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            let year = try AccessCheck.year(year)
            var rows: [OverviewRow] = []
            for agency in scope.agencies {
                let agencyScope = OrganisationScope(user: scope.user, organisation: agency, organisations: scope.organisations)
                let computed = try await Self.compute(year: year, scope: agencyScope, repositories)
                rows += computed.services.map { OverviewRow(agency: agency, service: $0.service, calculation: $0.calculation, problem: $0.problem) }
            }
            return (scope, rows)
        }
    }

    // MARK: Computation

    static func lineGroups(of code: String, year: Int, _ repositories: Repositories) async throws -> [LedgerLineGroup] {
        let dimensions: [LedgerDimension] = [.responsibility, .kind, .art, .function, .project, .freeDimension]
        return try await repositories.ledger.totals(of: code, LedgerFilter(year: year), by: dimensions).map { total in
            let values = total.values
            let line = LedgerLine(
                responsibility: values[.responsibility] ?? "", kind: AccountKind(rawValue: values[.kind] ?? "") ?? .operating,
                art: Int(values[.art] ?? "") ?? 0, function: Int(values[.function] ?? "") ?? 0, project: values[.project] ?? "",
                freeDimension: values[.freeDimension] ?? "", year: year, amount: total.amount)
            return LedgerLineGroup(line: line, count: total.lines)
        }
    }

    static func compute(year: Int, scope: OrganisationScope, _ repositories: Repositories) async throws -> Year {
        let code = scope.code
        let store = repositories.governance
        let services = try await store.services(of: code)
        let rules = try await store.serviceMappingRules(of: code)
        let assets = try await store.fixedAssets(of: code)
        let setup = try await store.selfCostYear(of: code, year: year) ?? SelfCostYear(organisationCode: code, year: year)
        let attribution = ServiceMappingRules.attribute(try await lineGroups(of: code, year: year, repositories), rules: rules)
        var openingFunds: [String: SelfCostFund] = [:]
        for service in services {
            openingFunds[service.key] = try await openingFund(of: service.key, year: year, code: code, assets: assets, rules: rules,
                                                              setup: setup, repositories, depth: 0)
        }
        let rows = services.map { service -> ServiceYear in
            let accounts = attribution.accounts(of: service.key)
            let serviceAssets = assets.filter { $0.serviceKey == service.key }
            var row = ServiceYear(service: service, accounts: accounts, calculation: nil, problem: nil, assets: serviceAssets)
            if let swapRate = setup.swapRate {
                do {
                    row.calculation = try SelfCostRules.calculate(SelfCostInput(
                        serviceKey: service.key, year: year, directCosts: accounts.directCosts, indirectPools: setup.indirectPools,
                        swapRate: swapRate, assets: serviceAssets, otherIncome: accounts.otherIncome, customerIncome: accounts.customerIncome,
                        openingFund: openingFunds[service.key] ?? SelfCostFund()))
                } catch let errors as InputErrors {
                    row.problem = errors.entries.map(\.message).joined(separator: " ")
                } catch {
                    row.problem = "\(error)"
                }
            } else {
                row.problem = "Årets swaprente er ikke lagt inn; kalkulatorisk rente kan ikke regnes ut."
            }
            if let plan = setup.pricePlans.first(where: { $0.serviceKey == service.key }) {
                do {
                    row.price = try PriceRules.price(plan, serviceName: service.name, unit: service.unit,
                                                     fundBalance: row.calculation?.fund.closing ?? openingFunds[service.key]?.balance ?? .zero)
                } catch let errors as InputErrors {
                    row.priceProblem = errors.entries.map(\.message).joined(separator: " ")
                } catch {
                    row.priceProblem = "\(error)"
                }
            }
            return row
        }
        let agreements = try await store.agreements(of: code).filter { $0.covers(year: year) }
        let scope = try await scope.naming(services.flatMap(\.customers) + agreements.map(\.customerCode), repositories)
        return Year(scope: scope, year: year, setup: setup, mapping: attribution, services: rows,
                    notAService: attribution.accounts(of: ServiceMappingRule.notAService),
                    agreements: agreements,
                    results: try await store.serviceLevelResults(of: code, year: year),
                    isExample: setup.isExample || services.contains(where: \.isExample))
    }

    /// The fund at the start of `year`: entered for the year, else the closing fund of last year's
    /// calculation when last year has a swap rate, else empty.
    static func openingFund(of service: String, year: Int, code: String, assets: [FixedAsset], rules: [ServiceMappingRule],
                            setup: SelfCostYear, _ repositories: Repositories, depth: Int) async throws -> SelfCostFund {
        if let entered = setup.openingFunds[service] { return entered }
        guard depth < 10, let previous = try await repositories.governance.selfCostYear(of: code, year: year - 1),
              let swapRate = previous.swapRate else { return SelfCostFund() }
        let opening = try await openingFund(of: service, year: year - 1, code: code, assets: assets, rules: rules, setup: previous,
                                            repositories, depth: depth + 1)
        let accounts = ServiceMappingRules.attribute(try await lineGroups(of: code, year: year - 1, repositories), rules: rules).accounts(of: service)
        guard let calculation = try? SelfCostRules.calculate(SelfCostInput(
            serviceKey: service, year: year - 1, directCosts: accounts.directCosts, indirectPools: previous.indirectPools, swapRate: swapRate,
            assets: assets, otherIncome: accounts.otherIncome, customerIncome: accounts.customerIncome, openingFund: opening))
        else { return opening }
        return calculation.fund.fund
    }
}
