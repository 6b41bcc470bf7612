import Foundation
import SQLKit
import StyrDomain

/// Group claim → role mappings made in the app (table `oidc_group_mappings`), audited as
/// `oidcGroupMapping` keyed `group → role@ORG`.
extension SQLGovernanceStore: OIDCGroupMappingRepository {
    public func oidcGroupMappings() async throws -> [StoredOIDCGroupMapping] {
        let rows = try await db.select()
            .column(SQLColumn("id", table: "oidc_group_mappings"))
            .column(SQLColumn("group_value", table: "oidc_group_mappings"))
            .column(SQLColumn("role", table: "oidc_group_mappings"))
            .column(SQLColumn("code", table: "organisations"))
            .from("oidc_group_mappings")
            .join("organisations", on: SQLColumn("organisation_id", table: "oidc_group_mappings"), .equal, SQLColumn("id", table: "organisations"))
            .orderBy(SQLColumn("group_value", table: "oidc_group_mappings"))
            .orderBy(SQLColumn("code", table: "organisations"))
            .orderBy(SQLColumn("role", table: "oidc_group_mappings"))
            .all()
        return try rows.compactMap { row in
            guard let role = Role(rawValue: try row.decode(column: "role", as: String.self)) else { return nil }
            return StoredOIDCGroupMapping(
                id: try row.decode(column: "id", as: Int64.self), group: try row.decode(column: "group_value", as: String.self),
                assignment: RoleAssignment(role: role, organisationCode: try row.decode(column: "code", as: String.self)))
        }
    }

    public func add(_ mapping: OIDCGroupMapping) async throws -> StoredOIDCGroupMapping {
        let organisation = try await organisationID(mapping.assignment.organisationCode)
        let id = try await insertReturningID(
            db.insert(into: "oidc_group_mappings").columns("group_value", "role", "organisation_id")
                .values(SQLBind(mapping.group), SQLBind(mapping.assignment.role.rawValue), SQLBind(organisation)))
        let stored = StoredOIDCGroupMapping(id: id, group: mapping.group, assignment: mapping.assignment)
        try await record("oidcGroupMapping", Self.auditKey(mapping), before: StoredOIDCGroupMapping?.none, after: stored)
        return stored
    }

    public func removeOIDCGroupMapping(id: Int64) async throws -> Bool {
        guard let stored = try await oidcGroupMappings().first(where: { $0.id == id }) else { return false }
        try await db.delete(from: "oidc_group_mappings").where("id", .equal, id).run()
        try await record("oidcGroupMapping", Self.auditKey(stored.mapping), before: stored, after: StoredOIDCGroupMapping?.none)
        return true
    }

    static func auditKey(_ mapping: OIDCGroupMapping) -> String {
        "\(mapping.group) → \(mapping.assignment.role.rawValue)@\(mapping.assignment.organisationCode)"
    }
}
