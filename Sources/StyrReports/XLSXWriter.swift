import Foundation
import StyrDomain
import ZIPFoundation

/// A cell of an XLSX sheet.
public struct XLSXCell: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        case empty
        case text(String)
        /// A whole number shown as it is (a year, a chapter number).
        case integer(Int64)
        /// A whole number shown with thousands separators (`#,##0`, which a Norwegian
        /// spreadsheet displays as `1 234 567`).
        case amount(Int64)
    }

    public var value: Value
    public var bold: Bool

    public init(_ value: Value, bold: Bool = false) {
        self.value = value
        self.bold = bold
    }

    public static func text(_ text: String, bold: Bool = false) -> XLSXCell { XLSXCell(.text(text), bold: bold) }
    public static func integer(_ value: Int64, bold: Bool = false) -> XLSXCell { XLSXCell(.integer(value), bold: bold) }
    public static func amount(_ value: Int64, bold: Bool = false) -> XLSXCell { XLSXCell(.amount(value), bold: bold) }
    public static let empty = XLSXCell(.empty)
}

/// A worksheet: a name and rows of cells from A1.
public struct XLSXSheet: Hashable, Sendable {
    public var name: String
    public var rows: [[XLSXCell]]
    /// Column widths in characters, from column A; columns beyond get the default width.
    public var columnWidths: [Int]
    /// Rows from the top kept in view while scrolling (the header).
    public var frozenRows: Int

    public init(name: String, rows: [[XLSXCell]], columnWidths: [Int] = [], frozenRows: Int = 0) {
        self.name = name
        self.rows = rows
        self.columnWidths = columnWidths
        self.frozenRows = frozenRows
    }

    /// A sheet whose first row is a bold header of texts.
    public init(name: String, header: [String], rows: [[XLSXCell]], columnWidths: [Int] = []) {
        self.init(name: name, rows: [header.map { XLSXCell.text($0, bold: true) }] + rows, columnWidths: columnWidths, frozenRows: 1)
    }
}

public enum XLSXError: Error, CustomStringConvertible {
    case noSheets
    case zip(String)

    public var description: String {
        switch self {
        case .noSheets: "Et regneark må ha minst ett ark."
        case .zip(let reason): "Kunne ikke skrive regnearket: \(reason)"
        }
    }
}

/// Writes a minimal Office Open XML workbook (.xlsx): content types, relationships, a workbook,
/// a style sheet (plain, bold, `#,##0`, bold `#,##0`) and one worksheet per sheet. Text is
/// written as inline strings, numbers as numbers (`<c><v>…</v></c>`).
public enum XLSXWriter {
    /// Style indices in `styles.xml`.
    enum Style: Int {
        case plain = 0
        case bold = 1
        case amount = 2
        case boldAmount = 3
    }

