import Foundation
import Hummingbird

/// Reads an `application/x-www-form-urlencoded` body into a dictionary, with a size limit.
enum FormBody {
    static let maximumBytes = 64 * 1024

    static func read(_ request: Request, context: some RequestContext) async throws -> [String: String] {
        let buffer = try await request.body.collect(upTo: maximumBytes)
        return FormURLEncoding.fields(String(buffer: buffer))
    }
}

/// Constant-time comparison of tokens.
func tokensMatch(_ a: String, _ b: String) -> Bool {
    let left = Array(a.utf8), right = Array(b.utf8)
    guard left.count == right.count, !left.isEmpty else { return false }
    var difference: UInt8 = 0
    for index in left.indices { difference |= left[index] ^ right[index] }
    return difference == 0
}

/// A redirect after a form (Post/Redirect/Get).
func redirect(to location: String, cookies: [Cookie] = []) -> Response {
    var response = Response(status: .seeOther, headers: [.location: location])
    for cookie in cookies { response.setCookie(cookie) }
    return response
}

/// A local path to return to after login; anything else goes to the start page.
func safeReturnPath(_ path: String?) -> String {
    // Browsers drop tabs and line breaks from URLs, so "/\t/evil.example" would become "//evil.example".
    guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"), path.count < 500,
          path.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else { return "/" }
    return path
}
