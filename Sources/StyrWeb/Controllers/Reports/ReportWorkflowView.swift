import Foundation
import StyrDomain
import StyrServices

/// The workflow of any report as pages show it: the state, the steps with who and when, the
/// frozen versions, the difference of a resubmission, and the step buttons the person may press.
/// `report-workflow.mustache` renders it whole; the tertial report page embeds its parts.
struct ReportWorkflowView: Sendable {
    struct Step: Sendable { var action: String, by: String, at: String, version: Int, stepComment: String? }
    struct Version: Sendable { var number: Int, versionURL: String, submittedBy: String, submittedAt: String }
    /// A step button: a form posting to the step's address; `withComment` shows the comment box.
    struct Action: Sendable {
        var label: String, actionURL: String, fieldID: String
        var withComment: Bool, commentRequired: Bool
        var commentLabel: String
    }
    struct DiffLine: Sendable { var marker: String, text: String, isAdded: Bool, isRemoved: Bool }
    struct DiffSection: Sendable { var heading: String, change: String, lines: [DiffLine] }
    struct Diff: Sendable { var fromVersion: Int, toVersion: Int, hasChanges: Bool, diffSections: [DiffSection] }

    var organisationName: String
    var title: String
    var state: String
    var saved: String?
    var stepError: String?
    var returnComment: String?
    var reportURL: String
    var reportLabel: String
    var steps: [Step]
    var versions: [Version]
    var diff: Diff?
    var actions: [Action]
    var csrfToken: String
    var explanation: String

    init(_ status: ReportWorkflowService.Status, saved: String?, stepError: String?, csrfToken: String) {
        let key = status.workflow.key
        let base = ReportWorkflowView.base(key)
        organisationName = status.scope.organisation.name
        title = key.title
        state = status.workflow.state.norwegianName
        self.saved = saved
        self.stepError = stepError
        returnComment = status.workflow.returnComment
        (reportURL, reportLabel) = Self.report(key)
        steps = status.workflow.steps.reversed().map { step in
            Step(action: step.action.norwegianName, by: step.by, at: OsloTime.format(step.at), version: step.version,
                 stepComment: step.comment)
        }
        versions = status.versions.reversed().map { version in
            Version(number: version.number, versionURL: "\(base)/versjoner/\(version.number)", submittedBy: version.submittedBy,
                    submittedAt: OsloTime.format(version.submittedAt))
        }
        diff = status.diff.map(Self.diff)
        actions = status.actions.map { Self.action($0, key: key) }
        self.csrfToken = csrfToken
        explanation = "Etatens redaktør skriver rapporten, etatslederen sender den inn. Da låses en versjon: senere endringer i data eller tekst endrer ikke det som er sendt. Byrådsavdelingen leser den innsendte versjonen og returnerer den med kommentarer eller godkjenner den, og publiserer den godkjente."
    }

    /// `/organisasjoner/UKE/rapporter/2020/tertialrapport/t2`.
    static func base(_ key: ReportKey) -> String {
        "/organisasjoner/\(key.organisationCode.urlPathEncoded)/rapporter/\(key.year)/\(slug(key.kind))/\(key.period.urlPathEncoded)"
    }

    static func slug(_ kind: ReportKind) -> String {
        switch kind {
        case .tertial: "tertialrapport"
        case .accounting: "regnskapsrapport"
        case .annual: "arsberetning"
        }
    }

    static func kind(slug: String) -> ReportKind? { ReportKind.allCases.first { Self.slug($0) == slug } }

    static func actionSlug(_ action: ReportAction) -> String {
        switch action {
        case .submit: "send-inn"
        case .returnForChanges: "returner"
        case .approve: "godkjenn"
        case .publish: "publiser"
        }
    }

    static func action(slug: String) -> ReportAction? { ReportAction.allCases.first { actionSlug($0) == slug } }

    /// The live report the workflow is about.
    static func report(_ key: ReportKey) -> (String, String) {
        let organisation = "/organisasjoner/\(key.organisationCode.urlPathEncoded)"
        return switch key.kind {
        case .tertial: ("\(organisation)/tertialrapport/\(key.year)/\(key.period)", "Rapporten med dagens data og tekster")
        case .accounting: ("\(organisation)/regnskapsrapport/\(key.year)?periode=\(key.period)", "Regnskapsrapporten med dagens data")
        case .annual: ("\(organisation)/arsberetning/\(key.year)", "Årsberetningen med dagens data")
        }
    }

    static func action(_ action: ReportAction, key: ReportKey) -> Action {
        let slug = actionSlug(action)
        return Action(
            label: action.buttonLabel, actionURL: "\(base(key))/\(slug)", fieldID: "kommentar-\(slug)",
            withComment: action == .returnForChanges || action == .approve, commentRequired: action == .returnForChanges,
            commentLabel: action == .returnForChanges ? "Hva skal etaten endre? (påkrevd)" : "Kommentar til godkjenningen (valgfri)")
    }

    static func changeName(_ change: ReportDiff.Change) -> String {
        switch change {
        case .unchanged: "Uendret"
        case .changed: "Endret"
        case .added: "Ny del"
        case .removed: "Fjernet del"
        }
    }

    static func diff(_ diff: ReportDiff) -> Diff {
        Diff(fromVersion: diff.fromVersion, toVersion: diff.toVersion, hasChanges: diff.hasChanges, diffSections: diff.sections.filter { $0.change != .unchanged }.map { section in
            DiffSection(
                heading: section.heading.isEmpty ? "(uten overskrift)" : section.heading, change: changeName(section.change),
                lines: section.lines.filter { $0.kind != .kept }.map { line in
                    DiffLine(marker: line.kind == .added ? "Lagt til:" : "Fjernet:", text: line.text, isAdded: line.kind == .added, isRemoved: line.kind == .removed)
                })
        })
    }
}
