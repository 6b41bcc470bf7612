/// The level of a unit in the hierarchy kommune → byrådsavdeling → etat → seksjon.
public enum OrganisationKind: String, Sendable, Codable, CaseIterable {
    case municipality
    case department
    case agency
    case section

    /// The kinds a unit of this kind may sit directly under.
    public var allowedParents: Set<OrganisationKind> {
        switch self {
        case .municipality: []
        case .department: [.municipality]
        case .agency: [.department, .municipality]
        case .section: [.agency, .section]
        }
    }

    public var norwegianName: String {
        switch self {
        case .municipality: "Kommune"
        case .department: "Byrådsavdeling"
        case .agency: "Etat"
        case .section: "Seksjon"
        }
    }
}

/// A unit in the organisation hierarchy, known by a short unique code (e.g. `UKE`).
public struct Organisation: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    public var kind: OrganisationKind
    public var parentCode: String?
    /// The day the unit was closed (nedlagt): it keeps its years for reading but takes no new writes.
    /// Optional, so documents and year files written before it existed still decode.
    public var closedOn: CalendarDate?

    public init(code: String, name: String, kind: OrganisationKind, parentCode: String?, closedOn: CalendarDate? = nil) {
        self.code = code
        self.name = name
        self.kind = kind
        self.parentCode = parentCode
        self.closedOn = closedOn
    }

    public var isClosed: Bool { closedOn != nil }
}

/// Staffing at a date: headcount and full-time equivalents (årsverk, two decimals).
public struct StaffingFigure: Hashable, Sendable, Codable {
    public var asOf: CalendarDate
    public var headcount: Int
    public var fullTimeEquivalents: Quantity
    public var comment: String?

    public init(asOf: CalendarDate, headcount: Int, fullTimeEquivalents: Quantity, comment: String? = nil) {
        self.asOf = asOf
        self.headcount = headcount
        self.fullTimeEquivalents = fullTimeEquivalents
        self.comment = comment
    }
}
