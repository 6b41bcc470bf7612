import Foundation

/// The text side of a published table: delimiter, fields, header names and row labels compared
/// the way people vary them, and amounts as reports print them.
enum TableText {
    static let delimiters: [Character] = [";", "\t", "|", ","]

    /// The delimiter of a line: the most frequent of `;` tab `|` `,` outside quotes (`;` on a tie).
    static func delimiter(of line: String) -> Character {
        var counts: [Character: Int] = [:]
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if !quoted, delimiters.contains(character) { counts[character, default: 0] += 1 }
        }
        var best: Character = ";"
        for candidate in delimiters where (counts[candidate] ?? 0) > (counts[best] ?? 0) { best = candidate }
        return best
    }

    /// Fields of one line; a quote opens a quoted field at a field's start, `""` inside is a quote.
    static func split(_ line: String, delimiter: Character) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var atStart = true
        var characters = Array(line)
        if characters.last == "\r" { characters.removeLast() }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if quoted {
                if character == "\"" {
                    if index + 1 < characters.count, characters[index + 1] == "\"" {
                        current.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"", atStart {
                quoted = true
                atStart = false
            } else if character == delimiter {
                fields.append(current)
                current = ""
                atStart = true
            } else {
                current.append(character)
                if !isWhitespace(character) { atStart = false }
            }
            index += 1
        }
        fields.append(current)
        return fields
    }

    /// `Character.isWhitespace`, without the Unicode property look-up for ASCII (`\r\n` reads as `\n`).
    static func isWhitespace(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return character.isWhitespace }
        return ascii == 0x20 || (ascii >= 0x09 && ascii <= 0x0D)
    }

    /// Lower case, blanks collapsed, `_` as a blank, footnote marks (`*`, `¹`) and a leading
    /// number (`1.`, `12)`, `3 `) left out.
    static func normalizedLabel(_ text: String) -> String {
        asciiNormalizedLabel(text) ?? generalNormalizedLabel(text)
    }

    /// `normalizedLabel` for any text, by `Character` (`TableText+ASCII.swift` is the fast path).
    static func generalNormalizedLabel(_ text: String) -> String {
        var words = text.lowercased().replacingOccurrences(of: "_", with: " ")
            .split(whereSeparator: { $0.isWhitespace }).map(String.init)
        if let first = words.first, words.count > 1, first.allSatisfy({ $0.isNumber || $0 == "." || $0 == ")" }), first.first?.isNumber == true {
            words.removeFirst()
        }
        var joined = words.joined(separator: " ")
        while let last = joined.last, "*¹²³⁴⁵⁶⁷⁸⁹⁰)".contains(last) || (last.isNumber && joined.dropLast().last == " ") {
            if last == ")", let open = joined.lastIndex(of: "(") {
                // "(note 3)" after a label
                let inside = joined[joined.index(after: open)...].dropLast()
                guard inside.lowercased().hasPrefix("note") || inside.allSatisfy(\.isNumber) else { break }
                joined = String(joined[..<open])
            } else if last == ")" {
                break
            } else {
                joined.removeLast()
            }
            joined = joined.trimmingCharacters(in: .whitespaces)
        }
        return joined
    }

    static func rowNames(_ definition: TableDefinition) -> [String: String] {
        var names: [String: String] = [:]
        for row in definition.rows {
            for name in row.names + [row.key] where names[normalizedLabel(name)] == nil { names[normalizedLabel(name)] = row.key }
        }
        return names
    }

    /// Header names compared like labels; `{year}` matches a four-digit year, `{year-1}` the year before it.
    static func headerMatch(_ header: String, pattern: String) -> (matches: Bool, year: Int?, offset: Int) {
        HeaderPattern(pattern).match(normalizedLabel(header))
    }

    /// A column name of a definition, normalized and split at its `{year}` once, to be matched
    /// against many headers.
    struct HeaderPattern {
        var wanted: String
        /// The text before and after `{year}` (or `{year-1}`, `offset` 1), and their lengths.
        var year: (parts: [String], length: Int, offset: Int)?

        init(_ pattern: String) {
            wanted = TableText.normalizedLabel(pattern)
            for (token, offset) in [("{year}", 0), ("{year-1}", 1)] where wanted.contains(token) {
                let parts = wanted.components(separatedBy: token)
                year = (parts, parts.reduce(0) { $0 + $1.count } + 4, offset)
                return
            }
        }

        /// `text`: a header already through `normalizedLabel`.
        func match(_ text: String) -> (matches: Bool, year: Int?, offset: Int) {
            guard let year else { return (text == wanted, nil, 0) }
            let parts = year.parts
            guard parts.count == 2, text.hasPrefix(parts[0]), text.hasSuffix(parts[1]), text.count == year.length else {
                return (false, nil, 0)
            }
            let digits = text.dropFirst(parts[0].count).prefix(4)
            guard digits.allSatisfy(\.isNumber), let found = Int(digits) else { return (false, nil, 0) }
            return (true, found + year.offset, year.offset)
        }
    }

    /// Each definition column → its header index; the report's year from `{year}` headers (the
    /// latest year wins when several headers fit one column).
    static func matchColumns(_ headers: [String], definition: TableDefinition) -> (index: [String: Int], year: Int?) {
        matchColumns(headers, names: TableDefinitionNames(definition))
    }

    static func matchColumns(_ headers: [String], names: TableDefinitionNames) -> (index: [String: Int], year: Int?) {
        matchColumns(normalized: headers.map(normalizedLabel), names: names)
    }

    /// `normalizedHeaders`: the header's fields through `normalizedLabel`.
    static func matchColumns(normalized normalizedHeaders: [String], names: TableDefinitionNames) -> (index: [String: Int], year: Int?) {
        var taken = Set<Int>()
        var index: [String: Int] = [:]
        var year: Int?
        for (column, patterns) in names.columns {
            var best: (index: Int, year: Int?)?
            for pattern in patterns {
                for (position, header) in normalizedHeaders.enumerated() where !taken.contains(position) {
                    let match = pattern.match(header)
                    guard match.matches else { continue }
                    if let year, let found = match.year, found != year { continue }
                    if best == nil || (match.year ?? 0) > (best?.year ?? 0) { best = (position, match.year) }
                }
                if best != nil { break }
            }
            if let best {
                taken.insert(best.index)
                index[column.key] = best.index
                if year == nil, let found = best.year { year = found }
            }
        }
        return (index, year)
    }

    /// The first line (of the first ten non-blank) where every required column is found.
    static func headerLine(_ lines: TableLines, names: TableDefinitionNames) -> Int? {
        for candidate in lines.candidates {
            let match = matchColumns(normalized: candidate.normalized, names: names)
            if names.definition.columns.allSatisfy({ $0.optional == true || match.index[$0.key] != nil }) { return candidate.number }
        }
        return nil
    }

    /// Among the first ten non-blank lines, the one naming most of the definition's columns.
    static func likelyHeader(_ lines: TableLines, names: TableDefinitionNames) -> Int? {
        var best: (line: Int, count: Int)?
        for candidate in lines.candidates {
            let count = matchColumns(normalized: candidate.normalized, names: names).index.count
            if best == nil || count > best!.count { best = (candidate.number, count) }
        }
        return best?.line
    }

    /// Whether the text is empty or only blanks (`.whitespaces`).
    static func isBlank(_ text: String) -> Bool {
        trimmed(text).isEmpty
    }

    /// Trimmed of `.whitespaces` (in ASCII: space and tab, without Foundation's bridging).
    static func trimmed(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.trimmingCharacters(in: .whitespaces) }
        let utf8 = Array(text.utf8)
        var first = 0
        var last = utf8.count
        while first < last, utf8[first] == 0x20 || utf8[first] == 0x09 { first += 1 }
        while last > first, utf8[last - 1] == 0x20 || utf8[last - 1] == 0x09 { last -= 1 }
        return first == 0 && last == utf8.count ? text : String(decoding: utf8[first..<last], as: UTF8.self)
    }

    /// The header of the first amount field that cannot be read.
    static func failingColumn(_ fields: [String], columns: [String: Int], headers: [String]) -> String? {
        for index in columns.values.sorted() where index < fields.count {
            if (try? amount(fields[index])) == nil, index < headers.count { return headers[index] }
        }
        return nil
    }

    static func labelColumn(_ headers: [String], definition: TableDefinition, amountColumns: Set<Int>) -> Int {
        if let names = definition.labelColumns {
            for name in names {
                if let found = headers.indices.first(where: { normalizedLabel(headers[$0]) == normalizedLabel(name) }) { return found }
            }
        }
        return headers.indices.first { !amountColumns.contains($0) } ?? 0
    }

    /// The amounts of a row's columns; throws at the first that cannot be read.
    static func amounts(_ fields: [String], columns: [String: Int]) throws(PublishedTableError) -> [String: PrintedAmount] {
        var values: [String: PrintedAmount] = [:]
        for (column, index) in columns where index < fields.count {
            if let amount = try amount(fields[index]) { values[column] = amount }
        }
        return values
    }

    /// An amount as printed: blanks and dashes are nil; spaces or full stops between thousands,
    /// a decimal comma, a minus (also − or –) or parentheses for a negative amount.
    static func amount(_ field: String) throws(PublishedTableError) -> PrintedAmount? {
        var text = field.trimmingCharacters(in: .whitespaces)
        var negative = false
        if text.hasPrefix("("), text.hasSuffix(")"), text.count > 2 {
            negative = true
            text = String(text.dropFirst().dropLast())
        }
        // 1.234.567 (full stops between groups of three) is thousands, never a decimal point.
        let compact = text.filter { !$0.isWhitespace }
        let groups = compact.drop { "-−–+".contains($0) }.split(separator: ",", maxSplits: 1).first.map(String.init) ?? ""
        let parts = groups.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count > 1 {
            guard parts.first!.count <= 3, parts.dropFirst().allSatisfy({ $0.count == 3 }) else {
                throw PublishedTableError(reason: "«\(field.trimmingCharacters(in: .whitespaces))» er ikke et beløp (punktum skal skille tusener, desimaler skrives med komma)")
            }
            text = text.replacingOccurrences(of: ".", with: "")
        }
        guard let amount = try PrintedAmountParser.parse(text) else { return nil }
        return negative ? PrintedAmount(hundredths: -amount.hundredths) : amount
    }
}
