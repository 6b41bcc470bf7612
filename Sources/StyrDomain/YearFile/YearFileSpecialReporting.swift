/// Chapters 4–6 in the year file (`specialReporting`, absent in files written before they were
/// carried, which import as before): chapters 4–5 as entered, and the tracked items the year's
/// report lists — received in the year, closed in it, or still open at its end.
public struct YearFileSpecialReporting: Hashable, Sendable, Codable {
    /// Nil when nothing is entered for the year.
    public var report: SpecialReport?
    /// Without database ids; an import knows an item again by source, title and date.
    public var trackedItems: [TrackedItem]

    public init(report: SpecialReport? = nil, trackedItems: [TrackedItem] = []) {
        self.report = report
        self.trackedItems = trackedItems
    }

    public var isEmpty: Bool { (report?.isEmpty ?? true) && report?.headcountExplanation == nil && trackedItems.isEmpty }

    /// The items of `items` that `year`'s report lists.
    public static func items(_ items: [TrackedItem], for year: Int) -> [TrackedItem] {
        items.filter { $0.date.year == year || $0.isClosed(in: year) || $0.isOpen(atEndOf: year) }
            .sorted { ($0.date, $0.title) < ($1.date, $1.title) }
    }

    /// Whether `a` and `b` are the same item (an import updates it instead of adding another).
    public static func sameItem(_ a: TrackedItem, _ b: TrackedItem) -> Bool {
        a.source == b.source && a.title == b.title && a.date == b.date
    }

    /// Records of another organisation or year, keyed by JSON path (`specialReporting.report.year`).
    public func problems(organisationCode: String, year: Int) -> InputErrors {
        var errors = InputErrors()
        if let report {
            if report.organisationCode != organisationCode {
                errors.add("specialReporting.report.organisationCode", "Skal være «\(organisationCode)», organisasjonen fila gjelder.")
            }
            if report.year != year { errors.add("specialReporting.report.year", "Skal være \(year).") }
        }
        for (index, item) in trackedItems.enumerated() where item.organisationCode != organisationCode {
            errors.add("specialReporting.trackedItems[\(index)].organisationCode", "Skal være «\(organisationCode)», organisasjonen fila gjelder.")
        }
        return errors
    }

    /// The same under another organisation code (an import `as` another code).
    func renamed(from old: String, to new: String) -> YearFileSpecialReporting {
        var renamed = self
        if renamed.report?.organisationCode == old { renamed.report?.organisationCode = new }
        for index in renamed.trackedItems.indices where renamed.trackedItems[index].organisationCode == old {
            renamed.trackedItems[index].organisationCode = new
        }
        return renamed
    }
}
