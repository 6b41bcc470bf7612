import Foundation
import SQLKit
import StyrDemo
import StyrDomain
import StyrServices
@testable import StyrStorage
import StyrTestSupport
import Testing

/// Post groupings and monthly budget profiles as stored, and what they do to the accounting
/// report built from the demo's UKE 2020 (chapter 125) through `AccountingReportService`, on
/// SQLite and PostgreSQL.
@Suite("Post groupings and budget profiles")
struct BudgetSetupReportTests {
    static let merged = """
        000-099; Lønn; 000-099
        100-399; Kjøp av varer og tjenester; 100-299, 300-399
        400-599; Overføringer og finans; 400-599
        600-999; Inntekter; 600-999
        """

    /// The report as the service builds it, read by an administrator of UKE.
    static func report(_ database: Database) async throws -> AccountingReport {
        let reader = UserAccount(email: "test@styr", name: "Test", assignments: [RoleAssignment(role: .admin, organisationCode: "UKE")])
        return try await AccountingReportService(storage: SQLStorage(database)).report(in: "UKE", year: 2020, period: .tertial(2), by: reader).report
    }

    static func operating(_ report: AccountingReport) throws -> AccountingReport.Section {
        try #require(report.sections.first { $0.chapter == 125 && $0.kind == .operating })
    }

    static func auditCount(_ database: Database, _ type: String) async throws -> Int {
        try await database.withConnection { db in try await SQLAuditLog(db).entries(entityType: type).count }
    }

