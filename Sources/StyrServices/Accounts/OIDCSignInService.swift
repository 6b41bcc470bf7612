import Foundation
import StyrDomain

/// Signing in through the organisation's OpenID Connect provider (Entra ID, ID-porten, …):
/// authorization code flow with PKCE, `state` and `nonce` kept server-side and taken once, the ID
/// token's signature checked by the provider port (`IdentityProvider`, in StyrOIDC) and its claims
/// by `OIDCClaimRules`, the user matched by `OIDCAccountRules`. Refusals are `OIDCSignInError`.
public struct OIDCSignInService: Sendable {
    let storage: any Storage
    let provider: (any IdentityProvider)?
    /// False when `STYR_LOCAL_PASSWORDS=off`: the password form is hidden and refused.
    public let localPasswordsAllowed: Bool

    public init(storage: any Storage, provider: (any IdentityProvider)? = nil, localPasswordsAllowed: Bool = true) {
        self.storage = storage
        self.provider = provider
        self.localPasswordsAllowed = localPasswordsAllowed
    }

    /// The provider's name for the login page's button, when single sign-on is configured.
    public var providerName: String? { provider?.settings.displayName }

    /// A started sign-in: where to send the browser, and the secret for the browser's cookie.
    public struct Start: Sendable, Equatable {
        public var authorizationURL: String
        public var browserBinding: String
        public var lifetime: TimeInterval
    }

    /// Starts a sign-in: fresh state, nonce and PKCE verifier, kept until the callback.
    public func begin(next: String, now: Date = Date()) async throws -> Start {
        guard let provider else { throw OIDCSignInError.notConfigured }
        let lifetime = provider.settings.attemptLifetime
        let attempt = OIDCSignInAttempt.start(next: next, now: now, lifetime: lifetime)
        let url = try await provider.authorizationURL(for: attempt)
        try await storage.write(as: "system:oidc") { repositories in
            try await repositories.governance.saveSignInAttempt(attempt, now: now)
        }
        return Start(authorizationURL: url, browserBinding: attempt.browserBinding, lifetime: lifetime)
    }

    /// A finished sign-in: the session opened and the local path to go to.
    public struct Completed: Sendable, Equatable {
        public var session: AccountService.OpenedSession
        public var next: String
    }

    /// The provider's callback: takes the state (once, whatever follows), checks the browser, the
    /// code, the token's signature and claims, finds the user and opens a session.
    public func complete(code: String?, state: String?, providerError: String?, browserBinding: String?,
                         now: Date = Date()) async throws -> Completed {
        guard let provider else { throw OIDCSignInError.notConfigured }
        guard let state, !state.isEmpty, state.count <= AccountService.maximumTokenLength else { throw OIDCSignInError.unknownState }
        let taken = try await storage.write(as: "system:oidc") { repositories in
            try await repositories.governance.takeSignInAttempt(state: state)
        }
        guard let attempt = taken else { throw OIDCSignInError.unknownState }
        try attempt.check(browserBinding: browserBinding, now: now)
        if let providerError { throw OIDCSignInError.providerRefused(String(providerError.prefix(100))) }
        guard let code, !code.isEmpty else { throw OIDCSignInError.providerRefused("ingen kode") }
        let (claims, _) = try await provider.signedClaims(code: code, codeVerifier: attempt.codeVerifier)
        let settings = provider.settings
        try OIDCClaimRules.check(claims, issuer: settings.issuer, clientID: settings.clientID, nonce: attempt.nonce, now: now)
        let session = try await storage.write(as: "system:oidc") { repositories in
            try await Self.signIn(claims, settings: settings, repositories, now: now)
        }
        return Completed(session: session, next: attempt.next)
    }

    static func signIn(_ claims: IDTokenClaims, settings: OIDCSettings, _ repositories: Repositories, now: Date) async throws
        -> AccountService.OpenedSession {
        var linked = try await repositories.governance.linkedEmail(issuer: settings.issuer, subject: claims.subject)
        // ID-porten: a person pre-registered by national identity number (its hash) is found by it;
        // the subject is linked from then on.
        if linked == nil, let hash = claims.nationalIDHash,
           let registered = try await repositories.governance.emailLinked(toNationalIDHash: hash) {
            try await repositories.governance.link(issuer: settings.issuer, subject: claims.subject, to: registered, now: now)
            linked = registered
        }
        var existing: Set<String> = []
        if let email = claims.email.flatMap({ try? AccountRules.email($0) }), try await repositories.accounts.user(email: email) != nil {
            existing.insert(email)
        }
        let email: String
        let settings = try await Self.withStoredMappings(settings, repositories)
        switch try OIDCAccountRules.match(claims, linkedEmail: linked, userExists: { existing.contains($0) }, settings: settings) {
        case .linked(let linkedEmail):
            email = linkedEmail
        case .preRegistered(let registered):
            email = registered
            try await repositories.governance.link(issuer: settings.issuer, subject: claims.subject, to: email, now: now)
        case .create(let user):
            email = user.email
            try await repositories.accounts.save(user, password: nil)
            try await repositories.governance.link(issuer: settings.issuer, subject: claims.subject, to: email, now: now)
        }
        guard let status = try await repositories.accounts.accountStatus(email: email) else { throw OIDCSignInError.noAccount(email) }
        guard status.isActive else { throw OIDCSignInError.deactivated }
        let session = try await repositories.accounts.openSession(for: email, now: now)
        return AccountService.OpenedSession(user: status.user, token: session.token, csrfToken: session.csrfToken,
                                            lifetime: AccountRules.sessionLifetime)
    }

    /// The settings with the mappings administrators stored in the app added to the server's own
    /// (`OIDCGroupMappingRules.effective`: both count); mappings to a closed organisation are skipped.
    static func withStoredMappings(_ settings: OIDCSettings, _ repositories: Repositories) async throws -> OIDCSettings {
        let stored = try await repositories.governance.oidcGroupMappings()
        guard !stored.isEmpty else { return settings }
        var open: [OIDCGroupMapping] = []
        for mapping in stored.map(\.mapping) {
            if let organisation = try await repositories.governance.organisation(code: mapping.assignment.organisationCode),
               !organisation.isClosed { open.append(mapping) }
        }
        var result = settings
        result.groupMappings = OIDCGroupMappingRules.effective(environment: settings.groupMappings, stored: open)
        return result
    }

    /// Where to send the browser after the local session ended: the provider's
    /// `end_session_endpoint` (RP-initiated logout) when it has one, else nil.
    public func providerLogoutURL() async -> String? {
        guard let provider, let metadata = try? await provider.metadata(), let endpoint = metadata.endSessionEndpoint,
              var components = URLComponents(string: endpoint) else { return nil }
        components.queryItems = (components.queryItems ?? []) + [
            URLQueryItem(name: "client_id", value: provider.settings.clientID),
            URLQueryItem(name: "post_logout_redirect_uri", value: provider.settings.postLogoutRedirectURI),
        ]
        return components.string
    }
}
