import Foundation
import StyrDomain
import StyrServices
import StyrTestSupport
import Testing

/// `BudgetYearService`: the years of an organisation with their status, closing (administrator or
/// the steering department), reopening (administrator, with a reason, audited), and starting the
/// next year from the structure of this one, never its figures.
@Suite("Budget year service")
struct BudgetYearServiceTests {
    static let admin = "admin@styr.demo"

    @Test("the years with data and status; pages open on the latest year with data", arguments: TestDatabase.backends)
    func listing(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let years = services.budgetYears
            await #expect(throws: ServiceError.unauthenticated) { try await years.list(in: "UKE", by: nil) }
            let today = CalendarDate(year: 2026, month: 3, day: 1)
            let listing = try await years.list(in: "UKE", by: users[ServiceTestApp.auditor], today: today)
            let withData = Set(listing.years.filter(\.holdsData).map(\.year))
            #expect(withData.isSuperset(of: [2020, 2021]))
            #expect(listing.years.first { $0.year == 2026 }?.holdsData == false, "the current year is listed, empty")
            #expect(listing.years.allSatisfy { $0.status == .inProgress }, "no stored status: in progress")
            #expect(listing.years.map(\.year) == listing.years.map(\.year).sorted(by: >))
            #expect(!listing.canClose && !listing.canReopen, "the auditor reads only")
            let latest = try #require(withData.filter { $0 <= 2026 }.max())
            #expect(listing.defaultYear == latest)
            #expect(try await years.latestYearWithData(in: "UKE", by: users[ServiceTestApp.auditor], today: today) == latest)
            #expect(try await years.latestYearWithData(in: "UKE", by: users[ServiceTestApp.auditor], today: CalendarDate(year: 2020, month: 6, day: 1)) == 2020)
            let steerer = try await years.list(in: "UKE", by: users[ServiceTestApp.finSteerer], today: today)
            #expect(steerer.canClose && !steerer.canReopen)
        }
    }

    @Test("closing: administrator or steering department; reopening: administrator with a reason, audited", arguments: TestDatabase.backends)
    func closeAndReopen(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let years = services.budgetYears
            for email in [ServiceTestApp.auditor, ServiceTestApp.blkSteerer, ServiceTestApp.editor] {
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    try await years.close(in: "UKE", year: 2020, by: users[email])
                }
            }
            let closed = try await years.close(in: "UKE", year: 2020, by: users[ServiceTestApp.finSteerer])
            #expect(closed.status == .closed && closed.changedBy == ServiceTestApp.finSteerer)
            await #expect(throws: ServiceError.invalid(.single("status", "Budsjettåret 2020 er allerede avsluttet."))) {
                try await years.close(in: "UKE", year: 2020, by: users[Self.admin])
            }
            await #expect(throws: ServiceError.invalid(.single("status", "Budsjettåret 2020 er avsluttet; det kan bare gjenåpnes av en administrator med en begrunnelse."))) {
                try await years.setStatus(.planned, in: "UKE", year: 2020, by: users[Self.admin])
            }
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                try await years.reopen(in: "UKE", year: 2020, reason: "Feil i regnskapet", by: users[ServiceTestApp.finSteerer])
            }
            await #expect(throws: ServiceError.invalid(.single("reopenReason", "Skriv en begrunnelse for å gjenåpne budsjettåret 2020."))) {
                try await years.reopen(in: "UKE", year: 2020, reason: "  ", by: users[Self.admin])
            }
            #expect(try await years.list(in: "UKE", by: users[Self.admin]).years.first { $0.year == 2020 }?.status == .closed, "nothing changed")
            let reopened = try await years.reopen(in: "UKE", year: 2020, reason: " Feil i regnskapet ", by: users[Self.admin])
            #expect(reopened.status == .inProgress && reopened.reopenReason == "Feil i regnskapet" && reopened.changedBy == Self.admin)
            let audit = try await services.storage.read { try await $0.audit.entries(entityType: "budgetYear", entityKey: "UKE/2020", limit: nil) }
            #expect(audit.count == 2)
            #expect(audit.contains { $0.actor == Self.admin && $0.after?.contains("Feil i regnskapet") == true })
            await #expect(throws: ServiceError.invalid(.single("status", "Budsjettåret 2020 er ikke avsluttet, og trenger ikke gjenåpnes."))) {
                try await years.reopen(in: "UKE", year: 2020, reason: "Igjen", by: users[Self.admin])
            }
        }
    }

    @Test("starting the next year copies the structure, never the figures, and marks it planned", arguments: TestDatabase.backends)
    func startNextYear(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let years = services.budgetYears, steerer = try #require(users[ServiceTestApp.finSteerer])
            for email in [ServiceTestApp.auditor, ServiceTestApp.blkSteerer, ServiceTestApp.editor] {
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    try await years.startNextYear(from: 2021, in: "UKE", by: users[email])
                }
            }
            await #expect(throws: ServiceError.invalid(.single("year",
                "Budsjettåret 2021 er allerede startet for UKE: det har målområder, indikatorer eller tildelingsbrev. Fyll det ut der i stedet for å starte det på nytt."))) {
                try await years.startNextYear(from: 2020, in: "UKE", by: steerer)
            }
            let (goals2021, indicators2021, letters2021) = try await services.storage.read { repositories in
                let store = repositories.governance
                return (try await store.goalAreas(of: "UKE", year: 2021), try await store.indicators(of: "UKE").filter { $0.value(in: 2021) != nil },
                        try await store.letters(of: "UKE").filter { $0.year == 2021 })
            }
            let started = try await years.startNextYear(from: 2021, in: "UKE", by: steerer)
            #expect(started.year == 2022 && started.budgetYear.status == .planned && started.budgetYear.changedBy == steerer.email)
            #expect(started.goalAreas == goals2021.count && started.indicators == indicators2021.count)
            let (goals, indicators, letters, amounts) = try await services.storage.read { repositories in
                let store = repositories.governance
                var amounts: [BudgetAmount] = []
                for chapter in try await store.chapters(of: "UKE") { amounts += try await store.budgetAmounts(chapter: chapter.number, years: 2022...2022) }
                return (try await store.goalAreas(of: "UKE", year: 2022), try await store.indicators(of: "UKE"),
                        try await store.letters(of: "UKE").filter { $0.year == 2022 }, amounts)
            }
            #expect(goals.map(\.name) == goals2021.map(\.name) && goals.map(\.goals) == goals2021.map(\.goals))
            #expect(goals.allSatisfy { $0.narrative == nil }, "the annual report's texts are not copied")
            for entry in indicators2021 {
                let value = indicators.first { $0.indicator.key == entry.indicator.key }?.value(in: 2022)
                #expect(value == IndicatorValue(year: 2022), "\(entry.indicator.key): in 2022, without target or result")
            }
            #expect(amounts.isEmpty, "no figures")
            if !letters2021.isEmpty {
                let letter = try #require(letters.first)
                #expect(letters.count == 1 && letter.status == .draft && letter.number == 0 && letter.content.frames.isEmpty)
                #expect(letter.title.contains("2022") && started.letter == letter)
            }
            let listing = try await years.list(in: "UKE", by: steerer)
            #expect(listing.years.first { $0.year == 2022 }.map { $0.status == .planned && $0.holdsStructure } == true)
            await #expect(throws: ServiceError.invalid(.single("year",
                "Budsjettåret 2022 er allerede startet for UKE: det har målområder, indikatorer eller tildelingsbrev. Fyll det ut der i stedet for å starte det på nytt."))) {
                try await years.startNextYear(from: 2021, in: "UKE", by: users[Self.admin])
            }
            await #expect(throws: ServiceError.invalid(.single("year", "Budsjettåret 2030 har ingen målområder, indikatorer eller tildelingsbrev for UKE å starte 2031 fra."))) {
                try await years.startNextYear(from: 2030, in: "UKE", by: steerer)
            }
        }
    }
}
