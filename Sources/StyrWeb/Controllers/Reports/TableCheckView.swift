import StyrDomain
import StyrServices

/// The view model of `table-check.mustache`: the upload form (tables, definition, tolerance) and,
/// after a check, the tables read and the findings with their likely causes.
struct TableCheckView: Sendable {
    struct Option: Sendable { var value: String, label: String, selected: Bool }
    struct TableRead: Sendable { var file: String, title: String, year: String?, rows: Int, unmatched: String? }
    struct Finding: Sendable {
        var place: String, column: String, rule: String, printed: String, computed: String, difference: String, explanation: String
        var cause: String?
    }

    var organisationName: String
    var action: String, csrfToken: String, organisationURL: String
    var definitions: [Option]
    var tolerance: String
    var errors: [String]
    /// Set after a check.
    var checked: Bool
    var files: [String]
    var tables: [TableRead]
    var summary: String?
    var findings: [Finding]
    var causes: [String]
    var consistent: Bool

    init(_ scope: OrganisationScope, definitions shipped: [TableDefinition], values: [String: String], files: [String], report: TableCheckReport?,
         errors: [String], csrfToken: String) {
        organisationName = scope.organisation.name
        action = "\(scope.base)/kontroll-av-tabeller"
        organisationURL = scope.base
        self.csrfToken = csrfToken
        let chosen = values["definisjon"] ?? ""
        definitions = [Option(value: "", label: "Finn definisjonen som passer hver tabell", selected: chosen.isEmpty)]
            + shipped.map { Option(value: $0.name, label: $0.title, selected: chosen == $0.name) }
        tolerance = values["toleranse"] ?? ""
        self.errors = errors
        self.files = files
        checked = report != nil
        tables = report?.tables.map { table in
            TableRead(file: table.file, title: table.title, year: table.year.map(String.init), rows: table.rows,
                      unmatched: table.unmatched.isEmpty ? nil : table.unmatched.map { "«\($0)»" }.joined(separator: ", "))
        } ?? []
        summary = report?.summary
        findings = report?.findings.map { finding in
            Finding(place: "\(finding.file), linje \(finding.line): \(finding.row)", column: finding.column, rule: finding.rule.norwegianName,
                    printed: finding.printed?.formatted ?? "(tom)", computed: finding.computed.formatted, difference: finding.difference.formatted,
                    explanation: finding.explanation, cause: finding.cause)
        } ?? []
        causes = report?.causes ?? []
        consistent = report?.isConsistent ?? false
    }
}
