import StyrDomain
import StyrServices

/// The view model of `history.mustache`: one object's changes, oldest first, each with its
/// fields before and after in words.
struct HistoryView: Sendable {
    struct Field: Sendable {
        var label: String
        var before: [String]
        var after: [String]
        /// Changed by an update (marked in words, not only by colour).
        var changed: Bool
    }

    struct Entry: Sendable {
        var sequence: Int64
        var time: String, person: String, action: String
        var fields: [Field]
    }

    var entityName: String
    var entityKey: String
    var entries: [Entry]
    var page: Int
    var pageCount: Int
    var total: Int
    var isPaged: Bool
    var previousURL: String?
    var nextURL: String?

    init(_ history: HistoryService.History, page wanted: Int, pageSize: Int) {
        let all = history.entries
        pageCount = max(1, (all.count + pageSize - 1) / pageSize)
        page = min(max(1, wanted), pageCount)
        total = all.count
        isPaged = pageCount > 1
        let base = "/historikk?type=\(history.entityType.urlQueryEncoded)&nokkel=\(history.entityKey.urlQueryEncoded)"
        previousURL = page > 1 ? "\(base)&side=\(page - 1)" : nil
        nextURL = page < pageCount ? "\(base)&side=\(page + 1)" : nil
        entityName = AuditPresentation.entityName(history.entityType)
        entityKey = history.entityKey
        entries = all.dropFirst((page - 1) * pageSize).prefix(pageSize).map { entry in
            let shown = AuditPresentation(entry, directory: history.directory)
            return Entry(
                sequence: shown.sequence, time: shown.time, person: shown.person, action: shown.action,
                fields: shown.fields.map { Field(label: $0.label, before: $0.before, after: $0.after, changed: $0.isChanged) })
        }
    }
}
