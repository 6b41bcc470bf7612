/// Chapters 4–5 of the annual report (one document per agency and year) and the tracked items
/// of chapter 6 (verbal decisions and remarks followed up until closed). Every save is audited.
public protocol SpecialReportRepository: Sendable {
    /// The year's chapters 4–5 as entered, or nil when nothing is entered.
    func specialReport(of organisationCode: String, year: Int) async throws -> SpecialReport?
    /// The years with chapters 4–5 entered.
    func specialReportYears(of organisationCode: String) async throws -> [Int]
    /// Inserts or replaces the year's chapters 4–5.
    func save(_ report: SpecialReport) async throws
    /// All tracked items, oldest first.
    func trackedItems(of organisationCode: String) async throws -> [TrackedItem]
    /// Inserts (when `id` is nil) or updates an item; returns its id.
    @discardableResult func save(_ item: TrackedItem) async throws -> Int64
}
