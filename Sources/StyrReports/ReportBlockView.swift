/// The view model of `report-blocks.mustache`: a `ReportBlock` as the template reads it, each
/// kind under its own distinct name (nil when the block is of another kind).
public struct ReportBlockView: Sendable {
    public struct Heading: Sendable {
        public var text: String
        public var anchor: String
        public var isChapter: Bool
        public var isSection: Bool
        public var isSubsection: Bool
    }

    public struct Cell: Sendable {
        public var text: String
        public var numeric: Bool
        public var isRowHeader: Bool
    }

    public struct Row: Sendable {
        public var cells: [Cell]
        public var isSum: Bool
    }

    public struct ColumnHeading: Sendable {
        public var text: String
        public var numeric: Bool
    }

    public struct Bullets: Sendable {
        public var items: [String]
    }

    public struct Table: Sendable {
        public var caption: String
        public var columns: [ColumnHeading]
        public var tableRows: [Row]
        public var isWide: Bool
        /// Open data of the table (public pages only).
        public var csvURL: String?
        public var jsonURL: String?
    }

    public var blockHeading: Heading?
    public var blockParagraph: String?
    public var blockNote: String?
    public var blockBullets: Bullets?
    public var blockTable: Table?
    public var blockFinding: String?

    /// The blocks with anchors `del-1`, `del-2`, … on their chapter and section headings (in order).
    /// As `views`, each table with links to its open data (`dataURL(number)` + `/csv`, `/json`; tables numbered from 1).
    public static func views(_ blocks: [ReportBlock], dataURL: (Int) -> String) -> [ReportBlockView] {
        var number = 0
        return views(blocks).map { view in
            guard var table = view.blockTable else { return view }
            number += 1
            table.csvURL = dataURL(number) + "/csv"
            table.jsonURL = dataURL(number) + "/json"
            var linked = view
            linked.blockTable = table
            return linked
        }
    }

    public static func views(_ blocks: [ReportBlock]) -> [ReportBlockView] {
        var anchorNumber = 0
        return blocks.map { block in
            var view = ReportBlockView()
            switch block {
            case .heading(let level, let text):
                if level <= 2 { anchorNumber += 1 }
                view.blockHeading = Heading(
                    text: text, anchor: "del-\(anchorNumber)", isChapter: level <= 1, isSection: level == 2, isSubsection: level >= 3)
            case .paragraph(let text): view.blockParagraph = text
            case .note(let text): view.blockNote = text
            case .bullets(let items): view.blockBullets = Bullets(items: items)
            case .finding(let text): view.blockFinding = text
            case .table(let table):
                view.blockTable = Table(
                    caption: table.caption,
                    columns: table.headings.enumerated().map { ColumnHeading(text: $0.element, numeric: table.isNumeric($0.offset)) },
                    tableRows: table.rows.map { row in
                        Row(cells: row.cells.enumerated().map { Cell(text: $0.element, numeric: table.isNumeric($0.offset), isRowHeader: $0.offset == 0) },
                            isSum: row.isSum)
                    },
                    isWide: table.headings.count > 8, csvURL: nil, jsonURL: nil)
            }
            return view
        }
    }
}
