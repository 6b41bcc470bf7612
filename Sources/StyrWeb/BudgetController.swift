import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrStorage

/// Budget and accounts of an agency's chapter for a year: the revisions with their references,
/// and the computed operating, investment and project tables.
struct BudgetController: Sendable {
    let database: Database
    let pages: Pages
    let access: Authorizer

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/budsjett/:year") { request, context in
            let code = try context.parameters.require("code"), year = try context.parameters.require("year", as: Int.self)
            _ = try await access.require(.read, on: code, request, context)
            guard BudgetYears.contains(year) else {
                return pages.error(.notFound, heading: "Ugyldig år", message: BudgetYears.outOfRangeMessage(year), context: context)
            }
            let sort = request.uri.queryParameters.get("sorter") ?? "referanse"
            return try await budget(code: code, year: year, sort: sort, context)
        }
    }

    func budget(code: String, year: Int, sort: String, _ context: StyrRequestContext) async throws -> HTML {
        let data: AnnualReportData
        do {
            data = try await database.withConnection { db in
                try await AnnualReportData.load(from: SQLGovernanceStore(db), organisationCode: code, year: year)
            }
        } catch let error as ReportError {
            return pages.error(.notFound, heading: "Ingen budsjettall", message: error.description, context: context)
        }
        let report = AnnualReport(data)
        let chapterCount = try await database.withConnection { db in try await SQLGovernanceStore(db).chapters(of: code).count }
        // Lines without a chapter count for an organisation's only chapter; with several, the chapter filters.
        let chapter = chapterCount > 1 ? data.chapter.number : nil
        let ledger = try await ledgerTotals(code: code, years: [year, year - 1], chapter: chapter)
        var values = HTMLRenderer.context(report, accountsCellLink: Self.cellLink(code: code, chapter: chapter, ledger: ledger))
        let base = "/organisasjoner/\(code.urlPathEncoded)/budsjett/\(year)"
        let revisions: [BudgetRevision] = switch sort {
        case "belop": data.revisions.sorted { $0.netChange.magnitude > $1.netChange.magnitude }
        case "type": data.revisions.sorted { ($0.kind.rawValue, $0.reference) < ($1.kind.rawValue, $1.reference) }
        default: data.revisions.sorted { $0.reference.localizedStandardCompare($1.reference) == .orderedAscending }
        }
        values["revisions"] = revisions.map { revision -> [String: Any] in
            [
                "reference": revision.reference, "kind": revision.kind.norwegianName,
                "decidedOn": revision.decidedOn.map(NorwegianFormat.date) ?? "–", "reason": revision.reason,
                "amount": NorwegianFormat.kroner(revision.netChange, zeroAsDash: false),
                "lines": revision.lines.map { "\($0.group.code): \(NorwegianFormat.kroner($0.amount, zeroAsDash: false))" }.joined(separator: ", "),
            ]
        }
        values["hasRevisions"] = !revisions.isEmpty
        values["sortLinks"] = [("referanse", "Referanse"), ("belop", "Beløp"), ("type", "Drift/investering")].map { key, label in
            ["url": "\(base)?sorter=\(key)", "label": label, "current": key == sort || (key == "referanse" && !["belop", "type"].contains(sort))]
        }
        values["organisationName"] = data.organisation.name
        values["year"] = year
        values["chapterTitle"] = report.chapterTitle
        return pages.html("Budsjett og regnskap \(year) – \(data.organisation.name)", template: "budget", context: values,
                          context: context, trail: [NavigationLink(url: "/organisasjoner/\(code.urlPathEncoded)", label: data.organisation.name)])
    }
}

extension BudgetController {
    /// Imported actuals per year, kontoklasse and artsgruppe.
    struct LedgerKey: Hashable {
        var year: Int
        var kind: AccountKind
        var group: ObjectGroup
    }

    func ledgerTotals(code: String, years: [Int], chapter: Int?) async throws -> [LedgerKey: Money] {
        try await database.withConnection { db in
            var totals: [LedgerKey: Money] = [:]
            for year in years {
                let filter = LedgerFilter(year: year, measure: .actuals, equals: chapter.map { [.chapter: String($0)] } ?? [:])
                for total in try await SQLLedgerStore(db).totals(of: code, filter, by: [.kind, .group]) {
                    guard let kind = total.values[.kind].flatMap(AccountKind.init(rawValue:)),
                          let group = total.values[.group].flatMap(ObjectGroup.init(code:)) else { continue }
                    let key = LedgerKey(year: year, kind: kind, group: group)
                    totals[key] = (totals[key] ?? .zero) + total.amount
                }
            }
            return totals
        }
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

private extension Money {
    var magnitude: Int64 { ore < 0 ? -ore : ore }
}
