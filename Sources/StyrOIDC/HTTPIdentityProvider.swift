import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOHTTP1
import StyrDomain

/// An OpenID Connect provider over HTTP (AsyncHTTPClient on the server's own NIO, not URLSession:
/// Foundation's client on Linux loads libcurl with its TLS, Kerberos and LDAP libraries into every
/// server, about 6 MB of idle memory): discovery and the key set cached, the key set refetched
/// when a token names a key it does not hold (key rotation), the code exchanged with the client
/// secret (HTTP Basic).
public final class HTTPIdentityProvider: IdentityProvider, @unchecked Sendable {
    public let settings: OIDCSettings
    let clientSecret: String?
    /// The process-wide client (its connection pool lives as long as the server).
    let client: HTTPClient
    let cache = ProviderCache()
    /// The shortest time between two key-set fetches caused by unknown keys.
    let minimumRefetchInterval: TimeInterval

    public init(settings: OIDCSettings, clientSecret: String?, minimumRefetchInterval: TimeInterval = 2) {
        self.settings = settings
        self.clientSecret = clientSecret
        self.minimumRefetchInterval = minimumRefetchInterval
        client = HTTPClient.shared
    }

    public func metadata() async throws(OIDCSignInError) -> OIDCProviderMetadata {
        if let known = await cache.metadata { return known }
        let address = OIDCClaimRules.withoutTrailingSlash(settings.issuer) + "/.well-known/openid-configuration"
        struct Discovery: Decodable {
            var issuer: String
            var authorization_endpoint: String
            var token_endpoint: String
            var jwks_uri: String
            var end_session_endpoint: String?
        }
        let data = try await get(address)
        guard let document = try? JSONDecoder().decode(Discovery.self, from: data) else {
            throw .providerUnavailable("discovery-dokumentet kunne ikke leses")
        }
        // The document must be the issuer's own (OpenID Connect Discovery §4.3).
        guard OIDCClaimRules.withoutTrailingSlash(document.issuer) == OIDCClaimRules.withoutTrailingSlash(settings.issuer) else {
            throw .wrongIssuer(document.issuer)
        }
        let metadata = OIDCProviderMetadata(
            issuer: document.issuer, authorizationEndpoint: document.authorization_endpoint, tokenEndpoint: document.token_endpoint,
            jwksURI: document.jwks_uri, endSessionEndpoint: document.end_session_endpoint)
        await cache.setMetadata(metadata)
        return metadata
    }

    public func authorizationURL(for attempt: OIDCSignInAttempt) async throws(OIDCSignInError) -> String {
        let metadata = try await metadata()
        guard var components = URLComponents(string: metadata.authorizationEndpoint) else {
            throw .providerUnavailable("authorization_endpoint")
        }
        let challenge = Base64URL.encode(Data(SHA256.hash(data: Data(attempt.codeVerifier.utf8))))
        components.queryItems = (components.queryItems ?? []) + [
            URLQueryItem(name: "response_type", value: "code"),
            URLQueryItem(name: "client_id", value: settings.clientID),
            URLQueryItem(name: "redirect_uri", value: settings.redirectURI),
            URLQueryItem(name: "scope", value: "openid email profile"),
            URLQueryItem(name: "state", value: attempt.state),
            URLQueryItem(name: "nonce", value: attempt.nonce),
            URLQueryItem(name: "code_challenge", value: challenge),
            URLQueryItem(name: "code_challenge_method", value: "S256"),
        ]
        guard let url = components.string else { throw .providerUnavailable("authorization_endpoint") }
        return url
    }

