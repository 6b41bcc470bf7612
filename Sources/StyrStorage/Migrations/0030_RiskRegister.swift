import SQLKit

/// The risk registers (`SQLGovernanceStore+Risks`): each risk a JSON document with its
/// assessments and measures; the organisations' scale labels and acceptance levels; the snapshot
/// of the register kept with each risk-picture notice.
struct CreateRiskRegister: Migration {
    let name = "0030_risk_register"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "risks").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("recorded_on", type: .text, .notNull)
            .column("document", type: .text, .notNull)
            .run()
        try await db.create(table: "risk_settings").idColumn()
            .reference("organisation_id", to: "organisations")
            .column("document", type: .text, .notNull)
            .unique("organisation_id")
            .run()
        try await db.create(table: "risk_snapshots").idColumn()
            .reference("organisation_id", to: "organisations")
            .reference("notice_id", to: "information_notices")
            .column("document", type: .text, .notNull)
            .unique("notice_id")
            .run()
    }
}
