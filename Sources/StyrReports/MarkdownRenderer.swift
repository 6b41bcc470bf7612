import Foundation
import StyrDomain

/// Renders the annual report as Markdown (GitHub-flavoured tables).
public enum MarkdownRenderer {
    public static func render(_ report: AnnualReport) -> String {
        var out: [String] = []
        out.append("# \(escape(report.title)): \(escape(report.organisationName))")
        if let note = report.amountUnitNote { out.append("_\(escape(note))_") }
        section(&out, "Leders beretning", report.leaderStatement)

        out.append("## 1. Ansvarsområde")
        out += report.responsibility.map(escape)
        if !report.staffing.isEmpty {
            out.append("### Antall ansatte")
            out.append(table(["", report.staffing.fromHeading, report.staffing.toHeading, "Endring"], report.staffing.rows))
            out.append("_\(escape(report.staffing.caption))_")
            out += report.staffing.comments.map(escape)
        }

        out.append("## 2. Måloppnåelse, resultater og risikovurdering")
        section(&out, "2.1 Situasjonsbeskrivelse", report.situation, level: 3)
        out.append("### 2.2 Måloppnåelse")
        out.append("**\(escape(report.indicators.caption))**")
        out.append(table(
            report.indicators.headings,
            report.indicators.rows.map { [$0.name + ($0.footnoteMarks.isEmpty ? "" : " " + $0.footnoteMarks)] + $0.baselines
                + [$0.target, $0.result, $0.deviation, $0.status] }))
        out += report.indicators.footnotes.map(escape)
        if !report.indicators.comments.isEmpty {
            out.append("Kommentarer til avvik:")
            out += report.indicators.comments.map(escape)
        }
        for area in report.goalAreas {
            out.append("#### \(escape(area.name))")
            out += area.paragraphs.map(escape)
            if !area.indicatorNames.isEmpty {
                out.append(area.indicatorNames.map { "- \(escape($0))" }.joined(separator: "\n"))
            }
        }
        section(&out, "2.3 Styring og kontroll", report.governance, level: 3)

        out.append("## 3. Sammenlikning av budsjett og regnskap")
        for accounts in [report.operating, report.investment] {
            out.append("### \(escape(accounts.caption))")
            out.append(table(accounts.headings, accounts.rows.map { row in
                ([row.label] + row.cells).map { row.isSum ? "**\($0)**" : $0 }
            }, escapeCells: false))
            out += accounts.notes.map(escape)
            if !accounts.explanations.isEmpty {
                out.append("#### Årsaksforklaring til avvik mellom regulert budsjett og regnskap")
                out += accounts.explanations.map(escape)
            }
            out.append("#### \(escape(accounts.revisionHeading))")
            out += accounts.revisionText.map(escape)
            if !accounts.comparisonText.isEmpty {
                out.append("#### \(escape(accounts.comparisonHeading))")
                out += accounts.comparisonText.map(escape)
            }
        }
        if !report.projects.isEmpty {
            out.append("### \(escape(report.projects.caption))")
            out.append(table(report.projects.headings, report.projects.rows + [report.projects.sumRow]))
            out += report.projects.notes.map(escape)
            if !report.projects.comments.isEmpty {
                out.append("#### Kommentarer / årsak til avvik")
                out += report.projects.comments.map(escape)
            }
        }
        out += render(report.specialChapters)
        return out.joined(separator: "\n\n") + "\n"
    }

    private static func section(_ out: inout [String], _ heading: String, _ paragraphs: [String], level: Int = 2) {
        guard !paragraphs.isEmpty else { return }
        out.append(String(repeating: "#", count: level) + " " + heading)
        out += paragraphs.map(escape)
    }

    static func table(_ headings: [String], _ rows: [[String]], escapeCells: Bool = true) -> String {
        let cell: (String) -> String = { escapeCells ? escapeCell($0) : $0.replacingOccurrences(of: "|", with: "\\|") }
        var lines = ["| " + headings.map(escapeCell).joined(separator: " | ") + " |"]
        lines.append("|" + headings.indices.map { $0 == 0 ? " --- |" : " ---: |" }.joined())
        lines += rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n")
    }

    /// Escapes what Markdown would read as markup; figures stay searchable as printed.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    static func escapeCell(_ text: String) -> String { escape(text) }
}
