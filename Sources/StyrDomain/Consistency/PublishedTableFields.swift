/// Splits one line of a semicolon-separated file into fields.
enum PublishedTableFields {
    /// Spreadsheet exports quote a field that contains a semicolon or a quote, doubling inner
    /// quotes; a quote only opens a quoted field at the start of a field.
    static func split(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var inQuotes = false
        var characters = line.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" {
                        current.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"", current.allSatisfy(\.isWhitespace) {
                inQuotes = true
                current = ""
            } else if character == ";" {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }

    /// A line of only whitespace or only empty fields (";;;;;" from a spreadsheet) is skipped.
    static func isBlank(_ fields: [String]) -> Bool {
        fields.allSatisfy { $0.allSatisfy(\.isWhitespace) }
    }

    /// Header names compare case-insensitively, and a space or hyphen counts as the underscore:
    /// "Regnskap forrige" names the column `regnskap_forrige`.
    static func canonicalName(_ text: String) -> String {
        var name = ""
        var pendingSeparator = false
        for character in PublishedTableFields.trimmed(text).lowercased() {
            if character.isWhitespace || character == "_" || character == "-" {
                pendingSeparator = true
                continue
            }
            if pendingSeparator, !name.isEmpty { name.append("_") }
            pendingSeparator = false
            name.append(character)
        }
        return name
    }

    /// Trims all Unicode whitespace, including the non-breaking spaces spreadsheets leave around
    /// numbers and labels.
    static func trimmed(_ text: some StringProtocol) -> String {
        guard let start = text.firstIndex(where: { !$0.isWhitespace }),
              let end = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[start...end])
    }
}