    public func signedClaims(code: String, codeVerifier: String) async throws(OIDCSignInError) -> (claims: IDTokenClaims, idToken: String) {
        let metadata = try await metadata()
        let idToken = try await exchange(code: code, codeVerifier: codeVerifier, at: metadata.tokenEndpoint)
        let token = try SignedToken(idToken)
        var keys = try await keySet(metadata).candidates(kid: token.keyID)
        if keys.isEmpty {
            // A key the cached set does not hold: the provider may have rotated its keys.
            keys = try await keySet(metadata, refetch: true).candidates(kid: token.keyID)
        }
        guard !keys.isEmpty else { throw .unknownKey(token.keyID ?? "uten kid") }
        guard token.isSigned(by: keys) else { throw .wrongSignature }
        return (try token.claims(groupClaim: settings.groupClaim), idToken)
    }

    func keySet(_ metadata: OIDCProviderMetadata, refetch: Bool = false) async throws(OIDCSignInError) -> JSONWebKeySet {
        if let keys = await cache.keys(refetch: refetch, minimumInterval: minimumRefetchInterval) { return keys }
        let data = try await get(metadata.jwksURI)
        guard let keys = try? JSONWebKeySet(json: data) else { throw .providerUnavailable("nøkkelsettet (JWKS) kunne ikke leses") }
        await cache.setKeys(keys)
        return keys
    }

    func exchange(code: String, codeVerifier: String, at endpoint: String) async throws(OIDCSignInError) -> String {
        guard URL(string: endpoint) != nil else { throw .providerUnavailable("token_endpoint") }
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        var fields = [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", settings.redirectURI),
                      ("code_verifier", codeVerifier)]
        if let clientSecret, !clientSecret.isEmpty {
            let credentials = Self.formEncoded(settings.clientID) + ":" + Self.formEncoded(clientSecret)
            request.headers.add(name: "Authorization", value: "Basic " + Data(credentials.utf8).base64EncodedString())
        } else {
            fields.append(("client_id", settings.clientID))
        }
        request.body = .bytes(ByteBuffer(string: fields.map { Self.formEncoded($0.0) + "=" + Self.formEncoded($0.1) }.joined(separator: "&")))
        let (data, status) = try await send(request)
        struct TokenResponse: Decodable { var id_token: String?; var error: String? }
        let response = try? JSONDecoder().decode(TokenResponse.self, from: data)
        guard status == 200 else { throw .codeRefused(response?.error ?? "HTTP \(status)") }
        guard let idToken = response?.id_token else { throw .malformedToken("svaret hadde ikke id_token") }
        return idToken
    }

    func get(_ address: String) async throws(OIDCSignInError) -> Data {
        guard URL(string: address) != nil else { throw .providerUnavailable(address) }
        var request = HTTPClientRequest(url: address)
        request.headers.add(name: "Accept", value: "application/json")
        let (data, status) = try await send(request)
        guard status == 200 else { throw .providerUnavailable("HTTP \(status) fra \(address)") }
        return data
    }

    /// The largest answer read from the provider (discovery, key set, token).
    static let maximumResponseBytes = 1 << 20

    func send(_ request: HTTPClientRequest) async throws(OIDCSignInError) -> (Data, Int) {
        do {
            let response = try await client.execute(request, timeout: .seconds(10))
            let body = try await response.body.collect(upTo: Self.maximumResponseBytes)
            return (Data(body.readableBytesView), Int(response.status.code))
        } catch {
            throw .providerUnavailable(String(describing: error))
        }
    }

    static func formEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// Discovery and the key set, shared by the requests of one server.
actor ProviderCache {
    var metadata: OIDCProviderMetadata?
    var keySet: JSONWebKeySet?
    var keysFetchedAt: Date?

    func setMetadata(_ value: OIDCProviderMetadata) { metadata = value }

    /// The cached key set, or nil when it must be fetched (none yet, or a refetch asked for and the
    /// last fetch is older than the interval).
    func keys(refetch: Bool, minimumInterval: TimeInterval) -> JSONWebKeySet? {
        guard let keySet else { return nil }
        if refetch, let fetched = keysFetchedAt, Date().timeIntervalSince(fetched) >= minimumInterval { return nil }
        return keySet
    }

    func setKeys(_ value: JSONWebKeySet) {
        keySet = value
        keysFetchedAt = Date()
    }
}
