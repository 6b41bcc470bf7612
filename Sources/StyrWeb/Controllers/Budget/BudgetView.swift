import StyrDomain
import StyrReports
import StyrServices

/// The view model of `budget.mustache`: the revisions, sortable, and the tables of
/// `budget-tables.mustache` as the annual report has them.
struct BudgetView: Sendable {
    /// The orders of the revisions, by their value in the address (`?sorter=belop`).
    enum Sort: String, CaseIterable, Sendable {
        case reference = "referanse", amount = "belop", kind = "type"

        var label: String {
            switch self {
            case .reference: "Referanse"
            case .amount: "Beløp"
            case .kind: "Drift/investering"
            }
        }
    }

    struct Revision: Sendable {
        var reference: String, kind: String, decidedOn: String, reason: String, amount: String
        /// `600-699: 32 737 000, …`.
        var lines: String
    }

    struct SortLink: Sendable { var url: String, label: String, current: Bool }

    var organisationName: String
    var year: Int
    var chapterTitle: String
    /// Said instead of how the tables are computed, in a year without a budget.
    var noBudget: String?
    var revisions: [Revision]
    var sortLinks: [SortLink]
    var accounts: [AnnualReportView.Accounts]
    var projects: AnnualReportView.Projects
    /// The pages where the budget data are entered.
    var links: BudgetDataLinks

    init(_ overview: BudgetService.Overview, sort: Sort, cellLink: HTMLRenderer.AccountsCellLink?) {
        let data = overview.data
        let base = "/organisasjoner/\(overview.scope.code.urlPathEncoded)/budsjett/\(data.year)"
        let tables = AnnualReportView(overview.report, accountsCellLink: cellLink)
        organisationName = data.organisation.name
        year = data.year
        chapterTitle = overview.report.chapterTitle
        noBudget = overview.hasBudget ? nil : AnnualReport.noBudgetNote(chapter: data.chapter, year: data.year)
        let sorted: [BudgetRevision] = switch sort {
        case .amount: data.revisions.sorted { $0.netChange.ore.magnitude > $1.netChange.ore.magnitude }
        case .kind: data.revisions.sorted { ($0.kind.rawValue, $0.reference) < ($1.kind.rawValue, $1.reference) }
        case .reference: data.revisions.sorted { $0.reference.localizedStandardCompare($1.reference) == .orderedAscending }
        }
        revisions = sorted.map { revision in
            Revision(
                reference: revision.reference, kind: revision.kind.norwegianName, decidedOn: revision.decidedOn.map(NorwegianFormat.date) ?? "–",
                reason: revision.reason, amount: NorwegianFormat.kroner(revision.netChange, zeroAsDash: false),
                lines: revision.lines.map { "\($0.group.code): \(NorwegianFormat.kroner($0.amount, zeroAsDash: false))" }.joined(separator: ", "))
        }
        sortLinks = Sort.allCases.map { SortLink(url: "\(base)?sorter=\($0.rawValue)", label: $0.label, current: $0 == sort) }
        accounts = tables.accounts
        projects = tables.projects
        links = BudgetDataLinks(code: overview.scope.code, year: data.year)
    }
}

/// The view model of `budget-empty.mustache`: a year (or an agency) without budget figures, and
/// where to enter them.
struct BudgetEmptyView: Sendable {
    var organisationName: String
    var year: Int
    var message: String
    var links: BudgetDataLinks
}
