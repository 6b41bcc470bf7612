import Foundation
import StyrDomain

/// One field of a delimited line: `start..<end` is its content (inside the quotes when quoted),
/// `next` the index of the delimiter after it (or the line's end).
struct LedgerFieldSpan {
    var start: Int
    var end: Int
    var next: Int
    /// A quoted field holding doubled quotes (`""`), to be undone when the field becomes text.
    var escaped: Bool
}

/// What an amount field holds.
enum LedgerAmount: Equatable {
    case value(Int64)
    case empty
    case invalid
    case tooManyDecimals
    /// `1.000` or `1,500` alone: a thousand or one and a half?
    case ambiguous
    case overflow
}

/// Byte-level reading of decoded (UTF-8) lines: fields, integers and amounts straight from the
/// bytes, so that a line costs no Foundation work until a text dimension becomes a `String`.
enum LedgerBytes {
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let tab: UInt8 = 0x09
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let period: UInt8 = 0x2E
    static let zero: UInt8 = 0x30
    static let semicolon: UInt8 = 0x3B
    static let pipe: UInt8 = 0x7C
    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// The delimiters detection chooses among, in the order that breaks ties.
    static let candidateDelimiters: [UInt8] = [0x3B, 0x2C, 0x09, 0x7C]

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- zero < 10 }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= 0x61 && lower <= 0x7A
    }

    static func powerOfTen(_ exponent: Int) -> Int {
        var result = 1
        for _ in 0..<max(0, exponent) { result *= 10 }
        return result
    }

    // MARK: Delimiters

    /// How a delimiter is shown to a person.
    static func delimiterName(_ byte: UInt8) -> String {
        byte == tab ? "tabulator" : String(Character(Unicode.Scalar(byte)))
    }

    /// The candidate delimiter occurring most often in a header line (`;` when none occurs).
    static func detectDelimiter(_ line: ArraySlice<UInt8>) -> UInt8 {
        var counts = [0, 0, 0, 0]
        for byte in line {
            switch byte {
            case 0x3B: counts[0] += 1
            case 0x2C: counts[1] += 1
            case 0x09: counts[2] += 1
            case 0x7C: counts[3] += 1
            default: break
            }
        }
        var best = 0
        for index in 1..<4 where counts[index] > counts[best] { best = index }
        return candidateDelimiters[best]
    }

    // MARK: Fields

    /// The field starting at `index`. A field whose first non-blank byte is a quote runs to the
    /// closing quote (`""` inside is a quote); anything between that quote and the delimiter is ignored.
    @inline(__always)
    static func field(_ p: UnsafeBufferPointer<UInt8>, from index: Int, delimiter: UInt8) -> LedgerFieldSpan {
        let count = p.count
        var first = index
        while first < count, p[first] != delimiter, p[first] == space || p[first] == tab { first += 1 }
        if first < count, p[first] == quote {
            var position = first + 1
            var escaped = false
            while position < count {
                if p[position] == quote {
                    if position + 1 < count, p[position + 1] == quote {
                        escaped = true
                        position += 2
                        continue
                    }
                    break
                }
                position += 1
            }
            var next = position < count ? position + 1 : count
            while next < count, p[next] != delimiter { next += 1 }
            return LedgerFieldSpan(start: first + 1, end: position, next: next, escaped: escaped)
        }
        var position = index
        while position < count, p[position] != delimiter { position += 1 }
        return LedgerFieldSpan(start: index, end: position, next: position, escaped: false)
    }

    /// `start..<end` without surrounding blanks (space and tab).
    @inline(__always)
    static func trim(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (start: Int, end: Int) {
        var first = start
        var last = end
        while first < last, p[first] == space || p[first] == tab { first += 1 }
        while last > first, p[last - 1] == space || p[last - 1] == tab { last -= 1 }
        return (first, last)
    }

    static func isBlank(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end {
            let byte = p[index]
            if byte != space, byte != tab, byte != cr { return false }
            index += 1
        }
        return true
    }

    /// The field as text, trimmed, with doubled quotes undone.
    static func string(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, escaped: Bool = false) -> String {
        let (first, last) = trim(p, start, end)
        guard first < last else { return "" }
        let text = String(decoding: UnsafeBufferPointer(rebasing: p[first..<last]), as: UTF8.self)
        return escaped ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }

    /// The fields of a header line as written (trimmed, unquoted, without a byte order mark).
    static func headerFields(_ line: ArraySlice<UInt8>, delimiter: UInt8) -> [String] {
        line.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) -> [String] in
            var names: [String] = []
            var index = 0
            while true {
                let span = field(p, from: index, delimiter: delimiter)
                var name = string(p, span.start, span.end, escaped: span.escaped)
                if let ascii = asciiTrimmed(name, lowerCased: false) {
                    names.append(ascii)
                } else {
                    while name.unicodeScalars.first == "\u{FEFF}" { name.unicodeScalars.removeFirst() }
                    names.append(name.trimmingCharacters(in: .whitespaces))
                }
                if span.next >= p.count { break }
                index = span.next + 1
            }
            return names
        }
    }

    /// Header names in the form they are compared in: as `headerFields`, lower-cased.
    static func headerNames(_ line: ArraySlice<UInt8>, delimiter: UInt8) -> [String] {
        headerFields(line, delimiter: delimiter).map(normalizedName)
    }

    static func normalizedName(_ name: String) -> String {
        asciiTrimmed(name, lowerCased: true) ?? generalNormalizedName(name)
    }

    /// `normalizedName` for any text, through Foundation (`asciiTrimmed` is the fast path).
    static func generalNormalizedName(_ name: String) -> String {
        var text = name
        while text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        // `rekneskap_2011` is named as `rekneskap 2011`: an underscore reads as a blank.
        return text.replacingOccurrences(of: "_", with: " ").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    // MARK: Numbers

    /// A trimmed field of 1–18 ASCII digits: its value and number of digits.
    @inline(__always)
    static func digits(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (value: Int, length: Int)? {
        let (first, last) = trim(p, start, end)
        guard first < last, last - first <= 18 else { return nil }
        var value = 0
        var index = first
        while index < last {
            let digit = p[index] &- zero
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
            index += 1
        }
        return (value, last - first)
    }

    /// The code at the start of a field that also holds its name, as exported by some ERP systems:
    /// `10201 Fastlønn`, `253 - Helse- og omsorgstjenester`, `25300: Bistand` (digits, then a blank,
    /// `-`, `–` or `:`, then text that does not start with a digit). Nil when the field is not like that.
    static func leadingCode(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (value: Int, length: Int)? {
        let (first, last) = trim(p, start, end)
        var index = first
        while index < last, isDigit(p[index]) { index += 1 }
        let length = index - first
        guard length > 0, length <= 18, index < last else { return nil }
        // An en or em dash (U+2013, U+2014), not any three-byte character.
        func isDash(_ at: Int) -> Bool { at + 2 < last && p[at] == 0xE2 && p[at + 1] == 0x80 && (p[at + 2] == 0x93 || p[at + 2] == 0x94) }
        let separator = p[index]
        guard separator == space || separator == tab || separator == minus || separator == 0x3A || isDash(index) else { return nil }
        var rest = index
        while rest < last {
            if p[rest] == space || p[rest] == tab || p[rest] == minus || p[rest] == 0x3A {
                rest += 1
            } else if isDash(rest) {
                rest += 3
            } else {
                break
            }
        }
        guard rest < last, !isDigit(p[rest]) else { return nil }
        return digits(p, first, index)
    }

    /// An amount in units of `unit` øre (100 for kroner, 100 000 for thousands of kroner).
    ///
    /// Accepted: `1234`, `-1234`, `+1234`, `−1234` (U+2212), `1234,56`, `1234.56`, groups of digits
    /// separated by a space, no-break space or narrow no-break space (`1 234,56`), one or two decimals.
    /// Also read (by `lenientAmount`, for what the fast loop below does not take): thousands
    /// separated by `.` or `,` (`1.234.567,89`, `1,234,567.89`), an apostrophe as group separator,
    /// a trailing minus (`1234-`), parentheses for a negative amount (`(1234)`), and more than two
    /// decimals when the extra ones are zeros (`1234.5600`).
    /// Not accepted: separators that do not make thousands groups (`12,3,4`), non-zero third
    /// decimals (`1,234` is 1 krone and 234 thousandths: an error, never a guess), exponents.
    static func amount(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, unit: Int64) -> LedgerAmount {
        let trimmed = trim(p, start, end)
        var index = trimmed.start
        let last = trimmed.end
        guard index < last else { return .empty }
        var negative = false
        if p[index] == minus {
            negative = true
            index += 1
        } else if p[index] == plus {
            index += 1
        } else if last - index >= 3, p[index] == 0xE2, p[index + 1] == 0x88, p[index + 2] == 0x92 {
            negative = true
            index += 3
        }
        var integer: Int64 = 0
        var integerDigits = 0
        var fraction: Int64 = 0
        var decimals = 0
        var sawSeparator = false
        var overflow = false
        while index < last {
            let byte = p[index]
            let digit = byte &- zero
            if digit < 10 {
                if sawSeparator {
                    decimals += 1
                    if decimals <= 2 { fraction = fraction * 10 + Int64(digit) }
                } else {
                    let (times, overflowed) = integer.multipliedReportingOverflow(by: 10)
                    let (sum, carried) = times.addingReportingOverflow(Int64(digit))
                    if overflowed || carried { overflow = true } else { integer = sum }
                    integerDigits += 1
                }
                index += 1
                continue
            }
            if byte == comma || byte == period {
                guard !sawSeparator, integerDigits > 0 else { return lenientAmount(p, trimmed.start, last, unit: unit) }
                sawSeparator = true
                index += 1
                continue
            }
            // Digit groups (`1 234`), and anything else, are read by the slower path, which checks
            // that the groups are thousands.
            return lenientAmount(p, trimmed.start, last, unit: unit)
        }
        guard integerDigits > 0 else { return lenientAmount(p, trimmed.start, last, unit: unit) }
        if sawSeparator, decimals == 0 { return .invalid }
        if decimals > 2 { return lenientAmount(p, trimmed.start, last, unit: unit) }
        if overflow { return .overflow }
        if decimals == 1 { fraction *= 10 }
        let (whole, wholeOverflow) = integer.multipliedReportingOverflow(by: unit)
        let (part, partOverflow) = fraction.multipliedReportingOverflow(by: unit / 100)
        let (total, totalOverflow) = whole.addingReportingOverflow(part)
        if wholeOverflow || partOverflow || totalOverflow { return .overflow }
        return .value(negative ? -total : total)
    }

    /// The slower reading of amounts the fast loop in `amount` does not take; see there.
    static func lenientAmount(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, unit: Int64) -> LedgerAmount {
        // Blanks and apostrophes that separate digit groups become one marker (a space), so that
        // they are checked like the other group separators: in the integer part, three digits apart.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - start)
        var index = start
        while index < end {
            let width = groupSeparatorWidth(p, index, end)
            if width > 0 || p[index] == 0x27 {
                bytes.append(space)
                index += max(width, 1)
                continue
            }
            bytes.append(p[index])
            index += 1
        }
        // No-break spaces around the amount (Excel puts them there) are not group separators.
        while bytes.first == space { bytes.removeFirst() }
        while bytes.last == space { bytes.removeLast() }
        var negative = false
        var parenthesised = false
        if bytes.count >= 2, bytes.first == 0x28, bytes.last == 0x29 {
            negative = true
            parenthesised = true
            bytes = Array(bytes.dropFirst().dropLast())
        }
        // A sign inside parentheses, `(-1)`, is a double negative: an error rather than a guess.
        if parenthesised, let first = bytes.first, !isDigit(first) { return .invalid }
        if parenthesised, let final = bytes.last, !isDigit(final) { return .invalid }
        if bytes.first == minus || bytes.first == plus {
            negative = negative || bytes.first == minus
            bytes.removeFirst()
        } else if bytes.count >= 3, bytes[0] == 0xE2, bytes[1] == 0x88, bytes[2] == 0x92 {
            negative = true
            bytes.removeFirst(3)
        } else if bytes.last == minus {
            negative = true
            bytes.removeLast()
        }
        guard let firstByte = bytes.first, let lastByte = bytes.last, isDigit(firstByte), isDigit(lastByte),
              bytes.allSatisfy({ isDigit($0) || $0 == comma || $0 == period || $0 == space }) else { return .invalid }
        let commas = bytes.filter { $0 == comma }.count
        let periods = bytes.filter { $0 == period }.count
        // Which mark is the decimal one: the later of two kinds; a kind used twice or more groups thousands.
        let decimalMark: UInt8?
        if commas > 0, periods > 0 {
            decimalMark = bytes.last(where: { $0 == comma || $0 == period })
        } else if commas == 1 {
            decimalMark = comma
        } else if periods == 1 {
            decimalMark = period
        } else {
            decimalMark = nil
        }
        if let decimalMark, bytes.filter({ $0 == decimalMark }).count > 1 { return .invalid }
        var integerPart = bytes[...]
        var fractionPart: ArraySlice<UInt8> = []
        if let decimalMark, let at = bytes.lastIndex(of: decimalMark) {
            integerPart = bytes[..<at]
            fractionPart = bytes[(at + 1)...]
            guard !fractionPart.isEmpty, fractionPart.allSatisfy(isDigit) else { return .invalid }
        }
        // What is left of the integer part is digits in thousands groups, however they are separated.
        let groups = integerPart.split(omittingEmptySubsequences: false) { $0 == comma || $0 == period || $0 == space }
        guard let firstGroup = groups.first, !firstGroup.isEmpty, firstGroup.count <= 18 || groups.count == 1,
              groups.dropFirst().allSatisfy({ $0.count == 3 }), groups.count == 1 || firstGroup.count <= 3 else { return .invalid }
        var integer: Int64 = 0
        for group in groups {
            for byte in group {
                let (times, overflowed) = integer.multipliedReportingOverflow(by: 10)
                let (sum, carried) = times.addingReportingOverflow(Int64(byte - zero))
                if overflowed || carried { return .overflow }
                integer = sum
            }
        }
        // `1.000` or `1,500` alone could be thousands as well as decimals: an error, never a guess.
        if groups.count == 1, commas + periods == 1, fractionPart.count == 3, firstGroup.count <= 3 { return .ambiguous }
        if fractionPart.count > 2, fractionPart.dropFirst(2).contains(where: { $0 != zero }) { return .tooManyDecimals }
        var fraction: Int64 = 0
        for (position, byte) in fractionPart.prefix(2).enumerated() {
            fraction += Int64(byte - zero) * (position == 0 ? 10 : 1)
        }
        let (whole, wholeOverflow) = integer.multipliedReportingOverflow(by: unit)
        let (part, partOverflow) = fraction.multipliedReportingOverflow(by: unit / 100)
        let (total, totalOverflow) = whole.addingReportingOverflow(part)
        if wholeOverflow || partOverflow || totalOverflow { return .overflow }
        return .value(negative ? -total : total)
    }

    /// The width of a digit-group separator at `index`: a space, a no-break space (U+00A0) or a
    /// narrow no-break or thin space (U+202F, U+2009); 0 when there is none.
    @inline(__always)
    static func groupSeparatorWidth(_ p: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int {
        let byte = p[index]
        if byte == space { return 1 }
        if byte == 0xC2, index + 1 < end, p[index + 1] == 0xA0 { return 2 }
        if byte == 0xE2, index + 2 < end, p[index + 1] == 0x80, p[index + 2] == 0xAF || p[index + 2] == 0x89 { return 3 }
        return 0
    }
}

/// `value` in decimal, zero-padded to `width` digits (`pad(20, 3)` is `020`): as StyrDomain's own
/// `pad`, which is internal to it.
func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
