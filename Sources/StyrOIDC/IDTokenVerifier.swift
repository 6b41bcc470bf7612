import Crypto
import Foundation
import StyrDomain
import _CryptoExtras

/// A compact JWS (an ID token) taken apart and its signature checked against a key set. Only
/// asymmetric algorithms are accepted (`none` and HMAC are refused: the client secret must not sign).
struct SignedToken: Sendable {
    var algorithm: String
    var keyID: String?
    var signingInput: Data
    var signature: Data
    var payload: Data

    static let algorithms: Set<String> = ["RS256", "RS384", "RS512", "ES256"]

    init(_ compact: String) throws(OIDCSignInError) {
        let parts = compact.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let header = Base64URL.decode(parts[0]), let payload = Base64URL.decode(parts[1]),
              let signature = Base64URL.decode(parts[2]) else { throw .malformedToken("ikke en JWS") }
        struct Header: Decodable { var alg: String; var kid: String? }
        guard let decoded = try? JSONDecoder().decode(Header.self, from: header) else { throw .malformedToken("header") }
        guard Self.algorithms.contains(decoded.alg) else { throw .malformedToken("algoritmen \(decoded.alg)") }
        algorithm = decoded.alg
        keyID = decoded.kid
        signingInput = Data((parts[0] + "." + parts[1]).utf8)
        self.signature = signature
        self.payload = payload
    }

    /// True when one of the keys made the signature.
    func isSigned(by keys: [JSONWebKeySet.Key]) -> Bool {
        keys.contains { key in
            switch key {
            case .rsa(let n, let e):
                guard let rsa = try? _RSA.Signing.PublicKey(n: n, e: e) else { return false }
                let signature = _RSA.Signing.RSASignature(rawRepresentation: signature)
                switch algorithm {
                case "RS256": return rsa.isValidSignature(signature, for: SHA256.hash(data: signingInput), padding: .insecurePKCS1v1_5)
                case "RS384": return rsa.isValidSignature(signature, for: SHA384.hash(data: signingInput), padding: .insecurePKCS1v1_5)
                case "RS512": return rsa.isValidSignature(signature, for: SHA512.hash(data: signingInput), padding: .insecurePKCS1v1_5)
                default: return false
                }
            case .p256(let raw):
                guard algorithm == "ES256", let ec = try? P256.Signing.PublicKey(rawRepresentation: raw),
                      let signature = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
                return ec.isValidSignature(signature, for: SHA256.hash(data: signingInput))
            }
        }
    }

    /// The payload's claims (`aud` as a string or a list; the group claim as a list or a string).
    func claims(groupClaim: String) throws(OIDCSignInError) -> IDTokenClaims {
        guard let object = (try? JSONSerialization.jsonObject(with: payload)) as? [String: Any] else { throw .malformedToken("claims") }
        func string(_ key: String) -> String? { object[key] as? String }
        func date(_ key: String) -> Date? { (object[key] as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue) } }
        func strings(_ key: String) -> [String] {
            if let one = object[key] as? String { return [one] }
            return (object[key] as? [Any])?.compactMap { $0 as? String } ?? []
        }
        guard let issuer = string("iss") else { throw .missingClaim("iss") }
        guard let subject = string("sub") else { throw .missingClaim("sub") }
        guard let expiry = date("exp") else { throw .missingClaim("exp") }
        guard let issuedAt = date("iat") else { throw .missingClaim("iat") }
        let verified: Bool? = (object["email_verified"] as? Bool) ?? (string("email_verified").map { $0 == "true" })
        return IDTokenClaims(
            issuer: issuer, subject: subject, audience: strings("aud"), authorizedParty: string("azp"), expiresAt: expiry,
            issuedAt: issuedAt, notBefore: date("nbf"), nonce: string("nonce"),
            email: string("email") ?? string("preferred_username").flatMap { $0.contains("@") ? $0 : nil },
            emailVerified: verified, name: string("name"), groups: strings(groupClaim),
            nationalIDHash: string("pid").flatMap(NationalIDHash.hash))
    }
}
