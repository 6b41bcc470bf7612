/// A definition's names as the reader compares them: each column's header names (normalized,
/// their `{year}` split out) and each row's names normalized once, not again for every line,
/// every header field and every file read by the definition.
struct TableDefinitionNames: Sendable {
    var definition: TableDefinition
    /// The columns in matching order (those named with `{year}` first, so that the report's
    /// year is known for `{year-1}`), each with its names.
    var columns: [(column: TableColumnDefinition, patterns: [TableText.HeaderPattern])]
    /// Normalized row name → row key.
    var rows: [String: String]
    /// Whether a row sums «*» (every row the definition does not name).
    var sumsOtherRows: Bool

    init(_ definition: TableDefinition) {
        self.definition = definition
        let ordered = definition.columns.sorted { ($0.names.contains { $0.contains("{year}") } ? 0 : 1) < ($1.names.contains { $0.contains("{year}") } ? 0 : 1) }
        columns = ordered.map { ($0, $0.names.map(TableText.HeaderPattern.init)) }
        rows = TableText.rowNames(definition)
        sumsOtherRows = definition.sumsOtherRows
    }
}

extension ShippedTableDefinitions {
    /// The shipped definitions with their names normalized, once.
    static let allNames: [TableDefinitionNames] = all.map(TableDefinitionNames.init)
}
