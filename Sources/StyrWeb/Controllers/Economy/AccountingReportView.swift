import StyrDomain
import StyrServices

/// The view model of `accounting-report.mustache`: the report's sections, with the agency's form
/// of forecast choices and explanations when the user may enter results, the submit form when the
/// user may approve reports, and the periods, set-up and submissions around it.
struct AccountingReportView: Sendable {
    struct MethodOption: Sendable { var value: String, label: String, selected: Bool }
    struct Row: Sendable {
        var label: String
        var isSum: Bool
        var revised: String, toDate: String, actuals: String, forecast: String, deviation: String
        /// The ledger lines of a post's actuals to date; nil on sum rows.
        var actualsURL: String?
        var method: String
        var note: String?
        var explanation: String?
        var missing: Bool
        /// Set on every row: a sum row is never edited, whatever the page allows.
        var canEdit: Bool
        /// The post's field names (`125_operating_000-099`) and its form; nil on sum rows.
        var field: String?
        var methods: [MethodOption]
        var manualValue: String?, manualComment: String?
        var error: String?
    }
    struct Section: Sendable { var caption: String, rows: [Row] }
    struct Period: Sendable { var url: String, label: String, current: Bool }
    struct ErrorMessage: Sendable { var message: String }
    struct Submission: Sendable { var period: String, by: String, at: String }

    var organisationName: String
    var title: String, subtitle: String
    var year: Int
    var setup: String
    var canSteer: Bool, canEdit: Bool, canSubmit: Bool
    var groupingURL: String, profileURL: String, thresholdURL: String, ledgerURL: String
    /// The server's confirmation of what was just saved (see `Confirmation`).
    var saved: String?
    var sections: [Section]
    var notes: [String], warnings: [String]
    var missingCount: Int
    var canBeSubmitted: Bool
    var action: String, submitURL: String, csvURL: String, xlsxURL: String, csrfToken: String
    var errors: [ErrorMessage]
    var periods: [Period]
    var submissions: [Submission]
    /// The report's place in the one report workflow (`ReportWorkflowController`).
    var workflowURL: String

    init(_ view: AccountingReportService.View, saved: String?, errors: InputErrors, posted: [String: String], csrfToken: String) {
        let (scope, report, year) = (view.scope, view.report, view.report.year)
        let canEdit = scope.can(.enterResults)
        let base = "\(scope.base)/regnskapsrapport/\(year)"
        // Lines without a chapter count for the organisation's only chapter, so the drill-down
        // filters on the chapter only when there are several.
        let severalChapters = Set(report.sections.map(\.chapter)).count > 1
        let query = "periode=\(report.period.code)"
        organisationName = scope.organisation.name
        title = report.title
        subtitle = report.subtitle
        self.year = year
        setup = Self.setupDescription(view.setup)
        canSteer = scope.can(.steer)
        self.canEdit = canEdit
        canSubmit = scope.can(.approveReports)
        groupingURL = "\(base)/postinndeling"
        profileURL = "\(base)/periodisering"
        thresholdURL = "\(base)/terskel"
        ledgerURL = "\(scope.base)/regnskap/\(year)"
        workflowURL = ReportWorkflowView.base(ReportKey(organisationCode: scope.code, year: year, kind: .accounting, period: report.period.code))
        self.saved = saved
        sections = report.sections.map { section in
            Section(caption: section.caption, rows: section.rows.map { row in
                var shown = Row(
                    label: row.label, isSum: row.isSum, revised: NorwegianFormat.kroner(row.revisedBudget, zeroAsDash: false),
                    toDate: NorwegianFormat.kroner(row.budgetToDate, zeroAsDash: false),
                    actuals: NorwegianFormat.kroner(row.actualsToDate, zeroAsDash: false),
                    forecast: NorwegianFormat.kroner(row.forecast, zeroAsDash: false),
                    deviation: NorwegianFormat.kroner(row.deviation, zeroAsDash: false), method: row.methodName,
                    note: row.methodNote?.nonEmpty, explanation: row.explanation, missing: row.isExplanationMissing, canEdit: false, methods: [])
                guard let post = row.post else { return shown }
                let key = PostKey(chapter: section.chapter, kind: section.kind, postCode: post.code)
                shown.actualsURL = "\(scope.base)/regnskap/\(year)/linjer?maal=actuals&artsgruppe=\(PostGrouping.artFilter(post))&kontoklasse=\(section.kind.rawValue)"
                    + (severalChapters ? "&kapittel=\(section.chapter)" : "") + "&til=\(report.monthsElapsed)"
                let field = AccountingReportController.fieldKey(key)
                let method = row.outcome?.requested
                shown.canEdit = canEdit
                shown.field = field
                let current = posted["metode_\(field)"] ?? method?.code ?? ForecastMethod.runRate.code
                shown.methods = [ForecastMethod.runRate, .seasonal, .manual(value: .zero, comment: "")].map {
                    MethodOption(value: $0.code, label: $0.norwegianName, selected: current == $0.code)
                }
                if case .manual(let value, let comment)? = method {
                    shown.manualValue = NorwegianFormat.exactKroner(value)
                    shown.manualComment = comment
                }
                if let typed = posted["verdi_\(field)"] { shown.manualValue = typed }
                if let typed = posted["kommentar_\(field)"] { shown.manualComment = typed }
                if let typed = posted["forklaring_\(field)"] { shown.explanation = typed }
                shown.error = errors["rad_\(field)"]
                return shown
            })
        }
        notes = report.notes
        warnings = report.warnings
        missingCount = report.missingExplanations.count
        canBeSubmitted = report.canBeSubmitted
        action = "\(base)?\(query)"
        submitURL = "\(base)/send?\(query)"
        csvURL = "\(base)?\(query)&format=csv"
        xlsxURL = "\(base)?\(query)&format=xlsx"
        self.csrfToken = csrfToken
        self.errors = errors.entries.map { ErrorMessage(message: $0.message) }
        periods = AccountingPeriod.all.map { period in
            let label = switch period {
            case .tertial(let tertial): "\(tertial). tertial"
            case .month(let month): ForecastMonths.name(month)
            }
            return Period(url: "\(base)?periode=\(period.code)", label: label, current: period == report.period)
        }
        submissions = view.submissions.map { Submission(period: $0.period.title(year: year), by: $0.submittedBy, at: $0.submittedAt) }
    }

    /// `Poster: artsgruppene. Periodisering: en tolvdel hver måned.`, or what is set instead.
    static func setupDescription(_ setup: BudgetSetup) -> String {
        let own = setup.chapters.map(\.number).filter { setup.groupings.byChapter[$0] != nil }
        let posts = own.isEmpty ? "Poster: artsgruppene." : "Poster: egen postinndeling for kap. \(own.map(String.init).joined(separator: ", "))."
        let count = setup.profiles.byPost.count
        let ownProfiles = "egen profil for \(count) post\(count == 1 ? "" : "er")"
        let periods = switch (setup.profiles.fallback != nil, count > 0) {
        case (false, false): "Periodisering: en tolvdel hver måned."
        case (true, false): "Periodisering: egen månedsprofil for alle poster."
        case (false, true): "Periodisering: \(ownProfiles), en tolvdel hver måned for de andre."
        case (true, true): "Periodisering: egen månedsprofil for alle poster og \(ownProfiles)."
        }
        return posts + " " + periods
    }
}
