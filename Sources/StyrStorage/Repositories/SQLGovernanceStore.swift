import Foundation
import SQLKit
import StyrDomain
import Synchronization

/// The governance repositories over one SQL connection (SQLite or PostgreSQL: the SQL is the
/// same). Create one per unit of work, inside `Database.withConnection` or `transaction`.
/// Every write appends to the audit log in the name of `actor`; write inside a transaction, so
/// that a change and its audit entry are kept or undone together.
public struct SQLGovernanceStore: Sendable {
    let db: any SQLDatabase
    /// Who makes the changes: a user's e-mail, or `system:<command>` for the command line.
    let actor: String
    /// The organisations' ids read so far in this unit of work (a page asked for one agency's id
    /// once per record kind: a third of its statements).
    let knownIDs = OrganisationIDs()

    public init(_ db: any SQLDatabase, actor: String = "system") {
        self.db = db
        self.actor = actor
    }

    /// Appends the change of one entity to the audit log; nothing when nothing changed.
    func record<T: Encodable & Equatable>(_ entityType: String, _ key: String, before: T?, after: T?) async throws {
        guard before != after else { return }
        let action: AuditAction = before == nil ? .create : after == nil ? .delete : .update
        try await SQLAuditLog(db).append(
            actor: actor, action: action, entityType: entityType, entityKey: key, before: try auditJSON(before),
            after: try auditJSON(after))
    }

    /// The surrogate id of an organisation, or a Norwegian error naming the code.
    func organisationID(_ code: String) async throws -> Int64 {
        if let known = knownIDs.id(of: code) { return known }
        guard let row = try await db.select().column("id").from("organisations").where("code", .equal, code).first() else {
            throw StorageError.notFound("organisasjonen «\(code)»")
        }
        let id = try row.decode(column: "id", as: Int64.self)
        knownIDs.remember(id, for: code)
        return id
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

/// Codes and their surrogate ids, for one unit of work. An organisation's code and id never
/// change and organisations are never deleted; a found id is only remembered, so an organisation
/// created later in the unit of work is read when first asked for, and the memo dies with the
/// unit of work (a rolled-back insert is never remembered beyond it).
final class OrganisationIDs: Sendable {
    private let ids = Mutex<[String: Int64]>([:])

    func id(of code: String) -> Int64? { ids.withLock { $0[code] } }
    func remember(_ id: Int64, for code: String) { ids.withLock { $0[code] = id } }
}

/// Stored JSON (documents and audit values) has sorted keys, so equal values read alike, and
/// ISO 8601 dates.
private let storageEncoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return encoder
}()

func storedJSON<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try storageEncoder.encode(value), as: UTF8.self)
}

/// Reads JSON written by `storedJSON`.
func decodeStoredJSON<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return try decoder.decode(T.self, from: Data(text.utf8))
}

/// Values in the audit log.
func auditJSON<T: Encodable>(_ value: T?) throws -> String? {
    try value.map(storedJSON)
}

extension SQLRow {
    func decodeOptional<T: Decodable>(_ column: String, as type: T.Type = T.self) throws -> T? {
        try decodeNil(column: column) ? nil : decode(column: column, as: T.self)
    }
}
