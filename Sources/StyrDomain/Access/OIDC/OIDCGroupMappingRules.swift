import Foundation

/// What an administrator types to map a group of the provider's group claim to a role in an organisation.
public struct OIDCGroupMappingDraft: Sendable, Equatable {
    /// The group claim's value as the provider sends it (an Entra ID object id, a group name).
    public var group: String
    public var role: Role?
    public var organisationCode: String

    public init(group: String, role: Role?, organisationCode: String) {
        self.group = group
        self.role = role
        self.organisationCode = organisationCode
    }
}

/// A group mapping kept in the database (made by an administrator in the app or with `styr oidc map-group`).
public struct StoredOIDCGroupMapping: Sendable, Equatable, Codable {
    public var id: Int64
    public var group: String
    public var assignment: RoleAssignment

    public init(id: Int64, group: String, assignment: RoleAssignment) {
        self.id = id
        self.group = group
        self.assignment = assignment
    }

    public var mapping: OIDCGroupMapping { OIDCGroupMapping(group: group, assignment: assignment) }
}

/// The rules of group mappings: a group value as typed (trimmed, at most 256 characters, no control
/// characters), a role and an organisation required, and the same mapping only once. Errors name
/// `group`, `role` and `organisationCode`.
public enum OIDCGroupMappingRules {
    public static let maximumGroupLength = 256

    public static func validated(_ draft: OIDCGroupMappingDraft, existing: [OIDCGroupMapping]) throws(InputErrors) -> OIDCGroupMapping {
        var errors = InputErrors()
        let group = draft.group.trimmingCharacters(in: .whitespacesAndNewlines)
        if group.isEmpty {
            errors.add("group", "Skriv gruppen slik identitetstjenesten sender den i gruppekravet (f.eks. gruppens objekt-ID i Entra ID).")
        } else if group.count > maximumGroupLength {
            errors.add("group", "Gruppen kan ha høyst \(maximumGroupLength) tegn; den har \(group.count).")
        } else if group.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) {
            errors.add("group", "Gruppen kan ikke inneholde linjeskift eller andre kontrolltegn.")
        }
        if draft.role == nil { errors.add("role", "Velg rollen medlemmene av gruppen skal få.") }
        let code = draft.organisationCode.trimmingCharacters(in: .whitespaces)
        if code.isEmpty { errors.add("organisationCode", "Velg organisasjonen rollen gjelder for.") }
        if !errors.isEmpty { throw errors }
        let mapping = OIDCGroupMapping(group: group, assignment: RoleAssignment(role: draft.role!, organisationCode: code))
        if existing.contains(mapping) {
            throw InputErrors.single("group", "Gruppen «\(group)» gir allerede rollen \(draft.role!.norwegianName.lowercased()) i «\(code)».")
        }
        return mapping
    }

    /// The mappings sign-in uses: the server's (`STYR_OIDC_GROUP_ROLES`, a bootstrap) first, then
    /// the stored ones; both count (a group's roles are the union), each mapping once.
    public static func effective(environment: [OIDCGroupMapping], stored: [OIDCGroupMapping]) -> [OIDCGroupMapping] {
        var result: [OIDCGroupMapping] = []
        for mapping in environment + stored where !result.contains(mapping) { result.append(mapping) }
        return result
    }
}
