import Foundation
import SQLKit
import StyrDomain

extension KostraCodeList {
    /// The 2025 code lists as the importer checks them.
    public static func codes() throws -> KostraCodes {
        KostraCodes(
            arts: try arts().compactMap { art in Int(art.art).map { (art: $0, operating: art.validInOperating, investment: art.validInInvestment) } },
            functions: Set(try functions().filter { !$0.scope.hasPrefix("NOT") }.compactMap { Int($0.function) }))
    }
}

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

struct CreateImportProfiles: Migration {
    let name = "0013_import_profiles"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "import_profiles")
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("document", type: .text, .notNull)
            .run()
    }
}
