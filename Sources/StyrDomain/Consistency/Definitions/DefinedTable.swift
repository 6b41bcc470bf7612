import Foundation

/// One published table read by a definition: which header is which column, which line is which row.
public struct DefinedTable: Sendable {
    public struct Row: Sendable {
        public var line: Int
        /// The label as printed.
        public var label: String
        /// Column key → amount (nil: blank or a dash).
        public var values: [String: PrintedAmount]

        public init(line: Int, label: String, values: [String: PrintedAmount]) {
            self.line = line
            self.label = label
            self.values = values
        }
    }

    public var fileName: String
    public var definition: TableDefinition
    /// The report's year, when a header names it (`Regnskap 2023`).
    public var year: Int?
    /// Column key → header as printed, for the columns found.
    public var headers: [String: String]
    /// Row key → the row as read.
    public var rows: [String: Row]
    /// Lines with a label the definition does not name (passed over, listed for the reader).
    public var unmatched: [(line: Int, label: String)]

    /// Reads `text` (a whole file) by `definition`. Throws for a missing column, a number that
    /// cannot be read, or a file without a header that fits.
    public static func read(_ text: String, fileName: String, definition: TableDefinition) throws(TableCheckError) -> DefinedTable {
        try read(text, fileName: fileName, names: TableDefinitionNames(definition))
    }

    static func read(_ text: String, fileName: String, names: TableDefinitionNames) throws(TableCheckError) -> DefinedTable {
        try read(TableLines(text), fileName: fileName, names: names)
    }

    /// `read` with the text split into lines and the definition's names normalized beforehand.
    static func read(_ table: TableLines, fileName: String, names: TableDefinitionNames) throws(TableCheckError) -> DefinedTable {
        let definition = names.definition
        let lines = table.lines
        guard let headerIndex = TableText.headerLine(table, names: names),
              let header = table.candidates.first(where: { $0.number == headerIndex }) else {
            // The line that names most of the columns is the header meant: say which column it lacks.
            let best = TableText.likelyHeader(table, names: names)
            let candidate = best.flatMap { line in table.candidates.first { $0.number == line } }
            let fields = candidate?.fields ?? []
            let found = TableText.matchColumns(normalized: candidate?.normalized ?? [], names: names).index
            let missing = definition.columns.filter { $0.optional != true && found[$0.key] == nil }
            throw TableCheckError(
                file: fileName, line: best.map { $0 + 1 }, column: missing.first?.key,
                reason: "definisjonen «\(definition.name)» venter kolonnen " + missing.map { column in
                    "«\(column.key)» (et av navnene " + column.names.map { "«\($0)»" }.joined(separator: ", ") + ")"
                }.joined(separator: " og ") + "; overskriften har " + fields.map { "«\($0)»" }.joined(separator: ", "))
        }
        let delimiter = TableText.delimiter(of: lines[headerIndex])
        let headerFields = header.fields
        let match = TableText.matchColumns(normalized: header.normalized, names: names)
        for column in definition.columns where column.optional != true && match.index[column.key] == nil {
            throw TableCheckError(
                file: fileName, line: headerIndex + 1, column: column.names.first ?? column.key,
                reason: "kolonnen «\(column.key)» finnes ikke i overskriften (ventet et av navnene "
                    + column.names.map { "«\($0)»" }.joined(separator: ", ") + "; overskriften har "
                    + headerFields.map { "«\($0)»" }.joined(separator: ", ") + ")")
        }
        let labelIndex = TableText.labelColumn(headerFields, definition: definition, amountColumns: Set(match.index.values))
        let rowNames = names.rows
        var rows: [String: Row] = [:]
        var unmatched: [(line: Int, label: String)] = []
        for number in (headerIndex + 1)..<lines.count {
            let fields = TableText.split(lines[number], delimiter: delimiter)
            guard fields.contains(where: { !TableText.isBlank($0) }) else { continue }
            let label = labelIndex < fields.count ? TableText.trimmed(fields[labelIndex]) : ""
            guard let key = rowNames[TableText.normalizedLabel(label)] else {
                guard !label.isEmpty else { continue }
                // A definition that sums «*» (every other row: a table of units or projects) keeps the row's amounts.
                if names.sumsOtherRows {
                    let values: [String: PrintedAmount]
                    do throws(PublishedTableError) {
                        values = try TableText.amounts(fields, columns: match.index)
                    } catch {
                        throw TableCheckError(file: fileName, line: number + 1, column: TableText.failingColumn(fields, columns: match.index, headers: headerFields),
                                              reason: error.reason)
                    }
                    if !values.isEmpty { rows[DefinedTable.otherRowPrefix + String(number + 1)] = Row(line: number + 1, label: label, values: values) }
                } else {
                    unmatched.append((number + 1, label))
                }
                continue
            }
            guard rows[key] == nil else { continue }
            var values: [String: PrintedAmount] = [:]
            for (column, index) in match.index where index < fields.count {
                do throws(PublishedTableError) {
                    if let amount = try TableText.amount(fields[index]) { values[column] = amount }
                } catch {
                    throw TableCheckError(file: fileName, line: number + 1, column: headerFields[index], reason: error.reason)
                }
            }
            rows[key] = Row(line: number + 1, label: label, values: values)
        }
        guard rows.keys.contains(where: { !$0.hasPrefix(otherRowPrefix) }) else {
            throw TableCheckError(file: fileName, reason: "ingen rad i filen har et navn fra definisjonen «\(definition.name)» (f.eks. "
                + definition.rows.prefix(3).map { "«\($0.names.first ?? $0.key)»" }.joined(separator: ", ") + ")")
        }
        return DefinedTable(fileName: fileName, definition: definition, year: match.year,
                            headers: match.index.mapValues { headerFields[$0] }, rows: rows, unmatched: unmatched)
    }

    /// The key of a row the definition does not name, kept for a sum of «*».
    static let otherRowPrefix = "*"

    /// The keys of the rows kept for «*», in file order.
    var otherRows: [String] {
        rows.filter { $0.key.hasPrefix(Self.otherRowPrefix) }.sorted { $0.value.line < $1.value.line }.map(\.key)
    }

    /// How well a definition fits a text: rows named (0 when a required column is missing).
    public static func fit(_ text: String, definition: TableDefinition) -> Int {
        fit(TableLines(text), names: TableDefinitionNames(definition))
    }

    static func fit(_ lines: TableLines, names: TableDefinitionNames) -> Int {
        guard let table = try? read(lines, fileName: "", names: names) else { return 0 }
        return table.rows.count
    }
}
