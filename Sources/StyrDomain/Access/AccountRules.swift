import Foundation

/// What an account must look like and how long a login lasts: one place for the command line, the
/// pages and storage. Errors name the domain fields `email`, `name` and `password`.
public enum AccountRules {
    public static let minimumPasswordLength = 12
    /// bcrypt reads at most 72 bytes.
    public static let maximumPasswordBytes = 72
    public static let maximumEmailLength = 254
    /// How long a browser session lasts after login.
    public static let sessionLifetime: TimeInterval = 8 * 60 * 60

    /// The address as stored (trimmed, lower case), or an error for the `email` field.
    public static func email(_ text: String) throws(InputErrors) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), trimmed.count <= maximumEmailLength,
              !trimmed.contains(where: { $0.isWhitespace }) else {
            throw InputErrors.single("email", "«\(text)» er ikke en gyldig e-postadresse.")
        }
        return trimmed
    }

    /// Refuses a password that is too short or too long for bcrypt (the `password` field).
    public static func validate(password: String) throws(InputErrors) {
        guard password.count >= minimumPasswordLength else {
            throw InputErrors.single("password", "Passordet må ha minst \(minimumPasswordLength) tegn.")
        }
        guard password.utf8.count <= maximumPasswordBytes else {
            throw InputErrors.single("password", "Passordet kan ha høyst \(maximumPasswordBytes) byte (bcrypt).")
        }
    }

    /// Refuses a user without a name (the `name` field).
    public static func validate(name: String) throws(InputErrors) {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw InputErrors.single("name", "Brukeren må ha et navn.") }
    }

    /// 32 random bytes as URL-safe base64 without padding: session, form and feed tokens.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// A readable random password (no 0/O, 1/l/I), for demo users and a new user without one.
    public static func randomPassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
