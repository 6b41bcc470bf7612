import Foundation
@testable import StyrCLI
import SQLKit
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport
import Testing

/// `styr bench generate-nation`: the national benchmark data set, small, on both databases; the
/// rows are counted with SQL and one agency's year dashboard is read through its use case.
@Suite("styr bench generate-nation")
struct NationCLITests {
    static func count(_ table: String, _ database: Database) async throws -> Int64 {
        try await database.withConnection { db in
            try await db.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int64.self) ?? -1
        }
    }

    @Test("two municipalities × three agencies × two years: the rows, a coherent dashboard, the steerer's reach", arguments: TestDatabase.backends)
    func generatesACoherentNation(backend: TestDatabase) async throws {
        try await backend.withFreshURL { url in
            try await CLITests.run(["bench", "generate-nation", "--municipalities", "2", "--agencies", "3", "--years", "2",
                                    "--first-year", "2020", "--seed", "7", "--database", url])
            // A second run into the same database is refused (codes would clash).
            #expect(await CLITests.exitCode(["bench", "generate-nation", "--municipalities", "1", "--database", url]) != 0)
            try await Database.withDatabase(try DatabaseURL(parsing: url)) { database in
                let expected: [String: Int64] = [
                    "organisations": 2 * (2 + 3), "users": 1 + 2, "role_assignments": 2 * 2, "chapters": 6, "indicators": 6 * 5,
                    "indicator_values": 6 * 5 * 2, "goal_areas": 6 * 3 * 2, "goals": 6 * 3 * 2 * 2, "budget_amounts": 6 * 2 * 8,
                    "budget_revisions": 6 * 2, "budget_revision_lines": 6 * 2 * 2, "allocation_letters": 6 * 2, "meetings": 6 * 2 * 2,
                    "steering_signals": 6 * 2 * 2, "information_notices": 6 * 2, "ledger_imports": 6 * 2,
                ]
                for (table, rows) in expected.sorted(by: { $0.key < $1.key }) {
                    #expect(try await Self.count(table, database) == rows, "\(table)")
                }
                // One department's family: its municipality above, its agencies below, nothing of the other municipality.
                let family = try await database.withConnection { db in
                    try await SQLGovernanceStore(db).organisationFamily(of: [NationGenerator.departmentCode(1)]).map(\.code)
                }
                #expect(family == ["K0001", "K0001-BY", "K0001-E01", "K0001-E02", "K0001-E03"])
                let agencyFamily = try await database.withConnection { db in
                    try await SQLGovernanceStore(db).organisationFamily(of: ["K0002-E02"])
                }
                #expect(agencyFamily.map(\.code) == ["K0002", "K0002-BY", "K0002-E02"])
                #expect(agencyFamily.map(\.parentCode) == [nil, "K0002", "K0002-BY"])
                let services = Services(storage: SQLStorage(database, bcryptCost: 4))
                let steerer = UserAccount(email: NationGenerator.steererEmail(1), name: "Etatsstyrer",
                                          assignments: [RoleAssignment(role: .departmentSteerer, organisationCode: NationGenerator.departmentCode(1))])
                let agency = NationGenerator.agencyCode(1, 2)
                let overview = try await services.yearOverview.overview(of: agency, year: 2021, by: steerer)
                #expect(overview.scope.organisation.kind == .agency)
                #expect(overview.scope.steeringDepartmentCode == NationGenerator.departmentCode(1))
                #expect(overview.indicators.count == 5)
                #expect(overview.indicators.allSatisfy { $0.values.map(\.year) == [2020, 2021] })
                #expect(overview.chapter?.number == 10_002)
                #expect(overview.operating?.hasBudget == true)
                let dialogue = try await services.signals.list(in: agency, by: steerer)
                #expect(dialogue.signals.count == 4)
                #expect(dialogue.meetings.count == 4)
                #expect(dialogue.letters.map(\.year) == [2020, 2021])
                // The steerer of the other municipality reads nothing here.
                let other = UserAccount(email: NationGenerator.steererEmail(2), name: "Etatsstyrer",
                                        assignments: [RoleAssignment(role: .departmentSteerer, organisationCode: NationGenerator.departmentCode(2))])
                await #expect(throws: ServiceError.self) { try await services.yearOverview.overview(of: agency, year: 2021, by: other) }
                // The generated users log in with the generated password.
                let users = try await services.accounts.users()
                #expect(users.contains { $0.email == NationGenerator.adminEmail })
            }
        }
    }

    @Test("the same seed gives the same figures")
    func deterministic() async throws {
        var sums: [Int64] = []
        for _ in 0..<2 {
            let sum = try await TestDatabase.sqlite.withFreshURL { url in
                try await CLITests.run(["bench", "generate-nation", "--municipalities", "1", "--agencies", "2", "--years", "2", "--seed", "5",
                                        "--database", url])
                let sum = try await Database.withDatabase(try DatabaseURL(parsing: url)) { database in
                    try await database.withConnection { db in
                        try await db.raw("SELECT SUM(result_milli) + (SELECT SUM(amount_ore) FROM budget_amounts) AS s FROM indicator_values")
                            .first()?.decode(column: "s", as: Int64.self) ?? 0
                    }
                }
                return sum
            }
            sums.append(sum)
        }
        #expect(sums[0] == sums[1])
    }
}
