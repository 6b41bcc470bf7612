import StyrDomain
import StyrServices

/// The view model of `notice.mustache`: one notice, what it says, and the department's answer.
struct NoticeView: Sendable {
    struct Field: Sendable { var label: String, value: String }
    struct Answer: Sendable { var text: String, by: String, at: String }

    var organisationName: String, kind: String, title: String
    var saved: String?
    var status: String, createdBy: String, createdAt: String
    var submittedAt: String?
    var fields: [Field]
    var late: Bool
    var timing: String?
    var limit: String
    var isDraft: Bool, canInform: Bool, canAnswer: Bool
    var editURL: String, submitURL: String, answerURL: String
    var csrfToken: String
    var answer: Answer?
    /// Why the last send or answer was refused.
    var error: String?
    var historyURL: String
    /// A sent risk-picture notice links to the register it carried and what changed since the last one.
    var riskPictureURL: String?

    init(_ notice: InformationNotice, scope: OrganisationScope, limit: NotificationLimit, saved: String?, error: String?, csrfToken: String) {
        riskPictureURL = notice.kind == .riskUpdate && notice.status != .draft ? "\(scope.base)/meldinger/\(notice.id ?? 0)/risikobilde" : nil
        let id = notice.id ?? 0
        let base = "\(scope.base)/meldinger/\(id)"
        let timing = notice.incidentTiming
        organisationName = scope.organisation.name
        kind = notice.kind.norwegianName
        title = notice.title
        self.saved = saved
        status = notice.status.norwegianName
        createdBy = notice.createdBy
        createdAt = OsloTime.format(notice.createdAt)
        submittedAt = notice.submittedAt.map(OsloTime.format)
        fields = Self.fields(notice.details)
        late = timing?.isLate(limit: limit) ?? false
        self.timing = timing.map { OsloTime.duration(seconds: $0.secondsToNotify) }
        self.limit = limit.norwegianDescription
        isDraft = notice.status == .draft
        canInform = scope.can(.inform)
        canAnswer = scope.can(.steer) && notice.status == .submitted
        (editURL, submitURL, answerURL) = ("\(base)/rediger", "\(base)/send", "\(base)/svar")
        self.csrfToken = csrfToken
        answer = notice.answer.map { Answer(text: $0.text, by: $0.by, at: OsloTime.format($0.at)) }
        self.error = error
        historyURL = "/historikk?type=notice&nokkel=\("\(scope.code)/\(id)".urlQueryEncoded)"
    }

    static func fields(_ details: NoticeDetails) -> [Field] {
        switch details {
        case .clarification(let question): [Field(label: "Spørsmål", value: question)]
        case .deviation(let area, let description, let effect, let measures):
            [Field(label: "Gjelder", value: area.norwegianName), Field(label: "Avvik", value: description),
             Field(label: "Ventet virkning", value: effect), Field(label: "Tiltak", value: measures)]
        case .improvement(let rule, let change):
            [Field(label: "Regel eller instruks", value: rule), Field(label: "Foreslått endring", value: change)]
        case .incident(let system, let description, let timing):
            [Field(label: "System", value: system), Field(label: "Hendelse", value: description),
             Field(label: "Inntraff", value: OsloTime.format(timing.occurredAt)), Field(label: "Oppdaget", value: OsloTime.format(timing.detectedAt)),
             Field(label: "Byrådsavdelingen varslet", value: OsloTime.format(timing.notifiedAt)),
             Field(label: "Tid fra oppdaget til varslet", value: OsloTime.duration(seconds: timing.secondsToNotify))]
        case .risk(let text): [Field(label: "Risikobilde", value: text)]
        }
    }
}
