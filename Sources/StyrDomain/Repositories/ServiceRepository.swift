/// An agency's services: the catalogue, agreements with customers, the rules mapping its ledger to
/// services, the asset register, each year's self-cost input and service-level results. Every
/// save is audited.
public protocol ServiceRepository: Sendable {
    func services(of organisationCode: String) async throws -> [ServiceDescription]
    /// Inserts or replaces the service with its key.
    func save(_ service: ServiceDescription) async throws
    func agreements(of organisationCode: String) async throws -> [ServiceAgreement]
    /// Inserts or replaces the agreement with its key (service, customer, first day).
    func save(_ agreement: ServiceAgreement) async throws
    func serviceMappingRules(of organisationCode: String) async throws -> [ServiceMappingRule]
    /// Replaces the agency's mapping rules.
    func saveServiceMappingRules(_ rules: [ServiceMappingRule], of organisationCode: String) async throws
    func fixedAssets(of organisationCode: String) async throws -> [FixedAsset]
    /// Inserts or replaces the asset with its number.
    func save(_ asset: FixedAsset, of organisationCode: String) async throws
    func selfCostYear(of organisationCode: String, year: Int) async throws -> SelfCostYear?
    func save(_ selfCostYear: SelfCostYear) async throws
    /// The years with self-cost input, oldest first.
    func selfCostYears(of organisationCode: String) async throws -> [Int]
    func serviceLevelResults(of organisationCode: String, year: Int) async throws -> [ServiceLevelResult]
    /// Inserts or replaces the result of (service, year, period, level).
    func save(_ result: ServiceLevelResult, of organisationCode: String) async throws
}
