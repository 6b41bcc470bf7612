import Foundation
import Hummingbird
import StyrDomain
import StyrServices

/// Builds the main menu (`YearMenuView`) of a logged-in page request for the organisation in the
/// address, or the one last chosen, and remembers the organisation and year shown in cookies
/// (see `YearMenuView` on why). A menu that cannot be built (an unknown organisation, no access)
/// is left out; the page answers for itself.
struct YearMenuMiddleware: RouterMiddleware {
    typealias Context = StyrRequestContext
    static let organisationCookie = "styr_org", yearCookie = "styr_ar"

    let years: BudgetYearService
    let cookies: CookiePolicy

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get, let user = context.session?.user, !request.uri.path.hasPrefix("/api/") else {
            return try await next(request, context)
        }
        let segments = request.uri.path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        let pathCode = segments.count >= 2 && segments[0] == "organisasjoner" ? segments[1] : nil
        let cookieCode = request.cookies[Self.organisationCookie]?.value
        let cookieYear = request.cookies[Self.yearCookie].flatMap { Int($0.value) }.flatMap { BudgetYears.contains($0) ? $0 : nil }
        guard let code = pathCode ?? cookieCode, !code.isEmpty,
              let menu = try? await years.menu(in: code, by: user) else {
            return try await next(request, context)
        }
        let pathYear = pathCode == nil ? nil : YearMenuView.year(inPath: segments, query: request.uri.queryParameters.get("ar"))
        let year = pathYear ?? cookieYear ?? menu.defaultYear
        let view = YearMenuView(menu, year: year, path: request.uri.path, isAdmin: user.assignments.contains { $0.role == .admin })
        var response = try await YearMenuView.$current.withValue(view) { try await next(request, context) }
        let oneYear = 365 * 24 * 3600
        if pathCode != nil, cookieCode != code, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) { response.setCookie(cookies.cookie(Self.organisationCookie, code, maxAge: oneYear)) }
        if let pathYear, pathYear != cookieYear { response.setCookie(cookies.cookie(Self.yearCookie, String(pathYear), maxAge: oneYear)) }
        return response
    }
}
