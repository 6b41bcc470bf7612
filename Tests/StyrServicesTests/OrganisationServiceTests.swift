import StyrDomain
import StyrReports
import StyrServices
import StyrTestSupport
import Testing

/// `OrganisationService`, `BudgetService`, `AnnualReportService`: access first, then one read.
@Suite("Organisation, budget and report services")
struct OrganisationServiceTests {
    @Test("who may read an organisation, its mission statements and its start page", arguments: TestDatabase.backends)
    func access(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let blk = try #require(users[ServiceTestApp.blkSteerer]), fin = try #require(users[ServiceTestApp.finSteerer])
            await #expect(throws: ServiceError.unauthenticated) { try await services.organisations.startPage(for: nil) }
            await #expect(throws: ServiceError.unauthenticated) { try await services.organisations.readable(by: nil) }
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) { try await services.organisations.overview(of: "UKE", by: blk) }
            await #expect(throws: ServiceError.forbidden(organisationCode: "NOPE"), "unknown is answered as not yours") { try await services.organisations.organisation("NOPE", by: fin) }
            #expect(try await services.organisations.readable(by: blk).map(\.code) == ["BLK"])
            let overview = try await services.organisations.overview(of: "UKE", by: fin)
            #expect(overview.parent?.code == "FIN" && overview.yearsWithAccounts == [2020, 2019] && overview.mission?.version == 1)
            await #expect(throws: ServiceError.notFound("Utviklings- og kompetanseetaten har ingen versjon 7 av samfunnsoppdraget.")) {
                try await services.organisations.missionStatement(of: "UKE", version: 7, by: fin)
            }
            await #expect(throws: ServiceError.notFound("Utviklings- og kompetanseetaten har ingen versjon 0 av samfunnsoppdraget.")) {
                try await services.organisations.missionDiff(of: "UKE", from: 0, to: 1, by: fin)
            }
            let start = try await services.organisations.startPage(for: fin)
            #expect(start.openResults.contains { $0.indicator.key == "egne-ikt-driftsmiljoer" && !$0.canEnter })
            #expect(start.awaitingNotices.count == 2 && start.unconfirmedSignals.count == 1)
        }
    }

    @Test("the command line's user reads every organisation", arguments: TestDatabase.backends)
    func commandLine(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, _ in
            let user = try await services.organisations.commandLineUser()
            #expect(user.email == "system:cli" && user.assignments == [RoleAssignment(role: .admin, organisationCode: "OSLO")])
            #expect(try await services.organisations.readable(by: user).count == 4)
            #expect(try await services.history.verify(by: user) == .intact(entries: try await services.history.log(
                entityType: nil, entityKey: nil, limit: 100_000, by: user).count))
        }
    }

    @Test("the annual report and the budget: a year outside 1900–2200 is a bad request, a year without figures not found",
          arguments: TestDatabase.backends)
    func reports(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let auditor = try #require(users[ServiceTestApp.auditor])
            let found = try await services.annualReports.annualReport(of: "UKE", year: 2020, by: auditor)
            #expect(found.report.title == "Årsberetning 2020" && found.data.chapter.number == 125)
            #expect(found.imported.chapter == nil, "lines without a chapter count for UKE's only chapter")
            #expect(found.imported.totals[ImportedActuals.Key(year: 2020, kind: .operating, group: ObjectGroup(first: 0, last: 99))] != nil)
            await #expect(throws: ServiceError.badRequest("Året 1850 er utenfor 1900–2200.")) {
                try await services.annualReports.annualReport(of: "UKE", year: 1850, by: auditor)
            }
            await #expect(throws: ServiceError.notFound("Utviklings- og kompetanseetaten har verken budsjett, regnskap eller resultater for 2031.")) {
                try await services.budget.overview(of: "UKE", year: 2031, by: auditor)
            }
            await #expect(throws: ServiceError.notFound("Byrådsavdeling for finans har ikke noe budsjettkapittel ennå.")) {
                try await services.budget.revisions(of: "FIN", year: 2020, by: auditor)
            }
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                try await services.budget.accounts(of: "UKE", year: 2020, kind: .operating, by: users[ServiceTestApp.blkSteerer])
            }
            let table = try await services.budget.accounts(of: "UKE", year: 2020, kind: .operating, by: auditor)
            #expect(table.net.actuals == Money(ore: 42_006_285_900))
            #expect(try await services.budget.investmentProjects(of: "UKE", year: 2020, by: auditor).table.projects.count == 4)
        }
    }

    @Test("history: type and key are needed; an object's organisation decides who reads it; names for the people",
          arguments: TestDatabase.backends)
    func history(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let editor = try #require(users[ServiceTestApp.editor])
            await #expect(throws: ServiceError.unauthenticated) { try await services.history.history(ofType: "organisation", key: "UKE", by: nil) }
            await #expect(throws: ServiceError.badRequest("Oppgi både type og nøkkel.")) {
                try await services.history.history(ofType: "", key: "UKE", by: editor)
            }
            await #expect(throws: ServiceError.badRequest("Oppgi både type og nøkkel.")) {
                try await services.history.history(ofType: "organisation", key: String(repeating: "x", count: 501), by: editor)
            }
            await #expect(throws: ServiceError.notFound("Fant ikke «abc».")) {
                try await services.history.history(ofType: "budgetAmount", key: "abc", by: editor)
            }
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                try await services.history.history(ofType: "budgetAmount", key: "125/2020/operating/000-099/actuals", by: users[ServiceTestApp.blkSteerer])
            }
            let history = try await services.history.history(ofType: "organisation", key: "UKE", by: editor)
            #expect(history.entries.map(\.actor) == ["system:demo"])
            #expect(history.directory.person(ServiceTestApp.editor) == "Ulrik Redaktør (\(ServiceTestApp.editor))")
            await #expect(throws: ServiceError.forbidden(organisationCode: "OSLO")) { try await services.history.verify(by: editor) }
        }
    }
}
