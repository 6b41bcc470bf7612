import StyrDomain
import StyrServices
import StyrTestSupport
import Testing

/// `IndicatorService` and `YearOverviewService`: access first, then the rule, then one
/// transaction that saves (and audits).
@Suite("Indicator service")
struct IndicatorServiceTests {
    static let key = "ehf-leverandorfakturaer"

    static func result(_ result: String, reason: String? = nil, comment: String? = nil) -> IndicatorResultDraft {
        IndicatorResultDraft(result: result, notMeasuredReason: reason, deviationComment: comment)
    }

    static func definition(_ name: String, target: String = "95", yellow: String = "2", red: String = "5") -> IndicatorDraft {
        IndicatorDraft(name: name, unit: .share, polarity: .higherIsBetter, deviationRule: .percentagePoints, decimals: "1",
                       toleranceYellow: yellow, toleranceRed: red, target: target, targetHigh: "", goalArea: "", notes: ["Ny i år."])
    }

    @Test("who may enter results and define indicators, and where", arguments: TestDatabase.backends)
    func access(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let indicators = services.indicators
            await #expect(throws: ServiceError.unauthenticated) { try await indicators.list(in: "UKE", year: 2020, by: nil) }
            for email in [ServiceTestApp.finSteerer, ServiceTestApp.auditor, ServiceTestApp.blkSteerer] {
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    try await indicators.enterResult(Self.result("93"), for: Self.key, in: "UKE", year: 2020, by: users[email])
                }
            }
            for email in [ServiceTestApp.editor, ServiceTestApp.auditor, ServiceTestApp.blkSteerer] {
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    try await indicators.define(Self.definition("Ny"), .new, in: "UKE", year: 2020, by: users[email])
                }
            }
            // An unknown code is answered as a code that is not the user's (no probing).
            await #expect(throws: ServiceError.forbidden(organisationCode: "XYZ")) {
                try await indicators.list(in: "XYZ", year: 2020, by: users[ServiceTestApp.editor])
            }
            await #expect(throws: ServiceError.badRequest(BudgetYears.outOfRangeMessage(1850))) {
                try await indicators.list(in: "UKE", year: 1850, by: users[ServiceTestApp.editor])
            }
            let listing = try await indicators.list(in: "UKE", year: 2020, by: users[ServiceTestApp.auditor])
            #expect(listing.withTarget.count == 10 && listing.scope.code == "UKE")
        }
    }

    @Test("a result is refused for the draft's fields until explained, and stored once it is", arguments: TestDatabase.backends)
    func results(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let indicators = services.indicators, editor = try #require(users[ServiceTestApp.editor])
            let before = try await indicators.list(in: "UKE", year: 2020, by: editor).entries
            do {
                _ = try await indicators.enterResult(Self.result("80,5"), for: Self.key, in: "UKE", year: 2020, by: editor)
                Issue.record("an unexplained unfavourable deviation is refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["deviationComment"])
                #expect(errors["deviationComment"]?.hasPrefix("Avviket (-12,5) er ugunstig") == true)
            }
            do {
                _ = try await indicators.enterResult(Self.result(" "), for: Self.key, in: "UKE", year: 2020, by: editor)
                Issue.record("a missing result needs a reason")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["notMeasuredReason"])
            }
            #expect(try await indicators.list(in: "UKE", year: 2020, by: editor).entries == before, "nothing stored")
            await #expect(throws: ServiceError.notFound("«finnes-ikke» har ikke noe måltall for 2020 hos «UKE».")) {
                try await indicators.enterResult(Self.result("1"), for: "finnes-ikke", in: "UKE", year: 2020, by: editor)
            }
            await #expect(throws: ServiceError.notFound("«\(Self.key)» har ikke noe måltall for 2019 hos «UKE».")) {
                try await indicators.prepareResult(for: Self.key, in: "UKE", year: 2019, by: editor)
            }
            let saved = try await indicators.enterResult(Self.result("80,5", comment: " Ny portal. "), for: Self.key, in: "UKE", year: 2020, by: editor)
            #expect(saved.value(in: 2020)?.result == Quantity(parsing: "80,5") && saved.value(in: 2020)?.deviationComment == "Ny portal.")
            #expect(saved.value(in: 2020)?.target == .value(Quantity(93)), "the target is kept")
            #expect(saved.values.count == before.first { $0.indicator.key == Self.key }?.values.count, "other years are kept")
            let stored = try await indicators.list(in: "UKE", year: 2020, by: editor).entries.first { $0.indicator.key == Self.key }
            #expect(stored == saved)
        }
    }

    @Test("definitions: new from the name, existing by key, put by a chosen key; names are not shared", arguments: TestDatabase.backends)
    func definitions(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let indicators = services.indicators, steerer = try #require(users[ServiceTestApp.finSteerer])
            let created = try await indicators.define(Self.definition("Andel saker besvart"), .new, in: "UKE", year: 2021, by: steerer)
            #expect(created.indicator.key == "andel-saker-besvart" && created.indicator.introducedIn == 2021)
            #expect(created.value(in: 2021)?.target == .value(Quantity(95)))
            let taken = ServiceError.invalid(.single("name", IndicatorDraft.nameTakenMessage))
            await #expect(throws: taken) { try await indicators.define(Self.definition("Andel saker besvart"), .new, in: "UKE", year: 2021, by: steerer) }
            await #expect(throws: taken) {
                try await indicators.define(Self.definition("Andel saker besvart"), .put(key: "en-annen"), in: "UKE", year: 2021, by: steerer)
            }
            await #expect(throws: ServiceError.invalid(.single("key", IndicatorDraft.keyFormatMessage))) {
                try await indicators.define(Self.definition("Store"), .put(key: "Store-Bokstaver"), in: "UKE", year: 2021, by: steerer)
            }
            await #expect(throws: ServiceError.notFound("«finnes-ikke» finnes ikke hos «UKE».")) {
                try await indicators.define(Self.definition("X"), .existing(key: "finnes-ikke"), in: "UKE", year: 2021, by: steerer)
            }
            do {
                _ = try await indicators.define(Self.definition("Y", target: "120", red: "1"), .existing(key: Self.key), in: "UKE", year: 2021, by: steerer)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["target", "toleranceRed"])
            }
            // A new year's target for an existing indicator keeps the year it came and its results.
            let entriesBefore = try await indicators.list(in: "UKE", year: 2021, by: steerer).entries
            let before = try #require(entriesBefore.first { $0.indicator.key == Self.key })
            let redefined = try await indicators.define(
                Self.definition(before.indicator.name, target: "96"), .put(key: Self.key), in: "UKE", year: 2021, by: steerer)
            #expect(redefined.indicator.introducedIn == before.indicator.introducedIn)
            #expect(redefined.value(in: 2020) == before.value(in: 2020) && redefined.value(in: 2021)?.target == .value(Quantity(96)))
            let listing = try await indicators.list(in: "UKE", year: 2021, by: steerer)
            #expect(listing.entries.map(\.indicator.key) == entriesBefore.map(\.indicator.key), "each keeps its place; the new one came last")
            #expect(listing.entries.last?.indicator.key == "andel-saker-besvart")
            #expect(listing.withTarget.map(\.indicator.key) == [Self.key, "andel-saker-besvart"])
            let form = try await indicators.prepareDefinition(.existing(key: Self.key), in: "UKE", year: 2021, by: steerer)
            #expect(form.existing?.indicator.key == Self.key)
        }
    }

    @Test("the year overview: a year with a budget, one with accounts but no budget, one with neither", arguments: TestDatabase.backends)
    func yearOverview(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let editor = try #require(users[ServiceTestApp.editor])
            let year2020 = try await services.yearOverview.overview(of: "UKE", year: 2020, by: editor)
            let table2020 = try #require(year2020.operating)
            #expect(table2020.hasBudget && table2020.net.budgetDeviation == .kroner(7_858_141))
            #expect(year2020.chapter?.number == 125 && !year2020.indicators.isEmpty)
            let year2019 = try await services.yearOverview.overview(of: "UKE", year: 2019, by: editor)
            let table2019 = try #require(year2019.operating)
            #expect(!table2019.hasBudget && table2019.net.budgetDeviation == nil)
            #expect(table2019.net.actuals == .kroner(334_232_140))
            #expect(try await services.yearOverview.overview(of: "UKE", year: 2021, by: editor).operating == nil)
            await #expect(throws: ServiceError.badRequest(BudgetYears.outOfRangeMessage(1850))) {
                try await services.yearOverview.overview(of: "UKE", year: 1850, by: editor)
            }
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                try await services.yearOverview.overview(of: "UKE", year: 2020, by: users[ServiceTestApp.blkSteerer])
            }
        }
    }
}
