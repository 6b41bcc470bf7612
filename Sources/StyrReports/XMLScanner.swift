import Foundation

/// A small XML reader for the parts of an .xlsx workbook (UTF-8): start and end tags with their
/// attributes, and text with character references and the five predefined entities decoded, line
/// ends normalised and CDATA as is. Comments, processing instructions and a DOCTYPE are skipped;
/// no entity is ever defined or expanded. Reading stops at the first thing that is not
/// well-formed (an unknown entity, an unclosed tag or quote, an end tag that closes another
/// element); what was read before stands, as with Foundation's `XMLParser`.
enum XMLScanner {
    enum Event: Equatable {
        case start(String, [String: String])
        case text(String)
        case end(String)
    }

    static func scan(_ data: Data, _ handle: (Event) -> Void) {
        let bytes = [UInt8](data)
        let count = bytes.count
        var index = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var open: [String] = []
        while index < count {
            guard bytes[index] == lessThan else {
                let end = bytes[index...].firstIndex(of: lessThan) ?? count
                guard let text = decoded(bytes[index..<end], attribute: false) else { return }
                handle(.text(text))
                index = end
                continue
            }
            if has(bytes, at: index, "<!--") {
                guard let end = find(bytes, "-->", from: index + 4) else { return }
                index = end + 3
            } else if has(bytes, at: index, "<![CDATA[") {
                guard let end = find(bytes, "]]>", from: index + 9) else { return }
                handle(.text(String(decoding: bytes[(index + 9)..<end], as: UTF8.self)))
                index = end + 3
            } else if has(bytes, at: index, "<?") {
                guard let end = find(bytes, "?>", from: index + 2) else { return }
                index = end + 2
            } else if has(bytes, at: index, "<!") {
                // A DOCTYPE (with an internal subset in brackets): skipped whole, nothing defined.
                var depth = 0, cursor = index + 2
                while cursor < count {
                    if bytes[cursor] == UInt8(ascii: "[") { depth += 1 }
                    else if bytes[cursor] == UInt8(ascii: "]") { depth -= 1 }
                    else if bytes[cursor] == greaterThan && depth <= 0 { break }
                    cursor += 1
                }
                guard cursor < count else { return }
                index = cursor + 1
            } else if has(bytes, at: index, "</") {
                guard let end = bytes[(index + 2)...].firstIndex(of: greaterThan) else { return }
                let name = String(decoding: bytes[(index + 2)..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                guard let last = open.popLast(), last == name else { return }
                handle(.end(name))
                index = end + 1
            } else {
                guard let (name, attributes, selfClosing, next) = startTag(bytes, at: index) else { return }
                handle(.start(name, attributes))
                if selfClosing { handle(.end(name)) } else { open.append(name) }
                index = next
            }
        }
    }

    private static let lessThan = UInt8(ascii: "<"), greaterThan = UInt8(ascii: ">")

    /// `<name a="1" b='2'>` or `<name/>` at `index`: the name, the attributes (values decoded,
    /// literal tabs and line ends as spaces), whether it closes itself, and where it ends.
    private static func startTag(_ bytes: [UInt8], at index: Int)
        -> (name: String, attributes: [String: String], selfClosing: Bool, next: Int)? {
        let count = bytes.count
        var cursor = index + 1
        func name() -> String? {
            let start = cursor
            while cursor < count, isNameByte(bytes[cursor]) { cursor += 1 }
            return cursor > start ? String(decoding: bytes[start..<cursor], as: UTF8.self) : nil
        }
        func skipSpace() { while cursor < count, isSpace(bytes[cursor]) { cursor += 1 } }
        guard let element = name() else { return nil }
        var attributes: [String: String] = [:]
        while true {
            skipSpace()
            guard cursor < count else { return nil }
            if bytes[cursor] == greaterThan { return (element, attributes, false, cursor + 1) }
            if bytes[cursor] == UInt8(ascii: "/") {
                guard cursor + 1 < count, bytes[cursor + 1] == greaterThan else { return nil }
                return (element, attributes, true, cursor + 2)
            }
            guard let key = name() else { return nil }
            skipSpace()
            guard cursor < count, bytes[cursor] == UInt8(ascii: "=") else { return nil }
            cursor += 1
            skipSpace()
            guard cursor < count, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") else { return nil }
            let quote = bytes[cursor]
            cursor += 1
            let start = cursor
            while cursor < count, bytes[cursor] != quote {
                guard bytes[cursor] != lessThan else { return nil }
                cursor += 1
            }
            guard cursor < count, let value = decoded(bytes[start..<cursor], attribute: true) else { return nil }
            attributes[key] = value
            cursor += 1
        }
    }

    /// Text or an attribute value with its references decoded; nil for an unknown or unclosed one.
    static func decoded(_ raw: ArraySlice<UInt8>, attribute: Bool) -> String? {
        guard raw.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\r") || (attribute && isSpace($0)) }) else {
            return String(decoding: raw, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var cursor = raw.startIndex
        while cursor < raw.endIndex {
            let byte = raw[cursor]
            if byte == UInt8(ascii: "&") {
                guard let semicolon = raw[cursor...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else { return nil }
                let reference = String(decoding: raw[(cursor + 1)..<semicolon], as: UTF8.self)
                guard let scalar = scalar(reference) else { return nil }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                cursor = semicolon + 1
                continue
            }
            if byte == UInt8(ascii: "\r") {
                // CR LF and a lone CR are read as LF (XML 1.0 §2.11).
                if cursor + 1 < raw.endIndex, raw[cursor + 1] == UInt8(ascii: "\n") { cursor += 1 }
                out.append(attribute ? UInt8(ascii: " ") : UInt8(ascii: "\n"))
            } else if attribute && isSpace(byte) {
                out.append(UInt8(ascii: " "))
            } else {
                out.append(byte)
            }
            cursor += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func scalar(_ reference: String) -> Unicode.Scalar? {
        switch reference {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let number: UInt32? = if reference.hasPrefix("#x") { UInt32(reference.dropFirst(2), radix: 16) }
            else if reference.hasPrefix("#") { UInt32(reference.dropFirst(), radix: 10) } else { nil }
            return number.flatMap(Unicode.Scalar.init)
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        !isSpace(byte) && byte != lessThan && byte != greaterThan && byte != UInt8(ascii: "/") && byte != UInt8(ascii: "=")
            && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'")
    }

    private static func has(_ bytes: [UInt8], at index: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return prefix.withUTF8Buffer { buffer in buffer.indices.allSatisfy { bytes[index + $0] == buffer[$0] } }
    }

    private static func find(_ bytes: [UInt8], _ needle: StaticString, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if has(bytes, at: index, needle) { return index }
            index += 1
        }
        return nil
    }
}
