import StyrDomain
import StyrReports
import StyrServices

/// The view model of `tertial-report-page.mustache`: the report as it stands now (rendered by
/// StyrReports), the periods the letter asks for, the workflow's state and step buttons, and
/// the agency's texts form while the report may be changed.
struct TertialReportPageView: Sendable {
    struct Period: Sendable { var label: String, periodURL: String, isCurrent: Bool }
    struct TextField: Sendable { var key: String, heading: String, body: String, fieldError: String? }

    var saved: String?
    /// Why the texts were not saved when it is not a field's fault (the report is submitted).
    var pageError: String?
    var periods: [Period]
    var markdownURL: String
    var htmlFileURL: String
    var reportBody: String
    var state: String
    var returnComment: String?
    var latestVersionURL: String?
    var workflowURL: String
    var actions: [ReportWorkflowView.Action]
    var csrfToken: String
    var canEditTexts: Bool
    var textsLocked: String?
    var textsURL: String
    var textFields: [TextField]

    init(_ view: TertialReportService.View, body: String, saved: String?, errors: InputErrors, posted: [String: String]?, csrfToken: String) {
        let status = view.status, key = status.workflow.key
        let page = TertialReportController.path(key.organisationCode, year: key.year, period: key.period)
        self.saved = saved
        pageError = errors["state"]
        var periods = view.periods
        if let current = ReportPeriod(code: key.period), !periods.contains(current) { periods.append(current) }
        self.periods = periods.map { period in
            Period(label: period.title(year: key.year), periodURL: TertialReportController.path(key.organisationCode, year: key.year, period: period.code),
                   isCurrent: period.code == key.period)
        }
        markdownURL = "\(page)?format=md"
        htmlFileURL = "\(page)?format=html"
        reportBody = body
        state = status.workflow.state.norwegianName
        returnComment = status.workflow.returnComment
        let base = ReportWorkflowView.base(key)
        latestVersionURL = status.versions.last.map { "\(base)/versjoner/\($0.number)" }
        workflowURL = base
        actions = status.actions.map { ReportWorkflowView.action($0, key: key) }
        self.csrfToken = csrfToken
        canEditTexts = status.canEditTexts
        textsLocked = ReportWorkflowRules.isEditable(status.workflow.state) ? nil
            : "Tekstene er låst fordi rapporten er «\(status.workflow.state.norwegianName.lowercased())»; den innsendte versjonen står fast.\(ReportWorkflowRules.returnable(status.workflow.state))"
        textsURL = "\(page)/tekster"
        textFields = TertialReport.headings.map { heading in
            TextField(key: heading.key, heading: heading.title,
                      body: posted?["tekst_\(heading.key)"] ?? status.workflow.text(heading.key) ?? "", fieldError: errors[heading.key])
        }
    }
}

/// The view model of `report-version.mustache`: a frozen version (the tertial report drawn from
/// its stored model; other reports by their sections).
struct ReportVersionView: Sendable {
    var organisationName: String
    var workflowURL: String
    var number: Int
    var submittedBy: String
    var submittedAt: String
    var frozenBody: String
    var hasModel: Bool
    var title: String
    var frozenSections: [ReportSnapshotSection]
}
