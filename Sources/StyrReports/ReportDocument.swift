/// A report as a sequence of typed blocks (headings, paragraphs, tables, findings): the one model
/// the Markdown, HTML, PDF and DOCX writers render, so every format carries the same figures.
public struct ReportDocument: Sendable, Codable {
    /// "Årsberetning 2020".
    public var title: String
    public var organisationName: String
    public var year: Int
    public var blocks: [ReportBlock]

    public init(title: String, organisationName: String, year: Int, blocks: [ReportBlock]) {
        self.title = title
        self.organisationName = organisationName
        self.year = year
        self.blocks = blocks
    }

    /// The headings of levels 1–2, for a table of contents.
    public var contents: [(level: Int, text: String)] {
        blocks.compactMap { block in
            if case .heading(let level, let text) = block, level <= 2 { return (level, text) }
            return nil
        }
    }
}

public enum ReportBlock: Sendable, Codable {
    /// Level 1 is a chapter ("4. Særskilt rapportering"), 2 a section, 3 a subsection.
    case heading(level: Int, text: String)
    case paragraph(String)
    /// Small print under a table.
    case note(String)
    case bullets([String])
    case table(ReportTable)
    /// Something that does not add up, shown and never hidden, with what is asked.
    case finding(String)
}

/// A table with a caption, column headings and rows; the first column is text, the others
/// are figures unless `textColumns` says otherwise.
public struct ReportTable: Sendable, Codable {
    public struct Row: Sendable, Codable {
        public var cells: [String]
        public var isSum: Bool

        public init(_ cells: [String], isSum: Bool = false) {
            self.cells = cells
            self.isSum = isSum
        }
    }

    public var caption: String
    public var headings: [String]
    public var rows: [Row]
    /// Columns (by index) that hold text rather than figures; column 0 always does.
    public var textColumns: Set<Int>

    /// The tables of a document, in order (the open data's numbering: table 1, 2, …).
    public static func tables(of document: ReportDocument) -> [ReportTable] {
        document.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }

    public init(caption: String, headings: [String], rows: [Row], textColumns: Set<Int> = [0]) {
        self.caption = caption
        self.headings = headings
        self.rows = rows
        self.textColumns = textColumns.union([0])
    }

    public func isNumeric(_ column: Int) -> Bool { !textColumns.contains(column) }
}
