import Foundation

/// The claims of an OpenID Connect ID token that Styr reads, after its signature was checked.
/// Times are seconds since 1970 (`NumericDate`).
public struct IDTokenClaims: Sendable, Equatable {
    public var issuer: String
    public var subject: String
    public var audience: [String]
    /// The authorized party, when the token has several audiences.
    public var authorizedParty: String?
    public var expiresAt: Date
    public var issuedAt: Date
    public var notBefore: Date?
    public var nonce: String?
    public var email: String?
    public var emailVerified: Bool?
    public var name: String?
    /// The values of the configured group claim (`groups`, `roles`, …).
    public var groups: [String]
    /// ID-porten's `pid` (national identity number) as `NationalIDHash` (StyrOIDC) made it: never in clear.
    public var nationalIDHash: String?

    public init(issuer: String, subject: String, audience: [String], authorizedParty: String? = nil, expiresAt: Date,
                issuedAt: Date, notBefore: Date? = nil, nonce: String?, email: String? = nil, emailVerified: Bool? = nil,
                name: String? = nil, groups: [String] = [], nationalIDHash: String? = nil) {
        self.issuer = issuer
        self.subject = subject
        self.audience = audience
        self.authorizedParty = authorizedParty
        self.expiresAt = expiresAt
        self.issuedAt = issuedAt
        self.notBefore = notBefore
        self.nonce = nonce
        self.email = email
        self.emailVerified = emailVerified
        self.name = name
        self.groups = groups
        self.nationalIDHash = nationalIDHash
    }
}

/// The checks of an ID token's claims (OpenID Connect Core 1.0 §3.1.3.7), in one place: the
/// signature is checked before (by the provider adapter against its key set), everything else here.
public enum OIDCClaimRules {
    /// How far the server's and the provider's clocks may differ.
    public static let clockSkew: TimeInterval = 120
    /// An ID token issued longer ago than this is refused even when its `exp` is later.
    public static let maximumAge: TimeInterval = 10 * 60

    /// Refuses a token of another issuer, for another client, expired, not yet valid, issued in
    /// the future or too long ago, or of another sign-in (`nonce`).
    public static func check(
        _ claims: IDTokenClaims, issuer: String, clientID: String, nonce: String, now: Date, skew: TimeInterval = clockSkew
    ) throws(OIDCSignInError) {
        guard normalised(claims.issuer) == normalised(issuer) else { throw .wrongIssuer(claims.issuer) }
        guard !claims.subject.isEmpty else { throw .missingClaim("sub") }
        guard claims.audience.contains(clientID) else { throw .wrongAudience }
        if claims.audience.count > 1, let party = claims.authorizedParty, party != clientID { throw .wrongAudience }
        guard now.timeIntervalSince(claims.expiresAt) < skew else { throw .expired }
        if let notBefore = claims.notBefore, notBefore.timeIntervalSince(now) > skew { throw .notYetValid }
        guard claims.issuedAt.timeIntervalSince(now) <= skew else { throw .notYetValid }
        guard now.timeIntervalSince(claims.issuedAt) <= maximumAge + skew else { throw .expired }
        guard let sent = claims.nonce, constantTimeEqual(sent, nonce) else { throw .wrongNonce }
    }

    /// An issuer compared without a trailing slash (`https://login.example/` = `https://login.example`).
    public static func withoutTrailingSlash(_ issuer: String) -> String { normalised(issuer) }

    static func normalised(_ issuer: String) -> String {
        issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
    }

    public static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
