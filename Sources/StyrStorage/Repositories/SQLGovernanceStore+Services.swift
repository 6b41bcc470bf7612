import SQLKit
import StyrDomain

/// Services and self-cost, each record a JSON document in `service_documents` under its kind and
/// key within the agency. Every save is audited with the kind as entity type.
extension SQLGovernanceStore: ServiceRepository {
    public func services(of organisationCode: String) async throws -> [ServiceDescription] {
        try await serviceDocuments(ServiceDescription.self, kind: "service", of: organisationCode)
    }

    public func save(_ service: ServiceDescription) async throws {
        try await saveServiceDocument(service, kind: "service", key: service.key, of: service.organisationCode)
    }

    public func agreements(of organisationCode: String) async throws -> [ServiceAgreement] {
        try await serviceDocuments(ServiceAgreement.self, kind: "serviceAgreement", of: organisationCode)
    }

    public func save(_ agreement: ServiceAgreement) async throws {
        try await saveServiceDocument(agreement, kind: "serviceAgreement", key: agreement.key, of: agreement.organisationCode)
    }

    public func serviceMappingRules(of organisationCode: String) async throws -> [ServiceMappingRule] {
        try await serviceDocuments([ServiceMappingRule].self, kind: "serviceMapping", of: organisationCode).first ?? []
    }

    public func saveServiceMappingRules(_ rules: [ServiceMappingRule], of organisationCode: String) async throws {
        try await saveServiceDocument(rules, kind: "serviceMapping", key: "rules", of: organisationCode)
    }

    public func fixedAssets(of organisationCode: String) async throws -> [FixedAsset] {
        try await serviceDocuments(FixedAsset.self, kind: "fixedAsset", of: organisationCode)
    }

    public func save(_ asset: FixedAsset, of organisationCode: String) async throws {
        try await saveServiceDocument(asset, kind: "fixedAsset", key: asset.number, of: organisationCode)
    }

    public func selfCostYear(of organisationCode: String, year: Int) async throws -> SelfCostYear? {
        try await serviceDocument(SelfCostYear.self, kind: "selfCostYear", key: String(year), of: organisationCode)
    }

    public func save(_ selfCostYear: SelfCostYear) async throws {
        try await saveServiceDocument(selfCostYear, kind: "selfCostYear", key: String(selfCostYear.year), of: selfCostYear.organisationCode)
    }

    public func selfCostYears(of organisationCode: String) async throws -> [Int] {
        try await serviceDocuments(SelfCostYear.self, kind: "selfCostYear", of: organisationCode).map(\.year).sorted()
    }

    public func serviceLevelResults(of organisationCode: String, year: Int) async throws -> [ServiceLevelResult] {
        try await serviceDocuments(ServiceLevelResult.self, kind: "serviceLevelResult", of: organisationCode).filter { $0.year == year }
    }

    public func save(_ result: ServiceLevelResult, of organisationCode: String) async throws {
        let key = "\(result.serviceKey)/\(result.year)/\(result.period)/\(result.levelName)"
        try await saveServiceDocument(result, kind: "serviceLevelResult", key: key, of: organisationCode)
    }

    // MARK: Documents

    private func serviceDocuments<T: Decodable>(_ type: T.Type, kind: String, of organisationCode: String) async throws -> [T] {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().column("document").from("service_documents").where("organisation_id", .equal, organisationID)
            .where("kind", .equal, kind).orderBy("id").all().map { try Self.decode(T.self, $0) }
    }

    private func serviceDocument<T: Decodable>(_ type: T.Type, kind: String, key: String, of organisationCode: String) async throws -> T? {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().column("document").from("service_documents").where("organisation_id", .equal, organisationID)
            .where("kind", .equal, kind).where("document_key", .equal, key).first().map { try Self.decode(T.self, $0) }
    }

    private func saveServiceDocument<T: Codable & Equatable>(_ value: T, kind: String, key: String, of organisationCode: String) async throws {
        let organisationID = try await organisationID(organisationCode)
        let before = try await serviceDocument(T.self, kind: kind, key: key, of: organisationCode)
        if before != nil {
            try await db.update("service_documents").set("document", to: try Self.document(value))
                .where("organisation_id", .equal, organisationID).where("kind", .equal, kind).where("document_key", .equal, key).run()
        } else {
            try await db.insert(into: "service_documents").columns("organisation_id", "kind", "document_key", "document")
                .values(SQLBind(organisationID), SQLBind(kind), SQLBind(key), SQLBind(try Self.document(value))).run()
        }
        try await record(kind, "\(organisationCode)/\(key)", before: before, after: value)
    }
}
