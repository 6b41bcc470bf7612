import StyrDomain

/// The agency's own entries about its services: the catalogue, agreements with customer
/// agencies, the ledger mapping rules, the asset register, each year's self-cost input and
/// service-level results. The agency writes (`.enterResults`); its department and the auditor read.
public struct ServiceCatalogueService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// The catalogue with its agreements, rules and assets.
    public struct Catalogue: Sendable {
        public var scope: OrganisationScope
        public var services: [ServiceDescription]
        public var agreements: [ServiceAgreement]
        public var rules: [ServiceMappingRule]
        public var assets: [FixedAsset]
        public var canEdit: Bool
        /// Years with self-cost input, and the year the pages open on (the latest, else last year).
        public var years: [Int]
        public var isExample: Bool

        public var defaultYear: Int { years.last ?? CalendarDate.today().year - 1 }
    }

    public func catalogue(of code: String, by user: UserAccount?) async throws -> Catalogue {
        try await storage.read { repositories in
            let access = try await AccessCheck.agencyScope(.read, on: code, by: user, repositories)
            let store = repositories.governance
            let services = try await store.services(of: code), agreements = try await store.agreements(of: code)
            let scope = try await access.naming(services.flatMap(\.customers) + agreements.map(\.customerCode), repositories)
            return Catalogue(scope: scope, services: services, agreements: agreements,
                             rules: try await store.serviceMappingRules(of: code), assets: try await store.fixedAssets(of: code),
                             canEdit: scope.can(.enterResults), years: try await store.selfCostYears(of: code),
                             isExample: services.contains(where: \.isExample))
        }
    }

    /// Adds a service, or replaces the one with the same key when `replacing` is its key.
    @discardableResult
    public func saveService(_ service: ServiceDescription, replacing: String? = nil, in code: String, by user: UserAccount?) async throws -> ServiceDescription {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await AccessCheck.agencyScope(.enterResults, on: code, by: user, repositories)
            var service = service
            service.organisationCode = code
            let store = repositories.governance
            let existing = try await store.services(of: code)
            if let replacing, replacing != service.key { throw ServiceError.badRequest("Nøkkelen til en tjeneste kan ikke endres.") }
            let others = Set(existing.map(\.key)).subtracting(replacing.map { [$0] } ?? [])
            let codes = Set(try await store.organisations().map(\.code))
            try ServiceError.rule { try ServiceCatalogueRules.validate(service, otherKeys: others, organisationCodes: codes) }
            if service.versions.isEmpty { service.versions = [ServiceVersion(number: 1, validFromYear: CalendarDate.today().year, note: "Første versjon")] }
            try await store.save(service)
            return service
        }
    }

    /// Adds or replaces an agreement (same service, customer and first day).
    public func saveAgreement(_ agreement: ServiceAgreement, in code: String, by user: UserAccount?) async throws {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await AccessCheck.agencyScope(.enterResults, on: code, by: user, repositories)
            var agreement = agreement
            agreement.organisationCode = code
            let store = repositories.governance
            let keys = Set(try await store.services(of: code).map(\.key))
            let codes = Set(try await store.organisations().map(\.code))
            try ServiceError.rule { try ServiceCatalogueRules.validate(agreement, serviceKeys: keys, organisationCodes: codes) }
            try await YearGuard.requireOpen(organisationCode: code, year: agreement.fromDate.year, repositories)
            try await store.save(agreement)
        }
    }

    /// Adds a mapping rule at the end of the agency's rules.
    public func addMappingRule(_ rule: ServiceMappingRule, in code: String, by user: UserAccount?) async throws {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await AccessCheck.agencyScope(.enterResults, on: code, by: user, repositories)
            let store = repositories.governance
            let keys = Set(try await store.services(of: code).map(\.key))
            try ServiceError.rule { try ServiceMappingRules.validate(rule, serviceKeys: keys) }
            try await store.saveServiceMappingRules(try await store.serviceMappingRules(of: code) + [rule], of: code)
        }
    }

    /// Removes the rule at `index` (0-based, in the listed order).
    public func removeMappingRule(at index: Int, in code: String, by user: UserAccount?) async throws {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await AccessCheck.agencyScope(.enterResults, on: code, by: user, repositories)
            var rules = try await repositories.governance.serviceMappingRules(of: code)
            guard rules.indices.contains(index) else { throw ServiceError.notFound("Regel nr. \(index + 1) finnes ikke.") }
            rules.remove(at: index)
            try await repositories.governance.saveServiceMappingRules(rules, of: code)
        }
    }

    /// Adds or replaces an asset in the register of `year` (activated no later than the year).
    public func saveAsset(_ asset: FixedAsset, year: Int, replacing: Bool = false, in code: String, by user: UserAccount?) async throws {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await AccessCheck.agencyScope(.enterResults, on: code, by: user, repositories)
            let year = try AccessCheck.year(year)
            let store = repositories.governance
            let keys = Set(try await store.services(of: code).map(\.key))
            let numbers = Set(try await store.fixedAssets(of: code).map(\.number)).subtracting(replacing ? [asset.number] : [])
            try ServiceError.rule { try FixedAssetRules.validate(asset, year: year, serviceKeys: keys, otherNumbers: numbers) }
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            try await store.save(asset, of: code)
        }
    }

    /// The year's self-cost input (empty when nothing is entered).
    public func selfCostYear(of code: String, year: Int, by user: UserAccount?) async throws -> SelfCostYear {
        try await storage.read { repositories in
            _ = try await AccessCheck.agencyScope(.read, on: code, by: user, repositories)
            return try await repositories.governance.selfCostYear(of: code, year: try AccessCheck.year(year))
                ?? SelfCostYear(organisationCode: code, year: year)
        }
    }

    /// Sets the year's average 5-year swap rate.
    public func setSwapRate(_ rate: BasisPoints?, year: Int, in code: String, by user: UserAccount?) async throws {
        try await changeYear(year, in: code, by: user) { setup, _ in
            guard let rate, (0...2_000).contains(rate.value) else {
                throw ServiceError.invalid(.single("swapRate", "Oppgi årets gjennomsnittlige 5-årige swaprente i prosent, mellom 0 og 20 (f.eks. 0,85)."))
            }
            setup.swapRate = rate
        }
    }

    /// Adds or replaces (same name) an indirect cost with its allocation key.
    public func saveIndirectPool(_ pool: IndirectCostPool, year: Int, in code: String, by user: UserAccount?) async throws {
        try await changeYear(year, in: code, by: user) { setup, keys in
            let others = Set(setup.indirectPools.map(\.name)).subtracting([pool.name])
            try ServiceError.rule { try AllocationRules.validate(pool, serviceKeys: keys, otherNames: others) }
            if let index = setup.indirectPools.firstIndex(where: { $0.name == pool.name }) { setup.indirectPools[index] = pool }
            else { setup.indirectPools.append(pool) }
        }
    }

    /// Sets the plan for next year's price of a service (the price is computed from it).
    public func savePricePlan(_ plan: PricePlan, year: Int, in code: String, by user: UserAccount?) async throws {
        try await changeYear(year, in: code, by: user) { setup, keys in
            guard keys.contains(plan.serviceKey) else { throw ServiceError.invalid(.single("serviceKey", "Velg en tjeneste fra tjenestekatalogen.")) }
            var plan = plan
            plan.year = year + 1
            if plan.plannedVolume == nil || (plan.plannedVolume?.milli ?? 0) <= 0 {
                throw ServiceError.invalid(.single("plannedVolume", "Oppgi planlagt volum for \(year + 1) (større enn 0); uten volum kan prisen ikke regnes ut."))
            }
            if plan.plannedCostBase.ore < 0 { throw ServiceError.invalid(.single("plannedCostBase", "Planlagt kostnadsgrunnlag kan ikke være negativt.")) }
            setup.pricePlans.removeAll { $0.serviceKey == plan.serviceKey }
            setup.pricePlans.append(plan)
        }
    }

    /// Sets a service's fund at the start of the year (for the first year Styr calculates).
    public func setOpeningFund(_ fund: SelfCostFund, service: String, year: Int, in code: String, by user: UserAccount?) async throws {
        try await changeYear(year, in: code, by: user) { setup, keys in
            guard keys.contains(service) else { throw ServiceError.invalid(.single("serviceKey", "Velg en tjeneste fra tjenestekatalogen.")) }
            if let later = fund.layers.first(where: { $0.originYear >= year }) {
                throw ServiceError.invalid(.single("openingFund", "Fondet ved inngangen til \(year) kan ikke ha beløp fra \(later.originYear)."))
            }
            setup.openingFunds[service] = fund
        }
    }

    /// Records a service-level result for a period; a shortfall is flagged where it is shown.
    public func recordResult(_ result: ServiceLevelResult, in code: String, by user: UserAccount?) async throws {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await AccessCheck.agencyScope(.enterResults, on: code, by: user, repositories)
            let year = try AccessCheck.year(result.year)
            guard let service = try await repositories.governance.services(of: code).first(where: { $0.key == result.serviceKey }) else {
                throw ServiceError.invalid(.single("serviceKey", "Velg en tjeneste fra tjenestekatalogen."))
            }
            guard service.serviceLevels.contains(where: { $0.name == result.levelName }) else {
                throw ServiceError.invalid(.single("levelName", "«\(service.name)» har ikke tjenestenivået «\(result.levelName)»."))
            }
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            try await repositories.governance.save(result, of: code)
        }
    }

    private func changeYear(_ year: Int, in code: String, by user: UserAccount?,
                            _ change: @Sendable (inout SelfCostYear, Set<String>) throws -> Void) async throws {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await AccessCheck.agencyScope(.enterResults, on: code, by: user, repositories)
            let year = try AccessCheck.year(year)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            let store = repositories.governance
            var setup = try await store.selfCostYear(of: code, year: year) ?? SelfCostYear(organisationCode: code, year: year)
            try change(&setup, Set(try await store.services(of: code).map(\.key)))
            try await store.save(setup)
        }
    }
}

extension ServiceCatalogueService {
    /// One service of the catalogue with the year's service-level results.
    public struct ServicePage: Sendable {
        public var catalogue: Catalogue
        public var service: ServiceDescription
        public var year: Int
        public var results: [ServiceLevelResult]
    }

    public func service(_ key: String, year: Int, of code: String, by user: UserAccount?) async throws -> ServicePage {
        let catalogue = try await catalogue(of: code, by: user)
        guard let service = catalogue.services.first(where: { $0.key == key }) else {
            throw ServiceError.notFound("\(catalogue.scope.organisation.name) har ingen tjeneste «\(key)».")
        }
        let year = try AccessCheck.year(year)
        let results = try await storage.read { try await $0.governance.serviceLevelResults(of: code, year: year) }
        return ServicePage(catalogue: catalogue, service: service, year: year, results: results.filter { $0.serviceKey == key })
    }
}
