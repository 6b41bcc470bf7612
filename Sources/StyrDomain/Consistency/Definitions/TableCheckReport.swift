/// One printed cell that disagrees with an identity of its definition.
public struct TableCheckFinding: Hashable, Sendable {
    public var file: String
    public var line: Int
    /// The row's label as printed.
    public var row: String
    /// The column's header as printed.
    public var column: String
    /// nil when the cell is blank.
    public var printed: PrintedAmount?
    public var computed: PrintedAmount
    /// printed − computed.
    public var difference: PrintedAmount
    public var rule: TableCheckRule
    /// How `computed` is reached, in Norwegian.
    public var explanation: String
    /// The likely cause, when one cell (or two rows swapped) explains this and other findings.
    public var cause: String?
}

/// What a check of one or more tables found.
public struct TableCheckReport: Hashable, Sendable {
    public struct Table: Hashable, Sendable {
        public var file: String
        public var definition: String
        public var title: String
        public var year: Int?
        public var rows: Int
        /// Labels in the file the definition does not name.
        public var unmatched: [String]
    }

    public var tables: [Table]
    /// Identities checked.
    public var checked: Int
    public var findings: [TableCheckFinding]

    public var isConsistent: Bool { findings.isEmpty }

    /// The likely causes, each once, in the order of their first finding.
    public var causes: [String] {
        var seen: [String] = []
        for cause in findings.compactMap(\.cause) where !seen.contains(cause) { seen.append(cause) }
        return seen
    }

    /// `12 identiteter kontrollert, 1 avvik.`
    public var summary: String {
        "\(checked) \(checked == 1 ? "identitet" : "identiteter") kontrollert, \(findings.count) avvik."
    }

    /// A text report in Norwegian.
    public func renderText() -> String {
        var text = ""
        for table in tables {
            text += "\(table.file): \(table.title) (\(table.definition))\(table.year.map { ", \($0)" } ?? ""), \(table.rows) rader kjent"
            text += table.unmatched.isEmpty ? ".\n" : "; ikke i definisjonen: " + table.unmatched.map { "«\($0)»" }.joined(separator: ", ") + ".\n"
        }
        text += summary + "\n"
        for finding in findings {
            text += "\n\(finding.file), linje \(finding.line), «\(finding.row)», kolonne «\(finding.column)» (\(finding.rule.norwegianName)):\n"
            text += "  trykt \(finding.printed?.formatted ?? "(tom)"), beregnet \(finding.computed.formatted), differanse \(finding.difference.formatted)\n"
            text += "  \(finding.explanation)\n"
        }
        let causes = self.causes
        if !causes.isEmpty {
            text += "\nTrolig årsak:\n" + causes.map { "  \($0)\n" }.joined()
        }
        return text
    }

    /// One line per finding: file;line;row;column;rule;printed;computed;difference;cause.
    public func renderCSV() -> String {
        func quoted(_ text: String) -> String { text.contains(";") || text.contains("\"") ? "\"\(text.replacingOccurrences(of: "\"", with: "\"\""))\"" : text }
        var text = "fil;linje;rad;kolonne;regel;trykt;beregnet;differanse;trolig_årsak\n"
        for finding in findings {
            text += [finding.file, String(finding.line), finding.row, finding.column, finding.rule.norwegianName, finding.printed?.plain ?? "",
                     finding.computed.plain, finding.difference.plain, finding.cause ?? ""].map(quoted).joined(separator: ";") + "\n"
        }
        return text
    }
}
