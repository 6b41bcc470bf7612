import SQLKit

/// The department's threshold for explanations per agency and year (`SQLBudgetSetupStore.threshold`).
struct CreateForecastThresholds: Migration {
    let name = "0019_forecast_thresholds"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "forecast_thresholds").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("year", type: .bigint, .notNull)
            .column("document", type: .text, .notNull)
            .unique("organisation_id", "year")
            .run()
    }
}
