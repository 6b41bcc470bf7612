import Foundation

/// The period an accounting report covers: January through a month, or through a tertial.
public enum AccountingPeriod: Hashable, Sendable, Codable {
    /// January through the month (1–12).
    case month(Int)
    /// January through the end of the tertial (1–3): 4, 8 or 12 months.
    case tertial(Int)

    public var isValid: Bool {
        switch self {
        case .month(let month): (1...12).contains(month)
        case .tertial(let tertial): (1...3).contains(tertial)
        }
    }

    /// Every period a report can be asked for, as the pages list them: the three tertials, then
    /// the twelve months.
    public static let all: [AccountingPeriod] = (1...3).map(AccountingPeriod.tertial) + (1...12).map(AccountingPeriod.month)

    /// `t1`–`t3` (January through the tertial) or `m1`–`m12` (January through the month): the
    /// codes the pages link to and the API documents.
    public var code: String {
        switch self {
        case .month(let month): "m\(month)"
        case .tertial(let tertial): "t\(tertial)"
        }
    }

    /// The period of a code, read strictly: only `t1`–`t3` and `m1`–`m12` (no sign, no leading
    /// zero, no other letter), so that `-1` or `t9` is refused instead of read as something else.
    public init?(code: String) {
        guard let period = Self.all.first(where: { $0.code == code }) else { return nil }
        self = period
    }

    /// Why `text` is no period, in Norwegian.
    public static func unknownCodeMessage(_ text: String) -> String {
        "«\(text)» er ingen periode; bruk t1–t3 (tertial) eller m1–m12 (måned)."
    }

    /// The months of actuals the report builds on.
    public var monthsElapsed: Int {
        switch self {
        case .month(let month): month
        case .tertial(let tertial): tertial * 4
        }
    }

    /// `april 2020`, `2. tertial 2020`.
    public func title(year: Int) -> String {
        switch self {
        case .month(let month): "\(ForecastMonths.name(month)) \(year)"
        case .tertial(let tertial): "\(tertial). tertial \(year)"
        }
    }

    /// The last day of the period: 30.04.2020 for April or the first tertial.
    public func endDate(year: Int) -> CalendarDate {
        let month = min(max(monthsElapsed, 1), 12)
        let days = [31, CalendarDate.isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return CalendarDate(year: year, month: month, day: days[month - 1])
    }
}

/// A budget revision's change to one post (KOSTRA sign: +1 000 on a revenue post lowers the revenue budget).
public struct PostRevision: Hashable, Sendable {
    public var key: PostKey
    /// E.g. `byrådssak 208/20`.
    public var reference: String
    public var amount: Money

    public init(key: PostKey, reference: String, amount: Money) {
        self.key = key
        self.reference = reference
        self.amount = amount
    }

    /// The lines of `revisions` for `year`, each put on the post that covers its artsgruppe.
    public static func from(
        _ revisions: [BudgetRevision], year: Int, groupings: ChapterPostGroupings = .standard
    ) throws(PostMappingError) -> [PostRevision] {
        var result: [PostRevision] = []
        for revision in revisions where revision.year == year {
            let grouping = groupings.grouping(forChapter: revision.chapter)
            for line in revision.lines {
                guard let post = grouping.post(covering: line.group) else {
                    throw PostMappingError.groupNotInOnePost(chapter: revision.chapter, group: line.group)
                }
                result.append(PostRevision(
                    key: PostKey(chapter: revision.chapter, kind: revision.kind, postCode: post.code),
                    reference: revision.reference, amount: line.amount))
            }
        }
        return result
    }
}

/// An amount kept per artsgruppe that no single post covers.
public enum PostMappingError: Error, Hashable, Sendable, CustomStringConvertible {
    case groupNotInOnePost(chapter: Int, group: ObjectGroup)

    public var description: String {
        switch self {
        case .groupNotInOnePost(let chapter, let group):
            "Kap. \(chapter): artsgruppe \(group.code) ligger ikke i én post, så beløpet kan ikke føres på en post."
        }
    }
}

/// Everything the accounting report with forecast is computed from, keyed by chapter × kind ×
/// post. Amounts are in the KOSTRA sign convention (expenses positive, revenues negative).
public struct AccountingReportInput: Hashable, Sendable {
    public var year: Int
    public var period: AccountingPeriod
    /// Chapter names for the captions, e.g. 125 → Utviklings- og kompetanseetaten.
    public var chapterNames: [Int: String]
    public var groupings: ChapterPostGroupings
    /// Dok. 3 per post.
    public var originalBudget: [PostKey: Money]
    public var revisions: [PostRevision]
    /// This year's actuals per month, January first; months not yet closed may be left out.
    public var actuals: [PostKey: [Money]]
    /// Last year's actuals per month, January first (all twelve, for seasonal forecasts).
    public var lastYearActuals: [PostKey: [Money]]
    /// The forecast method per post; posts not named here use `defaultMethod`.
    public var methods: [PostKey: ForecastMethod]
    public var defaultMethod: ForecastMethod
    /// Explanations of deviations per post.
    public var explanations: [PostKey: String]
    /// The monthly budget profile per post; posts not named here use `defaultProfile`.
    public var profiles: [PostKey: BudgetProfile]
    public var defaultProfile: BudgetProfile
    public var threshold: ForecastThreshold

