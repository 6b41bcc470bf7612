import Foundation

/// Why a step of the workflow was refused: the person's role does not allow it, or the report
/// is not in a state where the step can be taken, or a required comment is missing. Each
/// carries its Norwegian message.
public enum ReportWorkflowRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    case notPermitted(String)
    case wrongState(String)
    case missingComment(String)

    public var description: String {
        switch self {
        case .notPermitted(let message), .wrongState(let message), .missingComment(let message): message
        }
    }
}

/// The one workflow of every report: draft (the agency's editor writes) → submitted (the
/// agency's leader only) → returned with comments, or approved (the steering department only,
/// never the agency itself) → published (the department). A submission freezes a version.
public enum ReportWorkflowRules {
    public static let maximumCommentLength = 4000
    /// The longest written section.
    public static let maximumTextLength = 20000

    /// The steps `user` may take on the reports of `code` by role, whatever the report's state.
    public static func permittedActions(of user: UserAccount, on code: String, in tree: OrganisationTree) -> Set<ReportAction> {
        var actions = Set<ReportAction>()
        if AccessPolicy.allows(user, .approveReports, on: code, in: tree) { actions.insert(.submit) }
        if steersFromAbove(user, code, tree) { actions.formUnion([.returnForChanges, .approve, .publish]) }
        return actions
    }

    /// The steps `user` may take now: permitted by role and possible in the report's state.
    public static func availableActions(_ workflow: ReportWorkflow, for user: UserAccount, in tree: OrganisationTree) -> [ReportAction] {
        let permitted = permittedActions(of: user, on: workflow.key.organisationCode, in: tree)
        return ReportAction.allCases.filter { permitted.contains($0) && possible($0, in: workflow.state) }
    }

    /// Whether the agency may still change the report's texts (a draft, or returned).
    public static func isEditable(_ state: ReportState) -> Bool { state == .draft || state == .returned }

    /// What the agency can do about locked texts: only a submitted report can still be returned
    /// (an approved or published one stands), so the sentence is there for that state alone.
    public static func returnable(_ state: ReportState) -> String {
        state == .submitted ? " Byrådsavdelingen kan returnere den." : ""
    }

    /// The step applied to the workflow; `version` is the number of the new version on a
    /// submission (the service stores the frozen snapshot under it).
    public static func apply(
        _ action: ReportAction, to workflow: ReportWorkflow, by user: UserAccount, in tree: OrganisationTree, at time: Date,
        comment: String? = nil
    ) throws(ReportWorkflowRefusal) -> ReportWorkflow {
        let code = workflow.key.organisationCode
        guard permittedActions(of: user, on: code, in: tree).contains(action) else {
            throw .notPermitted(notPermittedMessage(action))
        }
        guard possible(action, in: workflow.state) else {
            throw .wrongState("Rapporten er «\(workflow.state.norwegianName.lowercased())» og kan ikke \(verb(action)) nå.")
        }
        let text = comment?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if action == .returnForChanges, text.isEmpty {
            throw .missingComment("Skriv hva etaten skal endre før rapporten returneres.")
        }
        if text.count > maximumCommentLength {
            throw .missingComment("Kommentaren kan ha høyst \(maximumCommentLength) tegn.")
        }
        var next = workflow
        if action == .submit { next.versionCount += 1 }
        next.state = switch action {
        case .submit: .submitted
        case .returnForChanges: .returned
        case .approve: .approved
        case .publish: .published
        }
        next.steps.append(ReportStep(action: action, by: user.email, at: time, comment: text.isEmpty ? nil : text, version: next.versionCount))
        return next
    }

    /// The agency's written sections replaced (empty texts removed); refused unless the report
    /// is a draft or returned, and for users who may not enter the agency's results.
    public static func editTexts(
        _ texts: [ReportText], of workflow: ReportWorkflow, by user: UserAccount, in tree: OrganisationTree
    ) throws(ReportWorkflowRefusal) -> ReportWorkflow {
        guard AccessPolicy.allows(user, .enterResults, on: workflow.key.organisationCode, in: tree) else {
            throw .notPermitted("Bare etaten skriver rapportens tekster.")
        }
        guard isEditable(workflow.state) else {
            throw .wrongState("Rapporten er «\(workflow.state.norwegianName.lowercased())» og kan ikke endres; den innsendte versjonen står fast.\(returnable(workflow.state))")
        }
        var next = workflow
        var merged = workflow.texts
        for text in texts {
            let body = text.body.trimmingCharacters(in: .whitespacesAndNewlines)
            if let index = merged.firstIndex(where: { $0.key == text.key }) {
                merged[index].body = body
            } else {
                merged.append(ReportText(key: text.key, body: body))
            }
        }
        next.texts = merged.filter { !$0.body.isEmpty }
        return next
    }

    static func possible(_ action: ReportAction, in state: ReportState) -> Bool {
        switch action {
        case .submit: state == .draft || state == .returned
        case .returnForChanges, .approve: state == .submitted
        case .publish: state == .approved
        }
    }

    /// The user steers the organisation through a role held strictly above it (a steerer of the
    /// department over the agency, or an administrator above it): the agency never decides on
    /// its own report.
    static func steersFromAbove(_ user: UserAccount, _ code: String, _ tree: OrganisationTree) -> Bool {
        user.assignments.contains { assignment in
            assignment.organisationCode != code && tree.isInSubtree(code, of: assignment.organisationCode)
                && AccessPolicy.allows(UserAccount(email: user.email, name: user.name, assignments: [assignment]), .steer, on: code, in: tree)
        }
    }

    static func notPermittedMessage(_ action: ReportAction) -> String {
        switch action {
        case .submit:
            "Bare etatslederen kan sende inn rapporten; redaktøren skriver utkastet."
        case .returnForChanges, .approve, .publish:
            "Bare byrådsavdelingen som styrer etaten kan \(activeVerb(action)) rapporten; etaten kan ikke godkjenne sin egen rapport."
        }
    }

    static func activeVerb(_ action: ReportAction) -> String {
        switch action {
        case .submit: "sende inn"
        case .returnForChanges: "returnere"
        case .approve: "godkjenne"
        case .publish: "publisere"
        }
    }

    static func verb(_ action: ReportAction) -> String {
        switch action {
        case .submit: "sendes inn"
        case .returnForChanges: "returneres"
        case .approve: "godkjennes"
        case .publish: "publiseres"
        }
    }
}
