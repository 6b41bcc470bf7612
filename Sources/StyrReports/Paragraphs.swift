import Foundation

/// Stored text keeps paragraphs apart with a blank line; single line breaks inside a paragraph
/// are soft (they come from transcribing printed documents).
public enum Paragraphs {
    public static func split(_ text: String) -> [String] {
        // Browsers send CRLF; "\r\n" is one Character, so normalise before splitting on blank lines.
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n\n").map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
