import StyrDomain

/// The view model of `tertial-report.mustache`: the report's parts in order, each with its
/// heading, the agency's written section and its figures. Stored properties only.
struct TertialReportView: Sendable {
    struct Written: Sendable {
        var title: String
        var paragraphs: [String]
        var isEmpty: Bool
    }

    var title: String
    var subtitle: String
    var organisationName: String
    var summary: Written
    var goalsText: Written
    var goalAreas: [TertialReport.GoalAreaPart]
    var assignmentsText: Written
    var assignments: [TertialReport.AssignmentLine]
    var accountingText: Written
    var accounting: TertialReport.AccountingPart?
    var accountingNote: String?
    var missingExplanations: String?
    var risksText: Written
    var risks: TertialReport.RiskPart
    var deviationsText: Written
    var deviations: [TertialReport.DeviationLine]

    init(_ report: TertialReport) {
        func written(_ key: String) -> Written {
            let text = report.text(key)
            return Written(title: text.title, paragraphs: text.paragraphs, isEmpty: text.paragraphs.isEmpty)
        }
        title = report.title
        subtitle = report.subtitle
        organisationName = report.organisationName
        summary = written("sammendrag")
        goalsText = written("maloppnaelse")
        goalAreas = report.goalAreas
        assignmentsText = written("oppdrag")
        assignments = report.assignments
        accountingText = written("okonomi")
        accounting = report.accounting
        accountingNote = report.accounting == nil ? (report.accountingNote ?? "Regnskapsrapporten kan ikke lages for perioden.") : nil
        missingExplanations = report.accounting.flatMap { $0.missingExplanations.isEmpty ? nil : $0.missingExplanations.joined(separator: ", ") }
        risksText = written("risiko")
        risks = report.risks
        deviationsText = written("avvik")
        deviations = report.deviations
    }
}

extension HTMLRenderer {
    /// The tertial report's body (the `<article>`).
    public func tertialReportBody(_ report: TertialReport) -> String {
        render(TertialReportView(report), template: "tertial-report")
    }

    /// The tertial report as a standalone HTML document with its print style sheet.
    public func tertialReportDocument(_ report: TertialReport) -> String {
        document(title: "\(report.title) – \(report.organisationName)", body: tertialReportBody(report), standalone: true)
    }
}
