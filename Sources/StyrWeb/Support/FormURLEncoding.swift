import Foundation

/// The fields of an `application/x-www-form-urlencoded` body: `+` is a space, percent escapes
/// decoded (a broken escape is kept as typed), the first of repeated names wins. Plain Foundation,
/// so the fuzzer (`Benchmarks/fuzz.sh`) compiles it without Hummingbird.
enum FormURLEncoding {
    static func fields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            if fields[key] == nil { fields[key] = value }
        }
        return fields
    }

    private static func decode(_ part: Substring) -> String {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
    }
}
