import SQLKit
import StyrDomain

/// The workflow of every report and its frozen versions, each a JSON document beside the columns
/// it is found by. Every save is audited (`reportWorkflow`, `reportVersion`); versions are only
/// inserted, never updated.
extension SQLGovernanceStore: ReportRepository {
    public func reportWorkflow(_ key: ReportKey) async throws -> ReportWorkflow? {
        try await workflowRow(key).map { try Self.decode(ReportWorkflow.self, $0) }
    }

    func workflowRow(_ key: ReportKey) async throws -> (any SQLRow)? {
        let organisationID = try await organisationID(key.organisationCode)
        return try await db.select().columns("id", "document").from("report_workflows").where("organisation_id", .equal, organisationID)
            .where("year", .equal, Int64(key.year)).where("kind", .equal, key.kind.rawValue).where("period", .equal, key.period).first()
    }

    public func reportWorkflows(of organisationCode: String, year: Int) async throws -> [ReportWorkflow] {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().column("document").from("report_workflows").where("organisation_id", .equal, organisationID)
            .where("year", .equal, Int64(year)).orderBy("id").all().map { try Self.decode(ReportWorkflow.self, $0) }
    }

    public func publishedReportWorkflows() async throws -> [ReportWorkflow] {
        try await db.select().column("document").from("report_workflows").where("state", .equal, ReportState.published.rawValue)
            .orderBy("year", .descending).orderBy("id").all().map { try Self.decode(ReportWorkflow.self, $0) }
    }

    public func save(_ workflow: ReportWorkflow) async throws {
        let key = workflow.key
        if let row = try await workflowRow(key) {
            let before = try Self.decode(ReportWorkflow.self, row)
            try await db.update("report_workflows").set("state", to: workflow.state.rawValue).set("document", to: try Self.document(workflow))
                .where("id", .equal, try row.decode(column: "id", as: Int64.self)).run()
            try await record("reportWorkflow", key.auditKey, before: before, after: workflow)
            return
        }
        let organisationID = try await organisationID(key.organisationCode)
        try await db.insert(into: "report_workflows").columns("organisation_id", "year", "kind", "period", "state", "document")
            .values(SQLBind(organisationID), SQLBind(Int64(key.year)), SQLBind(key.kind.rawValue), SQLBind(key.period),
                    SQLBind(workflow.state.rawValue), SQLBind(try Self.document(workflow))).run()
        try await record("reportWorkflow", key.auditKey, before: ReportWorkflow?.none, after: workflow)
    }

    public func add(_ version: ReportVersion) async throws {
        guard let row = try await workflowRow(version.key) else {
            throw StorageError.notFound("rapporten \(version.key.auditKey)")
        }
        let workflowID = try row.decode(column: "id", as: Int64.self)
        try await db.insert(into: "report_versions").columns("workflow_id", "number", "document")
            .values(SQLBind(workflowID), SQLBind(Int64(version.number)), SQLBind(try Self.document(version))).run()
        try await record("reportVersion", "\(version.key.auditKey)/\(version.number)", before: ReportVersion?.none, after: version)
    }

    public func reportVersions(_ key: ReportKey) async throws -> [ReportVersion] {
        guard let row = try await workflowRow(key) else { return [] }
        let workflowID = try row.decode(column: "id", as: Int64.self)
        return try await db.select().column("document").from("report_versions").where("workflow_id", .equal, workflowID)
            .orderBy("number").all().map { try Self.decode(ReportVersion.self, $0) }
    }
}

/// Indicator results per period, a JSON document per indicator × year × period (audited as
/// `indicatorPeriodResult`).
extension SQLGovernanceStore: IndicatorPeriodRepository {
    public func save(_ result: IndicatorPeriodResult, ofIndicator key: String, of organisationCode: String) async throws {
        let indicatorID = try await indicatorID(key, of: organisationCode)
        let existing = try await db.select().columns("id", "document").from("indicator_period_results").where("indicator_id", .equal, indicatorID)
            .where("year", .equal, Int64(result.year)).where("period", .equal, result.period.code).first()
        let auditKey = "\(organisationCode)/\(key)/\(result.year)/\(result.period.code)"
        if let existing {
            let before = try Self.decode(IndicatorPeriodResult.self, existing)
            try await db.update("indicator_period_results").set("document", to: try Self.document(result))
                .where("id", .equal, try existing.decode(column: "id", as: Int64.self)).run()
            try await record("indicatorPeriodResult", auditKey, before: before, after: result)
        } else {
            try await db.insert(into: "indicator_period_results").columns("indicator_id", "year", "period", "document")
                .values(SQLBind(indicatorID), SQLBind(Int64(result.year)), SQLBind(result.period.code), SQLBind(try Self.document(result))).run()
            try await record("indicatorPeriodResult", auditKey, before: IndicatorPeriodResult?.none, after: result)
        }
    }

    public func indicatorPeriodResults(of organisationCode: String, year: Int) async throws -> [String: [IndicatorPeriodResult]] {
        let organisationID = try await organisationID(organisationCode)
        let indicators = try await db.select().columns("id", "key").from("indicators").where("organisation_id", .equal, organisationID)
            .all()
        var result: [String: [IndicatorPeriodResult]] = [:]
        for indicator in indicators {
            let rows = try await db.select().column("document").from("indicator_period_results")
                .where("indicator_id", .equal, try indicator.decode(column: "id", as: Int64.self)).where("year", .equal, Int64(year))
                .orderBy("period").all()
            guard !rows.isEmpty else { continue }
            result[try indicator.decode(column: "key", as: String.self)] = try rows.map { try Self.decode(IndicatorPeriodResult.self, $0) }
        }
        return result
    }

    func indicatorID(_ key: String, of organisationCode: String) async throws -> Int64 {
        let organisationID = try await organisationID(organisationCode)
        guard let row = try await db.select().column("id").from("indicators").where("organisation_id", .equal, organisationID)
            .where("key", .equal, key).first() else {
            throw StorageError.notFound("indikatoren «\(key)» hos «\(organisationCode)»")
        }
        return try row.decode(column: "id", as: Int64.self)
    }
}
