import Foundation
@testable import StyrReports
import Testing

/// The workbook's XML reader (in place of Foundation's XMLParser, so libxml2 is not loaded).
@Suite("XML scanner")
struct XMLScannerTests {
    static func events(_ xml: String) -> [XMLScanner.Event] {
        var events: [XMLScanner.Event] = []
        XMLScanner.scan(Data(xml.utf8)) { events.append($0) }
        return events
    }

    @Test("tags, attributes, references, CDATA and line ends; comments, declarations and a DOCTYPE skipped")
    func wellFormed() {
        let xml = "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<!DOCTYPE x [<!ENTITY e \"ikke\">]>"
            + "<sst xmlns=\"urn:x\" count='2'><!-- merknad --><si><t xml:space=\"preserve\">A &amp; B &lt;&#229;&#xE6;&gt;\r\nlinje</t></si>"
            + "<si><t><![CDATA[<rå> & tekst]]></t><r:x r:id=\"rId1\" v=\"a\tb &quot;c&apos;\"/></si></sst>"
        #expect(Self.events(xml) == [
            .text("\n"),
            .start("sst", ["xmlns": "urn:x", "count": "2"]),
            .start("si", [:]), .start("t", ["xml:space": "preserve"]), .text("A & B <åæ>\nlinje"), .end("t"), .end("si"),
            .start("si", [:]), .start("t", [:]), .text("<rå> & tekst"), .end("t"),
            .start("r:x", ["r:id": "rId1", "v": "a b \"c'"]), .end("r:x"), .end("si"),
            .end("sst"),
        ])
    }

    @Test("reading stops at what is not well-formed; what came before stands", arguments: [
        "<a><b>x</a>", "<a>&ukjent;</a>", "<a x=\"1>", "<a><!-- uten slutt", "<a x=1/>", "<a>&amp</a>",
    ])
    func malformed(xml: String) {
        let events = Self.events(xml)
        #expect(events.first == .start("a", xml.hasPrefix("<a x") ? [:] : [:]) || events.isEmpty)
        #expect(!events.contains(.end("a")))
    }

    @Test("the workbook's element list: text of the named elements, the others with their attributes")
    func elements() {
        let xml = #"<sheetData><row r="2"><c r="B2" t="s"><v>3</v></c><c r="C2" t="inlineStr"><is><t>Oslo &amp; Viken</t></is></c></row></sheetData>"#
        let elements = XMLElements.parse(Data(xml.utf8), text: ["v", "t"])
        #expect(elements.map(\.name) == ["sheetData", "row", "c", "v", "c", "is", "t"])
        #expect(elements[2].attributes == ["r": "B2", "t": "s"] && elements[3].text == "3" && elements[6].text == "Oslo & Viken")
    }
}
