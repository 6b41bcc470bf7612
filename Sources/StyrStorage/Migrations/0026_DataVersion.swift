import SQLKit

/// The data's version (`Database.dataVersion`): one row raised by every write transaction, so
/// caches on any instance know whether anything changed since they computed.
struct CreateDataVersion: Migration {
    let name = "0026_data_version"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "styr_data_version")
            .column("id", type: .bigint, .primaryKey(autoIncrement: false))
            .column("version", type: .bigint, .notNull)
            .run()
        try await db.insert(into: "styr_data_version").columns("id", "version").values(SQLBind(1), SQLBind(1)).run()
    }
}
