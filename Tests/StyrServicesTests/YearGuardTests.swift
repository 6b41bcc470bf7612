import Foundation
import StyrDomain
import StyrServices
import StyrTestSupport
import Testing

/// `YearGuard`: a closed year refuses the writes that belong to it, naming the field `year`, and
/// nothing is changed; a year with no stored status is open.
@Suite("Year guard")
struct YearGuardTests {
    static let key = IndicatorServiceTests.key
    static let closed = ServiceError.invalid(.single("year", "Budsjettåret 2020 er avsluttet for UKE. En administrator kan gjenåpne det med en begrunnelse."))

    static func close(_ code: String, _ year: Int, _ services: Services) async throws {
        try await services.storage.write(as: "admin@styr.demo") { repositories in
            try await repositories.governance.save(BudgetYear(organisationCode: code, year: year, status: .closed, changedBy: "admin@styr.demo",
                                                              changedAt: Date(timeIntervalSince1970: 1_600_000_000)))
        }
    }

    @Test("a target for an indicator of a closed year is refused with the message, and nothing changed", arguments: TestDatabase.backends)
    func closedYearTarget(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let steerer = try #require(users[ServiceTestApp.finSteerer]), editor = try #require(users[ServiceTestApp.editor])
            let indicators = services.indicators
            #expect(try await services.storage.read { try await $0.governance.budgetYear(of: "UKE", year: 2020) }.status == .inProgress,
                    "a year with no stored status is in progress")
            try await Self.close("UKE", 2020, services)
            let before = try await indicators.list(in: "UKE", year: 2020, by: steerer).entries
            await #expect(throws: Self.closed) {
                try await indicators.define(IndicatorServiceTests.definition("Ny", target: "50"), .existing(key: Self.key), in: "UKE", year: 2020, by: steerer)
            }
            await #expect(throws: Self.closed) {
                try await indicators.define(IndicatorServiceTests.definition("Helt ny"), .new, in: "UKE", year: 2020, by: steerer)
            }
            await #expect(throws: Self.closed) {
                try await indicators.enterResult(IndicatorServiceTests.result("93"), for: Self.key, in: "UKE", year: 2020, by: editor)
            }
            await #expect(throws: Self.closed) {
                try await services.letters.reportStatus(in: "UKE", year: 2020, assignment: "x", date: CalendarDate(year: 2020, month: 5, day: 1),
                                                        status: .inProgress, comment: "", by: editor)
            }
            #expect(try await indicators.list(in: "UKE", year: 2020, by: steerer).entries == before, "nothing changed")
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "the access check comes first") {
                try await indicators.define(IndicatorServiceTests.definition("Ny"), .new, in: "UKE", year: 2020, by: users[ServiceTestApp.blkSteerer])
            }
            // Another year, and another organisation's 2020, stay open.
            let saved = try await indicators.define(IndicatorServiceTests.definition("Ny i 2021", target: "50"), .new, in: "UKE", year: 2021, by: steerer)
            #expect(saved.value(in: 2021)?.target != nil)
        }
    }

    @Test("closing a year is audited and read back as stored", arguments: TestDatabase.backends)
    func stored(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, _ in
            try await Self.close("UKE", 2020, services)
            let years = try await services.storage.read { try await $0.governance.budgetYears(of: "UKE") }
            #expect(years == [BudgetYear(organisationCode: "UKE", year: 2020, status: .closed, changedBy: "admin@styr.demo",
                                         changedAt: Date(timeIntervalSince1970: 1_600_000_000))])
            #expect(try await services.storage.read { try await $0.governance.budgetYears(of: "FINNES-IKKE") }.isEmpty)
            let audit = try await services.storage.read { try await $0.audit.entries(entityType: "budgetYear", entityKey: "UKE/2020", limit: nil) }
            #expect(audit.count == 1 && audit.first?.actor == "admin@styr.demo")
        }
    }
}
