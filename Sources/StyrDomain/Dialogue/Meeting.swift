import Foundation

public enum MeetingKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// *Etatsstyringsmøte*: the formal, documented governance dialogue.
    case governance
    /// *Fagmøte*: informal professional dialogue.
    case professional
    /// *Systemeiermøte*: informal dialogue with the system owner.
    case systemOwner

    public var norwegianName: String {
        switch self {
        case .governance: "Etatsstyringsmøte"
        case .professional: "Fagmøte"
        case .systemOwner: "Systemeiermøte"
        }
    }

    /// Only formal meetings can give and confirm steering signals.
    public var isFormal: Bool { self == .governance }
}

/// The focus topics of the informal dialogue (the first seed, §4.2).
public enum FocusTopic: String, Hashable, Sendable, Codable, CaseIterable {
    case escalation, serviceStatus, projects, benefitsRealisation, risk, informationSecurity, serviceDevelopment,
         planAndBudget, professionalMatters, frameConditions

    public var norwegianName: String {
        switch self {
        case .escalation: "Forhold/saker som bør eskaleres til etatsstyringsmøte"
        case .serviceStatus: "Status tjenesteleveranser (nøkkeltall og tjenestenivå)"
        case .projects: "Status prosjekter og større aktiviteter"
        case .benefitsRealisation: "Gevinstrealisering"
        case .risk: "Risiko"
        case .informationSecurity: "Informasjonssikkerhet"
        case .serviceDevelopment: "Utvikling/forbedring av tjeneste/system"
        case .planAndBudget: "Plan- og budsjettprosess"
        case .professionalMatters: "Fagsaker"
        case .frameConditions: "Rammevilkår fra FIN (tildelingsbrev/budsjett)"
        }
    }
}

public enum MeetingItemKind: String, Hashable, Sendable, Codable, CaseIterable {
    case decision, actionItem, note

    public var norwegianName: String {
        switch self {
        case .decision: "Beslutning"
        case .actionItem: "Oppfølgingspunkt"
        case .note: "Orientering"
        }
    }
}

/// A numbered item of the minutes: a decision, an action item with owner and deadline, or a note.
public struct MeetingItem: Hashable, Sendable, Codable {
    public var number: Int
    public var kind: MeetingItemKind
    public var text: String
    public var owner: String?
    public var deadline: CalendarDate?
    public var status: AssignmentStatus?

    public init(number: Int, kind: MeetingItemKind, text: String, owner: String? = nil, deadline: CalendarDate? = nil,
                status: AssignmentStatus? = nil) {
        self.number = number
        self.kind = kind
        self.text = text
        self.owner = owner
        self.deadline = deadline
        self.status = status
    }
}

/// One side's approval of the minutes.
public struct MinutesApproval: Hashable, Sendable, Codable {
    public var by: String
    public var on: CalendarDate

    public init(by: String, on: CalendarDate) {
        self.by = by
        self.on = on
    }
}

public enum MinutesStatus: String, Hashable, Sendable, Codable {
    case draft, approvedByDepartment, approvedByAgency, approved

    public var norwegianName: String {
        switch self {
        case .draft: "Utkast"
        case .approvedByDepartment: "Godkjent av byrådsavdelingen, venter på etaten"
        case .approvedByAgency: "Godkjent av etaten, venter på byrådsavdelingen"
        case .approved: "Godkjent av begge parter"
        }
    }
}

/// A meeting between the department and an agency, with its minutes.
public struct Meeting: Hashable, Sendable, Codable {
    public var id: Int64?
    /// The agency the meeting is with.
    public var organisationCode: String
    /// The department that chairs it and writes the minutes.
    public var chairedByCode: String
    public var kind: MeetingKind
    public var title: String
    public var date: CalendarDate
    public var participants: [String]
    public var topics: [FocusTopic]
    public var otherTopics: [String]
    public var agenda: [String]
    public var minutes: String
    public var items: [MeetingItem]
    public var departmentApproval: MinutesApproval?
    public var agencyApproval: MinutesApproval?

