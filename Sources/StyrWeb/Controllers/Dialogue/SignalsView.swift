import StyrDomain
import StyrServices

/// The view model of `signals.mustache`: an agency's steering signals, newest first.
struct SignalsView: Sendable {
    struct Row: Sendable {
        var id: Int64
        var date: String, text: String, givenBy: String, place: String
        /// Set on every row, so that none is looked up further out.
        var unconfirmed: Bool
        var age: Int
        var confirmedOn: String, confirmation: String
        var canConfirm: Bool
        var confirmURL: String, historyURL: String
    }

    var organisationName: String
    /// The server's confirmation of what was just saved (see `Confirmation`).
    var saved: String?
    var canSteer: Bool
    var newURL: String
    var signals: [Row]

    init(_ listing: SignalService.Listing, saved: String?, today: CalendarDate) {
        let scope = listing.scope
        let canSteer = scope.can(.steer)
        organisationName = scope.organisation.name
        self.saved = saved
        self.canSteer = canSteer
        newURL = "\(scope.base)/signaler/ny"
        signals = listing.signals.reversed().map { signal in
            let id = signal.id ?? 0
            return Row(
                id: id, date: NorwegianFormat.date(signal.givenOn), text: signal.text, givenBy: signal.givenBy, place: signal.place,
                unconfirmed: !signal.isConfirmed, age: signal.unconfirmedAge(on: today) ?? 0,
                confirmedOn: signal.confirmedOn.map(NorwegianFormat.date) ?? "",
                confirmation: Self.describe(signal.confirmation, meetings: listing.meetings, letters: listing.letters),
                canConfirm: canSteer && !signal.isConfirmed, confirmURL: "\(scope.base)/signaler/\(id)/bekreft",
                historyURL: "/historikk?type=steeringSignal&nokkel=\("\(scope.code)/\(id)".urlQueryEncoded)")
        }
    }

    /// Where a confirmed signal was confirmed, in words.
    static func describe(_ confirmation: SignalConfirmation?, meetings: [Meeting], letters: [AllocationLetter]) -> String {
        switch confirmation {
        case .minutesItem(let meetingID, let number)?:
            let meeting = meetings.first { $0.id == meetingID }
            return "referat fra \(meeting?.title ?? "møte \(meetingID)"), punkt \(number)"
        case .letter(let year, let number)?:
            return letters.first { $0.year == year && $0.number == number }?.kindName.lowercased() ?? "brev \(year)/\(number)"
        case nil:
            return ""
        }
    }
}
