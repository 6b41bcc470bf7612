/// Where a steering signal was confirmed in writing.
public enum SignalConfirmation: Hashable, Sendable, Codable {
    /// An item of approved minutes of a formal meeting.
    case minutesItem(meetingID: Int64, itemNumber: Int)
    /// An issued allocation letter or supplement.
    case letter(year: Int, number: Int)
}

public enum SignalOrigin: String, Hashable, Sendable, Codable, CaseIterable {
    case formalMeeting, informalMeeting, other

    public var norwegianName: String {
        switch self {
        case .formalMeeting: "Etatsstyringsmøte"
        case .informalMeeting: "Uformelt møte (fag- eller systemeiermøte)"
        case .other: "Annet (telefon, e-post, samtale)"
        }
    }
}

/// A steering signal (*styringssignal*): an instruction to the agency. Unless confirmed in writing
/// through the formal channel, it stays flagged.
public struct SteeringSignal: Hashable, Sendable, Codable {
    public var id: Int64?
    public var organisationCode: String
    public var text: String
    /// Who gave the signal (name and role).
    public var givenBy: String
    public var givenOn: CalendarDate
    public var origin: SignalOrigin
    /// The meeting it was given in, when it was given in one.
    public var meetingID: Int64?
    /// Where, in words (e.g. the meeting's title), for the log.
    public var place: String
    public var recordedBy: String
    public var confirmation: SignalConfirmation?
    public var confirmedOn: CalendarDate?

    public init(id: Int64? = nil, organisationCode: String, text: String, givenBy: String, givenOn: CalendarDate,
                origin: SignalOrigin, meetingID: Int64? = nil, place: String, recordedBy: String,
                confirmation: SignalConfirmation? = nil, confirmedOn: CalendarDate? = nil) {
        self.id = id
        self.organisationCode = organisationCode
        self.text = text
        self.givenBy = givenBy
        self.givenOn = givenOn
        self.origin = origin
        self.meetingID = meetingID
        self.place = place
        self.recordedBy = recordedBy
        self.confirmation = confirmation
        self.confirmedOn = confirmedOn
    }

    public var isConfirmed: Bool { confirmation != nil }

    /// Days since it was given, while it is unconfirmed.
    public func unconfirmedAge(on today: CalendarDate) -> Int? {
        isConfirmed ? nil : max(0, today.days(since: givenOn))
    }
}

