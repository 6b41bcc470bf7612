import Hummingbird
import StyrDomain
import StyrServices

/// The history of one object from the audit log, for anyone who may read its organisation
/// (`HistoryService`), each change in words (`AuditPresentation`), 25 a page.
struct HistoryController: Sendable {
    let history: HistoryService
    let pages: Pages

    static let pageSize = 25

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/historikk") { request, context in
            let query = request.uri.queryParameters
            let found: HistoryService.History
            do {
                found = try await history.history(ofType: query.get("type") ?? "", key: query.get("nokkel") ?? "", by: context.session?.user)
            } catch ServiceError.badRequest(let message) {
                return pages.error(.badRequest, heading: "Mangler objekt", message: message, context: context)
            } catch ServiceError.notFound(let message) {
                return pages.error(.notFound, heading: "Fant ikke objektet", message: message, context: context)
            }
            return pages.html("Historikk", template: "history",
                              model: HistoryView(found, page: query.get("side", as: Int.self) ?? 1, pageSize: Self.pageSize), context: context)
        }
    }
}
