import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The overview of the dialogue, the annual calendar with its iCalendar feed, and the governance
/// log. The rules are `DialogueOverviewService`'s; this page only translates queries and views.
struct DialogueController: Sendable {
    let dialogue: DialogueOverviewService
    /// The feed's secret is the user's calendar token (an account matter).
    let accounts: AccountService
    let pages: Pages
    let access: Authorizer
    /// The year the calendar opens on without `?ar` (`latestYearWithData`).
    let years: BudgetYearService

    /// The most days ahead the calendar page lists what is due (the API's limit is its own, 366).
    static let maximumDays = 3660

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/styringsdialog") { request, context in
            let overview = try await dialogue.overview(of: try context.parameters.require("code"), by: context.session?.user)
            let scope = overview.scope
            let view = DialogueView(overview, saved: Confirmation.message(request, context), csrfToken: context.session?.csrfToken ?? "",
                                    today: CalendarDate.today())
            return pages.html("Styringsdialogen – \(scope.organisation.name)", template: "dialogue", model: view, context: context,
                              trail: [NavigationLink(url: scope.base, label: scope.organisation.name)])
        }
        router.get("/organisasjoner/:code/arshjul") { request, context in
            try await calendar(try context.parameters.require("code"), request, context)
        }
        router.get("/organisasjoner/:code/styringslogg") { request, context in
            try await log(try context.parameters.require("code"), request, context)
        }
        router.get("/kalender") { request, context in
            let created = try await accounts.calendarTokenCreated(by: context.session?.user)
            return feedPage(newToken: nil, created: created, request: request, context)
        }
        router.post("/kalender/forny") { request, context in
            _ = try access.user(request, context)
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let token = try await accounts.renewCalendarToken(by: context.session?.user)
            return feedPage(newToken: token, created: Date(), request: request, context)
        }
        router.get("/kalender/:token") { request, context in
            try await feed(token: try context.parameters.require("token"), request)
        }
    }

    func trail(_ scope: DialogueScope) -> [NavigationLink] {
        [NavigationLink(url: scope.base, label: scope.organisation.name), NavigationLink(url: "\(scope.base)/styringsdialog", label: "Styringsdialogen")]
    }

    // MARK: Annual calendar

    /// Without `?ar`, the latest year with data; a year Styr does not keep is a bad address; the days ahead are kept within 1…`maximumDays`.
    func calendar(_ code: String, _ request: Request, _ context: StyrRequestContext) async throws -> HTML {
        let today = CalendarDate.today()
        let asked = try Self.calendarYear(request.uri.queryParameters.get("ar"))
        var year = today.year
        if let asked { year = asked } else { year = try await years.latestYearWithData(in: code, by: context.session?.user, today: today) }
        let days = try Self.calendarDays(request.uri.queryParameters.get("dager")) ?? 30
        let (scope, entries) = try await dialogue.calendar(of: code, by: context.session?.user, today: today)
        return pages.html("Årshjul \(year) – \(scope.organisation.name)", template: "calendar",
                          model: CalendarView(scope: scope, entries: entries, year: year, days: days, today: today), context: context, trail: trail(scope))
    }

    /// `?ar=`: a year Styr keeps; anything else is a bad address (400), not silently this year.
    static func calendarYear(_ text: String?) throws -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let year = Int(text) else { throw ServiceError.badRequest("«ar» skal være et årstall, ikke «\(text)».") }
        return try AccessCheck.year(year)
    }

    /// `?dager=`: how many days ahead to list what is due, 1 to `maximumDays`; else 400.
    static func calendarDays(_ text: String?) throws -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let days = Int(text), (1...maximumDays).contains(days) else {
            throw ServiceError.badRequest("«dager» skal være et helt antall dager fra 1 til \(maximumDays), ikke «\(text)».")
        }
        return days
    }

    func feedPage(newToken: String?, created: Date?, request: Request, _ context: StyrRequestContext) -> HTML {
        let host = request.head.authority ?? "localhost"
        let view = FeedView(newURL: newToken.map { "\(Self.scheme(request))://\(host)/kalender/\($0).ics" }, createdAt: created.map(OsloTime.format),
                            csrfToken: context.session?.csrfToken ?? "")
        return pages.html("Kalender", template: "feed", model: view, context: context)
    }

    static func scheme(_ request: Request) -> String {
        request.headers[.init("X-Forwarded-Proto")!] == "https" ? "https" : (request.head.scheme ?? "http")
    }

    /// The iCalendar feed of every agency the token's user may read. A wrong or replaced token
    /// gets 404 with a plain explanation, never a login page a calendar client cannot show.
    func feed(token: String, _ request: Request) async throws -> Response {
        let secret = token.hasSuffix(".ics") ? String(token.dropLast(4)) : token
        guard let found = try await dialogue.feed(token: secret) else {
            return Response(
                status: .notFound, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: "Ukjent eller fornyet kalendernøkkel. Hent en ny adresse på /kalender i Styr.\n")))
        }
        let base = "\(Self.scheme(request))://\(request.head.authority ?? "localhost")"
        let ics = ICalendar.feed(name: "Styr – årshjul for \(found.user.name)", entries: found.entries, baseURL: base, now: Date())
        return Response(
            status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "private, max-age=300"],
            body: .init(byteBuffer: ByteBuffer(string: ics)))
    }

    // MARK: Governance log

    /// The log as a page, CSV or JSON (`format`). Dates that cannot be read, or a period that ends
    /// before it begins, are 400: on the page beside the form, else as plain text.
    func log(_ code: String, _ request: Request, _ context: StyrRequestContext) async throws -> Response {
        let user = context.session?.user
        let today = CalendarDate.today()
        let format = request.uri.queryParameters.get("format") ?? "html"
        let fromText = request.uri.queryParameters.get("fra") ?? "", toText = request.uri.queryParameters.get("til") ?? ""
        var error: String?
        var from: CalendarDate?, to: CalendarDate?
        if !fromText.isEmpty { if let parsed = CalendarDate(fromText) { from = parsed } else { error = "«\(fromText)» er ikke en dato." } }
        if !toText.isEmpty { if let parsed = CalendarDate(toText) { to = parsed } else { error = "«\(toText)» er ikke en dato." } }
        var log: DialogueOverviewService.Log?
        if error == nil {
            do {
                log = try await dialogue.governanceLog(of: code, from: from, to: to, by: user, today: today)
            } catch ServiceError.invalid(let errors) {
                error = errors.entries.map(\.message).joined(separator: " ")
            }
        }
        guard let log else {
            let refusal = error ?? ""
            if format != "html" {
                _ = try await dialogue.scope(of: code, by: user)
                return Response(status: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: refusal + "\n")))
            }
            let scope = try await dialogue.scope(of: code, by: user)
            // The form shows what was asked for, or the default period.
            let shown = (try? GovernanceLog.period(from: nil, to: nil, today: today)) ?? today...today
            let view = GovernanceLogView(scope: scope, from: from ?? shown.lowerBound, to: to ?? shown.upperBound, entries: [], error: refusal)
            return pages.html("Styringslogg – \(scope.organisation.name)", template: "governance-log", model: view, context: context, status: .badRequest,
                              trail: trail(scope)).response
        }
        let (start, end) = (log.period.lowerBound, log.period.upperBound)
        let filename = "styringslogg-\(log.scope.code)-\(start.iso)-\(end.iso)"
        switch format {
        case "csv":
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(filename).csv\""],
                            body: .init(byteBuffer: ByteBuffer(string: GovernanceLog.csv(log.entries))))
        case "json":
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let document = GovernanceLogDocument(organisationCode: log.scope.code, from: start.iso, to: end.iso,
                                                 notificationLimitMinutes: log.limit.seconds / 60, entries: log.entries.map(GovernanceLogDocument.Entry.init))
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .contentDisposition: "attachment; filename=\"\(filename).json\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(document))))
        default:
            let view = GovernanceLogView(scope: log.scope, from: start, to: end, entries: log.entries, error: nil)
            return pages.html("Styringslogg – \(log.scope.organisation.name)", template: "governance-log", model: view, context: context,
                              trail: trail(log.scope)).response
        }
    }
}
