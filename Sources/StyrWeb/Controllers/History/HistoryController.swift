import Hummingbird
import StyrDomain
import StyrStorage

/// The history of one object from the audit log, for anyone who may read its organisation.
struct HistoryController: Sendable {
    let database: Database
    let pages: Pages
    let access: Authorizer

    static let pageSize = 25


    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/historikk") { request, context in
            let type = request.uri.queryParameters.get("type") ?? ""
            let key = request.uri.queryParameters.get("nokkel") ?? ""
            _ = try access.user(request, context)
            guard !type.isEmpty, !key.isEmpty, type.count <= 100, key.count <= 500 else {
                return pages.error(.badRequest, heading: "Mangler objekt", message: "Oppgi både type og nøkkel.", context: context)
            }
            guard let organisationCode = try await database.withConnection({ db in
                try await SQLAuditLog(db).organisationCode(ofEntityType: type, key: key)
            }) else {
                return pages.error(.notFound, heading: "Fant ikke objektet", message: "Fant ikke «\(key)».", context: context)
            }
            _ = try await access.require(.read, on: organisationCode, request, context)
            let entries = try await database.withConnection { db in
                try await SQLAuditLog(db).entries(entityType: type, entityKey: key)
            }
            let pageCount = max(1, (entries.count + Self.pageSize - 1) / Self.pageSize)
            let page = min(max(1, request.uri.queryParameters.get("side", as: Int.self) ?? 1), pageCount)
            let shown = entries.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize)
            let base = "/historikk?type=\(type.urlQueryEncoded)&nokkel=\(key.urlQueryEncoded)"
            let rows: [[String: Any]] = shown.map {
                ["sequence": $0.sequence, "occurredAt": $0.occurredAt, "actor": $0.actor, "action": $0.action.norwegianName,
                 "before": $0.before ?? "–", "after": $0.after ?? "–"]
            }
            return pages.html("Historikk", template: "history", context: [
                "entityType": type, "entityKey": key, "entries": rows, "hasEntries": !rows.isEmpty,
                "page": page, "pageCount": pageCount, "isPaged": pageCount > 1, "total": entries.count,
                "previousURL": page > 1 ? "\(base)&side=\(page - 1)" : "", "nextURL": page < pageCount ? "\(base)&side=\(page + 1)" : "",
            ], context: context)
        }
    }
}