    public init(id: Int64? = nil, organisationCode: String, chairedByCode: String, kind: MeetingKind, title: String,
                date: CalendarDate, participants: [String] = [], topics: [FocusTopic] = [], otherTopics: [String] = [],
                agenda: [String] = [], minutes: String = "", items: [MeetingItem] = [],
                departmentApproval: MinutesApproval? = nil, agencyApproval: MinutesApproval? = nil) {
        self.id = id
        self.organisationCode = organisationCode
        self.chairedByCode = chairedByCode
        self.kind = kind
        self.title = title
        self.date = date
        self.participants = participants
        self.topics = topics
        self.otherTopics = otherTopics
        self.agenda = agenda
        self.minutes = minutes
        self.items = items
        self.departmentApproval = departmentApproval
        self.agencyApproval = agencyApproval
    }

    public var minutesStatus: MinutesStatus {
        switch (departmentApproval, agencyApproval) {
        case (nil, nil): .draft
        case (.some, nil): .approvedByDepartment
        case (nil, .some): .approvedByAgency
        case (.some, .some): .approved
        }
    }

    /// The date both sides had approved, when they have.
    public var approvedOn: CalendarDate? {
        guard let department = departmentApproval, let agency = agencyApproval else { return nil }
        return max(department.on, agency.on)
    }

    public func item(_ number: Int) -> MeetingItem? { items.first { $0.number == number } }
}

public enum MeetingSide: String, Sendable { case department, agency }

/// A meeting as typed in a form or sent to the API, before the rules have checked it: a kind or
/// date that could not be read is nil.
public struct MeetingDraft: Hashable, Sendable {
    public var kind: MeetingKind?
    public var title: String
    public var date: CalendarDate?
    public var participants: [String]
    public var topics: [FocusTopic]
    public var otherTopics: [String]
    public var agenda: [String]
    public var minutes: String
    public var items: [MeetingItem]

    public init(kind: MeetingKind?, title: String, date: CalendarDate?, participants: [String] = [], topics: [FocusTopic] = [],
                otherTopics: [String] = [], agenda: [String] = [], minutes: String = "", items: [MeetingItem] = []) {
        self.kind = kind
        self.title = title
        self.date = date
        self.participants = participants
        self.topics = topics
        self.otherTopics = otherTopics
        self.agenda = agenda
        self.minutes = minutes
        self.items = items
    }

    /// The draft of a stored meeting, to edit it.
    public init(_ meeting: Meeting) {
        self.init(kind: meeting.kind, title: meeting.title, date: meeting.date, participants: meeting.participants, topics: meeting.topics,
                  otherTopics: meeting.otherTopics, agenda: meeting.agenda, minutes: meeting.minutes, items: meeting.items)
    }
}

