import Crypto
import Foundation
import StyrDomain

/// Ed25519 (swift-crypto's Curve25519) signatures of audit anchors. Keys are kept as Base64 text
/// of the raw 32-byte key, one line in a file.
public enum AuditAnchorSigner {
    public struct KeyError: Error, CustomStringConvertible {
        public var description: String
    }

    /// A new key pair: (private, public), each Base64 text.
    public static func generateKey() -> (privateKey: String, publicKey: String) {
        let key = Curve25519.Signing.PrivateKey()
        return (key.rawRepresentation.base64EncodedString(), key.publicKey.rawRepresentation.base64EncodedString())
    }

    /// The public key belonging to a private key text.
    public static func publicKey(ofPrivateKey text: String) throws -> String {
        try privateKey(text).publicKey.rawRepresentation.base64EncodedString()
    }

    /// The anchor with its signature.
    public static func sign(_ anchor: AuditAnchor, privateKey text: String) throws -> AuditAnchor {
        var signed = anchor
        signed.signature = nil
        signed.signature = try privateKey(text).signature(for: Data(signed.signedText.utf8)).base64EncodedString()
        return signed
    }

    /// Whether the anchor carries a valid signature of its own text by the holder of `publicKey`.
    public static func isSigned(_ anchor: AuditAnchor, publicKey text: String) throws -> Bool {
        guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: data) else {
            throw KeyError(description: "Den offentlige nøkkelen kan ikke leses (ventet 32 byte Ed25519 i Base64).")
        }
        guard anchor.format == AuditAnchor.format, let signature = anchor.signature.flatMap({ Data(base64Encoded: $0) }) else {
            return false
        }
        return key.isValidSignature(signature, for: Data(anchor.signedText.utf8))
    }

    private static func privateKey(_ text: String) throws -> Curve25519.Signing.PrivateKey {
        guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: data) else {
            throw KeyError(description: "Nøkkelfilen kan ikke leses (ventet en privat Ed25519-nøkkel på 32 byte i Base64).")
        }
        return key
    }
}
