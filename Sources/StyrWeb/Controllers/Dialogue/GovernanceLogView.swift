import Foundation
import StyrDomain
import StyrServices

/// The view model of `governance-log.mustache`: the log of a period, with links to its CSV and
/// JSON forms; with `error`, the period asked for was refused and nothing is listed.
struct GovernanceLogView: Sendable {
    struct Entry: Sendable {
        var date: String, kind: String, title: String, status: String, detail: String
        var flagged: Bool
        var url: String
    }

    var organisationName: String
    var url: String
    var fromISO: String, toISO: String
    var from: String, to: String
    var error: String?
    var count: Int, flagged: Int
    var csvURL: String, jsonURL: String
    var entries: [Entry]

    init(scope: OrganisationScope, from: CalendarDate, to: CalendarDate, entries: [GovernanceLogEntry], error: String?) {
        let base = "\(scope.base)/styringslogg", query = "fra=\(from.iso)&til=\(to.iso)"
        organisationName = scope.organisation.name
        url = base
        (fromISO, toISO) = (from.iso, to.iso)
        (self.from, self.to) = (NorwegianFormat.date(from), NorwegianFormat.date(to))
        self.error = error
        count = entries.count
        flagged = entries.filter(\.isFlagged).count
        (csvURL, jsonURL) = ("\(base)?\(query)&format=csv", "\(base)?\(query)&format=json")
        self.entries = entries.map { entry in
            Entry(date: NorwegianFormat.date(entry.date), kind: entry.kind.norwegianName, title: entry.title, status: entry.status,
                  detail: entry.detail, flagged: entry.isFlagged, url: entry.path)
        }
    }
}

/// The governance log as JSON: the computed facts as numbers, the dates as ISO 8601.
struct GovernanceLogDocument: Encodable {
    struct Entry: Encodable {
        var date: String
        var organisationCode: String
        var kind: String
        var title: String
        var status: String
        var detail: String
        var flagged: Bool
        var unconfirmedDays: Int?
        var secondsToNotify: Int?
        var path: String

        init(_ entry: GovernanceLogEntry) {
            (date, organisationCode, kind, title, status, detail) = (entry.date.iso, entry.organisationCode, entry.kind.rawValue, entry.title, entry.status, entry.detail)
            (flagged, unconfirmedDays, secondsToNotify, path) = (entry.isFlagged, entry.unconfirmedDays, entry.secondsToNotify, entry.path)
        }
    }

    var organisationCode: String
    var from: String
    var to: String
    var notificationLimitMinutes: Int
    var entries: [Entry]
}
