import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// The annual calendar and the governance log through the API: the same use cases as the pages
/// (`DialogueOverviewService`).
extension StyrAPIHandler {
    /// The most days ahead the calendar lists what is due (the contract's maximum).
    static let maximumCalendarDays = 366

    static func calendarEntrySchema(_ entry: CalendarEntry) -> Components.Schemas.CalendarEntry {
        Components.Schemas.CalendarEntry(
            date: entry.date.iso, kind: calendarKind(entry.kind), organisationCode: entry.organisationCode, title: entry.title,
            detail: entry.detail, uid: entry.uid, path: entry.path)
    }

    func getCalendar(_ input: Operations.GetCalendar.Input) async throws -> Operations.GetCalendar.Output {
        let code = input.path.code
        let today = CalendarDate.today()
        let days = input.query.days ?? 30
        let (_, entries) = try await service {
            // The caller's access is checked before the number of days.
            let calendar = try await services.dialogue.calendar(of: code, by: APICaller.current, today: today)
            guard (0...Self.maximumCalendarDays).contains(days) else {
                throw APIProblem.invalid("days: Velg et antall dager fra 0 til \(Self.maximumCalendarDays).")
            }
            return calendar
        }
        let due = AnnualCalendar.due(entries, within: days, from: today)
        return .ok(.init(body: .json(Components.Schemas.Calendar(
            today: today.iso, days: days, entries: entries.map(Self.calendarEntrySchema), due: due.map(Self.calendarEntrySchema)))))
    }

    func getGovernanceLog(_ input: Operations.GetGovernanceLog.Input) async throws -> Operations.GetGovernanceLog.Output {
        let from = try input.query.from.map { try Self.date($0, field: "from") }
        let to = try input.query.to.map { try Self.date($0, field: "to") }
        let log = try await service {
            try await services.dialogue.governanceLog(of: input.path.code, from: from, to: to, by: APICaller.current)
        }
        return .ok(.init(body: .json(Components.Schemas.GovernanceLog(
            from: log.period.lowerBound.iso, to: log.period.upperBound.iso,
            items: log.entries.map { entry in
                Components.Schemas.GovernanceLogEntry(
                    date: entry.date.iso, organisationCode: entry.organisationCode, kind: Self.logKind(entry.kind), title: entry.title,
                    status: entry.status, detail: entry.detail, flagged: entry.isFlagged, unconfirmedDays: entry.unconfirmedDays,
                    secondsToNotify: entry.secondsToNotify, path: entry.path)
            }))))
    }

    // MARK: Mappings

    static func calendarKind(_ kind: CalendarEntryKind) -> Components.Schemas.CalendarEntry.KindPayload {
        switch kind {
        case .meeting: .meeting
        case .plannedMeeting: .plannedMeeting
        case .reportDeadline: .reportDeadline
        case .assignmentDeadline: .assignmentDeadline
        case .letter: .letter
        case .actionItem: .actionItem
        }
    }

    static func logKind(_ kind: GovernanceLogKind) -> Components.Schemas.GovernanceLogEntry.KindPayload {
        switch kind {
        case .signal: .signal
        case .decision: .decision
        case .actionItem: .actionItem
        case .notice: .notice
        case .incident: .incident
        case .assignment: .assignment
        }
    }
}
