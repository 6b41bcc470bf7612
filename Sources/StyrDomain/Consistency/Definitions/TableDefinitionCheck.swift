/// Checks published tables against their definitions: every identity in every file, the
/// cross-table identities between files of one year, and each year's «last year» column against
/// the report of the year before. A finding names the cell (file, line, row, column), what is
/// printed, what the identity computes, the difference; when one cell explains several findings
/// (a sign flip, a mistyped digit) or two rows swapped explain two, the likely cause is given.
public enum TableDefinitionCheck {
    /// `tolerance` in units of the tables (nil: each definition's own, else 0).
    public static func check(_ tables: [DefinedTable], tolerance: Double? = nil) -> TableCheckReport {
        var equations: [TableEquation] = []
        for (index, table) in tables.enumerated() {
            equations += rowEquations(table, file: index) + columnEquations(table, file: index)
        }
        equations += previousYearEquations(tables) + crossEquations(tables)
        for index in equations.indices { equations[index].id = index }
        let values = TableValues(tables: tables)
        var failing: [(TableEquation, Int64)] = []
        var passing: [TableEquation] = []
        for equation in equations {
            let limit = Int64(((tolerance ?? tables[equation.target.file].definition.tolerance ?? 0) * 100).rounded())
            let residual = values.residual(equation)
            if abs(residual) > limit { failing.append((equation, residual)) } else { passing.append(equation) }
        }
        let causes = TableLikelyCause.find(failing: failing, passing: passing, values: values)
        let findings = failing.map { equation, residual in
            let target = equation.target
            let printed = values.printed(target)
            return TableCheckFinding(
                file: tables[target.file].fileName, line: values.line(target), row: values.label(target), column: values.header(target),
                printed: printed, computed: PrintedAmount(hundredths: (printed?.hundredths ?? 0) - residual),
                difference: PrintedAmount(hundredths: residual), rule: equation.rule, explanation: equation.explanation(values),
                cause: causes[equation.id])
        }.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
        return TableCheckReport(
            tables: tables.map { TableCheckReport.Table(file: $0.fileName, definition: $0.definition.name, title: $0.definition.title, year: $0.year,
                                                         rows: $0.rows.count, unmatched: $0.unmatched.map(\.label)) },
            checked: equations.count, findings: findings)
    }

    static func rowEquations(_ table: DefinedTable, file: Int) -> [TableEquation] {
        var equations: [TableEquation] = []
        let definition = table.definition
        let rowTypes = Dictionary(definition.rows.map { ($0.key, $0.type) }, uniquingKeysWith: { first, _ in first })
        for row in definition.rows where table.rows[row.key] != nil {
            for column in definition.columns where column.sums != false && column.formula == nil && table.headers[column.key] != nil {
                func cell(_ key: String) -> TableCellID { TableCellID(file: file, row: key, column: column.key) }
                if let sum = row.sum {
                    let terms = sum.map(SignedTerm.init).flatMap { term in
                        term.key == "*" ? table.otherRows.map { (cell($0), term.sign) } : [(cell(term.key), term.sign)]
                    }
                    equations.append(TableEquation(id: equations.count, target: cell(row.key), terms: terms, rule: .sum))
                }
                if let net = row.net {
                    let own = definition.sign(ofType: row.type)
                    let terms = net.map(SignedTerm.init).map { (cell($0.key), $0.sign * definition.sign(ofType: rowTypes[$0.key] ?? nil) * own) }
                    equations.append(TableEquation(id: equations.count, target: cell(row.key), terms: terms, rule: .net))
                }
            }
        }
        return equations
    }

    static func columnEquations(_ table: DefinedTable, file: Int) -> [TableEquation] {
        var equations: [TableEquation] = []
        for column in table.definition.columns where table.headers[column.key] != nil {
            guard let formula = column.formula else { continue }
            for row in table.definition.rows where table.rows[row.key] != nil {
                guard let terms = formula.terms(forType: row.type) else { continue }
                let signed = terms.map(SignedTerm.init).map { (TableCellID(file: file, row: row.key, column: $0.key), $0.sign) }
                equations.append(TableEquation(id: 0, target: TableCellID(file: file, row: row.key, column: column.key), terms: signed, rule: .column))
            }
        }
        return equations
    }

    /// Column `c` (previousYearOf `s`) of year Y's table = column `s` of the same table of year Y−1.
    static func previousYearEquations(_ tables: [DefinedTable]) -> [TableEquation] {
        var equations: [TableEquation] = []
        for (index, table) in tables.enumerated() {
            guard let year = table.year,
                  let earlier = tables.indices.first(where: { tables[$0].definition.name == table.definition.name && tables[$0].year == year - 1 }) else { continue }
            for column in table.definition.columns where table.headers[column.key] != nil {
                guard let source = column.previousYearOf, tables[earlier].headers[source] != nil else { continue }
                // Named rows by key; the others (units, projects) by their label.
                let earlierOthers = Dictionary(tables[earlier].otherRows.map { (TableText.normalizedLabel(tables[earlier].rows[$0]!.label), $0) },
                                               uniquingKeysWith: { first, _ in first })
                for key in table.rows.keys.sorted() {
                    let match = key.hasPrefix(DefinedTable.otherRowPrefix)
                        ? earlierOthers[TableText.normalizedLabel(table.rows[key]!.label)] : (tables[earlier].rows[key] != nil ? key : nil)
                    guard let match else { continue }
                    equations.append(TableEquation(
                        id: 0, target: TableCellID(file: index, row: key, column: column.key),
                        terms: [(TableCellID(file: earlier, row: match, column: source), 1)], rule: .previousYear))
                }
            }
        }
        return equations
    }

    /// A definition's identities with other tables, checked between files of the same year (or without one).
    static func crossEquations(_ tables: [DefinedTable]) -> [TableEquation] {
        var equations: [TableEquation] = []
        for (index, table) in tables.enumerated() {
            for identity in table.definition.identities ?? [] {
                func locate(_ text: String) -> (TableCellID, Int64)? {
                    let term = SignedTerm(text)
                    guard let reference = CellReference(term.key) else { return nil }
                    let file: Int?
                    if let name = reference.table, name != table.definition.name {
                        file = tables.indices.first { tables[$0].definition.name == name && (tables[$0].year == table.year || tables[$0].year == nil || table.year == nil) }
                    } else {
                        file = index
                    }
                    guard let file, tables[file].rows[reference.row] != nil, tables[file].headers[reference.column] != nil else { return nil }
                    return (TableCellID(file: file, row: reference.row, column: reference.column), term.sign)
                }
                guard let target = locate(identity.cell) else { continue }
                let terms = identity.equals.map(locate)
                guard !terms.isEmpty, terms.allSatisfy({ $0 != nil }) else { continue }
                equations.append(TableEquation(id: 0, target: target.0, terms: terms.compactMap { $0 }, rule: .crossTable))
            }
        }
        return equations
    }
}
