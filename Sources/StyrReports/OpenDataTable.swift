import Foundation

/// A report table as open data: columns named by their printed headings, cells as numbers where
/// the column holds figures (`1 158 413 263` → 1158413263, `93,4 %` → 93.4, `-` → 0, `..` or empty →
/// null) and as text otherwise. CSV is RFC 4180 (comma, double quotes, CRLF, UTF-8, a full stop
/// as the decimal sign); JSON is `{caption, columns, rows}` with one object per row. See
/// docs/open-data.md.
public enum OpenDataTable {
    public enum Value: Equatable, Sendable {
        case number(Decimal)
        case text(String)
        case none
    }

    /// Unique column names: a repeated heading gets its number (`Menn`, `Menn 2`).
    public static func columns(_ table: ReportTable) -> [String] {
        var seen: [String: Int] = [:]
        return table.headings.enumerated().map { index, heading in
            var name = heading.isEmpty ? (index == 0 ? "Rad" : "Kolonne \(index + 1)") : heading
            seen[name, default: 0] += 1
            if let count = seen[name], count > 1 { name += " \(count)" }
            return name
        }
    }

    public static func value(_ text: String, numeric: Bool) -> Value {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard numeric else { return trimmed.isEmpty ? .none : .text(trimmed) }
        if trimmed.isEmpty || trimmed == ".." { return .none }
        if trimmed == "-" { return .number(0) }
        var cleaned = trimmed.filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "%" && $0 != "*" }
        cleaned = cleaned.replacingOccurrences(of: "\u{2212}", with: "-").replacingOccurrences(of: ",", with: ".")
        if let number = Decimal(string: cleaned, locale: Locale(identifier: "en_US_POSIX")),
           cleaned.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) {
            return .number(number)
        }
        return .text(trimmed)
    }

    public static func csv(_ table: ReportTable) -> String {
        func quoted(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var lines = [columns(table).map(quoted).joined(separator: ",")]
        for row in table.rows {
            lines.append(table.headings.indices.map { index in
                switch value(index < row.cells.count ? row.cells[index] : "", numeric: table.isNumeric(index)) {
                case .number(let number): "\(number)"
                case .text(let text): quoted(text)
                case .none: ""
                }
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    public static func json(_ table: ReportTable) -> Data {
        let names = columns(table)
        let rows: [[String: Any]] = table.rows.map { row in
            var object: [String: Any] = [:]
            for index in table.headings.indices {
                switch value(index < row.cells.count ? row.cells[index] : "", numeric: table.isNumeric(index)) {
                case .number(let number): object[names[index]] = NSDecimalNumber(decimal: number)
                case .text(let text): object[names[index]] = text
                case .none: object[names[index]] = NSNull()
                }
            }
            if row.isSum { object["_sum"] = true }
            return object
        }
        let document: [String: Any] = ["caption": table.caption, "columns": names, "rows": rows]
        return (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])) ?? Data("{}".utf8)
    }
}
