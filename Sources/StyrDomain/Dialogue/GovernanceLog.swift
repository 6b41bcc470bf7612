import Foundation

public enum GovernanceLogKind: String, Hashable, Sendable, Codable, CaseIterable {
    case signal, decision, actionItem, notice, incident, assignment

    public var norwegianName: String {
        switch self {
        case .signal: "Styringssignal"
        case .decision: "Beslutning"
        case .actionItem: "Oppfølgingspunkt"
        case .notice: "Melding fra etaten"
        case .incident: "Alvorlig hendelse"
        case .assignment: "Særskilt oppdrag"
        }
    }
}

/// One line of the governance log (*styringslogg*).
public struct GovernanceLogEntry: Hashable, Sendable, Codable {
    public var date: CalendarDate
    public var organisationCode: String
    public var kind: GovernanceLogKind
    public var title: String
    public var status: String
    /// Computed facts: a signal's age, an incident's time to notify, an assignment's deadline.
    public var detail: String
    /// An unconfirmed signal or a late notification: something that should not be.
    public var isFlagged: Bool
    public var unconfirmedDays: Int?
    public var secondsToNotify: Int?
    public var path: String
}

/// The governance log of a period, computed from the dialogue records.
public enum GovernanceLog {
    public static func entries(
        for dialogue: AgencyDialogue, from start: CalendarDate, to end: CalendarDate, today: CalendarDate, limit: NotificationLimit
    ) -> [GovernanceLogEntry] {
        let code = dialogue.organisationCode, base = "/organisasjoner/\(code)"
        let period = start...end
        var entries: [GovernanceLogEntry] = []
        for signal in dialogue.signals where period.contains(signal.givenOn) {
            let age = signal.unconfirmedAge(on: today)
            let confirmation: String
            switch signal.confirmation {
            case .minutesItem(let meetingID, let number)?:
                let meeting = dialogue.meetings.first { $0.id == meetingID }
                confirmation = "Bekreftet \(signal.confirmedOn.map(NorwegianFormat.date) ?? "") i referat fra \(meeting?.title ?? "møte \(meetingID)"), punkt \(number)."
            case .letter(let year, let number)?:
                let letter = dialogue.letters.first { $0.year == year && $0.number == number }
                confirmation = "Bekreftet \(signal.confirmedOn.map(NorwegianFormat.date) ?? "") i \(letter?.kindName.lowercased() ?? "brev \(year)/\(number)")."
            case nil:
                confirmation = "Ikke bekreftet skriftlig: \(age ?? 0) dager."
            }
            entries.append(GovernanceLogEntry(
                date: signal.givenOn, organisationCode: code, kind: .signal, title: signal.text,
                status: signal.isConfirmed ? "Bekreftet" : "Ubekreftet",
                detail: "Gitt av \(signal.givenBy), \(signal.place). \(confirmation)", isFlagged: !signal.isConfirmed,
                unconfirmedDays: age, secondsToNotify: nil, path: "\(base)/signaler#signal-\(signal.id ?? 0)"))
        }
        for meeting in dialogue.meetings where period.contains(meeting.date) {
            for item in meeting.items where item.kind != .note {
                let isDecision = item.kind == .decision
                var detail = "\(meeting.kind.norwegianName) «\(meeting.title)», punkt \(item.number). Referat: \(meeting.minutesStatus.norwegianName.lowercased())."
                if !isDecision {
                    detail += " Ansvarlig: \(item.owner ?? "–")" + (item.deadline.map { ", frist \(NorwegianFormat.date($0))." } ?? ".")
                }
                entries.append(GovernanceLogEntry(
                    date: meeting.date, organisationCode: code, kind: isDecision ? .decision : .actionItem, title: item.text,
                    status: isDecision ? (meeting.minutesStatus == .approved ? "Vedtatt" : "Referat ikke godkjent") : (item.status ?? .notStarted).norwegianName,
                    detail: detail, isFlagged: false, unconfirmedDays: nil, secondsToNotify: nil, path: "\(base)/moter/\(meeting.id ?? 0)"))
            }
        }
        for notice in dialogue.notices where notice.status != .draft {
            guard let submittedAt = notice.submittedAt else { continue }
            let answer = notice.answer.map { " Svar \(OsloTime.format($0.at)): \($0.text)" } ?? ""
            if let timing = notice.incidentTiming {
                let day = CalendarDate(timing.detectedAt)
                guard period.contains(day) else { continue }
                let late = timing.isLate(limit: limit)
                let gap = OsloTime.duration(seconds: timing.secondsToNotify)
                entries.append(GovernanceLogEntry(
                    date: day, organisationCode: code, kind: .incident, title: notice.title,
                    status: late ? "Varslet for sent" : "Varslet i tide",
                    detail: "Inntraff \(OsloTime.format(timing.occurredAt)), oppdaget \(OsloTime.format(timing.detectedAt)), varslet \(OsloTime.format(timing.notifiedAt)): \(gap) fra oppdagelse til varsel (grense \(limit.norwegianDescription)).\(answer)",
                    isFlagged: late, unconfirmedDays: nil, secondsToNotify: timing.secondsToNotify, path: "\(base)/meldinger/\(notice.id ?? 0)"))
            } else {
                let day = CalendarDate(submittedAt)
                guard period.contains(day) else { continue }
                entries.append(GovernanceLogEntry(
                    date: day, organisationCode: code, kind: .notice, title: "\(notice.kind.norwegianName): \(notice.title)",
                    status: notice.status.norwegianName, detail: "Sendt \(OsloTime.format(submittedAt)).\(answer)", isFlagged: false,
                    unconfirmedDays: nil, secondsToNotify: nil, path: "\(base)/meldinger/\(notice.id ?? 0)"))
            }
        }
        for inForce in dialogue.lettersInForce(today: today) {
            let statuses = LetterRules.currentStatuses(dialogue.assignmentUpdates.filter { $0.year == inForce.letter.year })
            for assignment in inForce.content.assignments where period.contains(assignment.deadline) {
                let status = statuses[assignment.key] ?? .notStarted
                let overdue = !status.isClosed && assignment.deadline < today
                entries.append(GovernanceLogEntry(
                    date: assignment.deadline, organisationCode: code, kind: .assignment, title: assignment.title,
                    status: status.norwegianName,
                    detail: "Frist \(NorwegianFormat.date(assignment.deadline))\(overdue ? ", fristen er passert" : ""). Rapporteres: \(assignment.reporting).",
                    isFlagged: overdue, unconfirmedDays: nil, secondsToNotify: nil,
                    path: "\(base)/tildelingsbrev/\(inForce.letter.year)#oppdrag-\(assignment.key)"))
            }
        }
        return entries.sorted { ($0.date, $0.kind.rawValue, $0.title) < ($1.date, $1.kind.rawValue, $1.title) }
    }

