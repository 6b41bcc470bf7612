import StyrDemo
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport
import Testing

/// `AccountingReportService` and `BudgetSetupService` on the demo's UKE 2020: who reads, chooses,
/// submits and sets up what; refusals name the domain's fields and change nothing.
@Suite("Accounting report and budget set-up services")
struct AccountingReportServiceTests {
    static let leader = "leder@uke.styr.demo"
    static let wages = PostKey(chapter: 125, kind: .operating, postCode: "000-099")

    /// As `ServiceTestApp.run`, with the server's threshold for explanations.
    static func run(
        _ backend: TestDatabase, threshold: ForecastThreshold = .standard,
        _ test: @Sendable @escaping (Services, [String: UserAccount]) async throws -> Void
    ) async throws {
        try await backend.withFreshDatabase { database in
            _ = try await DemoLoader.loadIfEmpty(database)
            let credentials = try await DemoUsers.ensure(in: database, bcryptCost: 4)
            let users = Dictionary(uniqueKeysWithValues: credentials.map { ($0.user.email, $0.user) })
            try await test(Services(storage: SQLStorage(database, bcryptCost: 4), forecastThreshold: threshold), users)
        }
    }

    @Test("the report is read by anyone who may read; choices are the agency's, submission its leader's", arguments: TestDatabase.backends)
    func access(backend: TestDatabase) async throws {
        try await Self.run(backend) { services, users in
            let reports = services.accountingReport
            let (editor, auditor, leader) = (users[ServiceTestApp.editor], users[ServiceTestApp.auditor], users[Self.leader])
            let view = try await reports.report(in: "UKE", year: 2020, period: .tertial(2), by: auditor)
            #expect(view.report.title == "Regnskapsrapport med prognose – 2. tertial 2020")
            #expect(view.setup.ownThreshold == nil && view.setup.threshold == .standard)
            await #expect(throws: ServiceError.unauthenticated) { _ = try await reports.report(in: "UKE", year: 2020, period: .tertial(2), by: nil) }
            await #expect(throws: ServiceError.badRequest(BudgetYears.outOfRangeMessage(1850))) {
                _ = try await reports.report(in: "UKE", year: 1850, period: .tertial(2), by: auditor)
            }
            let choice = ForecastChoiceDraft(key: Self.wages, method: "sesong")
            for user in [auditor, users[ServiceTestApp.finSteerer]] {
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                    try await reports.saveChoices([choice], in: "UKE", year: 2020, period: .tertial(2), by: user)
                }
            }
            try await reports.saveChoices([choice], in: "UKE", year: 2020, period: .tertial(2), by: editor)
            let wages = try await reports.report(in: "UKE", year: 2020, period: .tertial(2), by: auditor).report.sections
                .flatMap(\.rows).first { $0.post?.code == "000-099" }
            #expect(wages?.outcome?.requested == .seasonal)
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                _ = try await reports.submit(in: "UKE", year: 2020, period: .tertial(2), by: editor)
            }
            // The demo's deviations need explanations: the leader is refused until they are given.
            do {
                _ = try await reports.submit(in: "UKE", year: 2020, period: .tertial(2), by: leader)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors["explanations"]?.hasPrefix("Rapporten kan ikke sendes før avvikene er forklart: kap. 125") == true)
            }
            #expect(try await reports.report(in: "UKE", year: 2020, period: .tertial(2), by: leader).submissions.isEmpty)
        }
        // Under a threshold nothing reaches, the leader submits.
        try await Self.run(backend, threshold: ForecastThreshold(amount: ForecastThreshold.largestAmount, percentBasisPoints: 10_000)) { services, users in
            let submission = try await services.accountingReport.submit(in: "UKE", year: 2020, period: .month(4), by: users[Self.leader])
            #expect(submission.period == .month(4) && submission.submittedBy == Self.leader)
            #expect(try await services.accountingReport.report(in: "UKE", year: 2020, period: .month(4), by: users[Self.leader]).submissions.count == 1)
        }
    }

    @Test("forecast choices are refused per post, naming it, and none is saved", arguments: TestDatabase.backends)
    func refusedChoices(backend: TestDatabase) async throws {
        try await Self.run(backend) { services, users in
            let editor = users[ServiceTestApp.editor]
            let purchases = PostKey(chapter: 125, kind: .operating, postCode: "100-299")
            let drafts = [
                ForecastChoiceDraft(key: Self.wages, method: "manuell", manualValue: "mye", manualComment: "Anslag"),
                ForecastChoiceDraft(key: purchases, method: "manuell", manualValue: "1 000", manualComment: " "),
                ForecastChoiceDraft(key: PostKey(chapter: 999, kind: .operating, postCode: "x"), method: "lineaer"),
                ForecastChoiceDraft(key: PostKey(chapter: 125, kind: .investment, postCode: "000-099"), method: "sesong", explanation: "Ny avtale"),
            ]
            do {
                try await services.accountingReport.saveChoices(drafts, in: "UKE", year: 2020, period: .tertial(2), by: editor)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["125/operating/000-099", "125/operating/100-299", "999/operating/x"])
                #expect(errors["125/operating/000-099"]?.hasSuffix("«mye» er ikke et beløp i kroner.") == true)
                #expect(errors["125/operating/000-099"]?.hasPrefix("Kap. 125") == true)
                #expect(errors["125/operating/100-299"]?.contains(ForecastError.manualCommentMissing.description) == true)
            }
            let rows = try await services.accountingReport.report(in: "UKE", year: 2020, period: .tertial(2), by: editor).report.sections.flatMap(\.rows)
            #expect(rows.allSatisfy { $0.outcome == nil || $0.outcome?.requested == .runRate }, "nothing saved")
            try await services.accountingReport.saveChoices(
                [ForecastChoiceDraft(key: Self.wages, method: "manuell", manualValue: "500 000,50", manualComment: "Anslag", explanation: " Lønnsoppgjøret ")],
                in: "UKE", year: 2020, period: .tertial(2), by: editor)
            let wages = try await services.accountingReport.report(in: "UKE", year: 2020, period: .tertial(2), by: editor).report.sections
                .flatMap(\.rows).first { $0.post?.code == "000-099" }
            #expect(wages?.forecast == Money(ore: 50_000_050))
            #expect(wages?.explanation == "Lønnsoppgjøret")
        }
    }

    @Test("who sets up what: the department the grouping and the threshold, the agency the profiles", arguments: TestDatabase.backends)
    func setUp(backend: TestDatabase) async throws {
        try await Self.run(backend) { services, users in
            let setup = services.budgetSetup
            let (steerer, editor) = (users[ServiceTestApp.finSteerer], users[ServiceTestApp.editor])
            let merged = try #require(try BudgetSetupText.grouping("000-099; Lønn; 000-099\n100-399; Kjøp; 100-299, 300-399\n400-599; Rest; 400-599\n600-999; Inntekter; 600-999").get())
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) { _ = try await setup.saveGrouping(merged, chapter: 125, in: "UKE", by: editor) }
            await #expect(throws: ServiceError.notFound("Kapittel 999 hører ikke til «UKE».")) {
                _ = try await setup.saveGrouping(merged, chapter: 999, in: "UKE", by: steerer)
            }
            let split = try PostGrouping(posts: [
                BudgetPost(code: "A", name: "Lønn", arts: [0...49]), BudgetPost(code: "B", name: "Resten", arts: [50...599]),
                BudgetPost(code: "I", name: "Inntekter", arts: [600...999]),
            ])
            do {
                _ = try await setup.saveGrouping(split, chapter: 125, in: "UKE", by: steerer)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors["posts"]?.hasPrefix("Artsgruppe 000-099 er delt") == true)
            }
            do {
                try await setup.saveGroupings([125: split], in: "UKE", by: steerer)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors["chapter125"]?.hasPrefix("Kapittel 125: Artsgruppe 000-099 er delt") == true)
            }
            let saved = try await setup.saveGrouping(posts: [.init(code: "L", name: "Lønn", arts: ["000-099"]), .init(code: "R", name: "Resten", arts: ["100-599"]),
                                                             .init(code: "I", name: "Inntekter", arts: ["600-999"])],
                                                     chapter: 125, in: "UKE", by: steerer)
            #expect(saved.grouping?.posts.map(\.code) == ["L", "R", "I"])
            #expect(try await setup.saveGrouping(.standard, chapter: 125, in: "UKE", by: steerer).grouping == nil, "the artsgrupper are the standard")

            // Profiles: the agency's, checked against the chapters' posts.
            let draft = BudgetSetupService.ProfilesDraft(everyPost: Array(repeating: 1, count: 12), posts: [
                .init(chapter: 125, kind: .operating, postCode: "000-099", weights: [1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]),
            ])
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) { _ = try await setup.saveProfiles(draft, in: "UKE", year: 2020, by: steerer) }
            let bad = BudgetSetupService.ProfilesDraft(everyPost: [1, 2, 3], posts: [
                .init(chapter: 125, kind: .operating, postCode: "nope", weights: Array(repeating: 1, count: 12)),
                .init(chapter: 7, kind: .operating, postCode: "000-099", weights: Array(repeating: 1, count: 12)),
            ])
            do {
                _ = try await setup.saveProfiles(bad, in: "UKE", year: 2020, by: editor)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["everyPost", "posts[0]", "posts[1]"])
                #expect(errors["posts[0]"]?.hasPrefix("kapittel 125 har ingen post «nope»") == true)
            }
            let stored = try await setup.saveProfiles(draft, in: "UKE", year: 2020, by: editor)
            #expect(stored.byPost[Self.wages]?.weights.prefix(6) == [1, 1, 1, 1, 1, 1])
            #expect(try await setup.setup(in: "UKE", year: 2020, by: editor).setup.profiles == stored)

            // The threshold: the department's, per year; out of range refused per field.
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                _ = try await setup.saveThreshold(.standard, in: "UKE", year: 2020, by: editor)
            }
            do {
                _ = try await setup.saveThreshold(ForecastThreshold(amount: .kroner(-1), percentBasisPoints: 10_001), in: "UKE", year: 2020, by: steerer)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["amount", "percent"])
            }
            do {
                _ = try await setup.saveThreshold(amount: "562.864", percent: "101", rule: "kanskje", in: "UKE", year: 2020, by: steerer)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["amount", "percent", "rule"])
            }
            let typed = try await setup.saveThreshold(amount: "250 000,50", percent: "2,5", rule: "eller", in: "UKE", year: 2020, by: steerer)
            #expect(typed.ownThreshold == ForecastThreshold(amount: Money(ore: 25_000_050), percentBasisPoints: 250, rule: .amountOrPercent))
            #expect(try await setup.setup(in: "UKE", year: 2021, by: editor).setup.ownThreshold == nil)
            #expect(try await setup.saveThreshold(nil, in: "UKE", year: 2020, by: steerer).ownThreshold == nil)
        }
    }
}
