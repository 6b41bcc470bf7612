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
        let link = try await AccountsDrillDown.cellLink(database, code: code, chapter: data.chapter.number, year: year)
        var values = HTMLRenderer.context(report, accountsCellLink: link)
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

private extension Money {
    var magnitude: Int64 { ore < 0 ? -ore : ore }
}
