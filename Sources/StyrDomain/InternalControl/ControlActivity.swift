/// What a control is checked against: an act, an instruction, a control of ISO/IEC 27001:2022
/// Annex A, or a risk in the organisation's register.
public enum ControlRequirementKind: String, Hashable, Sendable, Codable, CaseIterable {
    case act, instruction, isoControl, risk

    public var norwegianName: String {
        switch self {
        case .act: "Lov eller forskrift"
        case .instruction: "Instruks eller reglement"
        case .isoControl: "Tiltak i ISO/IEC 27001:2022 vedlegg A"
        case .risk: "Risiko i risikoregisteret"
        }
    }
}

public struct ControlRequirement: Hashable, Sendable, Codable {
    public var kind: ControlRequirementKind
    /// The act or instruction with its section, the Annex A id ("5.15"), or the risk's number.
    public var reference: String

    public init(kind: ControlRequirementKind, reference: String) {
        self.kind = kind
        self.reference = reference
    }
}

public enum ControlFrequency: String, Hashable, Sendable, Codable, CaseIterable {
    case monthly, quarterly, tertial, halfYearly, yearly

    public var norwegianName: String {
        switch self {
        case .monthly: "Månedlig"
        case .quarterly: "Kvartalsvis"
        case .tertial: "Hvert tertial"
        case .halfYearly: "Halvårlig"
        case .yearly: "Årlig"
        }
    }

    public var timesPerYear: Int {
        switch self {
        case .monthly: 12
        case .quarterly: 4
        case .tertial: 3
        case .halfYearly: 2
        case .yearly: 1
        }
    }
}

public enum ControlResult: String, Hashable, Sendable, Codable, CaseIterable {
    case inOrder, deviation

    public var norwegianName: String { self == .inOrder ? "I orden" : "Avvik" }
}

/// A deviation found by a control, followed to closure.
public struct ControlDeviation: Hashable, Sendable, Codable {
    public var description: String
    /// What is done to correct it.
    public var measure: String
    public var closedOn: CalendarDate?
    public var closingNote: String
    public var closedBy: String?

    public init(description: String, measure: String, closedOn: CalendarDate? = nil, closingNote: String = "", closedBy: String? = nil) {
        self.description = description
        self.measure = measure
        self.closedOn = closedOn
        self.closingNote = closingNote
        self.closedBy = closedBy
    }

    public var isOpen: Bool { closedOn == nil }
}

/// A file that documents a control's execution; its bytes are stored apart (`InternalControlRepository`).
public struct EvidenceReference: Hashable, Sendable, Codable {
    public var id: Int64
    public var filename: String
    public var contentType: String
    public var byteCount: Int
    public var sha256: String

    public init(id: Int64, filename: String, contentType: String, byteCount: Int, sha256: String) {
        self.id = id
        self.filename = filename
        self.contentType = contentType
        self.byteCount = byteCount
        self.sha256 = sha256
    }
}

/// One time a control was carried out.
public struct ControlExecution: Hashable, Sendable, Codable {
    /// Numbered within its control from 1.
    public var number: Int
    public var date: CalendarDate
    public var result: ControlResult
    public var note: String
    public var performedBy: String
    public var deviation: ControlDeviation?
    public var evidence: [EvidenceReference]

    public init(number: Int, date: CalendarDate, result: ControlResult, note: String, performedBy: String, deviation: ControlDeviation? = nil,
                evidence: [EvidenceReference] = []) {
        self.number = number
        self.date = date
        self.result = result
        self.note = note
        self.performedBy = performedBy
        self.deviation = deviation
        self.evidence = evidence
    }
}

/// A control in an organisation's internal control plan for a year: what is controlled, against
/// which requirement, how often and by whom, and each time it was carried out.
public struct ControlActivity: Hashable, Sendable, Codable {
    public var id: Int64?
    public var organisationCode: String
    public var year: Int
    public var title: String
    public var requirement: ControlRequirement
    public var frequency: ControlFrequency
    public var responsible: String
    public var executions: [ControlExecution]
    public var isExample: Bool

    public init(id: Int64? = nil, organisationCode: String, year: Int, title: String, requirement: ControlRequirement, frequency: ControlFrequency,
                responsible: String, executions: [ControlExecution] = [], isExample: Bool = false) {
        self.id = id
        self.organisationCode = organisationCode
        self.year = year
        self.title = title
        self.requirement = requirement
        self.frequency = frequency
        self.responsible = responsible
        self.executions = executions
        self.isExample = isExample
    }

    public var openDeviations: [ControlExecution] { executions.filter { $0.deviation?.isOpen == true } }
}

/// Where a control stands on a date.
public enum ControlStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case openDeviation, behindPlan, inOrder, notDue

    public var norwegianName: String {
        switch self {
        case .openDeviation: "Åpent avvik"
        case .behindPlan: "Etter plan"
        case .inOrder: "I orden"
        case .notDue: "Ikke gjennomført ennå"
        }
    }
}
