import Foundation
import StyrDomain
import StyrServices

/// `POST /organisations/{code}/table-checks`: published tables checked against a table
/// definition, through the same use case as `styr check` and the page «Kontroll av tabeller».
extension StyrAPIHandler {
    func checkTables(_ input: Operations.CheckTables.Input) async throws -> Operations.CheckTables.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let files = body.tables.map { TableCheckRun.File(name: $0.name, data: Data($0.content.utf8)) }
        let report = try await service(fields: ["files": "tables"]) {
            try await services.tableChecks.check(files, definition: body.definition, tolerance: body.tolerance, in: input.path.code, by: APICaller.current)
        }
        return .ok(.init(body: .json(Self.tableCheckSchema(report))))
    }

    static func tableCheckSchema(_ report: TableCheckReport) -> Components.Schemas.TableCheckResult {
        func number(_ amount: PrintedAmount) -> Double { Double(amount.hundredths) / 100 }
        return Components.Schemas.TableCheckResult(
            checked: report.checked, consistent: report.isConsistent,
            tables: report.tables.map {
                .init(file: $0.file, definition: $0.definition, title: $0.title, year: $0.year, rows: $0.rows, unmatched: $0.unmatched)
            },
            findings: report.findings.map { finding in
                Components.Schemas.TableCheckFinding(
                    file: finding.file, line: finding.line, row: finding.row, column: finding.column, rule: rule(finding.rule),
                    printed: finding.printed.map(number), computed: number(finding.computed), difference: number(finding.difference),
                    explanation: finding.explanation, cause: finding.cause)
            },
            causes: report.causes)
    }

    static func rule(_ rule: TableCheckRule) -> Components.Schemas.TableCheckFinding.RulePayload {
        switch rule {
        case .sum: .sum
        case .net: .net
        case .column: .column
        case .previousYear: .previousYear
        case .crossTable: .crossTable
        }
    }
}
