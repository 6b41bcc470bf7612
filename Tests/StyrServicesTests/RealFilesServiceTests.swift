import Foundation
import StyrDomain
import StyrServices
import StyrTestSupport
import Testing

/// Issue 17's use cases: a year's KOSTRA lists (administrators only), uploaded tables checked by a
/// definition, and the annual report's own tables checked before submission.
@Suite struct RealFilesServiceTests {
    static let arts = [KostraCodeEntry(code: "010"), KostraCodeEntry(code: "075", validFrom: CalendarDate(year: 2010, month: 1, day: 1),
                                                                     validTo: CalendarDate(year: 2016, month: 1, day: 1))]

    @Test("only an administrator loads a year's code list; anyone logged in sees the years", arguments: TestDatabase.backends)
    func codeLists(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let lists = services.kostraCodeLists
            await #expect(throws: ServiceError.unauthenticated) { try await lists.importList(Self.arts, kind: .arts, year: 2013, by: nil) }
            for email in [ServiceTestApp.editor, ServiceTestApp.auditor, ServiceTestApp.finSteerer] {
                await #expect(throws: ServiceError.self, "\(email)") { try await lists.importList(Self.arts, kind: .arts, year: 2013, by: users[email]) }
            }
            let admin = try #require(users["admin@styr.demo"])
            await #expect(throws: ServiceError.self) { try await lists.importList([KostraCodeEntry(code: "1")], kind: .arts, year: 2017, by: admin) }
            let stored = try await lists.importList(Self.arts, kind: .arts, year: 2013, by: admin)
            #expect(stored.codes == [10, 75])
            #expect(try await lists.years(by: users[ServiceTestApp.auditor]) == [2013: [.arts]])
            // Loading the year again replaces its list.
            _ = try await lists.importList([KostraCodeEntry(code: "020")], kind: .arts, year: 2013, by: admin)
            #expect(try await lists.years(by: admin)[2013] == [.arts])
        }
    }

    @Test("uploaded tables: checked for anyone who may read; input that cannot be checked is refused", arguments: TestDatabase.backends)
    func uploadedTables(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let file = TableCheckRun.File(name: "1b.csv", data: Data("Enhet;Regnskap 2018\nOppvekst;300\nHelse;350\nSum fordelt til drift;640\n".utf8))
            await #expect(throws: ServiceError.unauthenticated) { try await services.tableChecks.check([file], definition: nil, in: "UKE", by: nil) }
            let report = try await services.tableChecks.check([file], definition: "regnskapsskjema-1b", in: "UKE", by: users[ServiceTestApp.auditor])
            #expect(report.findings.count == 1)
            do {
                _ = try await services.tableChecks.check([file], definition: "finnes-ikke", in: "UKE", by: users[ServiceTestApp.auditor])
                Issue.record("an unknown definition must be refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.first?.field == "files")
            }
        }
    }

    @Test("the annual report's own tables hold under Styr's definitions", arguments: TestDatabase.backends)
    func reportTables(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let report = try await services.tableChecks.checkAnnualReportTables(of: "UKE", year: 2020, by: users[ServiceTestApp.auditor])
            #expect(report.tables.map(\.definition) == ["styr-drift", "styr-investering"])
            #expect(report.checked > 0)
            #expect(report.isConsistent, "\(report.renderText())")
        }
    }
}
