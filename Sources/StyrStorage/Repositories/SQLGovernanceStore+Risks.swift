import SQLKit
import StyrDomain

/// The risk registers: each risk a JSON document with its id inside; the settings and notice
/// snapshots likewise. Every save is audited (`risk`, `riskSettings`, `riskSnapshot`).
extension SQLGovernanceStore: RiskRepository {
    public func risks(of organisationCode: String) async throws -> [Risk] {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().column("document").from("risks").where("organisation_id", .equal, organisationID)
            .orderBy("id").all().map { try Self.decode(Risk.self, $0) }
    }

    @discardableResult
    public func save(_ risk: Risk) async throws -> Int64 {
        let organisationID = try await organisationID(risk.organisationCode)
        if let id = risk.id {
            guard let before = try await risks(of: risk.organisationCode).first(where: { $0.id == id }) else {
                throw StorageError.notFound("risiko \(id) hos «\(risk.organisationCode)»")
            }
            try await db.update("risks").set("recorded_on", to: risk.recordedOn.iso)
                .set("document", to: try Self.document(risk)).where("id", .equal, id).run()
            try await record("risk", "\(risk.organisationCode)/\(id)", before: before, after: risk)
            return id
        }
        let id = try await insertReturningID(
            db.insert(into: "risks").columns("organisation_id", "recorded_on", "document")
                .values(SQLBind(organisationID), SQLBind(risk.recordedOn.iso), SQLBind("{}")))
        var stored = risk
        stored.id = id
        try await db.update("risks").set("document", to: try Self.document(stored)).where("id", .equal, id).run()
        try await record("risk", "\(risk.organisationCode)/\(id)", before: Risk?.none, after: stored)
        return id
    }

    public func riskSettings(of organisationCode: String) async throws -> RiskSettings {
        try await storedRiskSettings(organisationID: try await organisationID(organisationCode)) ?? .standard
    }

    func storedRiskSettings(organisationID: Int64) async throws -> RiskSettings? {
        try await db.select().column("document").from("risk_settings").where("organisation_id", .equal, organisationID).first()
            .map { try Self.decode(RiskSettings.self, $0) }
    }

    public func save(_ settings: RiskSettings, of organisationCode: String) async throws {
        let organisationID = try await organisationID(organisationCode)
        let before = try await storedRiskSettings(organisationID: organisationID)
        if before == nil {
            try await db.insert(into: "risk_settings").columns("organisation_id", "document")
                .values(SQLBind(organisationID), SQLBind(try Self.document(settings))).run()
        } else {
            try await db.update("risk_settings").set("document", to: try Self.document(settings)).where("organisation_id", .equal, organisationID).run()
        }
        try await record("riskSettings", organisationCode, before: before ?? .standard, after: settings)
    }

    public func save(_ snapshot: RiskSnapshot, forNotice noticeID: Int64) async throws {
        let organisationID = try await organisationID(snapshot.organisationCode)
        let before = try await riskSnapshots(of: snapshot.organisationCode)[noticeID]
        try await db.delete(from: "risk_snapshots").where("notice_id", .equal, noticeID).run()
        try await db.insert(into: "risk_snapshots").columns("organisation_id", "notice_id", "document")
            .values(SQLBind(organisationID), SQLBind(noticeID), SQLBind(try Self.document(snapshot))).run()
        try await record("riskSnapshot", "\(snapshot.organisationCode)/\(noticeID)", before: before, after: snapshot)
    }

    public func riskSnapshots(of organisationCode: String) async throws -> [Int64: RiskSnapshot] {
        let organisationID = try await organisationID(organisationCode)
        let rows = try await db.select().column("notice_id").column("document").from("risk_snapshots")
            .where("organisation_id", .equal, organisationID).all()
        var snapshots: [Int64: RiskSnapshot] = [:]
        for row in rows { snapshots[try row.decode(column: "notice_id", as: Int64.self)] = try Self.decode(RiskSnapshot.self, row) }
        return snapshots
    }
}
