import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrStorage

/// The overview of the dialogue, the annual calendar with its iCalendar feed, and the governance log.
struct DialogueController: Sendable {
    let database: Database
    let pages: Pages
    let access: Authorizer
    let limit: NotificationLimit

    static let maximumDays = 3660

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/styringsdialog") { request, context in
            let scope = try await access.scope(.read, request, context)
            return try await hub(scope, saved: request.uri.queryParameters.get("lagret"), context)
        }
        router.get("/organisasjoner/:code/arshjul") { request, context in
            let scope = try await access.scope(.read, request, context)
            return try await calendar(scope, request, context)
        }
        router.get("/organisasjoner/:code/styringslogg") { request, context in
            let scope = try await access.scope(.read, request, context)
            return try await log(scope, request, context)
        }
        router.get("/kalender") { request, context in
            let user = try access.user(request, context)
            let created = try await database.withConnection { db in try await SQLAccountStore(db).calendarTokenCreated(for: user.email) }
            return feedPage(newToken: nil, created: created, request: request, context)
        }
        router.post("/kalender/forny") { request, context in
            let user = try access.user(request, context)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let token = try await database.transaction { db in try await SQLAccountStore(db).renewCalendarToken(for: user.email) }
            return feedPage(newToken: token, created: Date(), request: request, context)
        }
        router.get("/kalender/:token") { request, context in
            try await feed(token: try context.parameters.require("token"), request)
        }
    }

    func dialogues(of agencies: [Organisation]) async throws -> [AgencyDialogue] {
        try await database.withConnection { db in
            let store = SQLGovernanceStore(db)
            var dialogues: [AgencyDialogue] = []
            for agency in agencies { dialogues.append(try await store.dialogue(of: agency)) }
            return dialogues
        }
    }

    // MARK: Overview

    func hub(_ scope: DialogueScope, saved: String?, _ context: StyrRequestContext) async throws -> HTML {
        let today = CalendarDate.today()
        let dialogues = try await dialogues(of: scope.agencies)
        let tree = scope.tree
        let csrf = context.session?.csrfToken ?? ""
        var unconfirmed: [[String: Any]] = []
        let agencies: [[String: Any]] = dialogues.map { dialogue in
            let base = "/organisasjoner/\(dialogue.organisationCode.urlPathEncoded)"
            let canSteer = AccessPolicy.allows(scope.user, .steer, on: dialogue.organisationCode, in: tree)
            let canInform = AccessPolicy.allows(scope.user, .inform, on: dialogue.organisationCode, in: tree)
            let visibleNotices = dialogue.notices.filter { $0.status != .draft || canInform }
            let open = dialogue.signals.filter { !$0.isConfirmed }
            for signal in open {
                unconfirmed.append(["text": "\(dialogue.organisationName): \(signal.text)", "age": signal.unconfirmedAge(on: today) ?? 0,
                                    "url": "\(base)/signaler#signal-\(signal.id ?? 0)"])
            }
            let years = Array(Set(dialogue.letters.filter { $0.status == .issued || canSteer }.map(\.year))).sorted(by: >)
            return [
                "name": dialogue.organisationName,
                "letters": years.map { ["url": "\(base)/tildelingsbrev/\($0)", "label": "Tildelingsbrev \($0)"] },
                "meetingsURL": "\(base)/moter", "meetingCount": dialogue.meetings.count,
                "signalsURL": "\(base)/signaler", "signalCount": dialogue.signals.count, "unconfirmedCount": open.count,
                "noticesURL": "\(base)/meldinger", "noticeCount": visibleNotices.count,
                "awaitingCount": visibleNotices.filter { $0.status == .submitted }.count,
                "calendarURL": "\(base)/arshjul", "logURL": "\(base)/styringslogg",
                "canSteer": canSteer, "csrfToken": csrf, "nextYear": (years.first ?? today.year - 1) + 1,
                "newLetterURL": "\(base)/tildelingsbrev/\((years.first ?? today.year - 1) + 1)/utkast",
            ]
        }
        return pages.html("Styringsdialogen – \(scope.organisation.name)", template: "dialogue", context: [
            "organisationName": scope.organisation.name, "agencies": agencies, "saved": saved ?? "",
            "unconfirmed": unconfirmed, "hasUnconfirmed": !unconfirmed.isEmpty, "isDepartment": !scope.isAgency,
            "calendarURL": "\(scope.base)/arshjul", "logURL": "\(scope.base)/styringslogg",
        ], context: context, trail: [NavigationLink(url: scope.base, label: scope.organisation.name)])
    }

    // MARK: Annual calendar

    func calendar(_ scope: DialogueScope, _ request: Request, _ context: StyrRequestContext) async throws -> HTML {
        let today = CalendarDate.today()
        let year = request.uri.queryParameters.get("ar", as: Int.self).flatMap { BudgetYears.contains($0) ? $0 : nil } ?? today.year
        let days = min(Self.maximumDays, max(1, request.uri.queryParameters.get("dager", as: Int.self) ?? 30))
        let entries = try await dialogues(of: scope.agencies).flatMap { AnnualCalendar.entries(for: $0, today: today) }
            .sorted { ($0.date, $0.title) < ($1.date, $1.title) }
        func row(_ entry: CalendarEntry) -> [String: String] {
            ["date": NorwegianFormat.date(entry.date), "title": entry.title, "kind": entry.kind.norwegianName, "url": entry.path]
        }
        let monthNames = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"]
        let months: [[String: Any]] = (1...12).compactMap { month in
            let inMonth = entries.filter { $0.date.year == year && $0.date.month == month }
            guard !inMonth.isEmpty else { return nil }
            return ["name": monthNames[month - 1].capitalized + " \(year)", "entries": inMonth.map(row)]
        }
        let due = AnnualCalendar.due(entries, within: days, from: today).map(row)
        return pages.html("Årshjul \(year) – \(scope.organisation.name)", template: "calendar", context: [
            "organisationName": scope.organisation.name, "year": year, "days": days, "today": NorwegianFormat.date(today),
            "url": "\(scope.base)/arshjul", "due": due, "hasDue": !due.isEmpty, "months": months, "hasMonths": !months.isEmpty,
        ], context: context, trail: [NavigationLink(url: scope.base, label: scope.organisation.name),
                                     NavigationLink(url: "\(scope.base)/styringsdialog", label: "Styringsdialogen")])
    }

    func feedPage(newToken: String?, created: Date?, request: Request, _ context: StyrRequestContext) -> HTML {
        let host = request.head.authority ?? "localhost"
        let url = newToken.map { "\(Self.scheme(request))://\(host)/kalender/\($0).ics" } ?? ""
        return pages.html("Kalender", template: "feed", context: [
            "newURL": url, "hasToken": created != nil, "createdAt": created.map(OsloTime.format) ?? "",
            "csrfToken": context.session?.csrfToken ?? "",
        ], context: context)
    }

    static func scheme(_ request: Request) -> String {
        request.headers[.init("X-Forwarded-Proto")!] == "https" ? "https" : (request.head.scheme ?? "http")
    }

    /// The iCalendar feed of every agency the token's user may read. A wrong or replaced token
    /// gets 404 with a plain explanation, never a login page a calendar client cannot show.
    func feed(token: String, _ request: Request) async throws -> Response {
        let secret = token.hasSuffix(".ics") ? String(token.dropLast(4)) : token
        guard secret.count <= 100, let user = try await database.withConnection({ db in try await SQLAccountStore(db).user(calendarToken: secret) }) else {
            return Response(
                status: .notFound, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: "Ukjent eller fornyet kalendernøkkel. Hent en ny adresse på /kalender i Styr.\n")))
        }
        let all = try await database.withConnection { db in try await SQLGovernanceStore(db).organisations() }
        let agencies = AccessPolicy.readable(all, by: user).filter { $0.kind == .agency || $0.kind == .section }
        let today = CalendarDate.today()
        let entries = try await dialogues(of: agencies).flatMap { AnnualCalendar.entries(for: $0, today: today) }
        let base = "\(Self.scheme(request))://\(request.head.authority ?? "localhost")"
        let ics = ICalendar.feed(name: "Styr – årshjul for \(user.name)", entries: entries, baseURL: base, now: Date())
        return Response(
            status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "private, max-age=300"],
            body: .init(byteBuffer: ByteBuffer(string: ics)))
    }

    // MARK: Governance log

    func log(_ scope: DialogueScope, _ request: Request, _ context: StyrRequestContext) async throws -> Response {
        let today = CalendarDate.today()
        let fromText = request.uri.queryParameters.get("fra") ?? "", toText = request.uri.queryParameters.get("til") ?? ""
        var error: String?
        var from = CalendarDate(year: today.year - 1, month: 1, day: 1), to = today
        if !fromText.isEmpty { if let parsed = CalendarDate(fromText) { from = parsed } else { error = "«\(fromText)» er ikke en dato." } }
        if !toText.isEmpty { if let parsed = CalendarDate(toText) { to = parsed } else { error = "«\(toText)» er ikke en dato." } }
        if error == nil, to < from { error = "Perioden slutter (\(NorwegianFormat.date(to))) før den begynner (\(NorwegianFormat.date(from)))." }
        let format = request.uri.queryParameters.get("format") ?? "html"
        if let error, format != "html" {
            return Response(status: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: error + "\n")))
        }
        let entries = error != nil ? [] : try await dialogues(of: scope.agencies)
            .flatMap { GovernanceLog.entries(for: $0, from: from, to: to, today: today, limit: limit) }
            .sorted { ($0.date, $0.kind.rawValue, $0.title) < ($1.date, $1.kind.rawValue, $1.title) }
        let filename = "styringslogg-\(scope.code)-\(from.iso)-\(to.iso)"
        switch format {
        case "csv":
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(filename).csv\""],
                            body: .init(byteBuffer: ByteBuffer(string: GovernanceLog.csv(entries))))
        case "json":
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let document = GovernanceLogDocument(organisationCode: scope.code, from: from.iso, to: to.iso, notificationLimitMinutes: limit.seconds / 60,
                                                 entries: entries.map(GovernanceLogDocument.Entry.init))
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .contentDisposition: "attachment; filename=\"\(filename).json\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(document))))
        default:
            let query = "fra=\(from.iso)&til=\(to.iso)"
            return pages.html("Styringslogg – \(scope.organisation.name)", template: "governance-log", context: [
                "organisationName": scope.organisation.name, "url": "\(scope.base)/styringslogg", "fromISO": from.iso, "toISO": to.iso,
                "from": NorwegianFormat.date(from), "to": NorwegianFormat.date(to), "error": error ?? "", "hasError": error != nil,
                "count": entries.count, "flagged": entries.filter(\.isFlagged).count,
                "csvURL": "\(scope.base)/styringslogg?\(query)&format=csv", "jsonURL": "\(scope.base)/styringslogg?\(query)&format=json",
                "entries": entries.map { entry in
                    ["date": NorwegianFormat.date(entry.date), "kind": entry.kind.norwegianName, "title": entry.title, "status": entry.status,
                     "detail": entry.detail, "flagged": entry.isFlagged, "url": entry.path] as [String: Any]
                }, "hasEntries": !entries.isEmpty,
            ], context: context, status: error == nil ? .ok : .badRequest,
               trail: [NavigationLink(url: scope.base, label: scope.organisation.name),
                       NavigationLink(url: "\(scope.base)/styringsdialog", label: "Styringsdialogen")]).response
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
