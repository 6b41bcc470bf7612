import Foundation

public enum CalendarEntryKind: String, Hashable, Sendable, Codable, CaseIterable {
    case meeting, plannedMeeting, reportDeadline, assignmentDeadline, letter, actionItem

    public var norwegianName: String {
        switch self {
        case .meeting: "Møte"
        case .plannedMeeting: "Planlagt møte"
        case .reportDeadline: "Rapporteringsfrist"
        case .assignmentDeadline: "Frist for oppdrag"
        case .letter: "Tildelingsbrev"
        case .actionItem: "Frist for oppfølgingspunkt"
        }
    }
}

/// One dated obligation of the annual calendar (*årshjul*).
public struct CalendarEntry: Hashable, Sendable, Codable {
    public var date: CalendarDate
    public var kind: CalendarEntryKind
    public var organisationCode: String
    public var title: String
    public var detail: String
    /// Stable across feeds, so a calendar updates an event instead of duplicating it.
    public var uid: String
    /// The page of the entry, relative to the site.
    public var path: String

    public init(date: CalendarDate, kind: CalendarEntryKind, organisationCode: String, title: String, detail: String = "",
                uid: String, path: String) {
        self.date = date
        self.kind = kind
        self.organisationCode = organisationCode
        self.title = title
        self.detail = detail
        self.uid = uid
        self.path = path
    }
}

/// Everything the calendar is made from, for one agency.
public struct AgencyDialogue: Sendable {
    public var organisationCode: String
    public var organisationName: String
    public var letters: [AllocationLetter]
    public var assignmentUpdates: [AssignmentStatusUpdate]
    public var meetings: [Meeting]
    public var signals: [SteeringSignal]
    public var notices: [InformationNotice]

    public init(organisationCode: String, organisationName: String, letters: [AllocationLetter], assignmentUpdates: [AssignmentStatusUpdate],
                meetings: [Meeting], signals: [SteeringSignal], notices: [InformationNotice]) {
        self.organisationCode = organisationCode
        self.organisationName = organisationName
        self.letters = letters
        self.assignmentUpdates = assignmentUpdates
        self.meetings = meetings
        self.signals = signals
        self.notices = notices
    }

    /// The years that have an issued letter.
    public var letterYears: [Int] { Array(Set(letters.filter { $0.status == .issued }.map(\.year))).sorted() }

    /// Each year's letter as in force now, or at the end of its year when that is earlier.
    public func lettersInForce(today: CalendarDate) -> [LetterInForce] {
        letterYears.compactMap { year in
            LetterRules.inForce(letters.filter { $0.year == year }, on: min(today, CalendarDate(year: year, month: 12, day: 31)))
                ?? LetterRules.inForce(letters.filter { $0.year == year }, on: CalendarDate(year: year, month: 12, day: 31))
        }
    }
}

/// Builds the annual calendar from letters, meetings and minutes.
public enum AnnualCalendar {
    public static func entries(for dialogue: AgencyDialogue, today: CalendarDate) -> [CalendarEntry] {
        let code = dialogue.organisationCode, name = dialogue.organisationName
        let base = "/organisasjoner/\(code)"
        var entries: [CalendarEntry] = []
        for letter in dialogue.letters where letter.status == .issued {
            guard let issuedOn = letter.issuedOn else { continue }
            entries.append(CalendarEntry(
                date: issuedOn, kind: .letter, organisationCode: code, title: "\(letter.kindName) til \(name)", detail: letter.title,
                uid: "letter-\(code)-\(letter.year)-\(letter.number)", path: "\(base)/tildelingsbrev/\(letter.year)"))
        }
        for inForce in dialogue.lettersInForce(today: today) {
            let year = inForce.letter.year
            let statuses = LetterRules.currentStatuses(dialogue.assignmentUpdates.filter { $0.year == year })
            for assignment in inForce.content.assignments {
                let status = statuses[assignment.key] ?? .notStarted
                entries.append(CalendarEntry(
                    date: assignment.deadline, kind: .assignmentDeadline, organisationCode: code,
                    title: "Frist: \(assignment.title) (\(name))", detail: "Status: \(status.norwegianName). Rapporteres: \(assignment.reporting)",
                    uid: "assignment-\(code)-\(year)-\(assignment.key)", path: "\(base)/tildelingsbrev/\(year)#oppdrag-\(assignment.key)"))
            }
            for requirement in inForce.content.reportingRequirements {
                entries.append(CalendarEntry(
                    date: requirement.due, kind: .reportDeadline, organisationCode: code,
                    title: "Frist: \(requirement.report) \(requirement.period) (\(name))", detail: "Rapporteringskrav i tildelingsbrevet \(year)",
                    uid: "report-\(code)-\(year)-\(slug(requirement.report + "-" + requirement.period))", path: "\(base)/tildelingsbrev/\(year)#rapportering"))
            }
            // A planned meeting that took place is shown as the meeting itself.
            for planned in inForce.content.meetingPlan where !dialogue.meetings.contains(where: { $0.date == planned.date && $0.kind == planned.kind }) {
                entries.append(CalendarEntry(
                    date: planned.date, kind: .plannedMeeting, organisationCode: code, title: "\(planned.title) (\(name))",
                    detail: "\(planned.kind.norwegianName), planlagt i tildelingsbrevet \(year)",
                    uid: "planned-\(code)-\(planned.date.iso)-\(planned.kind.rawValue)", path: "\(base)/tildelingsbrev/\(year)#moteplan"))
            }
        }
        for meeting in dialogue.meetings {
            guard let id = meeting.id else { continue }
            entries.append(CalendarEntry(
                date: meeting.date, kind: .meeting, organisationCode: code, title: "\(meeting.title) (\(name))",
                detail: "\(meeting.kind.norwegianName). Referat: \(meeting.minutesStatus.norwegianName.lowercased()).",
                uid: "meeting-\(id)", path: "\(base)/moter/\(id)"))
            for item in meeting.items where item.kind == .actionItem {
                guard let deadline = item.deadline else { continue }
                entries.append(CalendarEntry(
                    date: deadline, kind: .actionItem, organisationCode: code, title: "Frist: \(item.text) (\(name))",
                    detail: "Ansvarlig: \(item.owner ?? "–"). Fra \(meeting.title) \(NorwegianFormat.date(meeting.date)), punkt \(item.number).",
                    uid: "action-\(id)-\(item.number)", path: "\(base)/moter/\(id)"))
            }
        }
        return entries.sorted { ($0.date, $0.kind.rawValue, $0.title) < ($1.date, $1.kind.rawValue, $1.title) }
    }

    /// The entries of several agencies in one order: by date, kind, title and agency.
    public static func ordered(_ entries: [CalendarEntry]) -> [CalendarEntry] {
        entries.sorted { ($0.date, $0.kind.rawValue, $0.title, $0.organisationCode) < ($1.date, $1.kind.rawValue, $1.title, $1.organisationCode) }
    }

    /// Entries from `today` up to and including `today + days`.
    public static func due(_ entries: [CalendarEntry], within days: Int, from today: CalendarDate) -> [CalendarEntry] {
        let end = today.adding(days: days)
        return entries.filter { $0.date >= today && $0.date <= end }
    }

    static func slug(_ text: String) -> String {
        let folded = text.lowercased().map { character -> String in
            switch character {
            case "æ": "ae"
            case "ø": "o"
            case "å": "a"
            default: character.isASCII && (character.isLetter || character.isNumber) ? String(character) : "-"
            }
        }.joined()
        return folded.split(separator: "-").joined(separator: "-")
    }
}
