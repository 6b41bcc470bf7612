import Foundation
import StyrDomain
import StyrReports

/// Checking tables against table definitions (docs/table-definitions.md): tables a controller
/// uploads, and the tables of Styr's own annual report before it is submitted. Reads only; nothing
/// is stored.
public struct TableCheckService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// The organisation as the check page shows it, for anyone who may read it.
    public func prepare(in code: String, by user: UserAccount?) async throws -> OrganisationScope {
        try await storage.read { repositories in try await AccessCheck.scope(.read, on: code, by: user, repositories) }
    }

    /// The definitions a user may pick: the shipped ones.
    public var definitions: [TableDefinition] { ShippedTableDefinitions.all }

    /// Checks uploaded tables for anyone who may read the organisation. `definition`: a shipped
    /// definition's name, or nil for the one that fits each file best; `definitionJSON` a definition
    /// of the user's own (wins over the name). Input that cannot be checked is refused (`invalid`,
    /// field `files`, the message naming file, line and column).
    public func check(_ files: [TableCheckRun.File], definition: String?, definitionJSON: Data? = nil, tolerance: Double? = nil,
                      in code: String, by user: UserAccount?) async throws -> TableCheckReport {
        _ = try await storage.read { repositories in try await AccessCheck.scope(.read, on: code, by: user, repositories) }
        do {
            var definitions: [TableDefinition] = []
            if let definitionJSON {
                definitions = [try TableCheckRun.definition(json: definitionJSON, fileName: "definisjonen")]
            } else if let definition, !definition.isEmpty {
                guard let shipped = ShippedTableDefinitions.named(definition) else {
                    throw TableCheckError(reason: "det finnes ingen definisjon «\(definition)»")
                }
                definitions = [shipped]
            }
            return try TableCheckRun.check(files.filter { !$0.data.isEmpty }, definitions: definitions, tolerance: tolerance)
        } catch let error as TableCheckError {
            throw ServiceError.invalid(.single("files", error.description + ". Ingenting er kontrollert."))
        }
    }

    /// Runs the definitions of Styr's own tables (`styr-drift`, `styr-investering`) over the
    /// operating and investment tables of the agency's annual report for the year: what the report
    /// workflow calls before a report may be submitted. Consistent by construction unless stored
    /// input disagrees with itself; a finding names the row and column.
    public func checkAnnualReportTables(of code: String, year: Int, by user: UserAccount?) async throws -> TableCheckReport {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            return try await Self.annualReportTables(of: scope, year: try AccessCheck.year(year), repositories)
        }
    }

    /// The same check inside a caller's unit of work (the report workflow's submission).
    static func annualReportTables(of scope: OrganisationScope, year: Int, _ repositories: Repositories) async throws -> TableCheckReport {
        let code = scope.organisation.code
        let data = try await AnnualReportService.data(of: scope, year: year, repositories)
        let tables = [AccountKind.operating, .investment].map { kind in
            DefinedTable(AccountsTable.build(chapter: data.chapter.number, year: year, kind: kind, amounts: data.amounts, revisions: data.revisions),
                         fileName: "årsrapport \(code) \(year) \(kind.norwegianName.lowercased())")
        }
        return TableDefinitionCheck.check(tables, tolerance: 0)
    }

    /// Refuses the submission of an annual report whose own tables disagree with their
    /// definitions (field `tables`, the findings in words); nothing is submitted.
    static func requireConsistentAnnualReport(of scope: OrganisationScope, year: Int, _ repositories: Repositories) async throws {
        let report = try await annualReportTables(of: scope, year: year, repositories)
        guard !report.isConsistent else { return }
        let findings = report.findings.prefix(5).map { "\($0.row), \($0.column): \($0.explanation)" }.joined(separator: "; ")
        throw ServiceError.invalid(.single("tables",
            "Årsberetningens tabeller henger ikke sammen (\(report.summary.dropLast())): \(findings). Rapporten er ikke sendt inn."))
    }
}
