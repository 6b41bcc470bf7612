import StyrDomain
import StyrReports
import StyrServices

/// The view model of `meeting.mustache`: one meeting with its minutes, their approvals and the
/// steering signals given in it.
struct MeetingView: Sendable {
    struct Item: Sendable { var number: Int, kind: String, text: String, owner: String, deadline: String, status: String }
    struct Signal: Sendable { var text: String, url: String, status: String }

    var organisationName: String, kind: String, title: String
    var saved: String?
    /// Why the last change was refused (locked or already approved minutes).
    var error: String?
    var isInformal: Bool
    var date: String, chairedBy: String, status: String
    var departmentApproval: String?, agencyApproval: String?
    var canEdit: Bool, canRecordSignal: Bool
    var signalURL: String, editURL: String
    var canApproveDepartment: Bool, canApproveAgency: Bool
    var approveURL: String, csrfToken: String
    var participants: [String], topics: [String], agenda: [String], minutes: [String]
    var items: [Item]
    var signals: [Signal]
    var historyURL: String

    init(_ found: MeetingService.Found, saved: String?, error: String?, csrfToken: String) {
        let (scope, meeting) = (found.scope, found.meeting)
        let id = meeting.id ?? 0, base = scope.base
        let canSteer = scope.can(.steer)
        let approved = meeting.minutesStatus == .approved
        func approval(_ approval: MinutesApproval?) -> String? { approval.map { "\($0.by), \(NorwegianFormat.date($0.on))" } }
        organisationName = scope.organisation.name
        kind = meeting.kind.norwegianName
        title = meeting.title
        self.saved = saved
        self.error = error
        isInformal = !meeting.kind.isFormal
        date = NorwegianFormat.date(meeting.date)
        chairedBy = scope.name(of: meeting.chairedByCode)
        status = meeting.minutesStatus.norwegianName
        departmentApproval = approval(meeting.departmentApproval)
        agencyApproval = approval(meeting.agencyApproval)
        canEdit = canSteer && !approved
        canRecordSignal = canSteer
        signalURL = "\(base)/signaler/ny?mote=\(id)"
        editURL = "\(base)/moter/\(id)/rediger"
        canApproveDepartment = canSteer && meeting.departmentApproval == nil
        canApproveAgency = scope.can(.approveMinutes) && meeting.agencyApproval == nil
        approveURL = "\(base)/moter/\(id)/godkjenn"
        self.csrfToken = csrfToken
        participants = meeting.participants
        topics = meeting.topics.map(\.norwegianName) + meeting.otherTopics
        agenda = meeting.agenda
        minutes = Paragraphs.split(meeting.minutes)
        items = meeting.items.map { item in
            Item(number: item.number, kind: item.kind.norwegianName, text: item.text, owner: item.owner ?? "",
                 deadline: item.deadline.map(NorwegianFormat.date) ?? "", status: item.status?.norwegianName ?? "")
        }
        signals = found.signals.map { signal in
            Signal(text: signal.text, url: "\(base)/signaler#signal-\(signal.id ?? 0)",
                   status: signal.isConfirmed ? "bekreftet \(signal.confirmedOn.map(NorwegianFormat.date) ?? "")" : "ubekreftet")
        }
        historyURL = "/historikk?type=meeting&nokkel=\("\(scope.code)/\(id)".urlQueryEncoded)"
    }
}