/// Rules of meetings and minutes. Errors are keyed by the meeting's fields (`title`, `date`,
/// `kind`, `items`, `minutes`, `departmentApproval`, `agencyApproval`).
public enum MeetingRules {
    public static func validate(_ meeting: Meeting) -> InputErrors {
        var errors = InputErrors()
        if meeting.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors.add("title", "Skriv en tittel på møtet.") }
        if !BudgetYears.contains(meeting.date.year) { errors.add("date", BudgetYears.outOfRangeMessage(meeting.date.year)) }
        var numbers = Set<Int>()
        for item in meeting.items {
            if item.number < 1 { errors.add("items", "Punkt \(item.number): punktene nummereres fra 1.") }
            if !numbers.insert(item.number).inserted { errors.add("items", "To punkter har nummer \(item.number).") }
            if item.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors.add("items", "Punkt \(item.number) har ingen tekst.") }
            if item.kind == .actionItem && (item.owner ?? "").isEmpty {
                errors.add("items", "Oppfølgingspunkt \(item.number) må ha en ansvarlig.")
            }
        }
        return errors
    }

    /// A new meeting with the agency, chaired by its department; checked by `validate`.
    public static func record(_ draft: MeetingDraft, organisationCode: String, chairedByCode: String) throws -> Meeting {
        var errors = missing(draft)
        var meeting = Meeting(organisationCode: organisationCode, chairedByCode: chairedByCode, kind: draft.kind ?? .governance, title: "",
                              date: draft.date ?? CalendarDate(year: 2000, month: 1, day: 1))
        apply(draft, to: &meeting)
        for entry in validate(meeting).entries { errors.add(entry.field, entry.message) }
        try errors.check()
        return meeting
    }

    /// The meeting as edited from `draft`, while its minutes are not approved by both sides (`edit`).
    public static func edit(_ meeting: Meeting, to draft: MeetingDraft) throws -> Meeting {
        var errors = missing(draft)
        let edited = try edit(meeting) { apply(draft, to: &$0) }
        for entry in validate(edited).entries { errors.add(entry.field, entry.message) }
        try errors.check()
        return edited
    }

    static func missing(_ draft: MeetingDraft) -> InputErrors {
        var errors = InputErrors()
        if draft.date == nil { errors.add("date", "Skriv datoen for møtet (DD.MM.ÅÅÅÅ).") }
        if draft.kind == nil { errors.add("kind", "Velg type møte.") }
        return errors
    }

    /// The draft's fields as stored: text trimmed, empty lines dropped, each topic once; an action
    /// item's status is «ikke startet» until reported, and other items have no owner, deadline or status.
    static func apply(_ draft: MeetingDraft, to meeting: inout Meeting) {
        func lines(_ texts: [String]) -> [String] { texts.map(\.trimmed).filter { !$0.isEmpty } }
        meeting.title = draft.title.trimmed
        if let date = draft.date { meeting.date = date }
        if let kind = draft.kind { meeting.kind = kind }
        meeting.participants = lines(draft.participants)
        meeting.topics = draft.topics.reduce(into: []) { topics, topic in if !topics.contains(topic) { topics.append(topic) } }
        meeting.otherTopics = lines(draft.otherTopics)
        meeting.agenda = lines(draft.agenda)
        meeting.minutes = draft.minutes.trimmed
        meeting.items = draft.items.map { item in
            var stored = MeetingItem(number: item.number, kind: item.kind, text: item.text.trimmed)
            if item.kind == .actionItem {
                stored.owner = item.owner?.trimmed.nonEmpty
                stored.deadline = item.deadline
                stored.status = item.status ?? .notStarted
            }
            return stored
        }
    }

    public static let lockedMessage = "Referatet er godkjent av begge parter og kan ikke endres."

    /// Changes the minutes while they are not approved by both; any change withdraws a one-sided
    /// approval, since the other side approved another text.
    public static func edit(_ meeting: Meeting, _ change: (inout Meeting) -> Void) throws -> Meeting {
        guard meeting.minutesStatus != .approved else { throw InputErrors.single("minutes", lockedMessage) }
        var edited = meeting
        change(&edited)
        if edited != meeting {
            edited.departmentApproval = nil
            edited.agencyApproval = nil
        }
        return edited
    }

    public static func approve(_ meeting: Meeting, side: MeetingSide, by person: String, on date: CalendarDate) throws -> Meeting {
        var approved = meeting
        let field = side == .department ? "departmentApproval" : "agencyApproval"
        switch side {
        case .department:
            guard meeting.departmentApproval == nil else { throw InputErrors.single(field, "Byrådsavdelingen har allerede godkjent referatet.") }
            approved.departmentApproval = MinutesApproval(by: person, on: date)
        case .agency:
            guard meeting.agencyApproval == nil else { throw InputErrors.single(field, "Etaten har allerede godkjent referatet.") }
            approved.agencyApproval = MinutesApproval(by: person, on: date)
        }
        guard date >= meeting.date else {
            throw InputErrors.single(field, "Referatet kan ikke godkjennes før møtet er holdt (\(NorwegianFormat.date(meeting.date))).")
        }
        guard !meeting.minutes.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || !meeting.items.isEmpty else {
            throw InputErrors.single("minutes", "Referatet er tomt; skriv referatet før det godkjennes.")
        }
        return approved
    }
}

fileprivate extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
    var nonEmpty: String? { isEmpty ? nil : self }
}
