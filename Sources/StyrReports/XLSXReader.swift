import Foundation
import ZIPFoundation

/// Reads the cells of an .xlsx workbook (Office Open XML): the sheets in workbook order, each
/// as rows of cells from A1. Text comes from shared strings, inline strings or formula strings;
/// numbers as written. Enough for a template filled in Excel, LibreOffice or Numbers; formats,
/// formulas and styles are not read.
public enum XLSXReader {
    public enum Cell: Hashable, Sendable {
        case empty
        case text(String)
        /// A number as the sheet stores it (`35011001300`, `0.5`).
        case number(String)
    }

    public struct Sheet: Hashable, Sendable {
        public var name: String
        public var rows: [[Cell]]
    }

    public enum ReadError: Error, CustomStringConvertible {
        case notAWorkbook(String)

        public var description: String {
            switch self {
            case .notAWorkbook(let reason): "Fila er ikke et regneark (.xlsx) som kan leses: \(reason)."
            }
        }
    }

    public static func sheets(_ data: Data) throws -> [Sheet] {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ReadError.notAWorkbook("ikke et ZIP-arkiv")
        }
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            var bytes = Data()
            _ = try archive.extract(entry, skipCRC32: true) { bytes.append($0) }
            return bytes
        }
        guard let workbook = try part("xl/workbook.xml") else { throw ReadError.notAWorkbook("mangler xl/workbook.xml") }
        let sheetEntries = XMLElements.parse(workbook).filter { $0.name == "sheet" }
        var targets: [String: String] = [:]
        if let relationships = try part("xl/_rels/workbook.xml.rels") {
            for element in XMLElements.parse(relationships) where element.name == "Relationship" {
                if let id = element.attributes["Id"], let target = element.attributes["Target"] { targets[id] = target }
            }
        }
        let shared = try part("xl/sharedStrings.xml").map(sharedStrings) ?? []
        var sheets: [Sheet] = []
        for (index, entry) in sheetEntries.enumerated() {
            let id = entry.attributes["r:id"] ?? entry.attributes.first { $0.key.hasSuffix(":id") }?.value
            var target = id.flatMap { targets[$0] } ?? "worksheets/sheet\(index + 1).xml"
            if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
            guard let xml = try part(target) else { throw ReadError.notAWorkbook("mangler arket \(target)") }
            sheets.append(Sheet(name: entry.attributes["name"] ?? "Ark\(index + 1)", rows: rows(xml, shared: shared)))
        }
        return sheets
    }

    static func sharedStrings(_ xml: Data) -> [String] {
        var strings: [String] = []
        var current: String?
        for element in XMLElements.parse(xml, text: ["t"]) {
            switch element.name {
            case "si": if let text = current { strings.append(text) }; current = ""
            case "t": current = (current ?? "") + element.text
            default: break
            }
        }
        if let text = current { strings.append(text) }
        return strings
    }

    static func rows(_ xml: Data, shared: [String]) -> [[Cell]] {
        var rows: [Int: [Int: Cell]] = [:]
        var cell: (row: Int, column: Int, type: String)?
        var value = "", inline = ""
        var nextRow = 0, nextColumn = 0
        func finish() {
            guard let open = cell else { return }
            let content: Cell = switch open.type {
            case "s": Int(value).flatMap { shared.indices.contains($0) ? .text(shared[$0]) : nil } ?? .empty
            case "inlineStr": .text(inline)
            case "str", "e": .text(value)
            case "b": .number(value)
            default: value.isEmpty ? .empty : .number(value)
            }
            rows[open.row, default: [:]][open.column] = content
            cell = nil
        }
        for element in XMLElements.parse(xml, text: ["v", "t"]) {
            switch element.name {
            case "row":
                finish()
                nextRow = element.attributes["r"].flatMap(Int.init).map { $0 - 1 } ?? nextRow + 1
                nextColumn = 0
            case "c":
                finish()
                let reference = element.attributes["r"].map(position)
                cell = (reference?.row ?? nextRow, reference?.column ?? nextColumn, element.attributes["t"] ?? "n")
                nextColumn = (cell?.column ?? nextColumn) + 1
                value = ""
                inline = ""
            case "v": value += element.text
            case "t": inline += element.text
            default: break
            }
        }
        finish()
        guard let last = rows.keys.max() else { return [] }
        return (0...last).map { index in
            guard let cells = rows[index], let width = cells.keys.max() else { return [] }
            return (0...width).map { cells[$0] ?? .empty }
        }
    }

    /// `B3` → row 2, column 1 (from zero).
    static func position(_ reference: String) -> (row: Int, column: Int) {
        var column = 0
        var digits = ""
        for character in reference.uppercased() {
            if let ascii = character.asciiValue, (65...90).contains(ascii) {
                column = column * 26 + Int(ascii - 64)
            } else {
                digits.append(character)
            }
        }
        return ((Int(digits) ?? 1) - 1, max(column - 1, 0))
    }
}

/// The start of each element of an XML document, in order, with its attributes; for elements
/// named in `text`, their character content, delivered as one element event at their end.
/// Read by `XMLScanner` (not Foundation's `XMLParser`, whose libxml2 and system ICU every server
/// would load at start for the sake of an occasional upload).
enum XMLElements {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
    }

    static func parse(_ data: Data, text textNames: Set<String> = []) -> [Element] {
        var elements: [Element] = []
        var collecting: String?
        var buffer = ""
        XMLScanner.scan(data) { event in
            switch event {
            case .start(let qualifiedName, let attributes):
                let name = localName(qualifiedName)
                if textNames.contains(name) {
                    collecting = name
                    buffer = ""
                } else {
                    elements.append(Element(name: name, attributes: attributes, text: ""))
                }
            case .text(let string):
                if collecting != nil { buffer += string }
            case .end(let qualifiedName):
                let name = localName(qualifiedName)
                if name == collecting {
                    elements.append(Element(name: name, attributes: [:], text: buffer))
                    collecting = nil
                }
            }
        }
        return elements
    }

    private static func localName(_ name: String) -> String { name.split(separator: ":").last.map(String.init) ?? name }
}
