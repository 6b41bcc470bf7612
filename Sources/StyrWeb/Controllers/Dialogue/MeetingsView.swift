import StyrDomain
import StyrReports
import StyrServices

/// The view model of `meetings.mustache`: an agency's meetings, newest first.
struct MeetingsView: Sendable {
    struct Row: Sendable {
        var date: String, title: String, kind: String, url: String, status: String
        var decisions: Int, actions: Int
    }

    var organisationName: String
    var saved: String?
    var canSteer: Bool
    var newURL: String
    var meetings: [Row]

    init(_ listing: MeetingService.Listing, saved: String?) {
        let scope = listing.scope
        organisationName = scope.organisation.name
        self.saved = saved
        canSteer = scope.can(.steer)
        newURL = "\(scope.base)/moter/ny"
        meetings = listing.meetings.reversed().map { meeting in
            Row(date: NorwegianFormat.date(meeting.date), title: meeting.title, kind: meeting.kind.norwegianName,
                url: "\(scope.base)/moter/\(meeting.id ?? 0)", status: meeting.minutesStatus.norwegianName,
                decisions: meeting.items.filter { $0.kind == .decision }.count, actions: meeting.items.filter { $0.kind == .actionItem }.count)
        }
    }
}
