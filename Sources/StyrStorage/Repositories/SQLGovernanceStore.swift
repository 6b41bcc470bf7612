import SQLKit
import StyrDomain

/// The governance repositories over one SQL connection (SQLite or PostgreSQL: the SQL is the
/// same). Create one per unit of work, inside `Database.withConnection` or `transaction`.
public struct SQLGovernanceStore: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) {
        self.db = db
    }

    /// The surrogate id of an organisation, or a Norwegian error naming the code.
    func organisationID(_ code: String) async throws -> Int64 {
        guard let row = try await db.select().column("id").from("organisations").where("code", .equal, code).first() else {
            throw StorageError.notFound("organisasjonen «\(code)»")
        }
        return try row.decode(column: "id", as: Int64.self)
    }

    func chapterID(_ number: Int) async throws -> Int64 {
        guard let row = try await db.select().column("id").from("chapters").where("number", .equal, number).first() else {
            throw StorageError.notFound("kapittel \(number)")
        }
        return try row.decode(column: "id", as: Int64.self)
    }

    func insertReturningID(_ builder: SQLInsertBuilder) async throws -> Int64 {
        guard let row = try await builder.returning("id").first() else {
            throw StorageError.invalid("Databasen returnerte ingen id for den nye raden.")
        }
        return try row.decode(column: "id", as: Int64.self)
    }

    /// True when no organisation is stored yet.
    public func isEmpty() async throws -> Bool {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("organisations")
            .first()?.decode(column: "n", as: Int64.self) == 0
    }
}

extension SQLRow {
    func decodeOptional<T: Decodable>(_ column: String, as type: T.Type = T.self) throws -> T? {
        try decodeNil(column: column) ? nil : decode(column: column, as: T.self)
    }
}
