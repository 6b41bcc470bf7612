/// `TableText.normalizedLabel` for ASCII text, byte by byte: the same result as the general
/// one (a test compares them), without a Unicode property look-up per character. Header
/// matching normalizes every field of up to ten lines for every name of every shipped
/// definition, so this is the table check's hot path.
extension TableText {
    static func asciiNormalizedLabel(_ text: String) -> String? {
        var lowered: [UInt8] = []
        lowered.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            // Lower case, `_` as a blank.
            lowered.append(byte == underscore ? space : (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte))
        }
        // Words between blanks (Character.isWhitespace in ASCII: tab to carriage return, space).
        var words: [Range<Int>] = []
        var index = 0
        while index < lowered.count {
            while index < lowered.count, isBlank(lowered[index]) { index += 1 }
            let start = index
            while index < lowered.count, !isBlank(lowered[index]) { index += 1 }
            if start < index { words.append(start..<index) }
        }
        // A leading number (`1.`, `12)`, `3`) before a label.
        if words.count > 1, let first = words.first, isDigit(lowered[first.lowerBound]),
           lowered[first].allSatisfy({ isDigit($0) || $0 == fullStop || $0 == closing }) {
            words.removeFirst()
        }
        var joined: [UInt8] = []
        joined.reserveCapacity(lowered.count)
        for (number, word) in words.enumerated() {
            if number > 0 { joined.append(space) }
            joined.append(contentsOf: lowered[word])
        }
        // Footnote marks, a trailing lone number and «(note 3)» or «(3)» after the label.
        while let last = joined.last,
              last == asterisk || last == closing || (isDigit(last) && joined.count > 1 && joined[joined.count - 2] == space) {
            if last == closing, let open = joined.lastIndex(of: opening) {
                let inside = joined[(open + 1)..<(joined.count - 1)]
                guard inside.starts(with: "note".utf8) || inside.allSatisfy(isDigit) else { break }
                joined.removeSubrange(open...)
            } else if last == closing {
                break
            } else {
                joined.removeLast()
            }
            // Trimmed of blanks (spaces only remain between words).
            while joined.last == space { joined.removeLast() }
            while joined.first == space { joined.removeFirst() }
        }
        return String(decoding: joined, as: UTF8.self)
    }

    private static let space: UInt8 = 0x20
    private static let underscore: UInt8 = 0x5F
    private static let fullStop: UInt8 = 0x2E
    private static let asterisk: UInt8 = 0x2A
    private static let opening: UInt8 = 0x28
    private static let closing: UInt8 = 0x29

    private static func isBlank(_ byte: UInt8) -> Bool { byte == space || (byte >= 0x09 && byte <= 0x0D) }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
