import Foundation
import StyrDomain

/// Splits a file fed in chunks of bytes into lines of UTF-8, whatever the file's encoding, keeping
/// only the unfinished last line in memory.
///
/// The encoding is decided from the first bytes: a UTF-8 byte order mark, a UTF-16 byte order mark
/// (little or big endian; also UTF-16 without one when the first two characters are ASCII), else
/// UTF-8 if the first non-ASCII character is valid UTF-8, else Windows-1252. Lines end at LF; a CR
/// before it is dropped. Lines are handed out as slices of an internal buffer, valid until the next
/// `append` (copy one to keep it).
///
///     var decoder = LedgerTextDecoder()
///     for chunk in chunks {
///         decoder.append(chunk)
///         while let line = try decoder.nextLine() { … }
///     }
///     if let last = try decoder.finish() { … }      // then nextLine() returns nil
public struct LedgerTextDecoder: Sendable {
    public static let defaultMaximumLineLength = 1 << 20

    /// Longer lines (no line end within so many bytes) are an error: not a text file, or CR-only line ends.
    public let maximumLineLength: Int
    /// The encoding decided; `.utf8` while every byte so far has been ASCII (see `isEncodingDecided`).
    public private(set) var encoding: LedgerTextEncoding = .utf8
    public private(set) var hasByteOrderMark = false
    /// Lines handed out so far, which is also the number of the last one.
    public private(set) var lineCount = 0
    /// Whether the input ended without a line end after its last line (a possible sign of a cut file).
    public private(set) var lastLineUnterminated = false

    private enum Mode: Sendable {
        case start
        case undecided
        case utf8
        case windows1252
        case utf16(bigEndian: Bool)
    }

    private var mode = Mode.start
    /// The first bytes, until there are enough to look for a byte order mark.
    private var head: [UInt8] = []
    /// Bytes that cannot be decoded before more arrive: an unfinished UTF-8 sequence while the
    /// encoding is undecided, or half a UTF-16 code unit or surrogate pair.
    private var held: [UInt8] = []
    /// Decoded UTF-8: handed-out lines before `lineStart`, then the unfinished line.
    private var buffer: [UInt8] = []
    private var lineStart = 0
    /// Everything from `lineStart` up to here is known to hold no line end.
    private var searchFrom = 0
    private var ended = false

    public init(maximumLineLength: Int = LedgerTextDecoder.defaultMaximumLineLength) {
        self.maximumLineLength = maximumLineLength
    }

    /// Whether the encoding is settled (false while every byte so far was ASCII).
    public var isEncodingDecided: Bool {
        switch mode {
        case .start, .undecided: false
        case .utf8, .windows1252, .utf16: true
        }
    }

    public mutating func append(_ chunk: [UInt8]) {
        append(chunk[...])
    }

    public mutating func append(_ chunk: ArraySlice<UInt8>) {
        precondition(!ended, "LedgerTextDecoder.append after finish")
        guard !chunk.isEmpty else { return }
        compact()
        if case .start = mode {
            head.append(contentsOf: chunk)
            guard head.count >= 4 else { return }
            let bytes = head
            head = []
            begin(bytes[...])
            return
        }
        decode(chunk)
    }

