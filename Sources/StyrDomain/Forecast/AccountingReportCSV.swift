/// The accounting report as one flat table, shared by the CSV and the XLSX forms so that both
/// carry the same rows and the same numbers.
public enum AccountingReportTable {
    public enum Cell: Hashable, Sendable {
        case text(String)
        /// A plain number, such as a chapter number.
        case integer(Int64)
        /// An amount in whole kroner.
        case amount(Int64)
    }

    public struct Line: Hashable, Sendable {
        public var cells: [Cell]
        public var isSum: Bool
    }

    public static let header = [
        "Kapittel", "Kapittelnavn", "Kontoklasse", "Post", "Tekst", "Regulert budsjett", "Budsjett hittil", "Regnskap hittil",
        "Prognose", "Prognosemetode", "Merknad til prognosen", "Avvik (regulert budsjett - prognose)", "Forklaring kreves",
        "Forklaring",
    ]

    /// Every row of every section in printed order. Amounts are whole kroner, each rounded half
    /// away from zero on its own (so a column of øre amounts may differ from its rounded sum by a
    /// krone, but the CSV and the XLSX agree figure by figure).
    public static func lines(_ report: AccountingReport) -> [Line] {
        report.sections.flatMap { section in
            section.rows.map { row in
                let cells: [Cell] = [
                    .integer(Int64(section.chapter)), .text(section.chapterName), .text(section.kind.norwegianName),
                    .text(row.post?.code ?? ""), .text(row.post?.name ?? row.label),
                    .amount(row.revisedBudget.roundedKroner), .amount(row.budgetToDate.roundedKroner),
                    .amount(row.actualsToDate.roundedKroner), .amount(row.forecast.roundedKroner),
                    .text(row.methodName), .text(row.methodNote ?? ""), .amount(row.deviation.roundedKroner),
                    .text(row.isSum ? "" : (row.needsExplanation ? "ja" : "nei")), .text(row.explanation ?? ""),
                ]
                return Line(cells: cells, isSum: row.isSum)
            }
        }
    }
}

/// The accounting report as CSV: semicolon-separated with a header row, as Norwegian
/// spreadsheets expect; UTF-8 with a byte-order mark; CRLF line ends; amounts as plain integers
/// in kroner (`-1200000`), so that they read as numbers and compare exactly.
public enum AccountingReportCSV {
    public static func csv(_ report: AccountingReport) -> String {
        let header = AccountingReportTable.header.map { textField($0) }.joined(separator: ";")
        let rows = AccountingReportTable.lines(report).map { line in
            line.cells.map { cell -> String in
                switch cell {
                case .text(let text): textField(text)
                case .integer(let value), .amount(let value): String(value)
                }
            }.joined(separator: ";")
        }
        return "\u{FEFF}" + ([header] + rows).joined(separator: "\r\n") + "\r\n"
    }

    /// A text field: a leading = + - @ gets an apostrophe so that no spreadsheet reads it as a
    /// formula, and a field with a semicolon, quote or line break is quoted.
    static func textField(_ value: String) -> String {
        let safe = value.first.map { "=+-@".contains($0) } == true ? "'" + value : value
        guard safe.contains(where: { $0 == ";" || $0 == "\"" || $0.isNewline }) else { return safe }
        var quoted = "\""
        for character in safe {
            quoted.append(character)
            if character == "\"" { quoted.append("\"") }
        }
        return quoted + "\""
    }
}
