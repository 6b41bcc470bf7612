import SQLKit

/// Indicator results for a period of the year (`t2`, `m04`), beside the year's value.
struct CreateIndicatorPeriodResults: Migration {
    let name = "0029_indicator_period_results"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "indicator_period_results").idColumn()
            .reference("indicator_id", to: "indicators")
            .column("year", type: .bigint, .notNull)
            .column("period", type: .text, .notNull)
            .column("document", type: .text, .notNull)
            .unique("indicator_id", "year", "period")
            .run()
    }
}
