import StyrDomain
import StyrServices

/// The plan of a year (`internal-control.mustache`): the controls with their status, open
/// deviations, the information-security view by Annex A theme, incidents, and for a department
/// each agency's plan and status.
struct InternalControlView: Sendable {
    struct Row: Sendable {
        var number: Int64
        var url: String
        var title: String, requirement: String, frequency: String, responsible: String
        var executions: String
        var status: String
        var statusClass: String
        var example: String?
    }
    struct DeviationRow: Sendable { var deviationURL: String, control: String, found: String, deviation: String, measure: String }
    struct Theme: Sendable {
        var theme: String
        var controlCount: Int
        var summary: String
        var themeRows: [Row]
    }
    struct AgencyRow: Sendable {
        var agencyURL: String, agencyName: String
        var controls: Int, inOrder: Int, behind: Int, openDeviations: Int, incidents: Int
        var agencyExample: String?
    }

    var organisationName: String
    var year: Int
    var saved: String?
    var exampleNote: String?
    var newURL: String?
    var asOf: String
    var rows: [Row]
    var deviations: [DeviationRow]
    var themes: [Theme]
    var isoTotal: Int
    var incidentCount: Int
    var incidentsURL: String?
    var isOverview: Bool
    var agencies: [AgencyRow]
    var riskURL: String

    static let exampleText = "Kontrollene merket «eksempel» er skrevet for demonstrasjonen og er ikke UKEs faktiske internkontrollplan."

    init(_ plan: InternalControlService.Plan, agencies: [InternalControlService.Plan]?, saved: String?) {
        let base = "\(plan.scope.base)/internkontroll/\(plan.year)"
        organisationName = plan.scope.organisation.name
        year = plan.year
        self.saved = saved
        exampleNote = plan.activities.contains(where: \.isExample) || (agencies ?? []).contains { $0.activities.contains(where: \.isExample) } ? Self.exampleText : nil
        newURL = plan.canEdit ? "\(base)/ny" : nil
        asOf = NorwegianFormat.date(plan.asOf)
        rows = plan.activities.map { Self.row($0, plan: plan) }
        deviations = plan.activities.flatMap { activity in
            activity.openDeviations.map { execution in
                DeviationRow(
                    deviationURL: "\(base)/\(activity.id ?? 0)", control: activity.title, found: NorwegianFormat.date(execution.date),
                    deviation: execution.deviation?.description ?? "", measure: execution.deviation?.measure ?? "")
            }
        }
        let iso = plan.activities.filter { $0.requirement.kind == .isoControl }
        isoTotal = iso.count
        themes = ControlTheme.allCases.map { theme in
            let inTheme = iso.filter { plan.isoControl($0.requirement.reference)?.theme == theme }
            let counts = ControlStatus.allCases.compactMap { status -> String? in
                let count = inTheme.filter { plan.status($0) == status }.count
                return count == 0 ? nil : "\(status.norwegianName): \(count)"
            }
            return Theme(theme: theme.norwegianName, controlCount: inTheme.count,
                         summary: counts.isEmpty ? "Ingen kontroller" : counts.joined(separator: ", "), themeRows: inTheme.map { Self.row($0, plan: plan) })
        }
        incidentCount = plan.incidents.count
        incidentsURL = plan.scope.isAgency ? "\(plan.scope.base)/meldinger" : nil
        isOverview = agencies != nil
        self.agencies = (agencies ?? []).map { agency in
            let statuses = agency.activities.map(agency.status)
            return AgencyRow(
                agencyURL: "\(agency.scope.base)/internkontroll/\(agency.year)", agencyName: agency.scope.organisation.name, controls: agency.activities.count,
                inOrder: statuses.filter { $0 == .inOrder }.count, behind: statuses.filter { $0 == .behindPlan }.count,
                openDeviations: agency.activities.reduce(0) { $0 + $1.openDeviations.count }, incidents: agency.incidents.count,
                agencyExample: agency.activities.contains(where: \.isExample) ? "eksempel" : nil)
        }
        riskURL = "\(plan.scope.base)/risiko"
    }

    static func requirement(_ requirement: ControlRequirement, plan: InternalControlService.Plan) -> String {
        switch requirement.kind {
        case .act, .instruction: "\(requirement.kind.norwegianName): \(requirement.reference)"
        case .isoControl: "ISO/IEC 27001 " + (plan.isoControl(requirement.reference)?.description ?? "A.\(requirement.reference)")
        case .risk: "Risiko nr. \(requirement.reference)" + (plan.risks.first { String($0.id ?? 0) == requirement.reference }.map { ": \($0.title)" } ?? "")
        }
    }

