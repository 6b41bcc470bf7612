/// The fast path of header names in ASCII: the same result as Foundation's trimming (and, for
/// `normalizedName`, `_` read as a blank and lower case), byte by byte. The format detector
/// and the header reader name every field of the first lines, so Foundation's bridging was
/// most of a short file's import. Nil for text beyond ASCII (a test compares both ways).
extension LedgerBytes {
    /// `lowerCased: false`: trimmed of `.whitespaces` (space, tab), as `headerFields` does.
    /// `lowerCased: true`: `_` as a blank, trimmed of `.whitespacesAndNewlines`, lower-cased,
    /// as `normalizedName` does.
    static func asciiTrimmed(_ text: String, lowerCased: Bool) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            guard lowerCased else {
                bytes.append(byte)
                continue
            }
            bytes.append(byte == 0x5F ? space : (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte))
        }
        func isTrimmed(_ byte: UInt8) -> Bool {
            byte == space || byte == tab || (lowerCased && byte >= 0x0A && byte <= 0x0D)
        }
        var first = 0
        var last = bytes.count
        while first < last, isTrimmed(bytes[first]) { first += 1 }
        while last > first, isTrimmed(bytes[last - 1]) { last -= 1 }
        return String(decoding: bytes[first..<last], as: UTF8.self)
    }
}
