import Foundation
import SQLKit

/// One step of the schema. Migrations are written once with SQLKit's builders, which emit the
/// right SQL for SQLite and for PostgreSQL, and are applied in order, each exactly once.
public protocol Migration: Sendable {
    /// Unique and ordered: `0001_organisations`.
    var name: String { get }
    func prepare(on db: any SQLDatabase) async throws
}

/// Applies pending migrations, each in its own transaction, and records them in `styr_migrations`.
public struct MigrationRunner: Sendable {
    public let migrations: [any Migration]

    public init(migrations: [any Migration] = StyrMigrations.all) {
        self.migrations = migrations
        precondition(Set(migrations.map(\.name)).count == migrations.count, "migration names must be unique")
        precondition(migrations.map(\.name) == migrations.map(\.name).sorted(), "migrations must be in name order")
    }

    /// Applies what is pending and returns the names applied now.
    @discardableResult
    public func migrate(_ database: Database) async throws -> [String] {
        try await database.transaction { db in
            try await Self.lockAgainstOtherInstances(db, database.dialect)
            try await db.create(table: "styr_migrations").ifNotExists()
                .column("name", type: .text, .primaryKey(autoIncrement: false))
                .column("applied_at", type: .text, .notNull)
                .run()
        }
        var applied: [String] = []
        for migration in migrations {
            let didApply = try await database.transaction { db in
                try await Self.lockAgainstOtherInstances(db, database.dialect)
                let done = try await db.select().column("name").from("styr_migrations")
                    .where("name", .equal, migration.name).first()
                guard done == nil else { return false }
                try await migration.prepare(on: db)
                try await db.insert(into: "styr_migrations").columns("name", "applied_at")
                    .values(SQLBind(migration.name), SQLBind(ISO8601DateFormatter().string(from: Date())))
                    .run()
                return true
            }
            if didApply { applied.append(migration.name) }
        }
        return applied
    }

    /// Several Styr instances may start at once against one PostgreSQL: each migration step
    /// holds a transaction-scoped advisory lock. SQLite's `BEGIN IMMEDIATE` already serialises.
    static func lockAgainstOtherInstances(_ db: any SQLDatabase, _ dialect: DatabaseDialect) async throws {
        if dialect == .postgres { try await db.raw("SELECT pg_advisory_xact_lock(7357001)").run() }
    }

    public func appliedMigrations(_ database: Database) async throws -> [String] {
        try await database.withConnection { db in
            try await db.select().column("name").from("styr_migrations").orderBy("name").all()
                .map { try $0.decode(column: "name", as: String.self) }
        }
    }
}

public enum StyrMigrations {
    public static let all: [any Migration] = [
        CreateOrganisations(),
        CreateMissionStatements(),
        CreateIndicators(),
        CreateBudget(),
        CreateKostraArts(),
        CreateNarratives(),
        CreateKostraFunctions(),
        CreateKostraObjectGroups(),
        CreateAuditLog(),
        CreateAccounts(),
        CreateDialogue(),
        CreateLedger(),
        CreateImportProfiles(),
        CreateForecasts(),
        CreateBudgetSetup(),
        AddLedgerImportScope(),
        AddLedgerImportTotals(),
        PlaceLedgerLinesByArt(),
        CreateForecastThresholds(),
        AddOrganisationClosing(),
        AddAccountAdministration(),
        CreateBudgetYears(),
        AddBudgetData(),
        CreateDelegatedAuthorities(),
        CreateMissionDrafts(),
        CreateDataVersion(),
        AddNationIndexes(),
        CreateReportWorkflows(),
        CreateIndicatorPeriodResults(),
        CreateRiskRegister(),
        CreateInternalControl(),
        CreateSpecialReports(),
        CreateKostraYearCodeLists(),
        CreateServices(),
        CreateOIDCSignIn(),
        CreateLoginThrottles(),
        AddAPITokenExpiry(),
        CreateRecordVersions(),
        CreateOIDCGroupMappings(),
    ]
}

extension SQLCreateTableBuilder {
    /// The surrogate key every table has: `BIGINT` identity on PostgreSQL, `INTEGER PRIMARY KEY` on SQLite.
    func idColumn() -> Self {
        column("id", type: .bigint, .primaryKey(autoIncrement: true))
    }

    func reference(_ column: String, to table: String, nullable: Bool = false, cascade: Bool = true) -> Self {
        self.column(
            column, type: .bigint, nullable ? .default(SQLLiteral.null) : .notNull,
            .references(table, "id", onDelete: cascade ? .cascade : .restrict)
        )
    }
}
