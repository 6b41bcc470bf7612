import StyrDomain
import StyrServices
import StyrTestSupport
import Testing

/// Chapters, Dok. 3, revisions, investment projects and staffing written through the services
/// (`ChapterService`, `OriginalBudgetService`, `RevisionService`, `InvestmentProjectService`,
/// `StaffingService`) on both databases, and what the budget tables then show.
@Suite("Budget data services")
struct BudgetDataServiceTests {
    static let admin = "admin@styr.demo"
    static let salaries = ObjectGroup(first: 0, last: 99), sales = ObjectGroup(first: 600, last: 699)

    /// A new agency NYE under FIN, without chapters or figures.
    static func newAgency(_ services: Services) async throws {
        try await services.storage.write(as: admin) { repositories in
            try await repositories.governance.save(Organisation(code: "NYE", name: "Ny etat", kind: .agency, parentCode: "FIN"))
        }
    }

    static func revision(_ reference: String, day: String, _ lines: [(ObjectGroup, String)]) -> RevisionDraft {
        RevisionDraft(chapter: 901, kind: .operating, reference: reference, decidedOn: CalendarDate(day), reason: "Omprioritering.",
                      lines: lines.map { RevisionLineDraft(group: $0.0, amount: .typed($0.1)) })
    }

    @Test("chapter, Dok. 3 and two revisions flow into the budget tables and the annual report", arguments: TestDatabase.backends)
    func flow(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            try await Self.newAgency(services)
            let fin = try #require(users[ServiceTestApp.finSteerer])
            let chapter = try await services.chapters.create(ChapterDraft(number: 901, name: "Ny etat", kind: .both), in: "NYE", by: fin)
            #expect(chapter.organisationCode == "NYE" && chapter.kind == .both)
            try await services.originalBudget.save([
                OriginalBudgetCell(chapter: 901, kind: .operating, group: Self.salaries, amount: .typed("1 000 000")),
                OriginalBudgetCell(chapter: 901, kind: .operating, group: Self.sales, amount: .typed("-200 000")),
            ], in: "NYE", year: 2020, by: fin)
            _ = try await services.revisions.create(Self.revision("byrådssak 208/20", day: "2020-05-04", [(Self.salaries, "50 000")]), in: "NYE", year: 2020, by: fin)
            let second = try await services.revisions.create(
                Self.revision("byrådssak 301/20", day: "15.09.2020", [(Self.salaries, "25 000"), (Self.sales, "-10 000")]), in: "NYE", year: 2020, by: fin)
            #expect(second.revision.lines.count == 2)

            let table = try await services.budget.accounts(of: "NYE", year: 2020, kind: .operating, by: fin)
            #expect(table.row(for: Self.salaries)?.originalBudget == .kroner(1_000_000))
            #expect(table.row(for: Self.salaries)?.revisedBudget == .kroner(1_075_000))
            #expect(table.row(for: Self.sales)?.revisedBudget == .kroner(-210_000))
            #expect(table.net.revisedBudget == .kroner(865_000))
            let overview = try await services.budget.overview(of: "NYE", year: 2020, by: fin)
            #expect(overview.data.revisions.map(\.reference) == ["byrådssak 208/20", "byrådssak 301/20"])
            let report = try await services.annualReports.annualReport(of: "NYE", year: 2020, by: fin)
            #expect(report.data.revisions.count == 2)

            // Edit and delete a revision: the tables follow.
            var draft = RevisionDraft(second.revision)
            draft.lines = [RevisionLineDraft(group: Self.salaries, amount: .typed("100 000"))]
            _ = try await services.revisions.update(second.id, with: draft, in: "NYE", year: 2020, by: fin)
            #expect(try await services.budget.accounts(of: "NYE", year: 2020, kind: .operating, by: fin).net.revisedBudget == .kroner(950_000))
            try await services.revisions.delete(second.id, in: "NYE", year: 2020, by: fin)
            #expect(try await services.revisions.list(of: "NYE", year: 2020, by: fin).revisions.count == 1)

            // The auditor reads.
            let auditor = try #require(users[ServiceTestApp.auditor])
            #expect(try await services.originalBudget.grid(of: "NYE", year: 2020, by: auditor).amounts.count == 2)
            #expect(try await services.chapters.list(of: "NYE", by: auditor).canEdit == false)
        }
    }

    @Test("a steerer of another department and an auditor change nothing; the agency reports staffing and progress only", arguments: TestDatabase.backends)
    func access(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let draft = ChapterDraft(number: 902, name: "Annet", kind: .operating)
            let cell = OriginalBudgetCell(chapter: 125, kind: .operating, group: Self.salaries, amount: .typed("1"))
            let staffing = StaffingDraft(asOf: CalendarDate("2020-12-31"), headcount: "10", fullTimeEquivalents: "9,5")
            let project = InvestmentProjectDraft(chapter: 125, number: "P1", name: "Nytt", groups: ObjectGroup(first: 0, last: 599),
                                                 originalBudget: .typed("100"), revisedBudget: .typed("100"))
            await #expect(throws: ServiceError.unauthenticated) { try await services.chapters.create(draft, in: "UKE", by: nil) }
            for email in [ServiceTestApp.blkSteerer, ServiceTestApp.auditor] {
                let user = users[email]
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") { try await services.chapters.create(draft, in: "UKE", by: user) }
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    try await services.chapters.edit(125, name: "X", kind: nil, in: "UKE", by: user)
                }
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    try await services.originalBudget.save([cell], in: "UKE", year: 2020, by: user)
                }
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    try await services.revisions.create(Self.revision("x", day: "2020-01-02", []), in: "UKE", year: 2020, by: user)
                }
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    try await services.investmentProjects.create(project, in: "UKE", year: 2020, by: user)
                }
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    try await services.staffing.save(staffing, in: "UKE", by: user)
                }
            }
            // The auditor reads; a steerer of another department does not even read.
            #expect(try await services.staffing.list(of: "UKE", by: users[ServiceTestApp.auditor]).canEdit == false)
            // The agency's editor: staffing and project progress, not chapters or decisions.
            let editor = try #require(users[ServiceTestApp.editor])
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) { try await services.chapters.create(draft, in: "UKE", by: editor) }
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                try await services.investmentProjects.create(project, in: "UKE", year: 2020, by: editor)
            }
            let figure = try await services.staffing.save(staffing, in: "UKE", by: editor)
            #expect(figure.fullTimeEquivalents == Quantity(milli: 9_500))
            let fin = try #require(users[ServiceTestApp.finSteerer])
            let created = try await services.investmentProjects.create(project, in: "UKE", year: 2020, by: fin)
            var progress = InvestmentProjectDraft(created)
            progress.expectedCompletion = "4. kv 2021"
            progress.revisedBudget = .typed("150")
            #expect(try await services.investmentProjects.update("P1", with: progress, in: "UKE", year: 2020, by: editor).revisedBudget == .kroner(150))
            progress.name = "Omdøpt"
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                try await services.investmentProjects.update("P1", with: progress, in: "UKE", year: 2020, by: editor)
            }
            #expect(try await services.investmentProjects.update("P1", with: progress, in: "UKE", year: 2020, by: fin).name == "Omdøpt")
        }
    }

    @Test("refusals name the field and save nothing", arguments: TestDatabase.backends)
    func refusals(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            try await Self.newAgency(services)
            let fin = try #require(users[ServiceTestApp.finSteerer])
            // A chapter number in use by another agency.
            do {
                _ = try await services.chapters.create(ChapterDraft(number: 125, name: "Kopi", kind: .operating), in: "NYE", by: fin)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["number"])
                #expect(errors["number"]?.contains("125") == true)
            }
            _ = try await services.chapters.create(ChapterDraft(number: 901, name: "Ny etat", kind: .operating), in: "NYE", by: fin)
            // A cell that is not an amount: the whole grid is refused, by cell.
            do {
                try await services.originalBudget.save([
                    OriginalBudgetCell(chapter: 901, kind: .operating, group: Self.salaries, amount: .typed("1 000")),
                    OriginalBudgetCell(chapter: 901, kind: .operating, group: Self.sales, amount: .typed("12.345")),
                    OriginalBudgetCell(chapter: 901, kind: .investment, group: Self.salaries, amount: .typed("5")),
                ], in: "NYE", year: 2020, by: fin)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["amounts[1].amount", "amounts[2].kind"])
                #expect(errors["amounts[1].amount"]?.contains("600-699 Salgsinntekter") == true)
            }
            #expect(try await services.originalBudget.grid(of: "NYE", year: 2020, by: fin).amounts.isEmpty)
            // Overflow: a line that would take a revised total past Int64 is refused, nothing saved.
            _ = try await services.revisions.create(RevisionDraft(
                chapter: 901, kind: .operating, reference: "byrådssak 1/20", decidedOn: CalendarDate("2020-02-01"), reason: "Stor",
                lines: [RevisionLineDraft(group: Self.salaries, amount: .exact(Money(ore: 900_000_000_000_000)))]), in: "NYE", year: 2020, by: fin)
            for amount in [Money(ore: .max), Money(ore: 200_000_000_000_000)] {
                do {
                    _ = try await services.revisions.create(RevisionDraft(
                        chapter: 901, kind: .operating, reference: "byrådssak 2/20", decidedOn: CalendarDate("2020-03-01"), reason: "For stor",
                        lines: [RevisionLineDraft(group: Self.sales, amount: .typed("1")), RevisionLineDraft(group: Self.salaries, amount: .exact(amount))]),
                        in: "NYE", year: 2020, by: fin)
                    Issue.record("refused")
                } catch ServiceError.invalid(let errors) {
                    #expect(errors.entries.map(\.field) == ["lines[1].amount"])
                    #expect(errors["lines[1].amount"]?.contains("000-099") == true)
                }
            }
            #expect(try await services.revisions.list(of: "NYE", year: 2020, by: fin).revisions.count == 1)
            // A revision dated outside its year, without reference.
            do {
                _ = try await services.revisions.create(Self.revision(" ", day: "2021-01-01", [(Self.salaries, "1")]), in: "NYE", year: 2020, by: fin)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["reference", "decidedOn"])
            }
            // The kind cannot change away from amounts it holds.
            await #expect(throws: ServiceError.self) {
                try await services.chapters.edit(901, name: "Ny etat", kind: .investment, in: "NYE", by: fin)
            }
            #expect(try await services.chapters.edit(901, name: "Ny etat drift", kind: .both, in: "NYE", by: fin).kind == .both)
            // A project completed before it was decided.
            do {
                _ = try await services.investmentProjects.create(InvestmentProjectDraft(
                    chapter: 901, number: "P9", name: "Tidlig", groups: ObjectGroup(first: 0, last: 599), decided: "2020",
                    expectedCompletion: "4. kv 2019", originalBudget: .typed("1"), revisedBudget: .typed("1")), in: "NYE", year: 2020, by: fin)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["expectedCompletion"])
            }
            #expect(try await services.investmentProjects.list(of: "NYE", year: 2020, by: fin).table.projects.isEmpty)
        }
    }

    @Test("staffing: add, correct, delete", arguments: TestDatabase.backends)
    func staffing(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let editor = try #require(users[ServiceTestApp.editor])
            let before = try await services.staffing.list(of: "UKE", by: editor).figures.count
            try await services.staffing.save(StaffingDraft(asOf: CalendarDate("2020-06-30"), headcount: "300", fullTimeEquivalents: "290,5"), in: "UKE", by: editor)
            try await services.staffing.save(StaffingDraft(asOf: CalendarDate("2020-07-01"), headcount: "301", fullTimeEquivalents: "291"),
                                             replacing: CalendarDate("2020-06-30"), in: "UKE", by: editor)
            let figures = try await services.staffing.list(of: "UKE", by: editor).figures
            #expect(figures.count == before + 1 && figures.contains { $0.asOf == CalendarDate("2020-07-01") && $0.headcount == 301 })
            do {
                try await services.staffing.save(StaffingDraft(asOf: nil, headcount: "-1", fullTimeEquivalents: "x"), in: "UKE", by: editor)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["asOf", "headcount", "fullTimeEquivalents"])
            }
            try await services.staffing.delete(at: CalendarDate("2020-07-01")!, in: "UKE", by: editor)
            #expect(try await services.staffing.list(of: "UKE", by: editor).figures.count == before)
        }
    }

    @Test("Dok. 3 taken from an imported budget file: lines without a chapter go to the agency's chapter", arguments: TestDatabase.backends)
    func fromBudgetFile(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            try await Self.newAgency(services)
            let fin = try #require(users[ServiceTestApp.finSteerer]), admin = try #require(users[Self.admin])
            _ = try await services.chapters.create(ChapterDraft(number: 901, name: "Ny etat", kind: .both), in: "NYE", by: fin)
            await #expect(throws: ServiceError.self) { try await services.originalBudget.takeFromBudgetFile(in: "NYE", year: 2021, by: fin) }
            _ = try await services.ledgerImport.importFile(
                .init(year: 2021, measure: .budget, sourceName: "budsjett.csv"), into: "NYE", chunks: LedgerServiceTests.chunks(LedgerServiceTests.file), by: admin)
            let amounts = try await services.originalBudget.takeFromBudgetFile(in: "NYE", year: 2021, by: fin)
            #expect(amounts.map { "\($0.chapter) \($0.kind.rawValue) \($0.group.code): \($0.amount.ore)" }
                == ["901 operating 000-099: 100050", "901 operating 100-299: -9999", "901 operating 600-699: -500000"])
            let grid = try await services.originalBudget.grid(of: "NYE", year: 2021, by: fin)
            #expect(grid.amount(chapter: 901, kind: .operating, group: Self.salaries) == Money(ore: 100_050))
        }
    }
}