    /// The parts of the package, in the order written.
    public static func parts(_ sheets: [XLSXSheet]) -> [(path: String, content: String)] {
        let names = sheetNames(sheets.map(\.name))
        var parts: [(path: String, content: String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook(names)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet)))
        }
        return parts
    }

    /// The .xlsx file: a ZIP archive of the parts.
    public static func data(_ sheets: [XLSXSheet]) throws(XLSXError) -> Data {
        guard !sheets.isEmpty else { throw XLSXError.noSheets }
        // A fixed time stamp, so that the same workbook gives the same bytes.
        let modified = Date(timeIntervalSince1970: 1_577_836_800)
        do {
            let archive: Archive = try Archive(data: Data(), accessMode: .create)
            for part in parts(sheets) {
                let bytes = Data(part.content.utf8)
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: modified,
                    compressionMethod: .deflate,
                    provider: { position, size in
                        let start = Int(position)
                        return bytes.subdata(in: start..<min(start + size, bytes.count))
                    })
            }
            guard let data = archive.data else { throw XLSXError.zip("arkivet ligger ikke i minnet") }
            return data
        } catch let error as XLSXError {
            throw error
        } catch {
            throw XLSXError.zip(String(describing: error))
        }
    }

    // MARK: Parts

    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(sheetCount: Int) -> String {
        var xml = declaration
        xml += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        xml += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for index in 1...max(sheetCount, 1) {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(index).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return xml + "</Types>"
    }

    static let rootRelationships = [
        declaration,
        #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
        #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#,
        "</Relationships>",
    ].joined()

    static func workbook(_ names: [String]) -> String {
        var xml = declaration
        xml += #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)"><sheets>"#
        for (index, name) in names.enumerated() {
            xml += #"<sheet name="\#(escape(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        return xml + "</sheets></workbook>"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        var xml = declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in 1...max(sheetCount, 1) {
            xml += #"<Relationship Id="rId\#(index)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(index).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheetCount + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        return xml + "</Relationships>"
    }

    /// Fonts: regular and bold. Number format 3 is the built-in `#,##0`.
    static let styles = [
        declaration,
        #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
        #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#,
        #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#,
        #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#,
        #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#,
        #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#,
        #"<cellXfs count="4">"#,
        #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
        #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#,
        #"<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
        #"<xf numFmtId="3" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>"#,
        "</cellXfs>",
        #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#,
        "</styleSheet>",
    ].joined()

    static func worksheet(_ sheet: XLSXSheet) -> String {
        var xml = declaration
        xml += #"<worksheet xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        if sheet.frozenRows > 0 {
            let topLeft = "A\(sheet.frozenRows + 1)"
            xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="\#(sheet.frozenRows)" topLeftCell="\#(topLeft)" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        }
        if !sheet.columnWidths.isEmpty {
            xml += "<cols>"
            for (index, width) in sheet.columnWidths.enumerated() {
                xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(max(width, 1))" customWidth="1"/>"#
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            let rowNumber = rowIndex + 1
            xml += #"<row r="\#(rowNumber)">"#
            for (columnIndex, cell) in row.enumerated() {
                xml += self.cell(cell, reference: columnName(columnIndex) + String(rowNumber))
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    static func cell(_ cell: XLSXCell, reference: String) -> String {
        switch cell.value {
        case .empty:
            return cell.bold ? #"<c r="\#(reference)" s="\#(Style.bold.rawValue)"/>"# : ""
        case .text(let text):
            let style = cell.bold ? #" s="\#(Style.bold.rawValue)""# : ""
            let preserve = text.first.map(\.isWhitespace) == true || text.last.map(\.isWhitespace) == true || text.contains(where: \.isNewline)
            let open = preserve ? #"<t xml:space="preserve">"# : "<t>"
            return #"<c r="\#(reference)" t="inlineStr"\#(style)><is>\#(open)\#(escape(text))</t></is></c>"#
        case .integer(let value):
            let style = cell.bold ? #" s="\#(Style.bold.rawValue)""# : ""
            return #"<c r="\#(reference)"\#(style)><v>\#(value)</v></c>"#
        case .amount(let value):
            let style = cell.bold ? Style.boldAmount : Style.amount
            return #"<c r="\#(reference)" s="\#(style.rawValue)"><v>\#(value)</v></c>"#
        }
    }

    // MARK: Helpers

    /// A, B, …, Z, AA, AB, … for a zero-based column index.
    public static func columnName(_ index: Int) -> String {
        var number = index + 1
        var name = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(Character(Unicode.Scalar(UInt8(65 + remainder)))) + name
            number = (number - 1) / 26
        }
        return name
    }

    /// Escapes text for XML content and attribute values, and drops characters XML 1.0 does not allow.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let allowed = (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
                if allowed { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }

    /// Sheet names as Excel accepts them: no `[ ] : * ? / \`, at most 31 characters, not empty,
    /// unique (case-insensitively).
    static func sheetNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.enumerated().map { index, name in
            var cleaned = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }).trimmingCharacters(in: .whitespaces)
            if cleaned.hasPrefix("'") || cleaned.hasSuffix("'") { cleaned = cleaned.trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
            if cleaned.isEmpty { cleaned = "Ark\(index + 1)" }
            cleaned = String(cleaned.prefix(31))
            var candidate = cleaned
            var counter = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(counter))"
                candidate = String(cleaned.prefix(31 - suffix.count)) + suffix
                counter += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }
}

/// The accounting report with forecast as an XLSX workbook: the same rows and numbers as
/// `AccountingReportCSV`, amounts as numbers in kroner, header and sum rows in bold.
public enum AccountingReportXLSX {
    public static func sheet(_ report: AccountingReport) -> XLSXSheet {
        let rows = AccountingReportTable.lines(report).map { line in
            line.cells.map { cell -> XLSXCell in
                switch cell {
                case .text(let text): XLSXCell(text.isEmpty ? .empty : .text(text), bold: line.isSum)
                case .integer(let value): XLSXCell(.integer(value), bold: line.isSum)
                case .amount(let value): XLSXCell(.amount(value), bold: line.isSum)
                }
            }
        }
        return XLSXSheet(
            name: "Prognose \(report.period.title(year: report.year))", header: AccountingReportTable.header, rows: rows,
            columnWidths: [9, 28, 12, 9, 40, 16, 16, 16, 16, 24, 40, 18, 10, 60])
    }

    /// The .xlsx bytes of the report.
    public static func workbook(_ report: AccountingReport) -> Data {
        do {
            return try XLSXWriter.data([sheet(report)])
        } catch {
            // An in-memory archive of a few kilobytes cannot fail but by a programming error.
            preconditionFailure("could not write the XLSX workbook: \(error)")
        }
    }
}
