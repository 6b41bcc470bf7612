import StyrStorage

public enum DemoLoader {
    /// Loads the demo data in one transaction when the database holds no organisation yet.
    /// Returns false (and changes nothing) when it already holds data.
    /// The demo ledger lines follow in their own import transaction (the bulk path holds the
    /// connection itself), so a failure there leaves the rest of the demo in place.
    public static func loadIfEmpty(_ database: Database) async throws -> Bool {
        let loaded = try await database.transaction { db in
            let store = SQLGovernanceStore(db, actor: "system:demo")
            guard try await store.isEmpty() else { return false }
            try await DemoData.load(into: store)
            try await UKEAuthorities.load(into: store)
            try await UKERisks.load(into: store)
            try await UKEInternalControl.load(into: store)
            try await UKESpecialReport.load(into: store)
            try await UKEServices.load(into: store)
            return true
        }
        if loaded {
            try await DemoData.loadLedger(into: database)
            // The 2. tertial report 2020, written, submitted and approved through the services (after the ledger lines).
            try await UKETertialReport.load(into: database)
        }
        return loaded
    }
}
