import SQLKit

/// The KOSTRA arts and funksjoner of one accounting year, loaded from SSB's published list
/// (`styr codes import`); a year without a list is checked against the shipped 2025 lists.
struct CreateKostraYearCodeLists: Migration {
    let name = "0036_kostra_year_code_lists"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "kostra_year_codes")
            .column("year", type: .int, .notNull)
            .column("list", type: .text, .notNull)
            .column("code", type: .text, .notNull)
            .column("name", type: .text)
            .column("valid_from", type: .text)
            .column("valid_to", type: .text)
            .unique("year", "list", "code")
            .run()
    }
}
