import Foundation
import StyrDomain
import StyrReports
import Testing
import ZIPFoundation

@Suite("XLSX writer")
struct XLSXWriterTests {
    /// The parts of an .xlsx file, unzipped with ZIPFoundation: path → text.
    static func parts(_ data: Data) throws -> [String: String] {
        let archive: Archive = try Archive(data: data, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry, consumer: { bytes.append($0) })
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return parts
    }

    @Test("a workbook holds the package parts; numbers are numbers and text is escaped")
    func workbook() throws {
        let sheet = XLSXSheet(
            name: "Tall & tekst", header: ["Navn", "Beløp", "År"],
            rows: [
                [.text("Tom & Jerry <3 \"x\" 'y'"), .amount(1_234_567), .integer(2020)],
                [.text(" innrykk"), .amount(-42, bold: true), .empty],
                [.text("ulovlig\u{1}tegn")],
            ],
            columnWidths: [30, 12, 8])
        let data = try XLSXWriter.data([sheet, XLSXSheet(name: "tall & tekst", rows: [[.integer(1)]])])
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let parts = try Self.parts(data)
        for path in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                     "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"] {
            #expect(parts[path] != nil, "missing \(path)")
        }
        let xml = try #require(parts["xl/worksheets/sheet1.xml"])
        #expect(xml.contains(#"<c r="A1" t="inlineStr" s="1"><is><t>Navn</t></is></c>"#))
        #expect(xml.contains(#"<c r="B2" s="2"><v>1234567</v></c>"#))
        #expect(xml.contains(#"<c r="C2"><v>2020</v></c>"#))
        #expect(xml.contains(#"<c r="B3" s="3"><v>-42</v></c>"#))
        #expect(xml.contains("<t>Tom &amp; Jerry &lt;3 &quot;x&quot; &apos;y&apos;</t>"))
        #expect(xml.contains(#"<t xml:space="preserve"> innrykk</t>"#))
        #expect(xml.contains("<t>ulovligtegn</t>"))
        #expect(xml.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(xml.contains(#"<col min="1" max="1" width="30" customWidth="1"/>"#))
        #expect(!xml.contains("Tom & Jerry"))

        let workbook = try #require(parts["xl/workbook.xml"])
        #expect(workbook.contains(#"<sheet name="Tall &amp; tekst" sheetId="1" r:id="rId1"/>"#))
        // Sheet names are unique regardless of case.
        #expect(workbook.contains(#"<sheet name="tall &amp; tekst (2)" sheetId="2" r:id="rId2"/>"#))
        let relationships = try #require(parts["xl/_rels/workbook.xml.rels"])
        #expect(relationships.contains(#"Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles""#))
        let types = try #require(parts["[Content_Types].xml"])
        #expect(types.contains(#"<Override PartName="/xl/worksheets/sheet2.xml""#))
        let styles = try #require(parts["xl/styles.xml"])
        #expect(styles.contains(#"<xf numFmtId="3" fontId="1""#))
    }

    @Test("the same workbook gives the same bytes; no sheets is refused")
    func deterministic() throws {
        let sheet = XLSXSheet(name: "A", rows: [[.text("x"), .amount(1)]])
        #expect(try XLSXWriter.data([sheet]) == XLSXWriter.data([sheet]))
        // Equal bytes come from the fixed time stamp, not from two calls within the same second.
        let archive = try Archive(data: XLSXWriter.data([sheet]), accessMode: .read)
        #expect(Array(archive).allSatisfy { $0.fileAttributes[.modificationDate] as? Date == Date(timeIntervalSince1970: 1_577_836_800) })
        #expect(Array(archive).count >= 5)
        #expect(throws: XLSXError.self) { _ = try XLSXWriter.data([]) }
    }

    @Test("column names and escaping")
    func helpers() {
        #expect(XLSXWriter.columnName(0) == "A")
        #expect(XLSXWriter.columnName(25) == "Z")
        #expect(XLSXWriter.columnName(26) == "AA")
        #expect(XLSXWriter.columnName(701) == "ZZ")
        #expect(XLSXWriter.columnName(702) == "AAA")
        #expect(XLSXWriter.escape("a<b>&\"'\u{0}\t") == "a&lt;b&gt;&amp;&quot;&apos;\t")
        #expect(XLSXWriter.escape("Lønn – æøå 😀") == "Lønn – æøå 😀")
    }

    /// A small accounting report: one expense post on run rate, one revenue post set by hand.
    static func accountingReport() throws -> AccountingReport {
        let salaries = PostKey(chapter: 125, kind: .operating, postCode: "000-099")
        let sales = PostKey(chapter: 125, kind: .operating, postCode: "600-699")
        return try AccountingReport.build(AccountingReportInput(
            year: 2020, period: .tertial(2), chapterNames: [125: "Utviklings- og kompetanseetaten"],
            originalBudget: [salaries: .kroner(12_000_000), sales: .kroner(-3_000_000)],
            actuals: [salaries: Array(repeating: Money.kroner(1_100_000), count: 8), sales: Array(repeating: Money.kroner(-200_000), count: 8)],
            methods: [sales: .manual(value: .kroner(-2_500_000), comment: "Færre oppdrag & lavere timepris")],
            explanations: [salaries: "Flere ansatte <enn> budsjettert"]))
    }

    @Test("the accounting report as XLSX: the CSV's rows, amounts as numbers")
    func accountingReportWorkbook() throws {
        let report = try Self.accountingReport()
        let parts = try Self.parts(AccountingReportXLSX.workbook(report))
        let xml = try #require(parts["xl/worksheets/sheet1.xml"])
        // Salaries: 8 800 000 kr in eight months → 13 200 000 kr; avvik -1 200 000 kr.
        #expect(xml.contains(#"<c r="F2" s="2"><v>12000000</v></c>"#))
        #expect(xml.contains(#"<c r="I2" s="2"><v>13200000</v></c>"#))
        #expect(xml.contains(#"<c r="L2" s="2"><v>-1200000</v></c>"#))
        #expect(xml.contains(#"<c r="A2"><v>125</v></c>"#))
        #expect(xml.contains("<t>Flere ansatte &lt;enn&gt; budsjettert</t>"))
        #expect(xml.contains("<t>Færre oppdrag &amp; lavere timepris</t>"))
        // Sum rows in bold.
        #expect(xml.contains(#"<c r="E3" t="inlineStr" s="1"><is><t>Sum driftsutgifter</t></is></c>"#))
        #expect(xml.contains(#"<c r="I3" s="3"><v>13200000</v></c>"#))
        let workbook = try #require(parts["xl/workbook.xml"])
        #expect(workbook.contains(#"<sheet name="Prognose 2. tertial 2020""#))

        // Every amount of the CSV is a number cell of the sheet, row by row.
        let csv = AccountingReportCSV.csv(report)
        let lines = csv.dropFirst().split(separator: "\r\n").map(String.init)
        #expect(lines.count == 6, "header, the two posts, their two sums and the net")
        for (index, line) in lines.enumerated() {
            let fields = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            let isSum = fields[4].hasPrefix("Sum") || fields[4].hasPrefix("Kapitlets")
            let style = isSum ? 3 : 2
            for (column, field) in fields.enumerated() where index > 0 && [5, 6, 7, 8, 11].contains(column) {
                let reference = XLSXWriter.columnName(column) + String(index + 1)
                let cell = #"<c r="\#(reference)" s="\#(style)"><v>\#(field)</v></c>"#
                #expect(xml.contains(cell), "\(reference) should hold \(field)")
            }
        }
    }
}
