import Foundation
import StyrDomain

/// Single sign-on as the server's environment configures it:
///
/// - `STYR_OIDC_ISSUER` — the provider's issuer URL (https; http only on loopback, for tests)
/// - `STYR_OIDC_CLIENT_ID`, and `STYR_OIDC_CLIENT_SECRET` or `STYR_OIDC_CLIENT_SECRET_FILE`
/// - `STYR_OIDC_REDIRECT_BASE` — Styr's address as the browser sees it (`https://styr.kommune.no`)
/// - `STYR_OIDC_NAME` — the button's name («Logg inn med Entra ID»), else the issuer's host
/// - `STYR_OIDC_GROUP_CLAIM` (`groups`), `STYR_OIDC_GROUP_ROLES` (`gruppe=rolle@ORG;…`),
///   `STYR_OIDC_CREATE_USERS=on` (off by default)
/// - `STYR_LOCAL_PASSWORDS=off` — no password login (only with a provider configured)
public enum OIDCEnvironment {
    public struct ConfigurationError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The provider, or nil when `STYR_OIDC_ISSUER` is not set; and whether passwords are allowed.
    public static func read(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> (provider: HTTPIdentityProvider?, localPasswordsAllowed: Bool) {
        let passwordsOff = environment["STYR_LOCAL_PASSWORDS"]?.lowercased() == "off"
        guard let issuer = environment["STYR_OIDC_ISSUER"].nonBlank else {
            if passwordsOff { throw ConfigurationError(description: "STYR_LOCAL_PASSWORDS=off krever STYR_OIDC_ISSUER: ellers kan ingen logge inn.") }
            return (nil, true)
        }
        guard let issuerURL = URL(string: issuer), let host = issuerURL.host,
              issuerURL.scheme == "https" || (issuerURL.scheme == "http" && ["127.0.0.1", "localhost", "::1"].contains(host)) else {
            throw ConfigurationError(description: "STYR_OIDC_ISSUER må være en https-adresse (http bare på 127.0.0.1): «\(issuer)».")
        }
        guard let clientID = environment["STYR_OIDC_CLIENT_ID"].nonBlank else {
            throw ConfigurationError(description: "STYR_OIDC_CLIENT_ID mangler (klient-ID-en Styr er registrert med hos identitetstjenesten).")
        }
        guard let redirectBase = environment["STYR_OIDC_REDIRECT_BASE"].nonBlank else {
            throw ConfigurationError(description: "STYR_OIDC_REDIRECT_BASE mangler (Styrs adresse slik nettleseren ser den, f.eks. https://styr.kommune.no).")
        }
        var secret = environment["STYR_OIDC_CLIENT_SECRET"].nonBlank
        if let file = environment["STYR_OIDC_CLIENT_SECRET_FILE"].nonBlank {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ConfigurationError(description: "STYR_OIDC_CLIENT_SECRET_FILE: kan ikke lese «\(file)».")
            }
            secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let mappings: [OIDCGroupMapping]
        do {
            mappings = try OIDCGroupMapping.parse(environment["STYR_OIDC_GROUP_ROLES"] ?? "")
        } catch {
            throw ConfigurationError(description: "STYR_OIDC_GROUP_ROLES: " + error.entries.map(\.message).joined(separator: " "))
        }
        let settings = OIDCSettings(
            issuer: issuer, clientID: clientID, displayName: environment["STYR_OIDC_NAME"].nonBlank ?? host,
            redirectBase: redirectBase, groupClaim: environment["STYR_OIDC_GROUP_CLAIM"].nonBlank ?? "groups",
            groupMappings: mappings, createUsers: environment["STYR_OIDC_CREATE_USERS"]?.lowercased() == "on")
        return (HTTPIdentityProvider(settings: settings, clientSecret: secret), !passwordsOff)
    }
}

extension Optional where Wrapped == String {
    fileprivate var nonBlank: String? {
        guard let self, !self.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return self
    }
}
