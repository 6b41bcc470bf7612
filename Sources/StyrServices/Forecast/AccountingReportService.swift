import Foundation
import StyrDomain

/// The accounting report with forecast for a month or tertial: read by anyone who may read the
/// organisation, its forecast choices and explanations saved by the agency (`enterResults`), and
/// submitted by its leader (`approveReports`) once every deviation beyond the threshold is
/// explained. The report is built from stored input only, through the repositories.
public struct AccountingReportService: Sendable {
    let storage: any Storage
    /// The server's threshold for explanations; the department's own for the year wins.
    public let defaultThreshold: ForecastThreshold

    public init(storage: any Storage, defaultThreshold: ForecastThreshold = .standard) {
        self.storage = storage
        self.defaultThreshold = defaultThreshold
    }

    /// A report as shown: the scope, the report, what it was computed with and what was submitted.
    public struct View: Sendable {
        public var scope: OrganisationScope
        public var report: AccountingReport
        public var setup: BudgetSetup
        public var submissions: [AccountingReportSubmission]
    }

    public func report(in code: String, year: Int, period: AccountingPeriod, by user: UserAccount?) async throws -> View {
        try await storage.read { repositories in
            let scope = try await AccessCheck.scope(.read, on: code, by: user, repositories)
            _ = try AccessCheck.year(year)
            let setup = try await BudgetSetup.load(repositories, code: code, year: year, defaultThreshold: defaultThreshold)
            let report = try await Self.build(repositories, code: code, year: year, period: period, setup: setup)
            return View(scope: scope, report: report, setup: setup, submissions: try await repositories.forecasts.submissions(of: code, year: year))
        }
    }

    /// Saves the agency's forecast choices (method, manual forecast, explanation) for some posts
    /// of the report, all or none. Refused per post (keyed by `PostKey.field`) with the post named.
    public func saveChoices(_ drafts: [ForecastChoiceDraft], in code: String, year: Int, period: AccountingPeriod, by user: UserAccount?) async throws {
        try await storage.write(as: user?.email ?? "") { repositories in
            _ = try await AccessCheck.scope(.enterResults, on: code, by: user, repositories)
            _ = try AccessCheck.year(year)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            let setup = try await BudgetSetup.load(repositories, code: code, year: year, defaultThreshold: defaultThreshold)
            let report = try await Self.build(repositories, code: code, year: year, period: period, setup: setup)
            var names: [PostKey: String] = [:]
            for section in report.sections {
                for row in section.rows {
                    guard let post = row.post else { continue }
                    names[PostKey(chapter: section.chapter, kind: section.kind, postCode: post.code)] = "\(section.caption), \(post.label)"
                }
            }
            var errors = InputErrors()
            var choices: [ForecastChoice] = []
            for draft in drafts {
                guard let name = names[draft.key] else {
                    errors.add(Self.field(draft.key), "Rapporten har ingen post «\(draft.key.postCode)» i kap. \(draft.key.chapter) (\(draft.key.kind.norwegianName.lowercased())).")
                    continue
                }
                switch draft.choice() {
                case .success(let choice): choices.append(choice)
                case .failure(let problem): errors.add(Self.field(draft.key), "\(name): \(problem.description)")
                }
            }
            guard errors.isEmpty else { throw ServiceError.invalid(errors) }
            for choice in choices { try await repositories.forecasts.save(choice, of: code, year: year) }
        }
    }

    /// The field of a post's choice in a refusal: `125/operating/000-099`.
    public static func field(_ key: PostKey) -> String { "\(key.chapter)/\(key.kind.rawValue)/\(key.postCode)" }

    /// Submits the report as it stands now; refused (field `explanations`) while a deviation
    /// beyond the threshold lacks its explanation, and (field `state`) while an earlier
    /// submission waits for the department or is approved. The submission is the report
    /// workflow's step (`ReportWorkflowService`): the department returns, approves and publishes it.
    public func submit(in code: String, year: Int, period: AccountingPeriod, by user: UserAccount?) async throws -> AccountingReportSubmission {
        try await storage.write(as: user?.email ?? "") { repositories in
            let scope = try await AccessCheck.scope(.approveReports, on: code, by: user, repositories)
            _ = try AccessCheck.year(year)
            try await YearGuard.requireOpen(organisationCode: code, year: year, repositories)
            let setup = try await BudgetSetup.load(repositories, code: code, year: year, defaultThreshold: defaultThreshold)
            let report = try await Self.build(repositories, code: code, year: year, period: period, setup: setup)
            guard report.canBeSubmitted else {
                let posts = report.missingExplanations.map { "kap. \($0.chapter) \($0.postCode)" }.joined(separator: ", ")
                throw ServiceError.invalid(.single("explanations", "Rapporten kan ikke sendes før avvikene er forklart: \(posts)."))
            }
            let submission = try await repositories.forecasts.submit(report, of: code, by: scope.user.email)
            // The one report workflow: the submission is its step, with a frozen version.
            let key = ReportKey(organisationCode: code, year: year, kind: .accounting, period: period.code)
            _ = try await ReportWorkflowService.step(.submit, key, comment: nil, by: user, at: Date(), defaultThreshold: defaultThreshold, repositories)
            return submission
        }
    }