    static func row(_ activity: ControlActivity, plan: InternalControlService.Plan) -> Row {
        let status = plan.status(activity)
        let expected = InternalControlRules.expected(activity, by: plan.asOf)
        let statusClass = switch status {
        case .openDeviation: "red"
        case .behindPlan: "yellow"
        case .inOrder: "green"
        case .notDue: "none"
        }
        return Row(
            number: activity.id ?? 0, url: "\(plan.scope.base)/internkontroll/\(plan.year)/\(activity.id ?? 0)", title: activity.title,
            requirement: requirement(activity.requirement, plan: plan), frequency: activity.frequency.norwegianName, responsible: activity.responsible,
            executions: "\(activity.executions.count) (ventet \(expected) per \(NorwegianFormat.date(plan.asOf)))", status: status.norwegianName,
            statusClass: statusClass, example: activity.isExample ? "eksempel" : nil)
    }
}

/// One control (`control.mustache`): its requirement, executions, deviations and evidence, with
/// the forms to record an execution, close a deviation and upload evidence.
struct ControlView: Sendable {
    struct Evidence: Sendable { var fileURL: String, filename: String, size: String }
    struct Execution: Sendable {
        var executionNumber: Int
        var date: String, result: String, resultClass: String, note: String, performedBy: String
        var deviationText: String?
        var deviationMeasure: String?
        var deviationState: String?
        var closeURL: String?
        var evidence: [Evidence]
    }
    struct Option: Sendable { var value: Int, label: String }

    var organisationName: String
    var year: Int
    var saved: String?
    var uploadError: String?
    var exampleNote: String?
    var number: Int64
    var title: String
    var requirement: String
    var frequency: String
    var responsible: String
    var status: String
    var statusClass: String
    var executions: [Execution]
    var editURL: String?
    var executeURL: String?
    var uploadURL: String?
    var uploadOptions: [Option]
    var maximumSize: String
    var allowedTypes: String
    var csrfToken: String
    var historyURL: String
    var planURL: String

    init(_ plan: InternalControlService.Plan, activity: ControlActivity, saved: String?, csrfToken: String, uploadError: String? = nil) {
        let base = "\(plan.scope.base)/internkontroll/\(plan.year)/\(activity.id ?? 0)"
        let row = InternalControlView.row(activity, plan: plan)
        organisationName = plan.scope.organisation.name
        year = plan.year
        self.saved = saved
        self.uploadError = uploadError
        exampleNote = activity.isExample ? InternalControlView.exampleText : nil
        number = activity.id ?? 0
        title = activity.title
        requirement = row.requirement
        frequency = row.frequency
        responsible = activity.responsible
        status = row.status
        statusClass = row.statusClass
        let canEdit = plan.canEdit
        executions = activity.executions.reversed().map { execution in
            Execution(
                executionNumber: execution.number, date: NorwegianFormat.date(execution.date), result: execution.result.norwegianName,
                resultClass: execution.result == .inOrder ? "green" : "red", note: execution.note.isEmpty ? "–" : execution.note,
                performedBy: execution.performedBy, deviationText: execution.deviation?.description, deviationMeasure: execution.deviation?.measure,
                deviationState: execution.deviation.map { deviation in
                    deviation.closedOn.map { "Lukket \(NorwegianFormat.date($0)): \(deviation.closingNote)" } ?? "Åpent"
                },
                closeURL: canEdit && execution.deviation?.isOpen == true ? "\(base)/avvik/\(execution.number)" : nil,
                evidence: execution.evidence.map {
                    Evidence(fileURL: "\(base)/dokumentasjon/\($0.id)", filename: $0.filename, size: "\(NorwegianFormat.integer(Int64(($0.byteCount + 1023) / 1024))) kB")
                })
        }
        editURL = canEdit ? "\(base)/endre" : nil
        executeURL = canEdit ? "\(base)/gjennomforing" : nil
        uploadURL = canEdit && !activity.executions.isEmpty ? "\(base)/dokumentasjon" : nil
        uploadOptions = activity.executions.reversed().map { Option(value: $0.number, label: "Nr. \($0.number), \(NorwegianFormat.date($0.date)) – \($0.result.norwegianName)") }
        maximumSize = "\(EvidenceRules.maximumBytes / 1024 / 1024) MB"
        allowedTypes = EvidenceRules.allowedDescription
        self.csrfToken = csrfToken
        historyURL = "/historikk?type=controlActivity&nokkel=\("\(plan.scope.code)/\(plan.year)/\(activity.id ?? 0)".urlQueryEncoded)"
        planURL = "\(plan.scope.base)/internkontroll/\(plan.year)"
    }
}
