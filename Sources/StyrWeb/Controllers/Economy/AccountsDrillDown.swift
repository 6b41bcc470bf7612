import Foundation
import StyrDomain
import StyrReports

/// Links from the regnskap cells of the accounts tables (budget page, annual report page) to the
/// ledger lines behind them, from the imported actuals the services read (`ImportedActuals`).
enum AccountsDrillDown {
    /// Imported actuals per year, kontoklasse and artsgruppe.
    struct LedgerKey: Hashable {
        var year: Int
        var kind: AccountKind
        var group: ObjectGroup
    }

    /// The regnskap columns (this year's and last year's) link to the ledger lines that make them
    /// up — but only where the imported lines add up to the amount shown, so that a link never
    /// leads to lines that tell another story than the table.
    static func cellLink(code: String, chapter: Int?, ledger: [LedgerKey: Money]) -> HTMLRenderer.AccountsCellLink {
        { section, row, column in
            let year: Int
            switch column {
            case 0: year = section.year
            case 3: year = section.year - 1
            default: return nil
            }
            let groups: [ObjectGroup]
            let arts: String?
            switch row.kind {
            case .group(let group): (groups, arts) = ([group], group.code)
            case .expenseSum: (groups, arts) = (ObjectGroup.standard.filter(\.isExpense), "000-599")
            case .revenueSum: (groups, arts) = (ObjectGroup.standard.filter { !$0.isExpense }, "600-999")
            case .net: (groups, arts) = (ObjectGroup.standard, nil)
            }
            let keys = groups.map { LedgerKey(year: year, kind: section.kind, group: $0) }
            guard keys.contains(where: { ledger[$0] != nil }), column < row.amounts.count else { return nil }
            var sum = keys.reduce(Money.zero) { $0 + (ledger[$1] ?? .zero) }
            // The investment table prints its revenue rows with the sign turned (financing positive).
            if section.kind == .investment, groups.allSatisfy({ !$0.isExpense }) { sum = .zero - sum }
            guard sum == row.amounts[column], !sum.isZero else { return nil }
            return "/organisasjoner/\(code.urlPathEncoded)/regnskap/\(year)/linjer?maal=actuals&kontoklasse=\(section.kind.rawValue)"
                + (arts.map { "&artsgruppe=\($0)" } ?? "") + (chapter.map { "&kapittel=\($0)" } ?? "")
        }
    }
}
