import Crypto
import Foundation
import Hummingbird

/// The green confirmation after a form is saved (Post/Redirect/Get). The message travels in the
/// URL (`?lagret=…`) with a receipt (`&kvittering=…`): an HMAC of the message keyed by the
/// session's CSRF token. Only the server can write one, so a link made by someone else (a
/// phishing text in `?lagret=`) shows nothing.
enum Confirmation {
    static let messageParameter = "lagret", receiptParameter = "kvittering"

    /// A redirect to `path` (which may carry a query and a `#fragment`) that shows `message`.
    static func redirect(to path: String, message: String, _ context: StyrRequestContext) -> Response {
        Hummingbird.Response(status: .seeOther, headers: [.location: url(path, message: message, context)])
    }

    static func url(_ path: String, message: String, _ context: StyrRequestContext) -> String {
        guard let key = context.session?.csrfToken else { return path }
        let (base, fragment) = split(path)
        let separator = base.contains("?") ? "&" : "?"
        return "\(base)\(separator)\(messageParameter)=\(message.urlQueryEncoded)&\(receiptParameter)=\(receipt(message, key: key))\(fragment)"
    }

    /// The confirmation to show on this request, when its receipt is the session's.
    static func message(_ request: Request, _ context: StyrRequestContext) -> String? {
        guard let message = request.uri.queryParameters.get(messageParameter), !message.isEmpty,
              let given = request.uri.queryParameters.get(receiptParameter), let key = context.session?.csrfToken,
              tokensMatch(given, receipt(message, key: key)) else { return nil }
        return message
    }

    static func receipt(_ message: String, key: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: Data(("styr-kvittering:" + key).utf8)))
        return Data(code).map { String(format: "%02x", $0) }.joined()
    }

    private static func split(_ path: String) -> (String, String) {
        guard let hash = path.firstIndex(of: "#") else { return (path, "") }
        return (String(path[..<hash]), String(path[hash...]))
    }
}
