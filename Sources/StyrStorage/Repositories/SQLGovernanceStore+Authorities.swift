import SQLKit
import StyrDomain

/// The register of delegated authorities and the decision requests, each row a JSON document with
/// its id inside. Every save is audited (`delegatedAuthority`, `authorityRequest`).
extension SQLGovernanceStore: AuthorityRepository {
    public func delegatedAuthorities(of organisationCode: String) async throws -> [DelegatedAuthority] {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().column("document").from("delegated_authorities").where("organisation_id", .equal, organisationID)
            .orderBy("id").all().map { try Self.decode(DelegatedAuthority.self, $0) }
    }

    @discardableResult
    public func save(_ authority: DelegatedAuthority) async throws -> Int64 {
        let organisationID = try await organisationID(authority.organisationCode)
        if let id = authority.id {
            guard let before = try await delegatedAuthorities(of: authority.organisationCode).first(where: { $0.id == id }) else {
                throw StorageError.notFound("fullmakt \(id) hos «\(authority.organisationCode)»")
            }
            try await db.update("delegated_authorities").set("valid_from", to: authority.validFrom.iso)
                .set("document", to: try Self.document(authority)).where("id", .equal, id).run()
            try await record("delegatedAuthority", "\(authority.organisationCode)/\(id)", before: before, after: authority)
            return id
        }
        let id = try await insertReturningID(
            db.insert(into: "delegated_authorities").columns("organisation_id", "valid_from", "document")
                .values(SQLBind(organisationID), SQLBind(authority.validFrom.iso), SQLBind("{}")))
        var stored = authority
        stored.id = id
        try await db.update("delegated_authorities").set("document", to: try Self.document(stored)).where("id", .equal, id).run()
        try await record("delegatedAuthority", "\(authority.organisationCode)/\(id)", before: DelegatedAuthority?.none, after: stored)
        return id
    }

    public func authorityRequests(of organisationCode: String) async throws -> [AuthorityRequest] {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().column("document").from("authority_requests").where("organisation_id", .equal, organisationID)
            .orderBy("id").all().map { try Self.decode(AuthorityRequest.self, $0) }
    }

    @discardableResult
    public func save(_ request: AuthorityRequest) async throws -> Int64 {
        let organisationID = try await organisationID(request.organisationCode)
        if let id = request.id {
            guard let before = try await authorityRequests(of: request.organisationCode).first(where: { $0.id == id }) else {
                throw StorageError.notFound("anmodning \(id) hos «\(request.organisationCode)»")
            }
            try await db.update("authority_requests").set("status", to: request.status.rawValue)
                .set("document", to: try Self.document(request)).where("id", .equal, id).run()
            try await record("authorityRequest", "\(request.organisationCode)/\(id)", before: before, after: request)
            return id
        }
        let id = try await insertReturningID(
            db.insert(into: "authority_requests").columns("organisation_id", "status", "document")
                .values(SQLBind(organisationID), SQLBind(request.status.rawValue), SQLBind("{}")))
        var stored = request
        stored.id = id
        try await db.update("authority_requests").set("document", to: try Self.document(stored)).where("id", .equal, id).run()
        try await record("authorityRequest", "\(request.organisationCode)/\(id)", before: AuthorityRequest?.none, after: stored)
        return id
    }
}
