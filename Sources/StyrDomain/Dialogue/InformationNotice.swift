import Foundation

public enum NoticeKind: String, Hashable, Sendable, Codable, CaseIterable {
    case clarificationRequest, deviationNotice, improvementProposal, incidentNotification, riskUpdate

    public var norwegianName: String {
        switch self {
        case .clarificationRequest: "Avklaringsbehov"
        case .deviationNotice: "Varsel om vesentlig avvik"
        case .improvementProposal: "Forslag til forbedring"
        case .incidentNotification: "Varsel om alvorlig hendelse"
        case .riskUpdate: "Oppdatert risikobilde"
        }
    }

    /// The path segment of its form.
    public var slug: String {
        switch self {
        case .clarificationRequest: "avklaring"
        case .deviationNotice: "avvik"
        case .improvementProposal: "forbedring"
        case .incidentNotification: "hendelse"
        case .riskUpdate: "risiko"
        }
    }

    public init?(slug: String) {
        guard let kind = Self.allCases.first(where: { $0.slug == slug || $0.rawValue == slug }) else { return nil }
        self = kind
    }
}

public enum DeviationArea: String, Hashable, Sendable, Codable, CaseIterable {
    case goal, budget

    public var norwegianName: String { self == .goal ? "Måloppnåelse" : "Budsjett" }
}

/// When a serious incident occurred, was detected and reached the department.
public struct IncidentTiming: Hashable, Sendable, Codable {
    public var occurredAt: Date
    public var detectedAt: Date
    public var notifiedAt: Date

    public init(occurredAt: Date, detectedAt: Date, notifiedAt: Date) {
        self.occurredAt = occurredAt
        self.detectedAt = detectedAt
        self.notifiedAt = notifiedAt
    }

    /// From detection to notification, in whole seconds.
    public var secondsToNotify: Int { Int(notifiedAt.timeIntervalSince(detectedAt)) }

    public func isLate(limit: NotificationLimit) -> Bool { secondsToNotify > limit.seconds }
}

/// How soon after detection a serious incident must reach the department (default one hour).
public struct NotificationLimit: Hashable, Sendable {
    public var seconds: Int

    public init(minutes: Int) { seconds = minutes * 60 }

    public static let standard = NotificationLimit(minutes: 60)

    public var norwegianDescription: String { OsloTime.duration(seconds: seconds) }
}

/// What each kind of notice says.
public enum NoticeDetails: Hashable, Sendable, Codable {
    case clarification(question: String)
    case deviation(area: DeviationArea, description: String, expectedEffect: String, measures: String)
    case improvement(rule: String, proposedChange: String)
    case incident(system: String, description: String, timing: IncidentTiming)
    case risk(text: String)

    public var kind: NoticeKind {
        switch self {
        case .clarification: .clarificationRequest
        case .deviation: .deviationNotice
        case .improvement: .improvementProposal
        case .incident: .incidentNotification
        case .risk: .riskUpdate
        }
    }
}

public enum NoticeStatus: String, Hashable, Sendable, Codable {
    /// Written by the agency, not yet sent.
    case draft
    /// Sent to the department; the agency can no longer change it.
    case submitted
    /// The department has answered.
    case answered

    public var norwegianName: String {
        switch self {
        case .draft: "Utkast"
        case .submitted: "Sendt, venter på svar"
        case .answered: "Besvart"
        }
    }
}

/// The department's answer to a notice.
public struct NoticeAnswer: Hashable, Sendable, Codable {
    public var text: String
    public var by: String
    public var at: Date

    public init(text: String, by: String, at: Date) {
        self.text = text
        self.by = by
        self.at = at
    }
}

/// A record of the agency's duty to inform (*informasjonsplikt*): from the agency to the
/// department, with timestamps, status and the department's answer.
public struct InformationNotice: Hashable, Sendable, Codable {
    public var id: Int64?
    public var organisationCode: String
    public var title: String
    public var details: NoticeDetails
    public var status: NoticeStatus
    public var createdBy: String
    public var createdAt: Date
    public var submittedAt: Date?
    public var answer: NoticeAnswer?

    public init(id: Int64? = nil, organisationCode: String, title: String, details: NoticeDetails, status: NoticeStatus = .draft,
                createdBy: String, createdAt: Date, submittedAt: Date? = nil, answer: NoticeAnswer? = nil) {
        self.id = id
        self.organisationCode = organisationCode
        self.title = title
        self.details = details
        self.status = status
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.submittedAt = submittedAt
        self.answer = answer
    }

    public var kind: NoticeKind { details.kind }

    public var incidentTiming: IncidentTiming? {
        if case .incident(_, _, let timing) = details { return timing }
        return nil
    }
}

/// A notice as typed in a form or sent to the API, before the rules have checked it: each kind
/// reads its own fields; an area or a time that could not be read is nil.
public struct NoticeDraft: Hashable, Sendable {
    public var kind: NoticeKind
    public var title: String
    public var question = ""
    public var area: DeviationArea?
    public var description = "", expectedEffect = "", measures = ""
    public var rule = "", proposedChange = ""
    public var system = ""
    public var occurredAt: Date?, detectedAt: Date?, notifiedAt: Date?
    public var riskText = ""

    public init(kind: NoticeKind, title: String) {
        self.kind = kind
        self.title = title
    }
}

