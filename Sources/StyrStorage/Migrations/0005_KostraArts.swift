import SQLKit

/// The KOSTRA arts valid in 2025 (Statistics Norway's code list, `Resources/`), so that imported
/// accounts can be checked against them.
struct CreateKostraArts: Migration {
    let name = "0005_kostra_arts"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "kostra_arts")
            .column("art", type: .text, .primaryKey(autoIncrement: false))
            .column("group_digit", type: .bigint, .notNull)
            .column("valid_in_operating", type: .bigint, .notNull)
            .column("valid_in_investment", type: .bigint, .notNull)
            .column("name", type: .text)
            .run()
        for art in try KostraCodeList.arts() {
            try await db.insert(into: "kostra_arts")
                .columns("art", "group_digit", "valid_in_operating", "valid_in_investment", "name")
                .values(
                    SQLBind(art.art), SQLBind(art.groupDigit), SQLBind(art.validInOperating ? 1 : 0),
                    SQLBind(art.validInInvestment ? 1 : 0), SQLBind(art.name)
                )
                .run()
        }
    }
}