    public init(
        year: Int, period: AccountingPeriod, chapterNames: [Int: String] = [:], groupings: ChapterPostGroupings = .standard,
        originalBudget: [PostKey: Money] = [:], revisions: [PostRevision] = [], actuals: [PostKey: [Money]] = [:],
        lastYearActuals: [PostKey: [Money]] = [:], methods: [PostKey: ForecastMethod] = [:], defaultMethod: ForecastMethod = .runRate,
        explanations: [PostKey: String] = [:], profiles: [PostKey: BudgetProfile] = [:], defaultProfile: BudgetProfile = .even,
        threshold: ForecastThreshold = .standard
    ) {
        self.year = year
        self.period = period
        self.chapterNames = chapterNames
        self.groupings = groupings
        self.originalBudget = originalBudget
        self.revisions = revisions
        self.actuals = actuals
        self.lastYearActuals = lastYearActuals
        self.methods = methods
        self.defaultMethod = defaultMethod
        self.explanations = explanations
        self.profiles = profiles
        self.defaultProfile = defaultProfile
        self.threshold = threshold
    }

    /// Amounts kept per artsgruppe (Dok. 3, or whole-year actuals) summed per post, for `year` and `measure`.
    public static func postAmounts(
        _ amounts: [BudgetAmount], year: Int, measure: BudgetMeasure, groupings: ChapterPostGroupings = .standard
    ) throws(PostMappingError) -> [PostKey: Money] {
        var result: [PostKey: Money] = [:]
        for amount in amounts where amount.year == year && amount.measure == measure {
            guard let post = groupings.grouping(forChapter: amount.chapter).post(covering: amount.group) else {
                throw PostMappingError.groupNotInOnePost(chapter: amount.chapter, group: amount.group)
            }
            let key = PostKey(chapter: amount.chapter, kind: amount.kind, postCode: post.code)
            result[key] = (result[key] ?? .zero) + amount.amount
        }
        return result
    }
}

/// The accounting report with forecast (*regnskapsrapport med prognose*) for a month or tertial:
/// per chapter and kind, the expense posts, their sum, the revenue posts, their sum and the net
/// result, each with revised budget, budget to date, actuals to date, forecast and deviation.
///
/// Amounts keep the KOSTRA sign (revenues negative), in the investment accounts too, so that
/// net = expenses + revenues on every row. Avvik = regulert budsjett − prognose, as the annual
/// report's avvik = regulert budsjett − regnskap: a positive avvik is favourable, an underspend
/// (*mindreforbruk*) on an expense post and more revenue than budgeted (*merinntekt*) on a revenue
/// post, and the avvik of the sums add up to the avvik of the net result.
public struct AccountingReport: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public enum Kind: Hashable, Sendable {
            case post(BudgetPost)
            /// Sum driftsutgifter / Sum finansieringsbehov.
            case expenseSum
            /// Sum driftsinntekter / Sum finansiering.
            case revenueSum
            /// Kapitlets nettoresultat / Netto finansieringsbehov.
            case net
        }

        public var kind: Kind
        public var label: String
        /// Dok. 3.
        public var originalBudget: Money
        /// Dok. 3 + Σ revisions of the post.
        public var revisedBudget: Money
        /// The revised budget through the period, by the post's monthly profile.
        public var budgetToDate: Money
        public var actualsToDate: Money
        public var forecast: Money
        /// How the forecast was made (nil on sum rows).
        public var outcome: ForecastOutcome?
        public var explanation: String?
        /// The deviation is beyond the threshold, so an explanation is required (post rows only;
        /// explanations are given per post).
        public var needsExplanation: Bool

        /// Avvik: revised budget − forecast; positive is favourable.
        public var deviation: Money { revisedBudget - forecast }

        public var post: BudgetPost? {
            if case .post(let post) = kind { return post }
            return nil
        }

        public var isSum: Bool { post == nil }

        /// The forecast method as printed; empty on sum rows.
        public var methodName: String { outcome?.methodName ?? "" }

