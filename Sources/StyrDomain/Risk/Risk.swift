/// What a risk threatens, in the categories the first seed's risk picture uses.
public enum RiskCategory: String, Hashable, Sendable, Codable, CaseIterable {
    case goalAchievement, finance, informationSecurity, operations, reputation, hse, compliance, other

    public var norwegianName: String {
        switch self {
        case .goalAchievement: "Måloppnåelse"
        case .finance: "Økonomi"
        case .informationSecurity: "Informasjonssikkerhet og personvern"
        case .operations: "Drift"
        case .reputation: "Omdømme"
        case .hse: "HMS"
        case .compliance: "Etterlevelse av regelverk"
        case .other: "Annet"
        }
    }
}

/// What a risk threatens: a goal, an indicator, an assignment of the letter, or a service (a
/// free key until services are registered).
public struct RiskLink: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case goal, indicator, assignment, service

        public var norwegianName: String {
            switch self {
            case .goal: "Mål"
            case .indicator: "Indikator"
            case .assignment: "Oppdrag"
            case .service: "Tjeneste"
            }
        }
    }

    public var kind: Kind
    public var key: String

    public init(kind: Kind, key: String) {
        self.kind = kind
        self.key = key
    }

    /// "Mål: Digitale tjenester".
    public var description: String { "\(kind.norwegianName): \(key)" }
}

public enum RiskMeasureStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case planned, inProgress, done, cancelled

    public var norwegianName: String {
        switch self {
        case .planned: "Planlagt"
        case .inProgress: "Pågår"
        case .done: "Gjennomført"
        case .cancelled: "Avbrutt"
        }
    }
}

/// A measure that reduces a risk: who does it, by when, how far it has come, what it is expected to do.
public struct RiskMeasure: Hashable, Sendable, Codable {
    /// Numbered within its risk from 1.
    public var number: Int
    public var description: String
    public var owner: String
    public var deadline: CalendarDate
    public var status: RiskMeasureStatus
    public var expectedEffect: String

    public init(number: Int, description: String, owner: String, deadline: CalendarDate, status: RiskMeasureStatus, expectedEffect: String) {
        self.number = number
        self.description = description
        self.owner = owner
        self.deadline = deadline
        self.status = status
        self.expectedEffect = expectedEffect
    }
}

/// A dated assessment of a risk: where it stands in the matrix before (inherent) and after
/// (residual) its measures. The assessments of a risk, oldest first, are its path through the matrix.
public struct RiskAssessment: Hashable, Sendable, Codable {
    public var date: CalendarDate
    public var inherent: RiskScore
    public var residual: RiskScore
    public var note: String
    public var by: String

    public init(date: CalendarDate, inherent: RiskScore, residual: RiskScore, note: String = "", by: String) {
        self.date = date
        self.inherent = inherent
        self.residual = residual
        self.note = note
        self.by = by
    }
}

/// A risk in an organisation's register (first seed §4.1, §4.3.1, §4.3.3).
public struct Risk: Hashable, Sendable, Codable {
    public var id: Int64?
    public var organisationCode: String
    public var title: String
    public var description: String
    public var cause: String
    public var consequence: String
    public var category: RiskCategory
    public var owner: String
    public var links: [RiskLink]
    /// When the risk was entered in the register; measures are due after it.
    public var recordedOn: CalendarDate
    /// Oldest first; never empty once recorded.
    public var assessments: [RiskAssessment]
    public var measures: [RiskMeasure]
    /// When the risk left the register (it no longer applies); it is kept for its history.
    public var closedOn: CalendarDate?
    /// Example data of the demo, marked as such wherever it is shown.
    public var isExample: Bool

    public init(
        id: Int64? = nil, organisationCode: String, title: String, description: String, cause: String, consequence: String,
        category: RiskCategory, owner: String, links: [RiskLink] = [], recordedOn: CalendarDate, assessments: [RiskAssessment],
        measures: [RiskMeasure] = [], closedOn: CalendarDate? = nil, isExample: Bool = false
    ) {
        self.id = id
        self.organisationCode = organisationCode
        self.title = title
        self.description = description
        self.cause = cause
        self.consequence = consequence
        self.category = category
        self.owner = owner
        self.links = links
        self.recordedOn = recordedOn
        self.assessments = assessments
        self.measures = measures
        self.closedOn = closedOn
        self.isExample = isExample
    }

    /// The newest assessment.
    public var current: RiskAssessment? { assessments.max { $0.date < $1.date } }

    /// The assessment in force on `date`: the newest one on or before it.
    public func assessment(on date: CalendarDate) -> RiskAssessment? {
        assessments.filter { $0.date <= date }.max { $0.date < $1.date }
    }

    /// In the register on `date`: recorded and not closed.
    public func isOpen(on date: CalendarDate) -> Bool { recordedOn <= date && (closedOn.map { date < $0 } ?? true) }
}
