import SQLKit

struct CreateForecasts: Migration {
    let name = "0014_forecasts"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "forecast_choices").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("year", type: .bigint, .notNull)
            .column("post_key", type: .text, .notNull)
            .column("document", type: .text, .notNull)
            .unique("organisation_id", "year", "post_key")
            .run()
        try await db.create(table: "accounting_report_submissions").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("year", type: .bigint, .notNull)
            .column("document", type: .text, .notNull)
            .run()
    }
}