    /// The next complete line (without its line end), or nil when more bytes are needed.
    /// After `finish()` it also returns a last line that has no line end.
    public mutating func nextLine() throws -> ArraySlice<UInt8>? {
        let count = buffer.count
        let from = searchFrom
        let newline: Int? = buffer.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) -> Int? in
            guard from < count, let base = p.baseAddress else { return nil }
            // memchr scans a word at a time; a loop over bytes was a tenth of the import's time.
            guard let found = memchr(base + from, Int32(LedgerBytes.lf), count - from) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        if let newline {
            var end = newline
            if end > lineStart, buffer[end - 1] == LedgerBytes.cr { end -= 1 }
            let line = buffer[lineStart..<end]
            lineStart = newline + 1
            searchFrom = lineStart
            lineCount += 1
            return line
        }
        searchFrom = count
        if ended {
            guard lineStart < count else { return nil }
            var end = count
            if buffer[end - 1] == LedgerBytes.cr { end -= 1 }
            let line = buffer[lineStart..<end]
            lineStart = count
            lineCount += 1
            lastLineUnterminated = true
            return line
        }
        if count - lineStart > maximumLineLength {
            throw LedgerLineError(
                line: lineCount + 1,
                reason: "linjen er lengre enn \(maximumLineLength) byte uten linjeskift – er dette en tekstfil med linjeskift?")
        }
        return nil
    }

    /// Marks the end of the input and returns the last line when the input does not end in a line
    /// end. Call it when `nextLine()` has returned nil; `nextLine()` returns nil afterwards.
    @discardableResult
    public mutating func finish() throws -> ArraySlice<UInt8>? {
        if !ended {
            ended = true
            compact()
            if case .start = mode {
                let bytes = head
                head = []
                begin(bytes[...])
            } else {
                decode(ArraySlice<UInt8>())
            }
        }
        return try nextLine()
    }

    /// Decodes a whole file at once (for small inputs and tests): its lines as text and the encoding.
    public static func lines(of bytes: [UInt8], chunkSize: Int = 65_536) throws -> (lines: [String], encoding: LedgerTextEncoding) {
        var decoder = LedgerTextDecoder()
        var lines: [String] = []
        var start = 0
        let size = max(1, chunkSize)
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            decoder.append(bytes[start..<end])
            while let line = try decoder.nextLine() { lines.append(String(decoding: line, as: UTF8.self)) }
            start = end
        }
        while let line = try decoder.finish() { lines.append(String(decoding: line, as: UTF8.self)) }
        return (lines, decoder.encoding)
    }

    // MARK: Decoding

    /// Drops the lines already handed out from the buffer.
    private mutating func compact() {
        guard lineStart > 0 else { return }
        if lineStart >= buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else {
            buffer.removeSubrange(0..<lineStart)
        }
        searchFrom -= lineStart
        lineStart = 0
    }

    /// Decides the encoding from the first (up to four) bytes and decodes them.
    private mutating func begin(_ bytes: ArraySlice<UInt8>) {
        let first = Array(bytes.prefix(4))
        var rest = bytes
        if first.count >= 3, first[0] == 0xEF, first[1] == 0xBB, first[2] == 0xBF {
            mode = .utf8
            encoding = .utf8
            hasByteOrderMark = true
            rest = bytes.dropFirst(3)
        } else if first.count >= 2, first[0] == 0xFF, first[1] == 0xFE {
            mode = .utf16(bigEndian: false)
            encoding = .utf16LittleEndian
            hasByteOrderMark = true
            rest = bytes.dropFirst(2)
        } else if first.count >= 2, first[0] == 0xFE, first[1] == 0xFF {
            mode = .utf16(bigEndian: true)
            encoding = .utf16BigEndian
            hasByteOrderMark = true
            rest = bytes.dropFirst(2)
        } else if first.count == 4, first[0] != 0, first[1] == 0, first[2] != 0, first[3] == 0 {
            mode = .utf16(bigEndian: false)
            encoding = .utf16LittleEndian
        } else if first.count == 4, first[0] == 0, first[1] != 0, first[2] == 0, first[3] != 0 {
            mode = .utf16(bigEndian: true)
            encoding = .utf16BigEndian
        } else {
            mode = .undecided
        }
        decode(rest)
    }

    private mutating func decode(_ chunk: ArraySlice<UInt8>) {
        switch mode {
        case .start: head.append(contentsOf: chunk)
        case .utf8: buffer.append(contentsOf: chunk)
        case .windows1252: appendWindows1252(chunk)
        case .utf16(let bigEndian): appendUTF16(chunk, bigEndian: bigEndian)
        case .undecided: appendUndecided(chunk)
        }
    }

    /// ASCII so far: passes ASCII through and decides at the first non-ASCII byte.
    private mutating func appendUndecided(_ chunk: ArraySlice<UInt8>) {
        var input = chunk
        if !held.isEmpty {
            held.append(contentsOf: chunk)
            input = held[...]
            held = []
        }
        guard let high = Self.firstNonASCII(input) else {
            buffer.append(contentsOf: input)
            return
        }
        buffer.append(contentsOf: input[..<high])
        switch Self.checkUTF8Sequence(input[high...], final: ended) {
        case .valid:
            mode = .utf8
            encoding = .utf8
            buffer.append(contentsOf: input[high...])
        case .invalid:
            mode = .windows1252
            encoding = .windows1252
            appendWindows1252(input[high...])
        case .incomplete:
            held = Array(input[high...])
        }
    }

    private mutating func appendWindows1252(_ bytes: ArraySlice<UInt8>) {
        for byte in bytes {
            if byte < 0x80 {
                buffer.append(byte)
            } else if byte >= 0xA0 {
                buffer.append(0xC0 | (byte >> 6))
                buffer.append(0x80 | (byte & 0x3F))
            } else {
                appendScalar(UInt32(Self.windows1252High[Int(byte - 0x80)]))
            }
        }
    }

    private mutating func appendUTF16(_ chunk: ArraySlice<UInt8>, bigEndian: Bool) {
        var input = chunk
        if !held.isEmpty {
            held.append(contentsOf: chunk)
            input = held[...]
            held = []
        }
        var index = input.startIndex
        let end = input.endIndex
        while end - index >= 2 {
            let unit = Self.codeUnit(input, index, bigEndian: bigEndian)
            if unit >= 0xD800, unit <= 0xDBFF {
                guard end - index >= 4 else {
                    if ended {
                        appendScalar(0xFFFD)
                        index += 2
                        continue
                    }
                    break
                }
                let next = Self.codeUnit(input, index + 2, bigEndian: bigEndian)
                if next >= 0xDC00, next <= 0xDFFF {
                    appendScalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(next) - 0xDC00))
                    index += 4
                } else {
                    appendScalar(0xFFFD)
                    index += 2
                }
            } else if unit >= 0xDC00, unit <= 0xDFFF {
                appendScalar(0xFFFD)
                index += 2
            } else {
                appendScalar(UInt32(unit))
                index += 2
            }
        }
        if index < end {
            if ended {
                appendScalar(0xFFFD)
            } else {
                held = Array(input[index...])
            }
        }
    }

    private mutating func appendScalar(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            buffer.append(UInt8(scalar))
        case 0x80..<0x800:
            buffer.append(UInt8(0xC0 | (scalar >> 6)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            buffer.append(UInt8(0xE0 | (scalar >> 12)))
            buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            buffer.append(UInt8(0xF0 | (scalar >> 18)))
            buffer.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    private static func codeUnit(_ bytes: ArraySlice<UInt8>, _ index: Int, bigEndian: Bool) -> UInt16 {
        bigEndian
            ? UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
            : UInt16(bytes[index + 1]) << 8 | UInt16(bytes[index])
    }

    /// The index of the first byte ≥ 0x80, eight bytes at a time.
    private static func firstNonASCII(_ bytes: ArraySlice<UInt8>) -> Int? {
        let offset: Int? = bytes.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) -> Int? in
            let count = p.count
            var index = 0
            if let base = p.baseAddress {
                let raw = UnsafeRawPointer(base)
                while index + 8 <= count {
                    if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
                    index += 8
                }
            }
            while index < count {
                if p[index] >= 0x80 { return index }
                index += 1
            }
            return nil
        }
        return offset.map { bytes.startIndex + $0 }
    }

    private enum SequenceCheck {
        case valid, invalid, incomplete
    }

    /// Whether the bytes start with a well-formed UTF-8 sequence (RFC 3629: no overlong forms, no surrogates).
    private static func checkUTF8Sequence(_ bytes: ArraySlice<UInt8>, final: Bool) -> SequenceCheck {
        let start = bytes.startIndex
        let lead = bytes[start]
        let length: Int
        var secondLow: UInt8 = 0x80
        var secondHigh: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondHigh = 0x9F
        case 0xF0: length = 4; secondLow = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondHigh = 0x8F
        default: return .invalid
        }
        for offset in 1..<length {
            let index = start + offset
            guard index < bytes.endIndex else { return final ? .invalid : .incomplete }
            let byte = bytes[index]
            let low: UInt8 = offset == 1 ? secondLow : 0x80
            let high: UInt8 = offset == 1 ? secondHigh : 0xBF
            guard byte >= low, byte <= high else { return .invalid }
        }
        return .valid
    }

    /// Windows-1252 0x80–0x9F (the five unassigned bytes kept as the C1 controls, as Latin-1 has them).
    private static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
