import Foundation

/// How Styr signs in through one OpenID Connect provider: read from the server's environment
/// (`OIDCEnvironment` in StyrOIDC), held here as plain values for the rules and the service.
public struct OIDCSettings: Sendable, Equatable {
    /// The provider's issuer URL (discovery reads `<issuer>/.well-known/openid-configuration`).
    public var issuer: String
    public var clientID: String
    /// The name on the login page's button («Logg inn med …»).
    public var displayName: String
    /// Styr's own address as the provider sees it (`https://styr.kommune.no`); the callback is
    /// `<base>/logg-inn/oidc/tilbake`.
    public var redirectBase: String
    /// The claim holding the user's groups (`groups` in Entra ID).
    public var groupClaim: String
    /// A group → role in an organisation, for users who are not pre-registered.
    public var groupMappings: [OIDCGroupMapping]
    /// Create a Styr user at first sign-in from a group mapping (off by default: users are pre-registered).
    public var createUsers: Bool
    /// How long a started sign-in may take before the callback.
    public var attemptLifetime: TimeInterval

    public init(issuer: String, clientID: String, displayName: String, redirectBase: String, groupClaim: String = "groups",
                groupMappings: [OIDCGroupMapping] = [], createUsers: Bool = false, attemptLifetime: TimeInterval = 600) {
        self.issuer = issuer
        self.clientID = clientID
        self.displayName = displayName
        self.redirectBase = redirectBase.hasSuffix("/") ? String(redirectBase.dropLast()) : redirectBase
        self.groupClaim = groupClaim
        self.groupMappings = groupMappings
        self.createUsers = createUsers
        self.attemptLifetime = attemptLifetime
    }

    public var redirectURI: String { redirectBase + "/logg-inn/oidc/tilbake" }
    public var postLogoutRedirectURI: String { redirectBase + "/logg-inn" }
}

/// Members of `group` (a value of the group claim) hold `role` in `organisationCode`.
public struct OIDCGroupMapping: Sendable, Equatable {
    public var group: String
    public var assignment: RoleAssignment

    public init(group: String, assignment: RoleAssignment) {
        self.group = group
        self.assignment = assignment
    }

    /// Reads `group=role@ORG;group2=role@ORG2` (roles by code or Norwegian name: `etatsstyrer@UKE`).
    /// Errors name the field `groupMappings`.
    public static func parse(_ text: String) throws(InputErrors) -> [OIDCGroupMapping] {
        var mappings: [OIDCGroupMapping] = []
        for entry in text.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let target = parts.count == 2 ? parts[1].split(separator: "@").map(String.init) : []
            guard parts.count == 2, !parts[0].isEmpty, target.count == 2, let role = Role(name: target[0]), !target[1].isEmpty else {
                throw InputErrors.single("groupMappings", "«\(entry)» er ikke en gruppekobling (skriv gruppe=rolle@ORGANISASJON).")
            }
            mappings.append(OIDCGroupMapping(group: parts[0], assignment: RoleAssignment(role: role, organisationCode: target[1])))
        }
        return mappings
    }
}

/// Who a verified ID token signs in as.
public enum OIDCAccountMatch: Sendable, Equatable {
    /// The subject was linked to this user before.
    case linked(email: String)
    /// A pre-registered user with the token's e-mail address: link the subject to it.
    case preRegistered(email: String)
    /// No user yet, but the groups map to roles and creation is on: create the user.
    case create(UserAccount)
}

public enum OIDCAccountRules {
    /// The user of a verified token: the stored link of the subject first, then a pre-registered user
    /// with the (verified, where the provider says) address, then creation from the group mappings
    /// when switched on. Otherwise `noAccount`.
    public static func match(
        _ claims: IDTokenClaims, linkedEmail: String?, userExists: (String) -> Bool, settings: OIDCSettings
    ) throws(OIDCSignInError) -> OIDCAccountMatch {
        if let linkedEmail { return .linked(email: linkedEmail) }
        guard let raw = claims.email, claims.emailVerified != false, let email = try? AccountRules.email(raw) else {
            throw .missingClaim("email")
        }
        if userExists(email) { return .preRegistered(email: email) }
        let assignments = roles(for: claims.groups, settings.groupMappings)
        guard settings.createUsers, !assignments.isEmpty else { throw .noAccount(email) }
        let name = claims.name?.trimmingCharacters(in: .whitespaces)
        return .create(UserAccount(email: email, name: name?.isEmpty == false ? name! : email, assignments: assignments))
    }

    /// The roles the groups map to, each once, in the mappings' order.
    public static func roles(for groups: [String], _ mappings: [OIDCGroupMapping]) -> [RoleAssignment] {
        var result: [RoleAssignment] = []
        for mapping in mappings where groups.contains(mapping.group) && !result.contains(mapping.assignment) {
            result.append(mapping.assignment)
        }
        return result
    }
}
