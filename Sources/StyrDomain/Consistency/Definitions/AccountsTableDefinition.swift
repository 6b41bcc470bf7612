/// The operating and investment tables Styr renders in the annual report (`AccountsTable`), as
/// table definitions: the same check as any published table runs over Styr's own before a report
/// is submitted, and over those tables when they come back as files (`styr-drift`, `styr-investering`).
extension ShippedTableDefinitions {
    public static func styrAccounts(_ kind: AccountKind, groups: [ObjectGroup] = ObjectGroup.standard) -> TableDefinition {
        let expense = groups.sorted().filter(\.isExpense)
        let revenue = groups.sorted().filter { !$0.isExpense }
        func key(_ group: ObjectGroup) -> String { "artsgruppe_\(group.code)" }
        func row(_ group: ObjectGroup) -> TableRowDefinition {
            TableRowDefinition(key: key(group), names: ["\(group.code) \(ObjectGroupLabels.label(for: group))", group.code], type: group.isExpense ? "utgift" : "inntekt")
        }
        let operating = kind == .operating
        return TableDefinition(
            name: operating ? "styr-drift" : "styr-investering",
            title: operating ? "Styrs driftstabell i årsrapporten" : "Styrs investeringstabell i årsrapporten",
            columns: [
                TableColumnDefinition(key: "regnskap", names: ["Regnskap {year}", "Regnskap"]),
                TableColumnDefinition(key: "opprinnelig", names: ["Dok. 3 {year}", "Dok. 3", "Opprinnelig budsjett"], optional: true),
                TableColumnDefinition(key: "budsjett", names: ["Regulert budsjett {year}", "Regulert budsjett"], optional: true),
                TableColumnDefinition(key: "fjor", names: ["Regnskap {year-1}", "Regnskap i fjor"], optional: true, previousYearOf: "regnskap"),
                TableColumnDefinition(key: "avvik", names: ["Avvik"], optional: true, formula: TableColumnFormula(default: ["budsjett", "-regnskap"])),
            ],
            rows: expense.map(row) + [
                TableRowDefinition(key: "sum_utgifter", names: [operating ? "Sum driftsutgifter" : "Sum finansieringsbehov"], type: "utgift", sum: expense.map(key)),
            ] + revenue.map(row) + [
                TableRowDefinition(key: "sum_inntekter", names: [operating ? "Sum driftsinntekter" : "Sum finansiering"], type: "inntekt", sum: revenue.map(key)),
                TableRowDefinition(key: "netto", names: [operating ? "Kapitlets nettoresultat" : "Netto finansieringsbehov"], type: "resultat",
                                   sum: operating ? ["sum_utgifter", "sum_inntekter"] : ["sum_utgifter", "-sum_inntekter"]),
            ],
            types: types)
    }
}

extension DefinedTable {
    public init(fileName: String, definition: TableDefinition, year: Int?, headers: [String: String], rows: [String: Row]) {
        self.init(fileName: fileName, definition: definition, year: year, headers: headers, rows: rows, unmatched: [])
    }

    /// One of Styr's own accounts tables as a defined table, its cells as they are printed (in øre).
    public init(_ table: AccountsTable, fileName: String) {
        let definition = ShippedTableDefinitions.styrAccounts(table.kind)
        var rows: [String: Row] = [:]
        for (index, row) in table.rows.enumerated() {
            let key: String = switch row.kind {
            case .group(let group): "artsgruppe_\(group.code)"
            case .expenseSum: "sum_utgifter"
            case .revenueSum: "sum_inntekter"
            case .net: "netto"
            }
            var values: [String: PrintedAmount] = ["regnskap": PrintedAmount(hundredths: row.actuals.ore), "fjor": PrintedAmount(hundredths: row.previousActuals.ore)]
            if row.hasBudget {
                values["opprinnelig"] = PrintedAmount(hundredths: row.originalBudget.ore)
                values["budsjett"] = PrintedAmount(hundredths: row.revisedBudget.ore)
            }
            if let deviation = row.budgetDeviation { values["avvik"] = PrintedAmount(hundredths: deviation.ore) }
            rows[key] = Row(line: index + 1, label: table.label(of: row), values: values)
        }
        var headers = ["regnskap": "Regnskap \(table.year)", "fjor": "Regnskap \(table.year - 1)"]
        if table.hasBudget {
            headers["opprinnelig"] = "Dok. 3 \(table.year)"
            headers["budsjett"] = "Regulert budsjett \(table.year)"
            headers["avvik"] = "Avvik"
        }
        self.init(fileName: fileName, definition: definition, year: table.year, headers: headers, rows: rows)
    }
}
