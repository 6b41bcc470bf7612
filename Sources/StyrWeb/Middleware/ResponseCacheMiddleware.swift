import Foundation
import Hummingbird
import StyrDomain

/// `ETag`/`304` on every successful GET of a page or an API read, and whole answers kept for the
/// pages and API reads that compute most (dashboard, reports, budget, ledger, start page).
///
/// A kept answer is keyed by everything it is made of: the caller (the bearer token, and the
/// `Cookie` header, which holds the session and the organisation and year `YearMenuMiddleware`
/// remembers), the address with its query, `Accept` and today's date; and it holds the data
/// version read before it was computed, so it is used only while no write has happened since
/// (`VersionedCache`). Concurrent misses of one answer compute it once (`AnswersInFlight`). The
/// ETag is a hash of the body, so a `304` is only ever given for the very bytes the caller
/// already has.
struct ResponseCacheMiddleware: RouterMiddleware {
    typealias Context = StyrRequestContext
    let caches: RequestCaches

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get else { return try await next(request, context) }
        guard let key = cacheKey(request, context), let version = context.record.dataVersion else {
            return try await answer(request, context, next, keepingAs: nil).response
        }
        if let cached = caches.responses.value(for: key, at: version) { return cached.response(for: request) }
        // Concurrent misses of one key at one version: one computes, the others wait (`AnswersInFlight`).
        switch await caches.inFlight.turn(for: key, at: version) {
        case .shared(let shared?):
            return shared.response(for: request)
        case .shared(nil):
            return try await answer(request, context, next, keepingAs: (key, version)).response
        case .compute:
            do {
                if let cached = caches.responses.value(for: key, at: version) {
                    caches.inFlight.finish(key, at: version, with: cached)
                    return cached.response(for: request)
                }
                let (response, kept) = try await answer(request, context, next, keepingAs: (key, version))
                caches.inFlight.finish(key, at: version, with: kept)
                return response
            } catch {
                caches.inFlight.finish(key, at: version, with: nil)
                throw error
            }
        }
    }

    /// Computes the answer, with an `ETag` when it is a logged-in caller's text document, and keeps
    /// it under `keep` when it may be kept (returned as `kept`).
    func answer(
        _ request: Request, _ context: Context, _ next: (Request, Context) async throws -> Response, keepingAs keep: (key: String, version: Int64)?
    ) async throws -> (response: Response, kept: CachedResponse?) {
        let response = try await next(request, context)
        guard response.status == .ok, response.isTextDocument, response.headers[.eTag] == nil,
              context.session != nil || request.headers[.authorization] != nil
        else { return (response, nil) }
        let body = try await response.collectedBody()
        var headers = response.headers
        let etag = ETag.of(body)
        headers[.eTag] = etag
        if headers[.cacheControl] == nil { headers[.cacheControl] = "private, no-cache" }
        let cached = CachedResponse(headers: headers, body: body, etag: etag)
        if let keep, !response.headers.contains(.setCookie) || Self.onlyMenuCookies(response) {
            caches.responses.store(cached, for: keep.key, at: keep.version, cost: body.readableBytes + 512)
            return (cached.response(for: request), cached)
        }
        return (cached.response(for: request), nil)
    }

    /// The key of a kept answer, for the addresses that keep one (nil for the rest).
    func cacheKey(_ request: Request, _ context: Context) -> String? {
        guard Self.keeps(request.uri.path) else { return nil }
        let authorization = request.headers[.authorization]
        guard authorization != nil || context.session != nil else { return nil }
        // The `Cookie` header as sent, whole: it holds the session token and the year menu's cookies,
        // so the same header means the same caller and menu (a finer key than those three values,
        // never a coarser one). Parsing it (Hummingbird's `Request.cookies`, once per name) took
        // 7 % of a kept answer's CPU in the profile.
        let cookies = request.headers[values: .cookie].joined(separator: "\n")
        // A bearer token expires by the clock, not by a write: its answers are kept for the
        // minute only, as its caller is (`APIMiddleware.apiCaller`), so an expired token is
        // refused within a minute even while nothing is written.
        let minute = Int(Date().timeIntervalSince1970 / 60)
        return VersionedCache<CachedResponse>.key(
            authorization.map { "bearer \(minute) " + $0 } ?? "session", cookies, request.uri.description, request.headers[.accept] ?? "",
            CalendarDate.today().iso)
    }

    /// Cookies the year menu sets are part of the answer (the key holds the request's cookies).
    static func onlyMenuCookies(_ response: Response) -> Bool {
        response.headers[values: .setCookie].allSatisfy {
            $0.hasPrefix(YearMenuMiddleware.organisationCookie + "=") || $0.hasPrefix(YearMenuMiddleware.yearCookie + "=")
        }
    }

    static let pages: Set<Substring> = ["ar", "indikatorer", "budsjett", "arsberetning", "regnskapsrapport", "regnskap", "mal"]
    static let resources: Set<Substring> = [
        "indicators", "accounts", "accounting-report", "ledger", "budget-revisions", "investment-projects", "goal-areas",
        "original-budget", "budget-setup",
    ]

    /// The pages and API reads whose answers are kept: they depend on the stored data, the caller
    /// and the date only, and take the most computing.
    static func keeps(_ path: String) -> Bool {
        let segments = path.split(separator: "/")
        switch segments.count {
        case 0: return true
        case 4: return segments[0] == "organisasjoner" && pages.contains(segments[2]) && Int(segments[3]) != nil
        case 5:
            return segments[0] == "organisasjoner" && segments[2] == "regnskap" && Int(segments[3]) != nil && segments[4] == "linjer"
        case 6, 7:
            return segments[0] == "api" && segments[1] == "v1" && segments[2] == "organisations" && resources.contains(segments[4])
                && Int(segments[5]) != nil && (segments.count == 6 || segments[6] == "totals" || segments[6] == "lines")
        default: return false
        }
    }
}
