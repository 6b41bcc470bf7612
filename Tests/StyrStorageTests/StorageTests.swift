import SQLKit
import StyrDemo
import StyrDomain
@testable import StyrStorage
import StyrTestSupport
import Testing

/// Every test here runs on SQLite and on PostgreSQL.
@Suite("Storage")
struct StorageTests {
    @Test("migrations are applied once and recorded", arguments: TestDatabase.backends)
    func migrations(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase(migrated: false) { database in
            let runner = MigrationRunner()
            let first = try await runner.migrate(database)
            #expect(first == StyrMigrations.all.map(\.name))
            #expect(try await runner.migrate(database).isEmpty)
            #expect(try await runner.appliedMigrations(database) == first)
            let arts = try await database.withConnection { db async throws in
                try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("kostra_arts").first()?
                    .decode(column: "n", as: Int64.self)
            }
            #expect(arts == Int64(try KostraCodeList.arts().count))
            #expect((arts ?? 0) > 100)
        }
    }

    @Test("the demo data set reads back exactly as it was written", arguments: TestDatabase.backends)
    func demoRoundTrip(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            #expect(try await DemoLoader.loadIfEmpty(database))
            #expect(try await !DemoLoader.loadIfEmpty(database), "a second load must change nothing")
            try await database.withConnection { db async throws in
                let store = SQLGovernanceStore(db)
                #expect(try await store.organisations() == DemoData.organisations)
                #expect(try await store.staffing(of: "UKE") == DemoData.staffing)
                #expect(try await store.missionStatements(of: "UKE") == [DemoData.ukeMissionStatement])
                #expect(try await store.goalAreas(of: "UKE", year: 2020) == DemoData.goalAreas)
                #expect(try await store.indicators(of: "UKE") == DemoData.indicators)
                #expect(Set(try await store.budgetAmounts(chapter: 125, years: 2019...2020)) == Set(DemoData.budgetAmounts))
                #expect(try await store.revisions(chapter: 125, year: 2020) == DemoData.budgetRevisions)
                await #expect(throws: StorageError.invalid("Kapittel 125 tilhører allerede «UKE».")) {
                    try await store.save(Chapter(number: 125, name: "Annen etat", organisationCode: "FIN"))
                }
                await #expect(throws: StorageError.self) {
                    try await store.save([BudgetAmount(chapter: 125, year: 2021, kind: .operating, group: ObjectGroup(first: 0, last: 599),
                                                       measure: .actuals, amount: .kroner(1))])
                }
                #expect(try await store.investmentProjects(chapter: 125, year: 2020) == DemoData.investmentProjects)
                #expect(try await store.narratives(of: "UKE", year: 2020) == DemoData.narratives)
            }
        }
    }

    @Test("a failing transaction leaves nothing behind", arguments: TestDatabase.backends)
    func transactionRollsBack(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            await #expect(throws: StorageError.self) {
                try await database.transaction { db in
                    let store = SQLGovernanceStore(db)
                    try await store.save(Organisation(code: "OSLO", name: "Oslo kommune", kind: .municipality, parentCode: nil))
                    // The parent does not exist: the whole unit of work must be undone.
                    try await store.save(Organisation(code: "X", name: "X", kind: .agency, parentCode: "NOPE"))
                }
            }
            let remaining = try await database.withConnection { db in try await SQLGovernanceStore(db).organisations() }
            #expect(remaining.isEmpty)
        }
    }

    @Test("the hierarchy is enforced with Norwegian messages", arguments: TestDatabase.backends)
    func hierarchy(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            try await database.withConnection { db async throws in
                let store = SQLGovernanceStore(db)
                try await store.save(Organisation(code: "OSLO", name: "Oslo kommune", kind: .municipality, parentCode: nil))
                try await store.save(Organisation(code: "UKE", name: "UKE", kind: .agency, parentCode: "OSLO"))
                do {
                    try await store.save(Organisation(code: "FIN", name: "Finans", kind: .department, parentCode: "UKE"))
                    Issue.record("a department under an agency must be refused")
                } catch let error as StorageError {
                    #expect(error.description.contains("kan ikke ligge under «UKE»"))
                }
                await #expect(throws: StorageError.self) {
                    try await store.save(Organisation(code: "LOOSE", name: "Løs", kind: .agency, parentCode: nil))
                }
                // Saving again by code updates instead of duplicating.
                try await store.save(Organisation(code: "UKE", name: "Utviklings- og kompetanseetaten", kind: .agency, parentCode: "OSLO"))
                #expect(try await store.organisations().map(\.name) == ["Oslo kommune", "Utviklings- og kompetanseetaten"])
            }
        }
    }

    @Test("mission statements are versioned, never overwritten", arguments: TestDatabase.backends)
    func missionVersions(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            try await database.withConnection { db async throws in
                let store = SQLGovernanceStore(db)
                for organisation in DemoData.organisations { try await store.save(organisation) }
                try await store.save(DemoData.ukeMissionStatement)
                var revised = DemoData.ukeMissionStatement
                await #expect(throws: StorageError.self) { try await store.save(revised) }
                revised.version = 2
                revised.fixedOn = CalendarDate(year: 2025, month: 1, day: 15)
                revised.authorities.removeLast()
                try await store.save(revised)
                let versions = try await store.missionStatements(of: "UKE")
                #expect(versions.map(\.version) == [1, 2])
                #expect(versions[0].authorities.count == DemoData.ukeMissionStatement.authorities.count)
                #expect(versions[1].authorities.count == DemoData.ukeMissionStatement.authorities.count - 1)
            }
        }
    }

    @Test("saving an amount again replaces it instead of adding to it", arguments: TestDatabase.backends)
    func amountsReplace(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            try await database.withConnection { db async throws in
                let store = SQLGovernanceStore(db)
                for organisation in DemoData.organisations { try await store.save(organisation) }
                try await store.save(DemoData.chapter)
                let group = ObjectGroup(first: 0, last: 99)
                let amount = BudgetAmount(chapter: 125, year: 2020, kind: .operating, group: group, measure: .actuals, amount: Money(ore: 1_05))
                try await store.save([amount])
                var corrected = amount
                corrected.amount = Money(ore: -2_50)
                try await store.save([corrected])
                #expect(try await store.budgetAmounts(chapter: 125, years: 2020...2020) == [corrected])
                await #expect(throws: StorageError.notFound("kapittel 999")) {
                    try await store.save([BudgetAmount(chapter: 999, year: 2020, kind: .operating, group: group, measure: .actuals, amount: .zero)])
                }
            }
        }
    }
}

