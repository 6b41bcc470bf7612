import StyrStorage

public enum DemoLoader {
    /// Loads the demo data in one transaction when the database holds no organisation yet.
    /// Returns false (and changes nothing) when it already holds data.
    public static func loadIfEmpty(_ database: Database) async throws -> Bool {
        try await database.transaction { db in
            let store = SQLGovernanceStore(db, actor: "system:demo")
            guard try await store.isEmpty() else { return false }
            try await DemoData.load(into: store)
            return true
        }
    }
}
