/// Where a tracked item of chapter 6 comes from: 6.1 the city council's verbal decisions and
/// remarks, 6.2 remarks from the municipal auditor and the control committee.
public enum TrackedItemSource: String, Sendable, Codable, CaseIterable {
    case cityCouncil, municipalAuditor, controlCommittee

    public var norwegianName: String {
        switch self {
        case .cityCouncil: "Bystyrets verbalvedtak eller merknad"
        case .municipalAuditor: "Kommunerevisjonen"
        case .controlCommittee: "Kontrollutvalget"
        }
    }

    /// "6.1" or "6.2".
    public var section: String { self == .cityCouncil ? "6.1" : "6.2" }
}

public enum TrackedItemStatus: String, Sendable, Codable, CaseIterable {
    case open, inProgress, closed

    public var norwegianName: String {
        switch self {
        case .open: "Åpen"
        case .inProgress: "Under oppfølging"
        case .closed: "Lukket"
        }
    }
}

/// A verbal decision or a remark followed up until it is closed with a reference (a letter, a
/// case number, a report). The department uses the same register during the year; the annual
/// report lists what its year closed and what is still open.
public struct TrackedItem: Hashable, Sendable, Codable {
    public var id: Int64?
    public var organisationCode: String
    public var source: TrackedItemSource
    /// "Rapport 06/2020", "Årsregnskapet for 2019", a decision's number.
    public var title: String
    public var date: CalendarDate
    public var text: String
    public var responsible: String
    public var measures: String
    public var status: TrackedItemStatus
    public var closedReference: String?
    public var closedOn: CalendarDate?

    public init(
        id: Int64? = nil, organisationCode: String, source: TrackedItemSource, title: String, date: CalendarDate, text: String,
        responsible: String, measures: String, status: TrackedItemStatus, closedReference: String? = nil, closedOn: CalendarDate? = nil
    ) {
        self.id = id
        self.organisationCode = organisationCode
        self.source = source
        self.title = title
        self.date = date
        self.text = text
        self.responsible = responsible
        self.measures = measures
        self.status = status
        self.closedReference = closedReference
        self.closedOn = closedOn
    }

    /// Closed in `year`.
    public func isClosed(in year: Int) -> Bool { status == .closed && closedOn?.year == year }

    /// Received by the end of `year` and not closed by then.
    public func isOpen(atEndOf year: Int) -> Bool {
        date.year <= year && !(status == .closed && (closedOn?.year ?? Int.max) <= year)
    }
}

/// What a tracked item is written with (on creation and while open).
public struct TrackedItemDraft: Sendable, Equatable {
    public var source: TrackedItemSource?
    public var title: String
    public var date: CalendarDate?
    public var text: String
    public var responsible: String
    public var measures: String
    public var status: TrackedItemStatus

    public init(source: TrackedItemSource?, title: String, date: CalendarDate?, text: String, responsible: String, measures: String,
                status: TrackedItemStatus = .open) {
        self.source = source
        self.title = title
        self.date = date
        self.text = text
        self.responsible = responsible
        self.measures = measures
        self.status = status
    }
}

public enum TrackedItemRules {
    /// A new item, or the open `existing` one changed. A closed item is not edited; closing goes
    /// through `close` (a reference is required). Errors name `source`, `title`, `date`, `text`, `status`.
    public static func write(_ draft: TrackedItemDraft, organisationCode: String, existing: TrackedItem? = nil) throws -> TrackedItem {
        var errors = InputErrors()
        if existing?.status == .closed { errors.add("status", "Saken er lukket og kan ikke endres.") }
        if draft.source == nil { errors.add("source", "Velg hvor saken kommer fra.") }
        if draft.title.specialTrimmed.isEmpty { errors.add("title", "Skriv en kort tittel, f.eks. «Rapport 06/2020».") }
        if draft.date == nil { errors.add("date", "Skriv datoen saken kom, som dd.mm.åååå.") }
        if let date = draft.date, !BudgetYears.contains(date.year) { errors.add("date", BudgetYears.outOfRangeMessage(date.year)) }
        if draft.text.specialTrimmed.isEmpty { errors.add("text", "Skriv vedtaket eller merknaden.") }
        if draft.status == .closed { errors.add("status", "Lukk saken med en referanse (bruk «Lukk saken»).") }
        try errors.check()
        guard let source = draft.source, let date = draft.date else { throw errors }
        return TrackedItem(
            id: existing?.id, organisationCode: organisationCode, source: source, title: draft.title.specialTrimmed, date: date,
            text: draft.text.specialTrimmed, responsible: draft.responsible.specialTrimmed, measures: draft.measures.specialTrimmed, status: draft.status)
    }

    /// Closes an item with the reference that closes it; no reference, a date before the item's or
    /// an item already closed is refused (`closedReference`, `closedOn`, `status`).
    public static func close(_ item: TrackedItem, reference: String, on date: CalendarDate?) throws -> TrackedItem {
        var errors = InputErrors()
        let reference = reference.specialTrimmed
        if item.status == .closed { errors.add("status", "Saken er allerede lukket.") }
        if reference.isEmpty {
            errors.add("closedReference", "En sak lukkes med en referanse: brevet, saksnummeret eller rapporten som kvitterer den ut.")
        }
        if let date {
            if date < item.date { errors.add("closedOn", "Saken kan ikke lukkes før den kom (\(NorwegianFormat.date(item.date))).") }
        } else {
            errors.add("closedOn", "Skriv datoen saken ble lukket, som dd.mm.åååå.")
        }
        try errors.check()
        var closed = item
        closed.status = .closed
        closed.closedReference = reference
        closed.closedOn = date
        return closed
    }
}