@Suite("Concurrent use")
struct ConcurrencyTests {
    @Test("concurrent transactions neither interleave nor lose writes", arguments: TestDatabase.backends)
    func concurrentTransactions(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            try await database.transaction { db in
                let store = SQLGovernanceStore(db)
                for organisation in DemoData.organisations { try await store.save(organisation) }
            }
            await withThrowingTaskGroup(of: Void.self) { group in
                for day in 1...28 {
                    group.addTask {
                        try await database.transaction { db in
                            let store = SQLGovernanceStore(db)
                            try await store.add(
                                StaffingFigure(asOf: CalendarDate(year: 2022, month: 2, day: day), headcount: day, fullTimeEquivalents: Quantity(Int64(day))),
                                to: "UKE")
                            // Every other transaction fails after writing: its figure must vanish.
                            if day.isMultiple(of: 2) { throw StorageError.invalid("rollback \(day)") }
                        }
                    }
                }
                var failures = 0
                while let result = await group.nextResult() {
                    guard case .failure(let error) = result else { continue }
                    failures += 1
                    // Only the deliberate rollbacks may fail; anything else is named.
                    if case StorageError.invalid(let reason) = error, reason.hasPrefix("rollback") { continue }
                    Issue.record("unexpected failure: \(String(reflecting: error))")
                }
                #expect(failures == 14)
            }
            let figures = try await database.withConnection { db in try await SQLGovernanceStore(db).staffing(of: "UKE") }
            #expect(figures.map(\.headcount) == Array(stride(from: 1, through: 27, by: 2)))
        }
    }
}

