import SQLKit

/// The KOSTRA funksjoner valid in 2025, for checking imported accounts.
struct CreateKostraFunctions: Migration {
    let name = "0007_kostra_functions"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "kostra_functions")
            .column("function", type: .text, .primaryKey(autoIncrement: false))
            .column("scope", type: .text, .notNull)
            .column("name", type: .text)
            .run()
        for function in try KostraCodeList.functions() {
            try await db.insert(into: "kostra_functions").columns("function", "scope", "name")
                .values(SQLBind(function.function), SQLBind(function.scope), SQLBind(function.name))
                .run()
        }
    }
}