        /// The manual comment or the reason for a fallback; nil when there is none.
        public var methodNote: String? { outcome?.note }

        /// An explanation is required and there is none.
        public var isExplanationMissing: Bool { needsExplanation && !ForecastRules.hasText(explanation) }
    }

    /// One chapter's operating or investment accounts.
    public struct Section: Hashable, Sendable {
        public var chapter: Int
        public var chapterName: String
        public var kind: AccountKind
        public var expenseRows: [Row]
        public var expenseSum: Row
        public var revenueRows: [Row]
        public var revenueSum: Row
        public var net: Row

        /// Rows in printed order: expense posts, their sum, revenue posts, their sum, net.
        public var rows: [Row] { expenseRows + [expenseSum] + revenueRows + [revenueSum] + [net] }

        /// `Kap. 125 Utviklings- og kompetanseetaten – drift`.
        public var caption: String {
            let name = chapterName.isEmpty ? "" : " \(chapterName)"
            return "Kap. \(chapter)\(name) – \(kind.norwegianName.lowercased())"
        }
    }

    public var year: Int
    public var period: AccountingPeriod
    public var threshold: ForecastThreshold
    /// Chapters in ascending order, operating before investment.
    public var sections: [Section]
    /// Input that could not be placed (a post code the chapter's grouping does not have).
    public var warnings: [String]

    public var monthsElapsed: Int { period.monthsElapsed }

    /// `Regnskapsrapport med prognose – 2. tertial 2020`.
    public var title: String { "Regnskapsrapport med prognose – \(period.title(year: year))" }

    /// `Regnskap per 31.08.2020 og prognose for året`.
    public var subtitle: String {
        "Regnskap per \(NorwegianFormat.date(period.endDate(year: year))) og prognose for \(year)"
    }

    /// Notes to print under the table.
    public var notes: [String] {
        [
            "Beløp i kroner. Utgifter er positive og inntekter negative; nettoresultat = sum utgifter + sum inntekter.",
            "Avvik = regulert budsjett − prognose. Positivt avvik er gunstig: mindreforbruk på utgifter, merinntekt på inntekter.",
            "Budsjett hittil er regulert budsjett periodisert etter postens månedsprofil.",
            "Forklaring kreves ved \(threshold.norwegianDescription).",
        ]
    }

    /// The posts whose deviation needs an explanation that is not there.
    public var missingExplanations: [PostKey] {
        sections.flatMap { section in
            section.rows.filter(\.isExplanationMissing).compactMap { row in
                row.post.map { PostKey(chapter: section.chapter, kind: section.kind, postCode: $0.code) }
            }
        }
    }

    /// The report can be submitted when every deviation that needs an explanation has one.
    public var canBeSubmitted: Bool { missingExplanations.isEmpty }

    /// The forecast of each post, by the method actually used.
    public var forecastLines: [ForecastLine] {
        sections.flatMap { section in
            section.rows.compactMap { row -> ForecastLine? in
                guard let post = row.post, let outcome = row.outcome else { return nil }
                return ForecastLine(
                    chapter: section.chapter, kind: section.kind, postCode: post.code, method: outcome.used, value: row.forecast,
                    explanation: row.explanation)
            }
        }
    }

    public init(year: Int, period: AccountingPeriod, threshold: ForecastThreshold, sections: [Section], warnings: [String]) {
        self.year = year
        self.period = period
        self.threshold = threshold
        self.sections = sections
        self.warnings = warnings
    }

    /// Computes the report. Fails only for a period outside month 1–12 or tertial 1–3; a post whose
    /// forecast cannot be made by its method (a manual forecast without a comment, a seasonal one
    /// without a usable share of last year) gets the run rate, and the row says why.
    public static func build(_ input: AccountingReportInput) throws(ForecastError) -> AccountingReport {
        guard input.period.isValid else { throw ForecastError.invalidPeriod(input.period.title(year: input.year)) }
        let months = input.period.monthsElapsed

        var revisionTotals: [PostKey: Money] = [:]
        for revision in input.revisions {
            revisionTotals[revision.key] = (revisionTotals[revision.key] ?? .zero) + revision.amount
        }
        var keys = Set<PostKey>()
        keys.formUnion(input.originalBudget.keys)
        keys.formUnion(revisionTotals.keys)
        keys.formUnion(input.actuals.keys)
        keys.formUnion(input.methods.keys)
        keys.formUnion(input.explanations.keys)
        let bySection = Dictionary(grouping: keys) { PostKey(chapter: $0.chapter, kind: $0.kind, postCode: "") }

        var sections: [Section] = []
        var warnings: [String] = []
        for sectionKey in bySection.keys.sorted() {
            let chapter = sectionKey.chapter
            let kind = sectionKey.kind
            let grouping = input.groupings.grouping(forChapter: chapter)
            let present = Set((bySection[sectionKey] ?? []).map(\.postCode))
            for unknown in present.subtracting(grouping.posts.map(\.code)).sorted() {
                warnings.append(
                    "Kap. \(chapter) \(kind.norwegianName.lowercased()): posten «\(unknown)» finnes ikke i kapitlets postinndeling, og beløpene er utelatt.")
            }
            let postRows = grouping.posts.filter { present.contains($0.code) }.map { post in
                row(post: post, key: PostKey(chapter: chapter, kind: kind, postCode: post.code), input: input,
                    revisionTotal: revisionTotals[PostKey(chapter: chapter, kind: kind, postCode: post.code)] ?? .zero, months: months)
            }
            let expenseRows = postRows.filter { $0.post?.isExpense == true }
            let revenueRows = postRows.filter { $0.post?.isExpense == false }
            let labels = sumLabels(kind)
            let expenseSum = sum(expenseRows, kind: .expenseSum, label: labels.expenses)
            let revenueSum = sum(revenueRows, kind: .revenueSum, label: labels.revenues)
            let net = sum([expenseSum, revenueSum], kind: .net, label: labels.net)
            sections.append(Section(
                chapter: chapter, chapterName: input.chapterNames[chapter] ?? "", kind: kind, expenseRows: expenseRows,
                expenseSum: expenseSum, revenueRows: revenueRows, revenueSum: revenueSum, net: net))
        }
        return AccountingReport(year: input.year, period: input.period, threshold: input.threshold, sections: sections, warnings: warnings)
    }

    static func row(post: BudgetPost, key: PostKey, input: AccountingReportInput, revisionTotal: Money, months: Int) -> Row {
        let original = input.originalBudget[key] ?? .zero
        let revised = original + revisionTotal
        let profile = input.profiles[key] ?? input.defaultProfile
        let actualsToDate = (input.actuals[key] ?? []).prefix(months).sum()
        let method = input.methods[key] ?? input.defaultMethod
        let outcome = forecastOutcome(method: method, actualsToDate: actualsToDate, months: months, lastYear: input.lastYearActuals[key])
        let explanation = input.explanations[key].flatMap { text -> String? in
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
        return Row(
            kind: .post(post), label: post.label, originalBudget: original, revisedBudget: revised,
            budgetToDate: profile.budgetToDate(annual: revised, throughMonth: months), actualsToDate: actualsToDate,
            forecast: outcome.value, outcome: outcome, explanation: explanation,
            needsExplanation: ForecastRules.needsExplanation(forecast: outcome.value, revisedBudget: revised, threshold: input.threshold))
    }

    /// The forecast by `method`; when the method fails, the run rate with the reason.
    static func forecastOutcome(method: ForecastMethod, actualsToDate: Money, months: Int, lastYear: [Money]?) -> ForecastOutcome {
        switch ForecastRules.forecast(method: method, actualsToDate: actualsToDate, monthsElapsed: months, lastYearMonthly: lastYear) {
        case .success(let outcome):
            return outcome
        case .failure(let error):
            switch ForecastRules.compute(method: .runRate, actualsToDate: actualsToDate, monthsElapsed: months) {
            case .success(let value):
                return ForecastOutcome(
                    value: value, requested: method, used: .runRate,
                    fallbackReason: "\(error.description) Lineær framskriving er brukt i stedet.")
            case .failure(let runRateError):
                return ForecastOutcome(
                    value: actualsToDate, requested: method, used: .runRate,
                    fallbackReason: "\(runRateError.description) Regnskapet hittil er brukt som prognose.")
            }
        }
    }

    static func sum(_ rows: [Row], kind: Row.Kind, label: String) -> Row {
        Row(
            kind: kind, label: label, originalBudget: rows.map(\.originalBudget).sum(), revisedBudget: rows.map(\.revisedBudget).sum(),
            budgetToDate: rows.map(\.budgetToDate).sum(), actualsToDate: rows.map(\.actualsToDate).sum(),
            forecast: rows.map(\.forecast).sum(), outcome: nil, explanation: nil, needsExplanation: false)
    }

    static func sumLabels(_ kind: AccountKind) -> (expenses: String, revenues: String, net: String) {
        switch kind {
        case .operating: (expenses: "Sum driftsutgifter", revenues: "Sum driftsinntekter", net: "Kapitlets nettoresultat")
        case .investment: (expenses: "Sum finansieringsbehov", revenues: "Sum finansiering", net: "Netto finansieringsbehov")
        }
    }
}
