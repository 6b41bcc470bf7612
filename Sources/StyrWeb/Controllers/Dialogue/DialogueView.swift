import StyrDomain
import StyrServices

/// The view model of `dialogue.mustache`: the overview of the dialogue with each agency, and the
/// steering signals still waiting for a written confirmation.
struct DialogueView: Sendable {
    struct Link: Sendable { var url: String, label: String }
    struct Unconfirmed: Sendable { var text: String, age: Int, url: String }
    struct Agency: Sendable {
        var name: String
        var letters: [Link]
        var meetingsURL: String, meetingCount: Int
        var signalsURL: String, signalCount: Int, unconfirmedCount: Int
        var noticesURL: String, noticeCount: Int, awaitingCount: Int
        var calendarURL: String, logURL: String
        /// Set on every agency, so that none is looked up further out.
        var canSteer: Bool
        var nextYear: Int, newLetterURL: String
    }

    var organisationName: String
    var saved: String?
    var csrfToken: String
    var unconfirmed: [Unconfirmed]
    var agencies: [Agency]
    var isDepartment: Bool
    var calendarURL: String, logURL: String

    init(_ overview: DialogueOverviewService.Overview, saved: String?, csrfToken: String, today: CalendarDate) {
        let scope = overview.scope, tree = scope.tree
        var unconfirmed: [Unconfirmed] = []
        agencies = overview.dialogues.map { dialogue in
            let base = "/organisasjoner/\(dialogue.organisationCode.urlPathEncoded)"
            let canSteer = AccessPolicy.allows(scope.user, .steer, on: dialogue.organisationCode, in: tree)
            let canInform = AccessPolicy.allows(scope.user, .inform, on: dialogue.organisationCode, in: tree)
            let visibleNotices = dialogue.notices.filter { NoticeRules.visible($0, toInformer: canInform) }
            let open = dialogue.signals.filter { !$0.isConfirmed }
            for signal in open {
                unconfirmed.append(Unconfirmed(text: "\(dialogue.organisationName): \(signal.text)", age: signal.unconfirmedAge(on: today) ?? 0,
                                               url: "\(base)/signaler#signal-\(signal.id ?? 0)"))
            }
            // A draft letter is the department's until it is issued.
            let years = Array(Set(dialogue.letters.filter { $0.status == .issued || canSteer }.map(\.year))).sorted(by: >)
            let nextYear = (years.first ?? today.year - 1) + 1
            return Agency(
                name: dialogue.organisationName, letters: years.map { Link(url: "\(base)/tildelingsbrev/\($0)", label: "Tildelingsbrev \($0)") },
                meetingsURL: "\(base)/moter", meetingCount: dialogue.meetings.count,
                signalsURL: "\(base)/signaler", signalCount: dialogue.signals.count, unconfirmedCount: open.count,
                noticesURL: "\(base)/meldinger", noticeCount: visibleNotices.count,
                awaitingCount: visibleNotices.filter { $0.status == .submitted }.count,
                calendarURL: "\(base)/arshjul", logURL: "\(base)/styringslogg",
                canSteer: canSteer, nextYear: nextYear, newLetterURL: "\(base)/tildelingsbrev/\(nextYear)/utkast")
        }
        self.unconfirmed = unconfirmed
        organisationName = scope.organisation.name
        self.saved = saved
        self.csrfToken = csrfToken
        isDepartment = !scope.isAgency
        calendarURL = "\(scope.base)/arshjul"
        logURL = "\(scope.base)/styringslogg"
    }
}
