import Foundation

extension String {
    /// Percent-encoded for a query value, as UTF-8: only ASCII letters, digits and `-._~` stay
    /// (Foundation's `.alphanumerics` would keep æ, ø and å, which a `Location` header may not hold).
    var urlQueryEncoded: String {
        addingPercentEncoding(withAllowedCharacters: Self.unreservedInQuery) ?? self
    }

    private static let unreservedInQuery = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
