/// Reads the text of a published table into rows, or says precisely why it cannot.
enum PublishedTableParser {
    static func parse(_ text: String, kind: PublishedTableKind) throws(PublishedTableError) -> PublishedTable {
        let lines = PublishedTableTextDecoder.normalized(text)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
            .map { (number: $0.offset + 1, fields: PublishedTableFields.split($0.element)) }
            .filter { !PublishedTableFields.isBlank($0.fields) }

        guard let header = lines.first else { throw PublishedTableError(line: 1, reason: "filen er tom") }
        let columns = try headerColumns(header.fields, line: header.number, kind: kind)
        guard lines.count > 1 else {
            throw PublishedTableError(line: header.number, reason: "filen har bare overskriftsraden og ingen datarader")
        }

        var rows: [PublishedTableRow] = []
        for line in lines.dropFirst() {
            let fields = try fitted(line.fields, count: columns.fieldCount, line: line.number)
            let row = try parseRow(fields, line: line.number, columns: columns, kind: kind)
            try checkNotDuplicate(row, among: rows)
            rows.append(row)
        }
        let amountColumns = kind.amountColumns.sorted { columns.index[$0.rawValue]! < columns.index[$1.rawValue]! }
        return PublishedTable(kind: kind, amountColumns: amountColumns, rows: rows)
    }

    /// Header name → field position, and how many fields a data line must have.
    private struct HeaderColumns {
        var index: [String: Int]
        var fieldCount: Int
    }

    /// Columns are found by name, so their order is free. Unknown columns (a "merknad", say) are
    /// ignored; a required one that is missing or doubled is an error.
    private static func headerColumns(_ fields: [String], line: Int, kind: PublishedTableKind)
        throws(PublishedTableError) -> HeaderColumns
    {
        let names = withoutTrailingBlanks(fields).map(PublishedTableFields.canonicalName)
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where kind.requiredHeader.contains(name) {
            guard index[name] == nil else {
                throw PublishedTableError(line: line, column: name, reason: "kolonnen står to ganger i overskriften")
            }
            index[name] = position
        }
        for name in kind.requiredHeader where index[name] == nil {
            let expected = kind.requiredHeader.joined(separator: ";")
            throw PublishedTableError(
                line: line, column: name,
                reason: "kolonnen mangler i overskriften (en tabell for \(kind.norwegianName) har \(expected))")
        }
        return HeaderColumns(index: index, fieldCount: names.count)
    }

    /// Spreadsheets often end every line with a separator, so extra empty fields at the end are
    /// dropped; any other difference from the header is an error.
    private static func fitted(_ fields: [String], count: Int, line: Int)
        throws(PublishedTableError) -> [String]
    {
        var trimmed = fields
        if trimmed.count > count { trimmed = Array(fields.prefix(count)) + withoutTrailingBlanks(Array(fields.dropFirst(count))) }
        guard trimmed.count == count else {
            throw PublishedTableError(line: line, reason: "linjen har \(fields.count) felt, men overskriften har \(count)")
        }
        return trimmed
    }

    private static func withoutTrailingBlanks(_ fields: [String]) -> [String] {
        var fields = fields
        while let last = fields.last, last.allSatisfy(\.isWhitespace) { fields.removeLast() }
        return fields
    }

    private static func parseRow(
        _ fields: [String], line: Int, columns: HeaderColumns, kind: PublishedTableKind
    ) throws(PublishedTableError) -> PublishedTableRow {
        func field(_ name: String) -> String { fields[columns.index[name]!] }

        let classified: (label: String, role: PublishedRowRole)
        do {
            switch kind {
            case .operating, .investment:
                classified = try PublishedRowClassifier.classifyRad(field("rad"), kind: kind)
            case .projects:
                classified = try PublishedRowClassifier.classifyProject(number: field("prosjektnr"), name: field("navn"))
            }
        } catch {
            throw error.located(line: line, column: kind == .projects ? "prosjektnr" : "rad")
        }

        var amounts: [PublishedAmountColumn: PrintedAmount] = [:]
        for column in kind.amountColumns {
            do {
                amounts[column] = try PrintedAmountParser.parse(field(column.rawValue))
            } catch {
                throw error.located(line: line, column: column.rawValue)
            }
        }
        return PublishedTableRow(line: line, label: classified.label, role: classified.role, amounts: amounts)
    }

    /// A sum, a net row or an artsgruppe printed twice (or overlapping ranges) would be counted
    /// twice or make the identities ambiguous. Projects may repeat.
    private static func checkNotDuplicate(_ row: PublishedTableRow, among rows: [PublishedTableRow])
        throws(PublishedTableError)
    {
        let clash = rows.first { earlier in
            switch (earlier.role, row.role) {
            case (.group(_, let a), .group(_, let b)): a.overlaps(b)
            case (.project, .project): false
            default: earlier.role == row.role
            }
        }
        guard let clash else { return }
        let what = if case .group = row.role { "overlapper med «\(clash.label)»" } else { "står to ganger" }
        throw PublishedTableError(
            line: row.line, column: row.role == .projectSum ? "prosjektnr" : "rad",
            reason: "raden «\(row.label)» \(what) (også linje \(clash.line))")
    }
}
