/// `word/styles.xml` of the Word documents: Normal, Title, Subtitle, Heading 1–3 (outline levels,
/// so Word's navigation pane and the TOC field find them), TOC heading and levels, Caption, Note,
/// Finding, table text, and the table style `StyrTable`. Fonts are Liberation (metric-compatible
/// with Arial/Times) falling back to what Word has.
enum DOCXStyles {
    static func heading(_ level: Int, size: Int, before: Int) -> String {
        """
        <w:style w:type="paragraph" w:styleId="Heading\(level)"><w:name w:val="heading \(level)"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>\
        <w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="\(before)" w:after="120"/><w:outlineLvl w:val="\(level - 1)"/></w:pPr>\
        <w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans" w:cs="Liberation Sans"/><w:b/><w:color w:val="2A2859"/><w:sz w:val="\(size)"/><w:szCs w:val="\(size)"/></w:rPr></w:style>
        """
    }

    static func toc(_ level: Int) -> String {
        """
        <w:style w:type="paragraph" w:styleId="TOC\(level)"><w:name w:val="toc \(level)"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/>\
        <w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9060"/></w:tabs><w:spacing w:after="60"/><w:ind w:left="\((level - 1) * 240)"/></w:pPr>\(level == 1 ? "<w:rPr><w:b/></w:rPr>" : "")</w:style>
        """
    }

    static let xml = DOCXParts.declaration + """
    <w:styles xmlns:w="\(DOCXParts.w)">\
    <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif" w:cs="Liberation Serif" w:eastAsia="Liberation Serif"/>\
    <w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="nb-NO"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
    <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
    <w:pPr><w:spacing w:before="2400" w:after="240"/></w:pPr><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans"/><w:b/><w:color w:val="2A2859"/><w:sz w:val="56"/><w:szCs w:val="56"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
    <w:pPr><w:pBdr><w:bottom w:val="single" w:sz="12" w:space="4" w:color="2A2859"/></w:pBdr></w:pPr><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans"/><w:b/><w:color w:val="2A2859"/><w:sz w:val="28"/></w:rPr></w:style>\
    \(heading(1, size: 32, before: 0))\(heading(2, size: 26, before: 360))\(heading(3, size: 22, before: 240))\
    <w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Heading1"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:qFormat/>\
    <w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>\
    \(toc(1))\(toc(2))\
    <w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
    <w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/></w:pPr><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans"/><w:b/><w:color w:val="2A2859"/><w:sz w:val="18"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="4A4A4A"/><w:sz w:val="16"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Finding"><w:name w:val="Finding"/><w:basedOn w:val="Normal"/><w:qFormat/>\
    <w:pPr><w:pBdr><w:left w:val="single" w:sz="24" w:space="6" w:color="C4501B"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="FDF1EA"/><w:ind w:left="170"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="40"/><w:ind w:left="360"/></w:pPr></w:style>\
    <w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>\
    <w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans"/><w:sz w:val="15"/><w:szCs w:val="15"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="TableHeading"><w:name w:val="Table Heading"/><w:basedOn w:val="TableText"/><w:qFormat/><w:rPr><w:b/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="AfterTable"><w:name w:val="After Table"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="60"/></w:pPr><w:rPr><w:sz w:val="8"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans"/><w:color w:val="4A4A4A"/><w:sz w:val="16"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans"/><w:color w:val="4A4A4A"/><w:sz w:val="16"/></w:rPr></w:style>\
    <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>\
    <w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
    <w:style w:type="table" w:styleId="StyrTable"><w:name w:val="Styr Table"/><w:basedOn w:val="TableNormal"/><w:tblPr>\
    <w:tblBorders><w:top w:val="single" w:sz="8" w:color="2A2859"/><w:bottom w:val="single" w:sz="8" w:color="2A2859"/><w:insideH w:val="single" w:sz="4" w:color="C8C8C8"/></w:tblBorders>\
    <w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
    </w:styles>
    """
}
