import StyrDomain
import StyrServices

/// The view model of `tracked-items.mustache`: the register of verbal decisions and remarks,
/// open first, each with what closes or changes it.
struct TrackedItemsView: Sendable {
    struct Item: Sendable {
        var anchor: String
        var heading: String
        var sourceName: String
        var date: String
        var text: String
        var responsible: String?
        var measures: String?
        var statusName: String
        var closedText: String?
        var editURL: String?
        var closeURL: String?
    }

    var organisationName: String
    var saved: String?
    var canWrite: Bool
    var newURL: String
    var openItems: [Item]
    var closedItems: [Item]

    init(_ listing: TrackedItemService.Listing, saved: String?) {
        let base = "\(listing.scope.base)/oppfolgingssaker"
        organisationName = listing.scope.organisation.name
        self.saved = saved
        canWrite = listing.canWrite
        newURL = "\(base)/ny"
        func item(_ item: TrackedItem) -> Item {
            let id = item.id ?? 0, open = item.status != .closed && listing.canWrite
            return Item(
                anchor: "sak-\(id)", heading: "\(id). \(item.title)", sourceName: "\(item.source.section) \(item.source.norwegianName)",
                date: NorwegianFormat.date(item.date), text: item.text, responsible: item.responsible.isEmpty ? nil : item.responsible,
                measures: item.measures.isEmpty ? nil : item.measures, statusName: item.status.norwegianName,
                closedText: item.closedOn.map { "Lukket \(NorwegianFormat.date($0)) med referanse: \(item.closedReference ?? "")" },
                editURL: open ? "\(base)/\(id)/endre" : nil, closeURL: open ? "\(base)/\(id)/lukk" : nil)
        }
        openItems = listing.items.filter { $0.status != .closed }.map(item)
        closedItems = listing.items.filter { $0.status == .closed }.reversed().map(item)
    }
}