/// Rules of the duties to inform. Errors are keyed by the fields of `NoticeDraft` (`title`,
/// `question`, `area`, `description`, `detectedAt`, `notifiedAt`, `riskText`, …), `status` and `answer`.
public enum NoticeRules {
    /// The notice a draft describes, by `person` at `now`, checked by `validate`; text is trimmed.
    public static func compose(_ draft: NoticeDraft, organisationCode: String, by person: String, at now: Date) throws -> InformationNotice {
        func text(_ value: String) -> String { value.trimmingCharacters(in: .whitespacesAndNewlines) }
        var errors = InputErrors()
        let details: NoticeDetails
        switch draft.kind {
        case .clarificationRequest:
            details = .clarification(question: text(draft.question))
        case .deviationNotice:
            if draft.area == nil { errors.add("area", "Velg om avviket gjelder måloppnåelse eller budsjett.") }
            details = .deviation(area: draft.area ?? .goal, description: text(draft.description), expectedEffect: text(draft.expectedEffect),
                                 measures: text(draft.measures))
        case .improvementProposal:
            details = .improvement(rule: text(draft.rule), proposedChange: text(draft.proposedChange))
        case .incidentNotification:
            if draft.occurredAt == nil { errors.add("occurredAt", "Skriv når hendelsen inntraff.") }
            if draft.detectedAt == nil { errors.add("detectedAt", "Skriv når hendelsen ble oppdaget.") }
            if draft.notifiedAt == nil { errors.add("notifiedAt", "Skriv når byrådsavdelingen ble varslet.") }
            details = .incident(
                system: text(draft.system), description: text(draft.description),
                timing: IncidentTiming(occurredAt: draft.occurredAt ?? now, detectedAt: draft.detectedAt ?? now, notifiedAt: draft.notifiedAt ?? now))
        case .riskUpdate:
            details = .risk(text: text(draft.riskText))
        }
        let notice = InformationNotice(organisationCode: organisationCode, title: text(draft.title), details: details, createdBy: person, createdAt: now)
        for entry in validate(notice, now: now).entries { errors.add(entry.field, entry.message) }
        try errors.check()
        return notice
    }

    /// Drafts are the agency's own until sent: others see only sent notices.
    public static func visible(_ notice: InformationNotice, toInformer canInform: Bool) -> Bool {
        notice.status != .draft || canInform
    }

    /// Newest first by when they were sent (drafts by when they were written); the same time by
    /// the later one first.
    public static func newestFirst(_ notices: [InformationNotice]) -> [InformationNotice] {
        notices.sorted { ($0.submittedAt ?? $0.createdAt, $0.id ?? 0) > ($1.submittedAt ?? $1.createdAt, $1.id ?? 0) }
    }

    public static func validate(_ notice: InformationNotice, now: Date) -> InputErrors {
        var errors = InputErrors()
        func required(_ value: String, _ field: String, _ message: String) {
            if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors.add(field, message) }
        }
        required(notice.title, "title", "Skriv en kort tittel.")
        switch notice.details {
        case .clarification(let question):
            required(question, "question", "Skriv hva som er uklart.")
        case .deviation(_, let description, let effect, let measures):
            required(description, "description", "Beskriv avviket.")
            required(effect, "expectedEffect", "Skriv hvilken virkning avviket ventes å få.")
            required(measures, "measures", "Skriv hvilke tiltak etaten setter inn.")
        case .improvement(let rule, let change):
            required(rule, "rule", "Skriv hvilken regel eller instruks forslaget gjelder.")
            required(change, "proposedChange", "Skriv hvilken endring etaten foreslår.")
        case .incident(let system, let description, let timing):
            required(system, "system", "Skriv hvilken fellesløsning eller hvilket system hendelsen gjelder.")
            required(description, "description", "Beskriv hendelsen.")
            if timing.detectedAt < timing.occurredAt {
                errors.add("detectedAt", "Hendelsen kan ikke være oppdaget (\(OsloTime.format(timing.detectedAt))) før den inntraff (\(OsloTime.format(timing.occurredAt))).")
            }
            if timing.notifiedAt < timing.detectedAt {
                errors.add("notifiedAt", "Varslingstidspunktet (\(OsloTime.format(timing.notifiedAt))) kan ikke være før hendelsen ble oppdaget (\(OsloTime.format(timing.detectedAt))).")
            }
            if timing.notifiedAt > now.addingTimeInterval(300) {
                errors.add("notifiedAt", "Varslingstidspunktet (\(OsloTime.format(timing.notifiedAt))) er frem i tid.")
            }
        case .risk(let text):
            required(text, "riskText", "Beskriv risikobildet.")
        }
        return errors
    }

    public static let sentMessage = "Meldingen er sendt til byrådsavdelingen og kan ikke endres; send en ny melding om noe har endret seg."

    /// The agency edits its own notice only until it is sent.
    public static func edit(_ notice: InformationNotice, to updated: InformationNotice, now: Date) throws -> InformationNotice {
        guard notice.status == .draft else {
            throw InputErrors.single("status", sentMessage)
        }
        var edited = updated
        (edited.id, edited.organisationCode, edited.createdBy, edited.createdAt) = (notice.id, notice.organisationCode, notice.createdBy, notice.createdAt)
        try validate(edited, now: now).check()
        return edited
    }

    public static func submit(_ notice: InformationNotice, at now: Date) throws -> InformationNotice {
        guard notice.status == .draft else { throw InputErrors.single("status", "Meldingen er allerede sendt.") }
        try validate(notice, now: now).check()
        var submitted = notice
        submitted.status = .submitted
        submitted.submittedAt = now
        return submitted
    }

    /// The department answers a submitted notice once (the text trimmed).
    public static func answer(_ notice: InformationNotice, text: String, by person: String, at now: Date) throws -> InformationNotice {
        guard notice.status == .submitted else {
            throw InputErrors.single("answer", notice.status == .draft ? "Meldingen er ikke sendt ennå." : "Meldingen er allerede besvart.")
        }
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw InputErrors.single("answer", "Skriv et svar.") }
        var answered = notice
        answered.status = .answered
        answered.answer = NoticeAnswer(text: text, by: person, at: now)
        return answered
    }
}
