/// What makes a table definition unusable: unknown keys, duplicate keys, a cycle in its identities.
extension TableDefinition {
    /// Norwegian problems, each naming the row or column; empty when the definition can be used.
    public var problems: [String] {
        var problems: [String] = []
        let rowKeys = rows.map(\.key)
        let columnKeys = columns.map(\.key)
        for key in Set(rowKeys) where rowKeys.filter({ $0 == key }).count > 1 { problems.append("raden «\(key)» er definert mer enn én gang") }
        for key in Set(columnKeys) where columnKeys.filter({ $0 == key }).count > 1 { problems.append("kolonnen «\(key)» er definert mer enn én gang") }
        if columns.isEmpty { problems.append("definisjonen har ingen kolonner") }
        if rows.isEmpty { problems.append("definisjonen har ingen rader") }
        let known = Set(rowKeys)
        for row in rows {
            for term in (row.sum ?? []) + (row.net ?? []) where !known.contains(SignedTerm(term).key) && SignedTerm(term).key != "*" {
                problems.append("raden «\(row.key)» summerer «\(SignedTerm(term).key)», som ikke er en rad i definisjonen")
            }
            if let type = row.type, types != nil, types?[type] == nil { problems.append("raden «\(row.key)» har typen «\(type)», som ikke er definert under types") }
        }
        let knownColumns = Set(columnKeys)
        for column in columns {
            for term in (column.formula?.default ?? []) + (column.formula?.byType?.values.flatMap { $0 } ?? []) where !knownColumns.contains(SignedTerm(term).key) {
                problems.append("kolonnen «\(column.key)» regnes av «\(SignedTerm(term).key)», som ikke er en kolonne i definisjonen")
            }
            if let source = column.previousYearOf, !knownColumns.contains(source) {
                problems.append("kolonnen «\(column.key)» er fjorårets «\(source)», som ikke er en kolonne i definisjonen")
            }
        }
        for identity in identities ?? [] {
            for text in [identity.cell] + identity.equals where CellReference(SignedTerm(text).key) == nil {
                problems.append("identiteten «\(identity.cell)»: «\(text)» er ikke en celle (tabell:rad.kolonne)")
            }
        }
        if let cycle = rowCycle { problems.append("identitetene går i ring: " + cycle.map { "«\($0)»" }.joined(separator: " → ")) }
        if let cycle = columnCycle { problems.append("kolonneformlene går i ring: " + cycle.map { "«\($0)»" }.joined(separator: " → ")) }
        return problems
    }

    /// Whether a row sums «*»: every row of the file the definition does not name.
    var sumsOtherRows: Bool {
        rows.contains { ($0.sum ?? []).contains { SignedTerm($0).key == "*" } }
    }

    /// A row that (through other rows) sums itself, as the path round, or nil.
    var rowCycle: [String]? {
        let edges = Dictionary(rows.map { ($0.key, ((($0.sum ?? []) + ($0.net ?? [])).map { SignedTerm($0).key })) }, uniquingKeysWith: { first, _ in first })
        return Self.cycle(in: edges)
    }

    var columnCycle: [String]? {
        let edges = Dictionary(columns.map { column in
            (column.key, ((column.formula?.default ?? []) + (column.formula?.byType?.values.flatMap { $0 } ?? [])).map { SignedTerm($0).key })
        }, uniquingKeysWith: { first, _ in first })
        return Self.cycle(in: edges)
    }

    static func cycle(in edges: [String: [String]]) -> [String]? {
        var state: [String: Int] = [:]  // 1 on the path, 2 done
        var path: [String] = []
        func visit(_ node: String) -> [String]? {
            if state[node] == 2 { return nil }
            if state[node] == 1 {
                let start = path.firstIndex(of: node) ?? 0
                return Array(path[start...]) + [node]
            }
            state[node] = 1
            path.append(node)
            for next in edges[node] ?? [] {
                if let found = visit(next) { return found }
            }
            path.removeLast()
            state[node] = 2
            return nil
        }
        for node in edges.keys.sorted() {
            if let found = visit(node) { return found }
        }
        return nil
    }
}
