import Foundation

/// A sign-in started in one browser: kept server-side until the provider sends the browser back,
/// then taken once. `state` identifies it (only a hash is stored), `browserBinding` is the secret
/// of the browser's cookie, `nonce` must come back inside the ID token, `codeVerifier` is PKCE's.
public struct OIDCSignInAttempt: Sendable, Equatable {
    public var state: String
    public var nonce: String
    public var codeVerifier: String
    public var browserBinding: String
    /// The local path to go to after signing in.
    public var next: String
    public var expiresAt: Date

    public init(state: String, nonce: String, codeVerifier: String, browserBinding: String, next: String, expiresAt: Date) {
        self.state = state
        self.nonce = nonce
        self.codeVerifier = codeVerifier
        self.browserBinding = browserBinding
        self.next = next
        self.expiresAt = expiresAt
    }

    /// A new attempt with fresh random secrets (32 random bytes each).
    public static func start(next: String, now: Date, lifetime: TimeInterval) -> OIDCSignInAttempt {
        OIDCSignInAttempt(state: AccountRules.randomToken(), nonce: AccountRules.randomToken(),
                          codeVerifier: AccountRules.randomToken(), browserBinding: AccountRules.randomToken(),
                          next: next, expiresAt: now.addingTimeInterval(lifetime))
    }

    /// The attempt as it is taken back at the callback: refused when the browser is another or it expired.
    public func check(browserBinding cookie: String?, now: Date) throws(OIDCSignInError) {
        guard let cookie, OIDCClaimRules.constantTimeEqual(cookie, browserBinding) else { throw .unknownState }
        guard now < expiresAt else { throw .stateExpired }
    }
}

/// What the provider publishes at discovery that the service needs.
public struct OIDCProviderMetadata: Sendable, Equatable {
    public var issuer: String
    public var authorizationEndpoint: String
    public var tokenEndpoint: String
    public var jwksURI: String
    public var endSessionEndpoint: String?

    public init(issuer: String, authorizationEndpoint: String, tokenEndpoint: String, jwksURI: String, endSessionEndpoint: String?) {
        self.issuer = issuer
        self.authorizationEndpoint = authorizationEndpoint
        self.tokenEndpoint = tokenEndpoint
        self.jwksURI = jwksURI
        self.endSessionEndpoint = endSessionEndpoint
    }
}

/// The port to an OpenID Connect provider (HTTP, keys and signatures live behind it, in StyrOIDC).
public protocol IdentityProvider: Sendable {
    var settings: OIDCSettings { get }
    /// Discovery, cached.
    func metadata() async throws(OIDCSignInError) -> OIDCProviderMetadata
    /// The address to send the browser to: code flow with PKCE (S256), `state` and `nonce`.
    func authorizationURL(for attempt: OIDCSignInAttempt) async throws(OIDCSignInError) -> String
    /// Exchanges the code at the token endpoint and returns the ID token's claims once its
    /// signature was checked against the provider's key set (refetched once for an unknown key).
    func signedClaims(code: String, codeVerifier: String) async throws(OIDCSignInError) -> (claims: IDTokenClaims, idToken: String)
}
