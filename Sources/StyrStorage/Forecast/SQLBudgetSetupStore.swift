import Foundation
import SQLKit
import StyrDomain

/// The configuration behind the accounting report: each chapter's post grouping (set by the
/// department), the agency's monthly budget profiles per year, and the deviation that needs an
/// explanation per agency and year (set by the department). Every change is in the audit log.
public struct SQLBudgetSetupStore: Sendable {
    let db: any SQLDatabase
    let actor: String

    public init(_ db: any SQLDatabase, actor: String = "system") {
        self.db = db
        self.actor = actor
    }

    // MARK: Post groupings

    /// The stored groupings; chapters without one use the artsgrupper.
    public func groupings() async throws -> ChapterPostGroupings {
        var byChapter: [Int: PostGrouping] = [:]
        for row in try await db.select().columns("chapter", "document").from("post_groupings").all() {
            byChapter[Int(try row.decode(column: "chapter", as: Int64.self))] =
                try decodeStoredJSON(PostGrouping.self, from: try row.decode(column: "document", as: String.self))
        }
        return ChapterPostGroupings(byChapter: byChapter)
    }

    /// Sets a chapter's grouping; nil goes back to the artsgrupper. Refused (nothing written) when
    /// the grouping cannot carry the budget (`PostGrouping.budgetProblem`).
    public func saveGrouping(_ grouping: PostGrouping?, chapter: Int) async throws {
        if let problem = grouping?.budgetProblem { throw StorageError.invalid(problem) }
        let before = try await groupings().byChapter[chapter]
        guard before != grouping else { return }
        try await db.delete(from: "post_groupings").where("chapter", .equal, chapter).run()
        if let grouping {
            try await db.insert(into: "post_groupings").columns("chapter", "document")
                .values(SQLBind(Int64(chapter)), SQLBind(try storedJSON(grouping))).run()
        }
        _ = try await SQLAuditLog(db).append(
            actor: actor, action: before == nil ? .create : grouping == nil ? .delete : .update, entityType: "postGrouping",
            entityKey: "\(chapter)", before: try before.map(storedJSON), after: try grouping.map(storedJSON))
    }

    // MARK: Budget profiles

    struct StoredProfile: Codable, Equatable {
        var key: PostKey?
        var profile: BudgetProfile
    }

    public func profiles(of organisationCode: String, year: Int) async throws -> BudgetSetupText.Profiles {
        let organisationID = try await SQLGovernanceStore(db).organisationID(organisationCode)
        var profiles = BudgetSetupText.Profiles()
        for row in try await db.select().column("document").from("budget_profiles").where("organisation_id", .equal, organisationID)
            .where("year", .equal, year).all() {
            let stored = try decodeStoredJSON(StoredProfile.self, from: try row.decode(column: "document", as: String.self))
            if let key = stored.key { profiles.byPost[key] = stored.profile } else { profiles.fallback = stored.profile }
        }
        return profiles
    }

    /// Replaces the organisation's profiles for the year (empty: every month a twelfth).
    public func saveProfiles(_ profiles: BudgetSetupText.Profiles, of organisationCode: String, year: Int) async throws {
        let organisationID = try await SQLGovernanceStore(db).organisationID(organisationCode)
        let before = try await self.profiles(of: organisationCode, year: year)
        guard before != profiles else { return }
        try await db.delete(from: "budget_profiles").where("organisation_id", .equal, organisationID).where("year", .equal, year).run()
        var stored: [StoredProfile] = profiles.fallback.map { [StoredProfile(key: nil, profile: $0)] } ?? []
        stored += profiles.byPost.sorted { $0.key < $1.key }.map { StoredProfile(key: $0.key, profile: $0.value) }
        for profile in stored {
            try await db.insert(into: "budget_profiles").columns("organisation_id", "year", "document")
                .values(SQLBind(organisationID), SQLBind(Int64(year)), SQLBind(try storedJSON(profile))).run()
        }
        _ = try await SQLAuditLog(db).append(
            actor: actor, action: before.isEmpty ? .create : profiles.isEmpty ? .delete : .update, entityType: "budgetProfiles",
            entityKey: "\(organisationCode)/\(year)", before: before.isEmpty ? nil : BudgetSetupText.text(before),
            after: profiles.isEmpty ? nil : BudgetSetupText.text(profiles))
    }
}

extension SQLBudgetSetupStore {
    // MARK: Explanation threshold

    /// The deviation of a forecast that needs an explanation, as the department set it for the
    /// organisation's year; nil: the server's default (`styr serve --forecast-threshold-…`).
    public func threshold(of organisationCode: String, year: Int) async throws -> ForecastThreshold? {
        let organisationID = try await SQLGovernanceStore(db).organisationID(organisationCode)
        guard let row = try await db.select().column("document").from("forecast_thresholds").where("organisation_id", .equal, organisationID)
            .where("year", .equal, year).first() else { return nil }
        return try decodeStoredJSON(ForecastThreshold.self, from: try row.decode(column: "document", as: String.self))
    }

    /// Sets the organisation's threshold for the year; nil goes back to the server's default.
    public func saveThreshold(_ threshold: ForecastThreshold?, of organisationCode: String, year: Int) async throws {
        if let threshold, !threshold.isValid {
            throw StorageError.invalid("Terskelen må ha et beløp fra 0 til 1 000 000 000 000 kr og en prosent fra 0 til 100.")
        }
        let organisationID = try await SQLGovernanceStore(db).organisationID(organisationCode)
        let before = try await self.threshold(of: organisationCode, year: year)
        guard before != threshold else { return }
        try await db.delete(from: "forecast_thresholds").where("organisation_id", .equal, organisationID).where("year", .equal, year).run()
        if let threshold {
            try await db.insert(into: "forecast_thresholds").columns("organisation_id", "year", "document")
                .values(SQLBind(organisationID), SQLBind(Int64(year)), SQLBind(try storedJSON(threshold))).run()
        }
        _ = try await SQLAuditLog(db).append(
            actor: actor, action: before == nil ? .create : threshold == nil ? .delete : .update, entityType: "forecastThreshold",
            entityKey: "\(organisationCode)/\(year)", before: try before.map(storedJSON), after: try threshold.map(storedJSON))
    }
}
