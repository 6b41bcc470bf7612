/// One cell of one of the tables checked together.
struct TableCellID: Hashable, Sendable {
    var file: Int
    var row: String
    var column: String
}

/// The identity a finding breaks.
public enum TableCheckRule: String, Sendable, Hashable, CaseIterable {
    /// A row is the sum of its rows.
    case sum
    /// A result: the row × its type's sign is the sum of its terms × theirs.
    case net
    /// A column computed from others on the row (the deviation, by row type).
    case column
    /// Last year's column against last year's report.
    case previousYear
    /// A cell against a cell of another table.
    case crossTable

    public var norwegianName: String {
        switch self {
        case .sum: "sum"
        case .net: "resultat"
        case .column: "kolonneformel"
        case .previousYear: "fjorårets tall"
        case .crossTable: "mellom tabeller"
        }
    }
}

/// target = Σ coefficient × term.
struct TableEquation: Sendable {
    var id: Int
    var target: TableCellID
    var terms: [(cell: TableCellID, coefficient: Int64)]
    var rule: TableCheckRule

    init(id: Int, target: TableCellID, terms: [(TableCellID, Int64)], rule: TableCheckRule) {
        self.id = id
        self.target = target
        self.terms = terms.map { (cell: $0.0, coefficient: $0.1) }
        self.rule = rule
    }

    /// Every cell with its coefficient in `target − Σ terms = 0`.
    var cells: [(cell: TableCellID, coefficient: Int64)] {
        [(cell: target, coefficient: 1)] + terms.map { (cell: $0.cell, coefficient: -$0.coefficient) }
    }

    /// `Sum driftsinntekter = Rammetilskudd + Skatt på inntekt og formue − …`.
    func explanation(_ values: TableValues) -> String {
        var text = ""
        for (index, term) in terms.enumerated() {
            let name = values.name(term.cell, from: target)
            if index == 0 { text += term.coefficient < 0 ? "−\(name)" : name } else { text += (term.coefficient < 0 ? " − " : " + ") + name }
        }
        return "\(values.name(target, from: target)) = \(text.isEmpty ? "0" : text)"
    }
}

/// The printed values of the tables checked together.
struct TableValues: Sendable {
    let tables: [DefinedTable]

    func printed(_ cell: TableCellID) -> PrintedAmount? { tables[cell.file].rows[cell.row]?.values[cell.column] }
    func value(_ cell: TableCellID) -> Int64 { printed(cell)?.hundredths ?? 0 }
    func line(_ cell: TableCellID) -> Int { tables[cell.file].rows[cell.row]?.line ?? 0 }
    func label(_ cell: TableCellID) -> String { tables[cell.file].rows[cell.row]?.label ?? cell.row }
    func header(_ cell: TableCellID) -> String { tables[cell.file].headers[cell.column] ?? cell.column }

    func residual(_ equation: TableEquation) -> Int64 {
        equation.cells.reduce(Int64(0)) { $0 + $1.coefficient * value($1.cell) }
    }

    /// A cell's name as seen from another: the row, the column when it differs, the file when it differs.
    func name(_ cell: TableCellID, from other: TableCellID) -> String {
        var name = "«\(label(cell))»"
        if cell.column != other.column || cell.row == other.row { name += " «\(header(cell))»" }
        if cell.file != other.file { name += " i \(tables[cell.file].fileName)" }
        return name
    }
}
