extension MarkdownRenderer {
    /// Blocks as Markdown; a level-1 heading becomes `##` (the document's title is `#`).
    public static func render(_ blocks: [ReportBlock]) -> [String] {
        blocks.map { block in
            switch block {
            case .heading(let level, let text): String(repeating: "#", count: min(level + 1, 6)) + " " + escape(text)
            case .paragraph(let text): escape(text)
            case .note(let text): "_\(escape(text))_"
            case .finding(let text): "> **Tallene stemmer ikke:** \(escape(text))"
            case .bullets(let items): items.map { "- \(escape($0))" }.joined(separator: "\n")
            case .table(let table):
                "**\(escape(table.caption))**\n\n" + tableMarkdown(table)
            }
        }
    }

    static func tableMarkdown(_ table: ReportTable) -> String {
        var lines = ["| " + table.headings.map(escapeCell).joined(separator: " | ") + " |"]
        lines.append("|" + table.headings.indices.map { table.isNumeric($0) ? " ---: |" : " --- |" }.joined())
        lines += table.rows.map { row in
            "| " + row.cells.map { row.isSum ? "**\(escapeCell($0))**" : escapeCell($0) }.joined(separator: " | ") + " |"
        }
        return lines.joined(separator: "\n")
    }
}
