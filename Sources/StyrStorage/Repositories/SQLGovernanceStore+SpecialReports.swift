import SQLKit
import StyrDomain

/// Chapters 4–5 (`special_reports`) and the tracked items of chapter 6 (`tracked_items`), each a
/// JSON document. Every save is audited (`specialReport`, `trackedItem`).
extension SQLGovernanceStore: SpecialReportRepository {
    public func specialReport(of organisationCode: String, year: Int) async throws -> SpecialReport? {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().column("document").from("special_reports").where("organisation_id", .equal, organisationID)
            .where("year", .equal, year).first().map { try Self.decode(SpecialReport.self, $0) }
    }

    public func specialReportYears(of organisationCode: String) async throws -> [Int] {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().column("year").from("special_reports").where("organisation_id", .equal, organisationID)
            .orderBy("year").all().map { try $0.decode(column: "year", as: Int.self) }
    }

    public func save(_ report: SpecialReport) async throws {
        let organisationID = try await organisationID(report.organisationCode)
        let before = try await specialReport(of: report.organisationCode, year: report.year)
        if before != nil {
            try await db.update("special_reports").set("document", to: try Self.document(report))
                .where("organisation_id", .equal, organisationID).where("year", .equal, report.year).run()
        } else {
            try await db.insert(into: "special_reports").columns("organisation_id", "year", "document")
                .values(SQLBind(organisationID), SQLBind(report.year), SQLBind(try Self.document(report))).run()
        }
        try await record("specialReport", "\(report.organisationCode)/\(report.year)", before: before, after: report)
    }

    public func trackedItems(of organisationCode: String) async throws -> [TrackedItem] {
        let organisationID = try await organisationID(organisationCode)
        return try await db.select().column("document").from("tracked_items").where("organisation_id", .equal, organisationID)
            .orderBy("id").all().map { try Self.decode(TrackedItem.self, $0) }
    }

    @discardableResult
    public func save(_ item: TrackedItem) async throws -> Int64 {
        let organisationID = try await organisationID(item.organisationCode)
        if let id = item.id {
            guard let before = try await trackedItems(of: item.organisationCode).first(where: { $0.id == id }) else {
                throw StorageError.notFound("oppfølgingssak \(id) hos «\(item.organisationCode)»")
            }
            try await db.update("tracked_items").set("status", to: item.status.rawValue)
                .set("document", to: try Self.document(item)).where("id", .equal, id).run()
            try await record("trackedItem", "\(item.organisationCode)/\(id)", before: before, after: item)
            return id
        }
        let id = try await insertReturningID(
            db.insert(into: "tracked_items").columns("organisation_id", "status", "document")
                .values(SQLBind(organisationID), SQLBind(item.status.rawValue), SQLBind("{}")))
        var stored = item
        stored.id = id
        try await db.update("tracked_items").set("document", to: try Self.document(stored)).where("id", .equal, id).run()
        try await record("trackedItem", "\(item.organisationCode)/\(id)", before: TrackedItem?.none, after: stored)
        return id
    }
}
