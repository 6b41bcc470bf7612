import Foundation
import StyrDomain
import StyrServices

/// The view model of `budget-years.mustache`: an organisation's budget years with their status,
/// and the buttons to start the next year, close and reopen.
struct BudgetYearsView: Sendable {
    struct Row: Sendable {
        var year: Int
        var status: String
        var statusClass: String
        /// "Endret av … 22.03.2024", or nil.
        var changed: String?
        var reopenReason: String?
        var holdsData: Bool
        var yearURL: String
        /// Set on every row, so that none is looked up further out.
        var canStartNext: Bool
        var nextYear: Int
        var startURL: String
        var canCloseYear: Bool
        var closeURL: String
        var canReopenYear: Bool
        var reopenURL: String
    }

    static let statusClass: [BudgetYearStatus: String] = [.planned: "status-yellow", .inProgress: "status-green", .closed: "status-red"]

    var organisationName: String
    var saved: String?
    /// A refusal of the last button, in words.
    var problem: String?
    var csrfToken: String
    var rows: [Row]
    var canClose: Bool
    var indicatorsURL: String
    var letterURL: String?

    init(_ listing: BudgetYearService.Listing, saved: String?, problem: String?, csrfToken: String) {
        let scope = listing.scope
        let base = "/organisasjoner/\(scope.organisation.code.urlPathEncoded)"
        organisationName = scope.organisation.name
        self.saved = saved
        self.problem = problem
        self.csrfToken = csrfToken
        canClose = listing.canClose
        indicatorsURL = "\(base)/indikatorer/\(listing.defaultYear)"
        letterURL = scope.isAgency ? "\(base)/tildelingsbrev/\(listing.defaultYear)" : nil
        let structure = Set(listing.years.filter(\.holdsStructure).map(\.year))
        rows = listing.years.map { entry in
            let year = entry.year, budgetYear = entry.budgetYear
            let changed = budgetYear.changedBy.map { who in
                "Endret av \(who)" + (budgetYear.changedAt.map { " \(StyrDomain.OsloTime.format($0))" } ?? "")
            }
            return Row(
                year: year, status: entry.status.norwegianName,
                statusClass: Self.statusClass[entry.status] ?? "",
                changed: changed, reopenReason: budgetYear.reopenReason.flatMap { $0.isEmpty ? nil : $0 }, holdsData: entry.holdsData, yearURL: "\(base)/ar/\(year)",
                canStartNext: listing.canClose && structure.contains(year) && !structure.contains(year + 1) && BudgetYears.contains(year + 1),
                nextYear: year + 1, startURL: "\(base)/budsjettar/\(year)/start-neste",
                canCloseYear: listing.canClose && entry.status != .closed, closeURL: "\(base)/budsjettar/\(year)/avslutt",
                canReopenYear: listing.canReopen && entry.status == .closed, reopenURL: "\(base)/budsjettar/\(year)/gjenapne")
        }
    }
}
