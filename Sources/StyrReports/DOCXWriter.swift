import Foundation
import ZIPFoundation

/// Writes a `ReportDocument` as a Word document (.docx, WordprocessingML zipped with
/// ZIPFoundation): real styles (Heading 1–3 for the navigation pane, Caption, Note, a table
/// style), a table-of-contents field (updated when the document opens), tables whose header
/// row repeats on every page and whose rows are not split, and the organisation's name and the
/// report's title in the page header, with page numbers in the footer. The parts are in
/// `DOCXParts`.
public enum DOCXWriter {
    public struct WriteError: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { "Kunne ikke lage Word-dokumentet: \(reason)" }
    }

    public static func data(_ document: ReportDocument) throws -> Data {
        // A fixed time stamp, so that the same report gives the same bytes.
        let modified = Date(timeIntervalSince1970: 1_577_836_800)
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, content) in DOCXParts.parts(document) {
                let bytes = Data(content.utf8)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: modified, compressionMethod: .deflate,
                    provider: { position, size in
                        let start = Int(position)
                        return bytes.subdata(in: start..<min(start + size, bytes.count))
                    })
            }
            guard let data = archive.data else { throw WriteError(reason: "arkivet ligger ikke i minnet") }
            return data
        } catch let error as WriteError {
            throw error
        } catch {
            throw WriteError(reason: String(describing: error))
        }
    }
}

/// The parts of the .docx package.
enum DOCXParts {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func escape(_ text: String) -> String { XLSXWriter.escape(text) }

    static func parts(_ document: ReportDocument) -> [(String, String)] {
        [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rootRelationships),
            ("docProps/core.xml", core(document)),
            ("word/_rels/document.xml.rels", documentRelationships),
            ("word/document.xml", body(document)),
            ("word/styles.xml", DOCXStyles.xml),
            ("word/settings.xml", settings),
            ("word/header1.xml", header(document)),
            ("word/footer1.xml", footer),
        ]
    }

    static let contentTypes = declaration + """
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
    <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
    <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
    <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
    <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
    <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
    </Types>
    """

    static let rootRelationships = declaration + """
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
    </Relationships>
    """

    static let documentRelationships = declaration + """
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>\
    <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>\
    </Relationships>
    """

    /// Word updates the fields (the table of contents) when the document is opened.
    static let settings = declaration + """
    <w:settings xmlns:w="\(w)"><w:updateFields w:val="true"/><w:defaultTabStop w:val="708"/>\
    <w:themeFontLang w:val="nb-NO"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>
    """

    static func core(_ document: ReportDocument) -> String {
        declaration + """
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>\(escape("\(document.title) – \(document.organisationName)"))</dc:title>\
        <dc:creator>\(escape(document.organisationName))</dc:creator><dc:language>nb-NO</dc:language></cp:coreProperties>
        """
    }

    static func header(_ document: ReportDocument) -> String {
        declaration + """
        <w:hdr xmlns:w="\(w)"><w:p><w:pPr><w:pStyle w:val="Header"/><w:tabs><w:tab w:val="right" w:pos="9070"/></w:tabs></w:pPr>\
        <w:r><w:t xml:space="preserve">\(escape(document.organisationName))</w:t></w:r><w:r><w:tab/></w:r>\
        <w:r><w:t xml:space="preserve">\(escape(document.title))</w:t></w:r></w:p></w:hdr>
        """
    }

    static let footer = declaration + """
    <w:ftr xmlns:w="\(w)"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="right"/></w:pPr>\
    <w:r><w:t xml:space="preserve">Side </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
    <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
    <w:r><w:t xml:space="preserve"> av </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r>\
    <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>
    """

    static func paragraph(_ text: String, style: String? = nil, bold: Bool = false, pageBreakBefore: Bool = false) -> String {
        var properties = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        if pageBreakBefore { properties += "<w:pageBreakBefore/>" }
        let runProperties = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return "<w:p>\(properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")<w:r>\(runProperties)<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r></w:p>"
    }

    static func body(_ document: ReportDocument) -> String {
        var xml = ""
        xml += paragraph(document.organisationName, style: "Subtitle")
        xml += paragraph(document.title, style: "Title")
        xml += paragraph("Laget av Styr. Alle summer, andeler og avvik er regnet ut fra dataene.", style: "Note")
        xml += tableOfContents(document)
        var firstChapter = true
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                xml += paragraph(text, style: "Heading\(min(max(level, 1), 3))", pageBreakBefore: level == 1 && !firstChapter)
                if level == 1 { firstChapter = false }
            case .paragraph(let text): xml += paragraph(text)
            case .note(let text): xml += paragraph(text, style: "Note")
            case .finding(let text): xml += paragraph("Tallene stemmer ikke: \(text)", style: "Finding")
            case .bullets(let items): xml += items.map { paragraph("• \($0)", style: "ListParagraph") }.joined()
            case .table(let table): xml += self.table(table)
            }
        }
        xml += """
        <w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:footerReference w:type="default" r:id="rId4"/>\
        <w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1134" w:bottom="1247" w:left="1247" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>
        """
        return declaration + "<w:document xmlns:w=\"\(w)\" xmlns:r=\"\(r)\"><w:body>\(xml)</w:body></w:document>"
    }

    /// A TOC field over Heading 1–2; its shown entries (without page numbers) stand until Word
    /// or LibreOffice updates the field.
    static func tableOfContents(_ document: ReportDocument) -> String {
        var xml = paragraph("Innhold", style: "TOCHeading", pageBreakBefore: true)
        let entries = document.contents
        for (index, entry) in entries.enumerated() {
            var runs = ""
            if index == 0 {
                runs += "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
            }
            runs += "<w:r><w:t xml:space=\"preserve\">\(escape(entry.text))</w:t></w:r>"
            if index == entries.count - 1 { runs += "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" }
            xml += "<w:p><w:pPr><w:pStyle w:val=\"TOC\(entry.level)\"/></w:pPr>\(runs)</w:p>"
        }
        return xml
    }

    static func table(_ table: ReportTable) -> String {
        let columns = max(table.headings.count, 1)
        // Text width 9525 twips; the first column gets a larger share.
        let first = columns == 1 ? 9525 : min(3400, 9525 / columns * 2), other = columns == 1 ? 0 : (9525 - first) / (columns - 1)
        let widths = (0..<columns).map { $0 == 0 ? first : other }
        func cell(_ text: String, column: Int, header: Bool, bold: Bool) -> String {
            let alignment = table.isNumeric(column) ? "<w:jc w:val=\"right\"/>" : ""
            let shading = header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EEF0F7\"/>" : ""
            let style = header ? "TableHeading" : "TableText"
            let run = bold && !header ? "<w:rPr><w:b/></w:rPr>" : ""
            return "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[min(column, widths.count - 1)])\" w:type=\"dxa\"/>\(shading)</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"\(style)\"/>\(alignment)</w:pPr><w:r>\(run)<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r></w:p></w:tc>"
        }
        var xml = paragraph(table.caption, style: "Caption")
        xml += "<w:tbl><w:tblPr><w:tblStyle w:val=\"StyrTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>"
        xml += "<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        xml += "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
            + table.headings.enumerated().map { cell($0.element, column: $0.offset, header: true, bold: true) }.joined() + "</w:tr>"
        for row in table.rows {
            let cells = row.cells + Array(repeating: "", count: max(0, columns - row.cells.count))
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                + cells.prefix(columns).enumerated().map { cell($0.element, column: $0.offset, header: false, bold: row.isSum) }.joined() + "</w:tr>"
        }
        return xml + "</w:tbl>" + paragraph("", style: "AfterTable")
    }
}
