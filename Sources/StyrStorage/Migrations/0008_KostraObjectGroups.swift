import SQLKit

/// The nine artsgrupper with the labels Oslo kommune prints in its operating and investment tables.
struct CreateKostraObjectGroups: Migration {
    let name = "0008_kostra_object_groups"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "kostra_object_groups")
            .column("group_first", type: .bigint, .primaryKey(autoIncrement: false))
            .column("group_last", type: .bigint, .notNull)
            .column("side", type: .text, .notNull)
            .column("operating_label", type: .text, .notNull)
            .column("investment_label", type: .text, .notNull)
            .run()
        for group in try KostraCodeList.objectGroups() {
            try await db.insert(into: "kostra_object_groups")
                .columns("group_first", "group_last", "side", "operating_label", "investment_label")
                .values(SQLBind(Int64(group.group.first)), SQLBind(Int64(group.group.last)), SQLBind(group.group.isExpense ? "expense" : "revenue"),
                        SQLBind(group.operatingLabel), SQLBind(group.investmentLabel))
                .run()
        }
    }
}
