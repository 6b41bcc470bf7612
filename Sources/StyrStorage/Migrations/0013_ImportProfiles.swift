import SQLKit

struct CreateImportProfiles: Migration {
    let name = "0013_import_profiles"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "import_profiles")
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("document", type: .text, .notNull)
            .run()
    }
}
