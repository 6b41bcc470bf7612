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
        if signal.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors.add("tekst", "Skriv hva signalet gikk ut på.") }
        if signal.givenBy.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors.add("gitt_av", "Skriv hvem som ga signalet.") }
        if signal.givenOn > today { errors.add("dato", "Datoen (\(NorwegianFormat.date(signal.givenOn))) er frem i tid.") }
        if !BudgetYears.contains(signal.givenOn.year) { errors.add("dato", BudgetYears.outOfRangeMessage(signal.givenOn.year)) }
        return errors
    }

    /// Links the signal to a written confirmation, when the confirmation is one: an item of
    /// approved minutes of a formal meeting with the same agency, or an issued letter to it.
    public static func confirm(
        _ signal: SteeringSignal, with confirmation: SignalConfirmation, meetings: [Meeting], letters: [AllocationLetter]
    ) throws -> SteeringSignal {
        guard !signal.isConfirmed else { throw InputErrors.single("bekreftelse", "Signalet er allerede bekreftet skriftlig.") }
        let confirmedOn: CalendarDate
        switch confirmation {
        case .minutesItem(let meetingID, let itemNumber):
            guard let meeting = meetings.first(where: { $0.id == meetingID && $0.organisationCode == signal.organisationCode }) else {
                throw InputErrors.single("bekreftelse", "Fant ikke møtet det vises til hos \(signal.organisationCode).")
            }
            guard meeting.kind.isFormal else {
                throw InputErrors.single("bekreftelse", "«\(meeting.title)» er et uformelt møte; bare referat fra etatsstyringsmøter bekrefter styringssignaler.")
            }
            guard meeting.item(itemNumber) != nil else {
                throw InputErrors.single("bekreftelse", "Referatet fra «\(meeting.title)» har ikke noe punkt \(itemNumber).")
            }
            guard let approvedOn = meeting.approvedOn else {
                throw InputErrors.single("bekreftelse", "Referatet fra «\(meeting.title)» er ikke godkjent av begge parter ennå (\(meeting.minutesStatus.norwegianName.lowercased())).")
            }
            confirmedOn = approvedOn
        case .letter(let year, let number):
            guard let letter = letters.first(where: { $0.year == year && $0.number == number && $0.organisationCode == signal.organisationCode }) else {
                throw InputErrors.single("bekreftelse", "Fant ikke tildelingsbrevet det vises til.")
            }
            guard letter.status == .issued, let issuedOn = letter.issuedOn else {
                throw InputErrors.single("bekreftelse", "\(letter.kindName) er ikke utstedt ennå.")
            }
            confirmedOn = issuedOn
        }
        guard confirmedOn >= signal.givenOn else {
            throw InputErrors.single("bekreftelse", "Bekreftelsen (\(NorwegianFormat.date(confirmedOn))) er eldre enn signalet (\(NorwegianFormat.date(signal.givenOn))).")
        }
        var confirmed = signal
        confirmed.confirmation = confirmation
        confirmed.confirmedOn = confirmedOn
        return confirmed
    }
}