    /// The period a log covers when `from` or `to` is not given: from 1 January of the year before
    /// the end (or before today), to today, or to the end of a later year asked from. Refused (`to`)
    /// when it ends before it begins.
    public static func period(from: CalendarDate?, to: CalendarDate?, today: CalendarDate) throws -> ClosedRange<CalendarDate> {
        let start = from ?? CalendarDate(year: (to ?? today).year - 1, month: 1, day: 1)
        let end = to ?? max(today, from.map { CalendarDate(year: $0.year, month: 12, day: 31) } ?? today)
        guard start <= end else {
            throw InputErrors.single("to", "Perioden slutter (\(NorwegianFormat.date(end))) før den begynner (\(NorwegianFormat.date(start))).")
        }
        return start...end
    }

    /// The entries of several agencies in one order: by date, kind, title and agency.
    public static func ordered(_ entries: [GovernanceLogEntry]) -> [GovernanceLogEntry] {
        entries.sorted { ($0.date, $0.kind.rawValue, $0.title, $0.organisationCode) < ($1.date, $1.kind.rawValue, $1.title, $1.organisationCode) }
    }

    /// Semicolon-separated, as Norwegian spreadsheets expect, with a byte-order mark.
    public static func csv(_ entries: [GovernanceLogEntry]) -> String {
        let header = ["Dato", "Organisasjon", "Type", "Tittel", "Status", "Flagget", "Dager ubekreftet", "Minutter til varsel", "Detaljer"]
        let rows = entries.map { entry in
            [NorwegianFormat.date(entry.date), entry.organisationCode, entry.kind.norwegianName, entry.title, entry.status,
             entry.isFlagged ? "ja" : "nei", entry.unconfirmedDays.map(String.init) ?? "",
             entry.secondsToNotify.map { String($0 / 60) } ?? "", entry.detail]
        }
        return "\u{FEFF}" + ([header] + rows).map { $0.map(csvField).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    static func csvField(_ value: String) -> String {
        // A leading = + - @ would be read as a formula by a spreadsheet.
        let safe = value.first.map { "=+-@".contains($0) } == true ? "'" + value : value
        guard safe.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || safe != value else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
