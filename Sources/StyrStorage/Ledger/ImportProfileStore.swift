import Foundation
import SQLKit
import StyrDomain

/// Named import profiles (column names, delimiter, account rule and overrides), kept in the
/// database so every import of a municipality's files reads them the same way.
public struct SQLImportProfileStore: Sendable {
    let db: any SQLDatabase
    let actor: String

    public init(_ db: any SQLDatabase, actor: String = "system") {
        self.db = db
        self.actor = actor
    }

    public func save(_ profile: ImportProfile) async throws {
        let problems = profile.problems
        guard problems.isEmpty else { throw StorageError.invalid("Profilen «\(profile.name)» er ugyldig: \(problems.joined(separator: " "))") }
        let before = try await self.profile(named: profile.name)
        let document = try storedJSON(profile)
        try await db.insert(into: "import_profiles").columns("name", "document").values(SQLBind(profile.name), SQLBind(document))
            .onConflict(with: ["name"]) { $0.set(excludedValueOf: "document") }.run()
        _ = try await SQLAuditLog(db).append(
            actor: actor, action: before == nil ? .create : .update, entityType: "importProfile", entityKey: profile.name,
            before: try auditJSON(before), after: document)
    }

    public func profile(named name: String) async throws -> ImportProfile? {
        guard let row = try await db.select().column("document").from("import_profiles").where("name", .equal, name).first() else { return nil }
        return try decodeStoredJSON(ImportProfile.self, from: try row.decode(column: "document", as: String.self))
    }

    public func profiles() async throws -> [ImportProfile] {
        try await db.select().column("document").from("import_profiles").orderBy("name").all().map {
            try decodeStoredJSON(ImportProfile.self, from: try $0.decode(column: "document", as: String.self))
        }
    }
}
