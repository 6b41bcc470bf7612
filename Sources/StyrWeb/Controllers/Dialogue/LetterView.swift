import StyrDomain
import StyrReports
import StyrServices

/// The view model of `letter.mustache`: the letter as in force on a date (or the department's
/// draft), with its supplements and the status reports on its assignments.
struct LetterView: Sendable {
    struct Frame: Sendable { var chapter: Int, expenses: String, revenues: String, net: String }
    struct IndicatorTarget: Sendable { var name: String, target: String }
    struct Expectation: Sendable { var text: String }
    struct Option: Sendable { var value: String, label: String, selected: Bool }
    struct Update: Sendable { var date: String, status: String, comment: String }
    struct Assignment: Sendable {
        var key: String, title: String, description: String, deadline: String, reporting: String, status: String
        var updates: [Update]
        /// Set on every assignment, so that none is looked up further out.
        var canInform: Bool
        var statusURL: String
        var statusOptions: [Option]
        /// The report form: open with the values typed and the errors beside the fields when refused.
        var open: Bool
        var dateValue: String, commentValue: String
        var statusError: String?, dateError: String?, commentError: String?
    }
    struct PlannedMeeting: Sendable { var date: String, title: String, kind: String }
    struct Requirement: Sendable { var report: String, period: String, due: String }
    struct Supplement: Sendable {
        var label: String, title: String, issuedOn: String
        var supplementIntroduction: String?
        var changes: [String]
    }
    struct Later: Sendable { var url: String, label: String }

    /// A status report the agency typed that was refused, shown again beside its assignment.
    struct RefusedReport: Sendable {
        var key: String
        var status: String, date: String, comment: String
        /// The errors under the form's field names (`status`, `dato`, `kommentar`).
        var errors: InputErrors
    }

    var organisationName: String, issuer: String, title: String
    var year: Int
    var saved: String?
    var isDraft: Bool
    var issuedOn: String, inForceOn: String, inForceOnISO: String
    var url: String
    var canSteer: Bool
    var csrfToken: String, todayISO: String
    var editURL: String, issueURL: String, supplementURL: String
    var introduction: [String]
    var frames: [Frame]
    var goals: [String]
    var indicators: [IndicatorTarget]
    var expectations: [Expectation]
    var assignments: [Assignment]
    var meetingPlan: [PlannedMeeting]
    var requirements: [Requirement]
    var supplements: [Supplement]
    var supplementCount: Int
    var later: [Later]
    var historyURL: String

    /// What the page shows: the letter in force on the date, or the department's draft.
    enum Shown: Sendable {
        case inForce(LetterInForce)
        case draft(AllocationLetter)
    }

    init(_ reading: LetterService.Reading, shown: Shown, saved: String?, csrfToken: String, today: CalendarDate, refused: RefusedReport? = nil) {
        let (letter, content, inForce): (AllocationLetter, LetterContent, LetterInForce?) = switch shown {
        case .inForce(let inForce): (inForce.letter, inForce.content, inForce)
        case .draft(let draft): (draft, draft.content, nil)
        }
        let scope = reading.scope, year = reading.year
        let base = "\(scope.base)/tildelingsbrev/\(year)"
        let canInform = scope.can(.inform) && letter.status == .issued
        let latest = reading.latestUpdates
        organisationName = scope.organisation.name
        issuer = scope.name(of: letter.issuedByCode)
        title = letter.title
        self.year = year
        self.saved = saved
        isDraft = letter.status == .draft
        issuedOn = letter.issuedOn.map(NorwegianFormat.date) ?? ""
        inForceOn = NorwegianFormat.date(reading.date)
        inForceOnISO = reading.date.iso
        url = base
        canSteer = scope.can(.steer)
        self.csrfToken = csrfToken
        todayISO = today.iso
        (editURL, issueURL, supplementURL) = ("\(base)/rediger", "\(base)/utsted", "\(base)/tillegg")
        introduction = Paragraphs.split(letter.introduction)
        frames = content.frames.map {
            Frame(chapter: $0.chapter, expenses: NorwegianFormat.kroner($0.expenses), revenues: NorwegianFormat.kroner($0.revenues),
                  net: NorwegianFormat.kroner($0.net))
        }
        goals = reading.goalAreas.map(\.name)
        indicators = reading.indicators.compactMap { entry in
            entry.value(in: year)?.target.map { IndicatorTarget(name: entry.indicator.name, target: AnnualReport.formatTarget($0, entry.indicator)) }
        }
        expectations = content.expectations.map { Expectation(text: $0.text) }
        assignments = content.assignments.map { assignment in
            let status = latest[assignment.key]?.status ?? .notStarted
            let refused = refused?.key == assignment.key ? refused : nil
            let selected = refused?.status ?? status.rawValue
            return Assignment(
                key: assignment.key, title: assignment.title, description: assignment.description,
                deadline: NorwegianFormat.date(assignment.deadline), reporting: assignment.reporting, status: status.norwegianName,
                updates: reading.updates(of: assignment.key).map {
                    Update(date: NorwegianFormat.date($0.date), status: $0.status.norwegianName, comment: $0.comment)
                },
                canInform: canInform, statusURL: "\(base)/oppdrag/\(assignment.key.urlPathEncoded)",
                statusOptions: AssignmentStatus.allCases.map { Option(value: $0.rawValue, label: $0.norwegianName, selected: $0.rawValue == selected) },
                open: refused != nil, dateValue: refused?.date ?? today.iso, commentValue: refused?.comment ?? "",
                statusError: refused?.errors["status"], dateError: refused?.errors["dato"], commentError: refused?.errors["kommentar"])
        }
        meetingPlan = content.meetingPlan.map {
            PlannedMeeting(date: NorwegianFormat.date($0.date), title: $0.title, kind: $0.kind.norwegianName.lowercased())
        }
        requirements = content.reportingRequirements.map { Requirement(report: $0.report, period: $0.period, due: NorwegianFormat.date($0.due)) }
        supplements = (inForce?.supplements ?? []).map { supplement in
            Supplement(
                label: "Nr. \(supplement.letter.number)", title: supplement.letter.title,
                issuedOn: supplement.letter.issuedOn.map(NorwegianFormat.date) ?? "",
                supplementIntroduction: supplement.letter.introduction.nonEmpty, changes: supplement.changes)
        }
        supplementCount = supplements.count
        later = (inForce?.laterSupplements ?? []).compactMap { supplement in
            supplement.issuedOn.map { Later(url: "\(base)?dato=\($0.iso)", label: "nr. \(supplement.number) (\(NorwegianFormat.date($0)))") }
        }
        historyURL = "/historikk?type=allocationLetter&nokkel=\("\(scope.code)/\(year)/0".urlQueryEncoded)"
    }
}
