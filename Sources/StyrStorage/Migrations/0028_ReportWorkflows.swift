import SQLKit

/// The workflow of every report (`report_workflows`: state and steps as a JSON document) and its
/// frozen versions (`report_versions`: the submitted snapshot as a JSON document, never changed).
struct CreateReportWorkflows: Migration {
    let name = "0028_report_workflows"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "report_workflows").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("year", type: .bigint, .notNull)
            .column("kind", type: .text, .notNull)
            .column("period", type: .text, .notNull)
            .column("state", type: .text, .notNull)
            .column("document", type: .text, .notNull)
            .unique("organisation_id", "year", "kind", "period")
            .run()
        try await db.create(table: "report_versions").idColumn()
            .reference("workflow_id", to: "report_workflows")
            .column("number", type: .bigint, .notNull)
            .column("document", type: .text, .notNull)
            .unique("workflow_id", "number")
            .run()
    }
}