    @Test("the department's threshold for a year decides which deviations need an explanation; nil goes back to the server's; every change audited",
          arguments: TestDatabase.backends)
    func threshold(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database async throws in
            _ = try await DemoLoader.loadIfEmpty(database)
            let standard = try await Self.report(database)
            #expect(standard.threshold == .standard)
            #expect(!standard.missingExplanations.isEmpty)
            let none = ForecastThreshold(amount: ForecastThreshold.largestAmount, percentBasisPoints: 10_000)
            try await database.transaction { db in try await SQLBudgetSetupStore(db, actor: "test@styr").saveThreshold(none, of: "UKE", year: 2020) }
            #expect(try await database.withConnection { db in try await SQLBudgetSetupStore(db).threshold(of: "UKE", year: 2020) } == none)
            #expect(try await database.withConnection { db in try await SQLBudgetSetupStore(db).threshold(of: "UKE", year: 2021) } == nil)
            let relaxed = try await Self.report(database)
            #expect(relaxed.threshold == none)
            #expect(relaxed.missingExplanations.isEmpty)
            // Saving the same again changes nothing and logs nothing.
            try await database.transaction { db in try await SQLBudgetSetupStore(db, actor: "test@styr").saveThreshold(none, of: "UKE", year: 2020) }
            #expect(try await Self.auditCount(database, "forecastThreshold") == 1)
            // Beyond the limits: refused, nothing written.
            await #expect(throws: StorageError.self) {
                try await database.transaction { db in
                    try await SQLBudgetSetupStore(db, actor: "test@styr").saveThreshold(ForecastThreshold(amount: .kroner(1), percentBasisPoints: 10_001), of: "UKE", year: 2020)
                }
            }
            #expect(try await Self.report(database).threshold == none)
            try await database.transaction { db in try await SQLBudgetSetupStore(db, actor: "test@styr").saveThreshold(nil, of: "UKE", year: 2020) }
            #expect(try await Self.report(database).missingExplanations == standard.missingExplanations)
            #expect(try await Self.auditCount(database, "forecastThreshold") == 2)
        }
    }

    @Test("a chapter's own grouping sums budget, actuals and forecast per post; the net is unchanged; nil goes back", arguments: TestDatabase.backends)
    func grouping(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database async throws in
            _ = try await DemoLoader.loadIfEmpty(database)
            let before = try Self.operating(try await Self.report(database))
            #expect(before.expenseRows.contains { $0.post?.code == "100-299" })
            #expect(!before.expenseRows.contains { $0.post?.code == "100-399" })
            let grouping = try #require(try BudgetSetupText.grouping(Self.merged).get())
            try await database.transaction { db in try await SQLBudgetSetupStore(db, actor: "test@styr").saveGrouping(grouping, chapter: 125) }
            #expect(try await database.withConnection { db in try await SQLBudgetSetupStore(db).groupings() }.byChapter[125] == grouping)

            let after = try Self.operating(try await Self.report(database))
            let purchases = try #require(after.expenseRows.first { $0.post?.code == "100-399" })
            let parts = before.expenseRows.filter { ["100-299", "300-399"].contains($0.post?.code) }
            #expect(!parts.isEmpty)
            #expect(purchases.revisedBudget == parts.reduce(.zero) { $0 + $1.revisedBudget })
            #expect(purchases.actualsToDate == parts.reduce(.zero) { $0 + $1.actualsToDate })
            #expect(purchases.budgetToDate == parts.reduce(.zero) { $0 + $1.budgetToDate })
            #expect(after.net.revisedBudget == before.net.revisedBudget)
            #expect(after.net.actualsToDate == before.net.actualsToDate)
            #expect(after.expenseSum.revisedBudget == before.expenseSum.revisedBudget)
            #expect(try await Self.auditCount(database, "postGrouping") == 1)

            try await database.transaction { db in try await SQLBudgetSetupStore(db, actor: "test@styr").saveGrouping(nil, chapter: 125) }
            #expect(try Self.operating(try await Self.report(database)).expenseRows.map(\.label) == before.expenseRows.map(\.label))
            #expect(try await Self.auditCount(database, "postGrouping") == 2)
        }
    }

    @Test("a grouping that splits an artsgruppe is refused and nothing is written", arguments: TestDatabase.backends)
    func refusedGrouping(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database async throws in
            _ = try await DemoLoader.loadIfEmpty(database)
            let split = try PostGrouping(posts: [
                BudgetPost(code: "A", name: "Lønn", arts: [0...49]), BudgetPost(code: "B", name: "Resten", arts: [50...599]),
                BudgetPost(code: "I", name: "Inntekter", arts: [600...999]),
            ])
            await #expect(throws: StorageError.invalid("Artsgruppe 000-099 er delt («A» og «B»); budsjettet vedtas per artsgruppe, så en post må dekke hele artsgrupper.")) {
                try await database.transaction { db in try await SQLBudgetSetupStore(db).saveGrouping(split, chapter: 125) }
            }
            #expect(try await database.withConnection { db in try await SQLBudgetSetupStore(db).groupings() }.byChapter.isEmpty)
            #expect(try await Self.auditCount(database, "postGrouping") == 0)
        }
    }

    @Test("profiles set the budget to date: December only gives nothing through August; one post can differ", arguments: TestDatabase.backends)
    func profiles(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database async throws in
            _ = try await DemoLoader.loadIfEmpty(database)
            let even = try Self.operating(try await Self.report(database))
            let wages = try #require(even.expenseRows.first { $0.post?.code == "000-099" })
            // Even: 8 of 12 months.
            #expect(wages.budgetToDate == BudgetProfile.even.budgetToDate(annual: wages.revisedBudget, throughMonth: 8))

            let december = try BudgetProfile(weights: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
            let firstHalf = try BudgetProfile(weights: [1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0])
            let wagesKey = PostKey(chapter: 125, kind: .operating, postCode: "000-099")
            let profiles = BudgetSetupText.Profiles(fallback: december, byPost: [wagesKey: firstHalf])
            try await database.transaction { db in try await SQLBudgetSetupStore(db, actor: "test@styr").saveProfiles(profiles, of: "UKE", year: 2020) }
            #expect(try await database.withConnection { db in try await SQLBudgetSetupStore(db).profiles(of: "UKE", year: 2020) } == profiles)
            #expect(try await database.withConnection { db in try await SQLBudgetSetupStore(db).profiles(of: "UKE", year: 2021) }.isEmpty)

            let profiled = try Self.operating(try await Self.report(database))
            #expect(profiled.expenseRows.first { $0.post?.code == "000-099" }?.budgetToDate == wages.revisedBudget)
            for row in profiled.expenseRows + profiled.revenueRows where row.post?.code != "000-099" {
                #expect(row.budgetToDate == .zero, "\(row.label)")
            }
            #expect(try await Self.auditCount(database, "budgetProfiles") == 1)

            try await database.transaction { db in try await SQLBudgetSetupStore(db).saveProfiles(.init(), of: "UKE", year: 2020) }
            #expect(try Self.operating(try await Self.report(database)).expenseRows.map(\.budgetToDate) == even.expenseRows.map(\.budgetToDate))
            #expect(try await Self.auditCount(database, "budgetProfiles") == 2)
        }
    }
}