@Suite("Database URLs")
struct DatabaseURLTests {
    @Test("SQLite and PostgreSQL URLs parse")
    func parse() throws {
        #expect(try DatabaseURL(parsing: "sqlite:///var/lib/styr/styr.sqlite") == .sqlite(path: "/var/lib/styr/styr.sqlite"))
        #expect(try DatabaseURL(parsing: "sqlite://styr.sqlite") == .sqlite(path: "styr.sqlite"))
        guard case .postgres(let location) = try DatabaseURL(parsing: "postgres://styr:hemmelig@db.example:6543/styr?sslmode=require") else {
            Issue.record("expected PostgreSQL")
            return
        }
        #expect(location.host == "db.example" && location.port == 6543 && location.username == "styr")
        #expect(location.password == "hemmelig" && location.database == "styr" && location.sslMode == .require)
        #expect(!(try DatabaseURL(parsing: "postgres://styr:hemmelig@db.example/styr")).description.contains("hemmelig"))
    }

    @Test("search_path and verify-full are read from a PostgreSQL URL")
    func options() throws {
        guard case .postgres(let location) = try DatabaseURL(parsing: "postgres://u@h/d?sslmode=verify-full&search_path=styr") else {
            Issue.record("expected PostgreSQL")
            return
        }
        #expect(location.sslMode == .verifyFull && location.searchPath == "styr")
    }

    @Test("bad URLs get a Norwegian reason", arguments: [
        "mysql://x/y", "postgres://db.example/styr", "postgres://u@db.example/", "sqlite://", "postgres://u@h/d?sslmode=maybe",
    ])
    func refuse(text: String) {
        #expect(throws: DatabaseURLError.self) { try DatabaseURL(parsing: text) }
    }
}

