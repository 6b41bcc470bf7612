import Foundation
import SQLKit
import StyrDomain

extension SQLGovernanceStore: BudgetYearRepository {
    public func budgetYears(of organisationCode: String) async throws -> [BudgetYear] {
        guard let organisation = try await db.select().column("id").from("organisations").where("code", .equal, organisationCode).first() else {
            return []
        }
        let organisationID = try organisation.decode(column: "id", as: Int64.self)
        let formatter = ISO8601DateFormatter()
        return try await db.select().columns("year", "status", "changed_by", "changed_at", "reopen_reason").from("budget_years")
            .where("organisation_id", .equal, organisationID).orderBy("year").all().map { row in
                let status = try row.decode(column: "status", as: String.self)
                guard let status = BudgetYearStatus(rawValue: status) else {
                    throw StorageError.invalid("Ukjent status «\(status)» for et budsjettår hos «\(organisationCode)».")
                }
                return BudgetYear(
                    organisationCode: organisationCode, year: Int(try row.decode(column: "year", as: Int64.self)), status: status,
                    changedBy: try row.decode(column: "changed_by", as: String?.self),
                    changedAt: try row.decode(column: "changed_at", as: String?.self).flatMap(formatter.date(from:)),
                    reopenReason: try row.decode(column: "reopen_reason", as: String?.self))
            }
    }

    public func save(_ budgetYear: BudgetYear) async throws {
        let organisationID = try await organisationID(budgetYear.organisationCode)
        let before = try await budgetYears(of: budgetYear.organisationCode).first { $0.year == budgetYear.year }
        let changedAt = budgetYear.changedAt.map { ISO8601DateFormatter().string(from: $0) }
        try await db.insert(into: "budget_years").columns("organisation_id", "year", "status", "changed_by", "changed_at", "reopen_reason")
            .values(SQLBind(organisationID), SQLBind(Int64(budgetYear.year)), SQLBind(budgetYear.status.rawValue), SQLBind(budgetYear.changedBy),
                    SQLBind(changedAt), SQLBind(budgetYear.reopenReason))
            .onConflict(with: ["organisation_id", "year"]) {
                $0.set(excludedValueOf: "status").set(excludedValueOf: "changed_by").set(excludedValueOf: "changed_at")
                    .set(excludedValueOf: "reopen_reason")
            }
            .run()
        try await record("budgetYear", "\(budgetYear.organisationCode)/\(budgetYear.year)", before: before, after: budgetYear)
    }
}
