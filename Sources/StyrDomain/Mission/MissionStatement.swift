/// The agency's mission statement (samfunnsoppdrag): multi-year, versioned, fixed on a date by
/// the department.
public struct MissionStatement: Hashable, Sendable, Codable {
    public var organisationCode: String
    public var version: Int
    public var title: String
    public var fixedOn: CalendarDate
    /// Code of the organisation that fixed it (the department).
    public var fixedByCode: String
    /// The numbered sections of the document, in order.
    public var sections: [MissionSection]
    public var coreTasks: [CoreTask]
    public var targetGroups: [String]
    public var authorities: [Authority]
    public var fundingSources: [FundingSource]
    /// The circumstances under which the statement is to be revised.
    public var revisionTriggers: [String]
    /// What caused this version (nil for a first version or one recorded without a cause).
    public var revisionCause: RevisionCause?

    public init(
        organisationCode: String, version: Int, title: String, fixedOn: CalendarDate, fixedByCode: String,
        sections: [MissionSection], coreTasks: [CoreTask], targetGroups: [String], authorities: [Authority],
        fundingSources: [FundingSource], revisionTriggers: [String], revisionCause: RevisionCause? = nil
    ) {
        self.organisationCode = organisationCode
        self.version = version
        self.title = title
        self.fixedOn = fixedOn
        self.fixedByCode = fixedByCode
        self.sections = sections
        self.coreTasks = coreTasks
        self.targetGroups = targetGroups
        self.authorities = authorities
        self.fundingSources = fundingSources
        self.revisionTriggers = revisionTriggers
        self.revisionCause = revisionCause
    }
}

/// A numbered section of the mission statement, e.g. `3.1` *Formål og målgrupper*.
public struct MissionSection: Hashable, Sendable, Codable {
    public var number: String
    public var heading: String
    /// Paragraphs separated by blank lines.
    public var body: String

    public init(number: String, heading: String, body: String) {
        self.number = number
        self.heading = heading
        self.body = body
    }
}

/// A core task (kjerneoppgave), lettered a–e in the seed.
public struct CoreTask: Hashable, Sendable, Codable {
    public var letter: String
    public var title: String
    public var description: String

    public init(letter: String, title: String, description: String) {
        self.letter = letter
        self.title = title
        self.description = description
    }
}

/// A delegated authority (fullmakt) and its legal basis, e.g. *byrådssak 1295/03*.
public struct Authority: Hashable, Sendable, Codable {
    public var description: String
    /// The decisions or rules the authority rests on; nil when it is not formalised by a decision.
    public var legalBasis: String?

    public init(description: String, legalBasis: String?) {
        self.description = description
        self.legalBasis = legalBasis
    }
}

public enum FundingKind: String, Sendable, Codable, CaseIterable {
    case frame
    case project
    case activityBased
    case other

    public var norwegianName: String {
        switch self {
        case .frame: "Rammefinansiering"
        case .project: "Prosjektfinansiering"
        case .activityBased: "Aktivitetsbasert finansiering"
        case .other: "Andre inntekter"
        }
    }
}

/// One part of the funding model (finansieringsmodell).
public struct FundingSource: Hashable, Sendable, Codable {
    public var kind: FundingKind
    public var description: String

    public init(kind: FundingKind, description: String) {
        self.kind = kind
        self.description = description
    }
}
