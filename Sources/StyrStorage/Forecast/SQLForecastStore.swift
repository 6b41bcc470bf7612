import Foundation
import SQLKit
import StyrDomain

/// Forecast choices and submitted accounting reports, each change in the audit log.
public struct SQLForecastStore: Sendable {
    let db: any SQLDatabase
    let actor: String

    public init(_ db: any SQLDatabase, actor: String = "system") {
        self.db = db
        self.actor = actor
    }

    func organisationID(_ code: String) async throws -> Int64 { try await SQLGovernanceStore(db).organisationID(code) }

    static func json<T: Encodable>(_ value: T) throws -> String { try storedJSON(value) }

    public func choices(of organisationCode: String, year: Int) async throws -> [ForecastChoice] {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().column("document").from("forecast_choices").where("organisation_id", .equal, organisationID)
            .where("year", .equal, year).orderBy("post_key").all().map {
                try decodeStoredJSON(ForecastChoice.self, from: try $0.decode(column: "document", as: String.self))
            }
    }

    public func save(_ choice: ForecastChoice, of organisationCode: String, year: Int) async throws {
        if let error = ForecastRules.validate(choice.method) { throw StorageError.invalid(error.description) }
        let organisationID = try await organisationID(organisationCode)
        let postKey = "\(choice.key.chapter)/\(choice.key.kind.rawValue)/\(choice.key.postCode)"
        let before = try await choices(of: organisationCode, year: year).first { $0.key == choice.key }
        try await db.delete(from: "forecast_choices").where("organisation_id", .equal, organisationID).where("year", .equal, year)
            .where("post_key", .equal, postKey).run()
        try await db.insert(into: "forecast_choices").columns("organisation_id", "year", "post_key", "document")
            .values(SQLBind(organisationID), SQLBind(Int64(year)), SQLBind(postKey), SQLBind(try Self.json(choice))).run()
        guard before != choice else { return }
        _ = try await SQLAuditLog(db).append(
            actor: actor, action: before == nil ? .create : .update, entityType: "forecast", entityKey: "\(organisationCode)/\(year)/\(postKey)",
            before: try before.map(Self.json), after: try Self.json(choice))
    }

    public func submissions(of organisationCode: String, year: Int) async throws -> [AccountingReportSubmission] {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().column("document").from("accounting_report_submissions").where("organisation_id", .equal, organisationID)
            .where("year", .equal, year).orderBy("id").all().map {
                try decodeStoredJSON(AccountingReportSubmission.self, from: try $0.decode(column: "document", as: String.self))
            }
    }

    /// Records a submitted report; refused while a deviation lacks its explanation.
    public func submit(_ report: AccountingReport, of organisationCode: String, by person: String) async throws -> AccountingReportSubmission {
        guard report.canBeSubmitted else {
            let posts = report.missingExplanations.map { "kap. \($0.chapter) \($0.postCode)" }.joined(separator: ", ")
            throw StorageError.invalid("Rapporten kan ikke sendes før avvikene er forklart: \(posts).")
        }
        let organisationID = try await organisationID(organisationCode)
        let submission = AccountingReportSubmission(
            organisationCode: organisationCode, year: report.year, period: report.period, submittedBy: person,
            submittedAt: ISO8601DateFormatter().string(from: Date()), csv: AccountingReportCSV.csv(report))
        try await db.insert(into: "accounting_report_submissions").columns("organisation_id", "year", "document")
            .values(SQLBind(organisationID), SQLBind(Int64(report.year)), SQLBind(try Self.json(submission))).run()
        _ = try await SQLAuditLog(db).append(
            actor: actor, action: .create, entityType: "accountingReport", entityKey: "\(organisationCode)/\(report.year)/\(report.period.title(year: report.year))",
            before: nil, after: try Self.json(submission))
        return submission
    }
}