/// Rules of steering signals.
public enum SignalRules {
    public static func validate(_ signal: SteeringSignal, today: CalendarDate) -> InputErrors {
        var errors = InputErrors()
        if signal.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors.add("text", "Skriv hva signalet gikk ut på.") }
        if signal.givenBy.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors.add("givenBy", "Skriv hvem som ga signalet.") }
        if signal.givenOn > today { errors.add("givenOn", "Datoen (\(NorwegianFormat.date(signal.givenOn))) er frem i tid.") }
        if !BudgetYears.contains(signal.givenOn.year) { errors.add("givenOn", BudgetYears.outOfRangeMessage(signal.givenOn.year)) }
        if signal.place.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.add("place", "Skriv hvor eller i hvilken anledning signalet ble gitt.")
        }
        return errors
    }

    /// A signal as recorded by the department. Given in a registered meeting, the meeting decides
    /// the channel (formal or not), the date must be the meeting's and the place is the meeting;
    /// otherwise the place must be written. Errors name the draft's fields.
    public static func record(
        _ draft: SignalDraft, organisationCode: String, meetings: [Meeting], recordedBy: String, today: CalendarDate
    ) throws -> SteeringSignal {
        var errors = InputErrors()
        if draft.givenOn == nil { errors.add("givenOn", "Skriv datoen signalet ble gitt (DD.MM.ÅÅÅÅ).") }
        var origin = draft.origin ?? .other
        var meeting: Meeting?
        if let meetingID = draft.meetingID {
            meeting = meetings.first { $0.id == meetingID && $0.organisationCode == organisationCode }
            if meeting == nil { errors.add("meeting", "Fant ikke møtet hos \(organisationCode).") }
        }
        if let meeting {
            origin = meeting.kind.isFormal ? .formalMeeting : .informalMeeting
            if let date = draft.givenOn, date != meeting.date {
                errors.add("givenOn", "Møtet ble holdt \(NorwegianFormat.date(meeting.date)), ikke \(NorwegianFormat.date(date)).")
            }
        }
        let place = meeting.map { "\($0.title) \(NorwegianFormat.date($0.date))" } ?? draft.place.trimmingCharacters(in: .whitespacesAndNewlines)
        let signal = SteeringSignal(
            organisationCode: organisationCode, text: draft.text.trimmingCharacters(in: .whitespacesAndNewlines),
            givenBy: draft.givenBy.trimmingCharacters(in: .whitespacesAndNewlines), givenOn: draft.givenOn ?? today, origin: origin,
            meetingID: meeting?.id, place: place, recordedBy: recordedBy)
        for entry in validate(signal, today: today).entries { errors.add(entry.field, entry.message) }
        try errors.check()
        return signal
    }

    /// Links the signal to a written confirmation, when the confirmation is one: an item of
    /// approved minutes of a formal meeting with the same agency, or an issued letter to it.
    public static func confirm(
        _ signal: SteeringSignal, with confirmation: SignalConfirmation, meetings: [Meeting], letters: [AllocationLetter]
    ) throws -> SteeringSignal {
        guard !signal.isConfirmed else { throw InputErrors.single("confirmation", "Signalet er allerede bekreftet skriftlig.") }
        let confirmedOn: CalendarDate
        switch confirmation {
        case .minutesItem(let meetingID, let itemNumber):
            guard let meeting = meetings.first(where: { $0.id == meetingID && $0.organisationCode == signal.organisationCode }) else {
                throw InputErrors.single("confirmation", "Fant ikke møtet det vises til hos \(signal.organisationCode).")
            }
            guard meeting.kind.isFormal else {
                throw InputErrors.single("confirmation", "«\(meeting.title)» er et uformelt møte; bare referat fra etatsstyringsmøter bekrefter styringssignaler.")
            }
            guard meeting.item(itemNumber) != nil else {
                throw InputErrors.single("confirmation", "Referatet fra «\(meeting.title)» har ikke noe punkt \(itemNumber).")
            }
            guard let approvedOn = meeting.approvedOn else {
                throw InputErrors.single("confirmation", "Referatet fra «\(meeting.title)» er ikke godkjent av begge parter ennå (\(meeting.minutesStatus.norwegianName.lowercased())).")
            }
            confirmedOn = approvedOn
        case .letter(let year, let number):
            guard let letter = letters.first(where: { $0.year == year && $0.number == number && $0.organisationCode == signal.organisationCode }) else {
                throw InputErrors.single("confirmation", "Fant ikke tildelingsbrevet det vises til.")
            }
            guard letter.status == .issued, let issuedOn = letter.issuedOn else {
                throw InputErrors.single("confirmation", "\(letter.kindName) er ikke utstedt ennå.")
            }
            confirmedOn = issuedOn
        }
        guard confirmedOn >= signal.givenOn else {
            throw InputErrors.single("confirmation", "Bekreftelsen (\(NorwegianFormat.date(confirmedOn))) er eldre enn signalet (\(NorwegianFormat.date(signal.givenOn))).")
        }
        var confirmed = signal
        confirmed.confirmation = confirmation
        confirmed.confirmedOn = confirmedOn
        return confirmed
    }
}

/// A signal as typed, before the rules: a missing date is nil, and a meeting, when chosen, decides
/// the channel and the place.
public struct SignalDraft: Sendable, Hashable {
    public var text: String
    public var givenBy: String
    public var givenOn: CalendarDate?
    public var origin: SignalOrigin?
    public var meetingID: Int64?
    public var place: String

    public init(text: String, givenBy: String, givenOn: CalendarDate?, origin: SignalOrigin?, meetingID: Int64?, place: String) {
        self.text = text
        self.givenBy = givenBy
        self.givenOn = givenOn
        self.origin = origin
        self.meetingID = meetingID
        self.place = place
    }
}
