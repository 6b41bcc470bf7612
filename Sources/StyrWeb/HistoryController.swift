import SQLKit
import Hummingbird
import StyrDomain
import StyrStorage

/// The history of one object from the audit log, for anyone who may read its organisation.
struct HistoryController: Sendable {
    let database: Database
    let pages: Pages
    let access: Authorizer

    static let pageSize = 25

    /// Entity types keyed by chapter number rather than organisation code.
    static let chapterKeyedTypes: Set<String> = ["chapter", "budgetAmount", "budgetRevision", "investmentProject"]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/historikk") { request, context in
            let type = request.uri.queryParameters.get("type") ?? ""
            let key = request.uri.queryParameters.get("nokkel") ?? ""
            _ = try access.user(request, context)
            guard !type.isEmpty, !key.isEmpty, type.count <= 100, key.count <= 500 else {
                return pages.error(.badRequest, heading: "Mangler objekt", message: "Oppgi både type og nøkkel.", context: context)
            }
            guard let organisationCode = try await organisation(ofType: type, key: key) else {
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

    /// The organisation an audited object belongs to, for the read check.
    func organisation(ofType type: String, key: String) async throws -> String? {
        let first = String(key.split(separator: "/", maxSplits: 1).first ?? "")
        guard Self.chapterKeyedTypes.contains(type) else { return first }
        guard let number = Int(first) else { return nil }
        return try await database.withConnection { db in
            try await db.raw("SELECT o.code FROM chapters c JOIN organisations o ON o.id = c.organisation_id WHERE c.number = \(bind: number)")
                .first()?.decode(column: "code", as: String.self)
        }
    }
}