    // MARK: Building the report

    /// Builds the report from stored input only: Dok. 3 and revisions per chapter, actuals to date
    /// and last year's actuals per month from the imported ledger lines, each chapter's post
    /// grouping, the agency's monthly profiles and its forecast choices. Lines without a chapter
    /// belong to the organisation's chapter when it has only one.
    static func build(
        _ repositories: Repositories, code: String, year: Int, period: AccountingPeriod, setup: BudgetSetup
    ) async throws -> AccountingReport {
        let store = repositories.governance
        let (chapters, groupings, profiles) = (setup.chapters, setup.groupings, setup.profiles)
        var original: [PostKey: Money] = [:]
        var revisions: [PostRevision] = []
        for chapter in chapters {
            let amounts = try await store.budgetAmounts(chapter: chapter.number, years: year...year)
            let revised = try await store.revisions(chapter: chapter.number, year: year)
            do {
                original.merge(try AccountingReportInput.postAmounts(amounts, year: year, measure: .originalBudget, groupings: groupings)) { $0 + $1 }
                revisions += try PostRevision.from(revised, year: year, groupings: groupings)
            } catch {
                throw ServiceError.invalid(.single("report", error.description))
            }
        }
        var warnings: [String] = []
        let actuals = try await monthlyActuals(repositories, code: code, year: year, chapters: chapters, groupings: groupings, warnings: &warnings)
        let lastYear = try await monthlyActuals(repositories, code: code, year: year - 1, chapters: chapters, groupings: groupings, warnings: &warnings)
        var methods: [PostKey: ForecastMethod] = [:], explanations: [PostKey: String] = [:]
        for choice in try await repositories.forecasts.choices(of: code, year: year) {
            methods[choice.key] = choice.method
            if let explanation = choice.explanation { explanations[choice.key] = explanation }
        }
        var report: AccountingReport
        do {
            report = try AccountingReport.build(AccountingReportInput(
                year: year, period: period, chapterNames: Dictionary(chapters.map { ($0.number, $0.name) }, uniquingKeysWith: { first, _ in first }),
                groupings: groupings, originalBudget: original, revisions: revisions, actuals: actuals, lastYearActuals: lastYear,
                methods: methods, explanations: explanations, profiles: profiles.byPost, defaultProfile: profiles.fallback ?? .even,
                threshold: setup.threshold))
        } catch {
            throw ServiceError.invalid(.single("report", String(describing: error)))
        }
        report.warnings += warnings
        return report
    }

    /// The actuals of `year` per post and month from the ledger; lines without a month are
    /// counted in a warning instead.
    static func monthlyActuals(
        _ repositories: Repositories, code: String, year: Int, chapters: [Chapter], groupings: ChapterPostGroupings, warnings: inout [String]
    ) async throws -> [PostKey: [Money]] {
        let totals = try await repositories.ledger.totals(
            of: code, LedgerFilter(year: year, measure: .actuals), by: [.chapter, .kind, .art, .month])
        var result: [PostKey: [Money]] = [:]
        var withoutMonth: Int64 = 0
        for total in totals {
            guard let art = total.values[.art].flatMap(Int.init), let month = total.values[.month].flatMap(Int.init),
                  let kind = total.values[.kind].flatMap(AccountKind.init(rawValue:)) else { continue }
            var chapter = total.values[.chapter].flatMap(Int.init) ?? 0
            if chapter == 0, chapters.count == 1 { chapter = chapters[0].number }
            guard (1...12).contains(month) else { withoutMonth += total.lines; continue }
            guard let post = groupings.post(chapter: chapter, art: art) else { continue }
            let key = PostKey(chapter: chapter, kind: kind, postCode: post.code)
            var months = result[key] ?? Array(repeating: .zero, count: 12)
            months[month - 1] = months[month - 1] + total.amount
            result[key] = months
        }
        if withoutMonth > 0 {
            warnings.append("\(NorwegianFormat.integer(withoutMonth)) regnskapslinjer for \(year) har ingen periode og er ikke med i tallene per måned.")
        }
        return result
    }
}
