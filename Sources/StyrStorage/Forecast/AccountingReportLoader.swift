import SQLKit
import StyrDomain

/// Builds the accounting report from stored input only: Dok. 3 and revisions per chapter, actuals
/// to date and last year's actuals per month from the imported ledger lines, each chapter's post
/// grouping, the agency's monthly budget profiles and its forecast choices. Lines without a chapter belong to the organisation's chapter when it has one.
public enum AccountingReportLoader {
    /// What the report is computed with besides the numbers: the organisation's chapters, their
    /// post groupings, the year's monthly profiles and the department's threshold for explanations.
    public struct Setup: Sendable {
        public var chapters: [Chapter]
        public var groupings: ChapterPostGroupings
        public var profiles: BudgetSetupText.Profiles
        /// Nil: the server's default applies.
        public var threshold: ForecastThreshold?

        public static func load(_ db: any SQLDatabase, organisationCode: String, year: Int) async throws -> Setup {
            let store = SQLBudgetSetupStore(db)
            return Setup(chapters: try await SQLGovernanceStore(db).chapters(of: organisationCode), groupings: try await store.groupings(),
                         profiles: try await store.profiles(of: organisationCode, year: year),
                         threshold: try await store.threshold(of: organisationCode, year: year))
        }
    }

    /// `threshold` is the server's default: the department's own for the year, when set, wins.
    public static func load(
        _ db: any SQLDatabase, organisationCode: String, year: Int, period: AccountingPeriod, threshold: ForecastThreshold = .standard
    ) async throws -> AccountingReport {
        try await load(db, organisationCode: organisationCode, year: year, period: period, threshold: threshold,
                       setup: try await Setup.load(db, organisationCode: organisationCode, year: year))
    }

    /// The report with a set-up already read (a page that also shows the set-up reads it once).
    public static func load(
        _ db: any SQLDatabase, organisationCode: String, year: Int, period: AccountingPeriod, threshold: ForecastThreshold, setup: Setup
    ) async throws -> AccountingReport {
        let store = SQLGovernanceStore(db)
        let (chapters, groupings, profiles) = (setup.chapters, setup.groupings, setup.profiles)
        var original: [PostKey: Money] = [:]
        var revisions: [PostRevision] = []
        for chapter in chapters {
            let amounts = try await store.budgetAmounts(chapter: chapter.number, years: year...year)
            do {
                original.merge(try AccountingReportInput.postAmounts(amounts, year: year, measure: .originalBudget, groupings: groupings)) { $0 + $1 }
                revisions += try PostRevision.from(try await store.revisions(chapter: chapter.number, year: year), year: year, groupings: groupings)
            } catch {
                throw StorageError.invalid(String(describing: error))
            }
        }
        var warnings: [String] = []
        func monthly(_ year: Int) async throws -> [PostKey: [Money]] {
            let totals = try await SQLLedgerStore(db).totals(
                of: organisationCode, LedgerFilter(year: year, measure: .actuals), by: [.chapter, .kind, .art, .month])
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
        let actuals = try await monthly(year)
        let lastYear = try await monthly(year - 1)
        let choices = try await SQLForecastStore(db).choices(of: organisationCode, year: year)
        var methods: [PostKey: ForecastMethod] = [:], explanations: [PostKey: String] = [:]
        for choice in choices {
            methods[choice.key] = choice.method
            if let explanation = choice.explanation { explanations[choice.key] = explanation }
        }
        var report: AccountingReport
        do {
            report = try AccountingReport.build(AccountingReportInput(
                year: year, period: period, chapterNames: Dictionary(chapters.map { ($0.number, $0.name) }, uniquingKeysWith: { a, _ in a }),
                groupings: groupings, originalBudget: original, revisions: revisions, actuals: actuals, lastYearActuals: lastYear,
                methods: methods, explanations: explanations, profiles: profiles.byPost, defaultProfile: profiles.fallback ?? .even,
                threshold: setup.threshold ?? threshold))
        } catch {
            throw StorageError.invalid(String(describing: error))
        }
        report.warnings += warnings
        return report
    }
}
