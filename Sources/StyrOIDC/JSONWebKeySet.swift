import Crypto
import Foundation
import _CryptoExtras

/// A provider's published signing keys (RFC 7517), as the public keys that check ID tokens:
/// RSA (`RS256`, `RS384`, `RS512`) and P-256 (`ES256`). Keys of other kinds and encryption keys are skipped.
struct JSONWebKeySet: Sendable {
    /// A key as published (checked to be a valid key when read; made into a Crypto key when used,
    /// as Crypto's P-256 key is not `Sendable`).
    enum Key: Sendable {
        case rsa(n: Data, e: Data)
        case p256(raw: Data)
    }

    struct Entry: Sendable {
        var id: String?
        var key: Key
    }

    var entries: [Entry]

    init(json data: Data) throws {
        struct Document: Decodable { var keys: [RawKey] }
        struct RawKey: Decodable {
            var kty: String
            var kid: String?
            var use: String?
            var n: String?
            var e: String?
            var crv: String?
            var x: String?
            var y: String?
        }
        let document = try JSONDecoder().decode(Document.self, from: data)
        entries = document.keys.compactMap { raw in
            guard raw.use == nil || raw.use == "sig" else { return nil }
            switch raw.kty {
            case "RSA":
                guard let n = raw.n.flatMap(Base64URL.decode), let e = raw.e.flatMap(Base64URL.decode),
                      (try? _RSA.Signing.PublicKey(n: n, e: e)) != nil else { return nil }
                return Entry(id: raw.kid, key: .rsa(n: n, e: e))
            case "EC" where raw.crv == "P-256":
                guard let x = raw.x.flatMap(Base64URL.decode), let y = raw.y.flatMap(Base64URL.decode),
                      (try? P256.Signing.PublicKey(rawRepresentation: x + y)) != nil else { return nil }
                return Entry(id: raw.kid, key: .p256(raw: x + y))
            default:
                return nil
            }
        }
    }

    /// The keys a token with this `kid` may be checked with: the one with the id, or every key
    /// when the token names none.
    func candidates(kid: String?) -> [Key] {
        guard let kid else { return entries.map(\.key) }
        return entries.filter { $0.id == kid }.map(\.key)
    }
}

/// Base64url without padding (RFC 7515 §2).
enum Base64URL {
    static func decode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64.append("=") }
        return Data(base64Encoded: base64)
    }

    static func encode(_ data: some DataProtocol) -> String {
        Data(data).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