@Suite("KOSTRA code lists")
struct KostraCodeListTests {
    @Test("quoted fields with doubled quotes are read whole")
    func csvLine() {
        #expect(KostraCodeList.parseCSVLine(#"000,099,utgift,"Lønn (printed with typo ""000 – 999"")",Lønn"#)
                == ["000", "099", "utgift", #"Lønn (printed with typo "000 – 999")"#, "Lønn"])
        #expect(KostraCodeList.parseCSVLine("a,,c") == ["a", "", "c"])
    }

    @Test("the nine artsgrupper with Oslo's labels, the arts and the funksjoner are shipped")
    func lists() throws {
        let groups = try KostraCodeList.objectGroups()
        #expect(groups.map(\.group) == ObjectGroup.standard)
        #expect(groups[0].operatingLabel == "Lønn og sosiale utgifter")
        #expect(groups[6].investmentLabel == "Overføringsinntekter med krav til motytelse")
        let arts = try KostraCodeList.arts()
        #expect(arts.contains { $0.art == "010" && $0.validInOperating && $0.name == "Fastlønn" })
        #expect(try KostraCodeList.functions().contains { $0.function == "120" })
    }
}

@Suite("Audit log")
struct AuditLogTests {
    @Test("every write of the demo load is in the log, and the chain verifies", arguments: TestDatabase.backends)
    func demoIsAudited(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            _ = try await DemoLoader.loadIfEmpty(database)
            try await database.withConnection { db async throws in
                let log = SQLAuditLog(db)
                let entries = try await log.entries()
                // The dialogue: 3 letters, the assignment updates, 4 meetings, 2 signals and 4 notices.
                let dialogueRecords = 3 + DemoData.assignmentUpdates2020.count + 4 + 2 + 4
                    + 2 // the demo ledger: one import each for 2019 and 2020
                #expect(entries.count == DemoData.organisations.count + DemoData.staffing.count + 1 + DemoData.goalAreas.count
                        + DemoData.indicators.count + DemoData.indicators.map(\.values.count).reduce(0, +) + 1
                        + DemoData.budgetAmounts.count + DemoData.budgetRevisions.count + DemoData.investmentProjects.count
                        + DemoData.narratives.count + dialogueRecords + UKEAuthorities.authorities(of: "UKE").count
                        + UKERisks.auditedRecords + UKEInternalControl.auditedRecords + UKETertialReport.auditedRecords
                        + UKEServices.auditedRecords + UKESpecialReport.auditedRecords)
                // The tertial report's texts and steps are written by the demo's people through the services.
                #expect(entries.filter { !$0.entityType.hasPrefix("report") }.allSatisfy { $0.actor == "system:demo" && $0.action == .create })
                // The demo ledger adds up to the seed's actuals: 2020 net result 420 062 859 kr.
                let net = try await SQLLedgerStore(db).totals(of: "UKE", LedgerFilter(year: 2020, equals: [.kind: "operating"]), by: [])
                #expect(net.first?.amount == .kroner(420_062_859))
                #expect(try await log.verify() == .intact(entries: entries.count))
                let uke = try await log.entries(entityType: "organisation", entityKey: "UKE")
                #expect(uke.count == 1)
                #expect(uke[0].after?.contains(#""name":"Utviklings- og kompetanseetaten""#) == true)
            }
        }
    }

    @Test("an update records the values before and after; an unchanged save records nothing", arguments: TestDatabase.backends)
    func updates(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            try await database.transaction { db in
                let store = SQLGovernanceStore(db, actor: "ola@oslo.kommune.no")
                try await store.save(Organisation(code: "OSLO", name: "Oslo", kind: .municipality, parentCode: nil))
                try await store.save(Organisation(code: "OSLO", name: "Oslo kommune", kind: .municipality, parentCode: nil))
                try await store.save(Organisation(code: "OSLO", name: "Oslo kommune", kind: .municipality, parentCode: nil))
            }
            try await database.withConnection { db async throws in
                let entries = try await SQLAuditLog(db).entries()
                #expect(entries.map(\.action) == [.create, .update])
                #expect(entries[1].actor == "ola@oslo.kommune.no")
                #expect(entries[1].before?.contains(#""name":"Oslo""#) == true)
                #expect(entries[1].after?.contains(#""name":"Oslo kommune""#) == true)
                #expect(entries[1].previousHash == entries[0].hash)
            }
        }
    }

    @Test("a change made by hand in the database is found", arguments: TestDatabase.backends)
    func tampering(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            _ = try await DemoLoader.loadIfEmpty(database)
            try await database.withConnection { db async throws in
                try await db.raw("UPDATE audit_log SET after_json = '{\"amount\":{\"ore\":0}}' WHERE sequence = 40").run()
                #expect(try await SQLAuditLog(db).verify() == .broken(
                    sequence: 40, reason: "Oppføring 40 er endret etter at den ble skrevet: hashen stemmer ikke med innholdet."))
                try await db.raw("DELETE FROM audit_log WHERE sequence BETWEEN 10 AND 12").run()
                guard case .broken(let sequence, _) = try await SQLAuditLog(db).verify() else {
                    Issue.record("expected a broken chain")
                    return
                }
                #expect(sequence == 10)
            }
        }
    }

    @Test("a failed transaction leaves no audit entry behind", arguments: TestDatabase.backends)
    func rollback(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            await #expect(throws: StorageError.self) {
                try await database.transaction { db in
                    try await SQLGovernanceStore(db).save(Organisation(code: "OSLO", name: "Oslo", kind: .municipality, parentCode: nil))
                    throw StorageError.invalid("avbrutt")
                }
            }
            let entries = try await database.withConnection { db in try await SQLAuditLog(db).entries() }
            #expect(entries.isEmpty)
        }
    }
}
