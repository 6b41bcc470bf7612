import _CryptoExtras
import Crypto
import Foundation

/// ID-porten's `pid` (the person's national identity number, 11 digits) as Styr keeps it: never in
/// clear, only PBKDF2-SHA256 over it (210 000 rounds, a fixed salt, so the same person always gives
/// the same value and a stored value can be found again). An 11-digit number has few enough values
/// that a plain hash could be reversed by trying them all; the rounds make that take years.
public enum NationalIDHash {
    static let salt = Data("styr:oidc:pid:v1".utf8)
    static let rounds = 210_000

    /// The hash of an 11-digit number (spaces ignored), hex; nil for anything else.
    public static func hash(_ nationalID: String) -> String? {
        let digits = nationalID.filter { !$0.isWhitespace }
        guard digits.count == 11, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        guard let key = try? KDF.Insecure.PBKDF2.deriveKey(from: Data(digits.utf8), salt: salt, using: .sha256, outputByteCount: 32,
                                                           rounds: rounds) else { return nil }
        return key.withUnsafeBytes { Data($0) }.map { String(format: "%02x", $0) }.joined()
    }
}
