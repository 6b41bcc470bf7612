import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// The budget and accounts of an organisation's chapter through the API: the same use cases as
/// the budget page (`BudgetService`). A year outside 1900–2200 is refused first, as the document's
/// parameter says (422, naming `year`).
extension StyrAPIHandler {
    func getAccounts(_ input: Operations.GetAccounts.Input) async throws -> Operations.GetAccounts.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        let kind = input.query.kind.map(Self.accountKind) ?? .operating
        let table = try await service { try await services.budget.accounts(of: code, year: year, kind: kind, by: APICaller.current) }
        let rows: [Components.Schemas.AccountsRow] = table.rows.map { row in
            let (rowKind, group) = Self.rowKind(row.kind)
            // The document's avvik is III − I on every row (it has no field for a year without a budget).
            return .init(
                label: table.label(of: row), kind: rowKind, group: group, actualsOre: row.actuals.ore,
                originalBudgetOre: row.originalBudget.ore, revisedBudgetOre: row.revisedBudget.ore,
                previousActualsOre: row.previousActuals.ore, deviationOre: (row.revisedBudget - row.actuals).ore)
        }
        return .ok(.init(body: .json(.init(chapter: table.chapter, year: year, kind: Self.accountsTableKind(kind), rows: rows))))
    }

    static func accountKind(_ kind: Operations.GetAccounts.Input.Query.KindPayload) -> AccountKind {
        switch kind {
        case .operating: .operating
        case .investment: .investment
        }
    }

    static func accountsTableKind(_ kind: AccountKind) -> Components.Schemas.AccountsTable.KindPayload {
        switch kind {
        case .operating: .operating
        case .investment: .investment
        }
    }

    static func revisionKind(_ kind: AccountKind) -> Components.Schemas.BudgetRevision.KindPayload {
        switch kind {
        case .operating: .operating
        case .investment: .investment
        }
    }

    /// The row's kind and, for an artsgruppe, its code.
    static func rowKind(_ kind: AccountsTable.RowKind) -> (Components.Schemas.AccountsRow.KindPayload, String?) {
        switch kind {
        case .group(let group): (.group, group.code)
        case .expenseSum: (.expenseSum, nil)
        case .revenueSum: (.revenueSum, nil)
        case .net: (.net, nil)
        }
    }

    func listBudgetRevisions(_ input: Operations.ListBudgetRevisions.Input) async throws -> Operations.ListBudgetRevisions.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        let (chapter, revisions) = try await service { try await services.budget.revisions(of: code, year: year, by: APICaller.current) }
        return .ok(.init(body: .json(.init(chapter: chapter.number, year: year, items: revisions.map { revision in
            .init(reference: revision.reference, kind: Self.revisionKind(revision.kind), decidedOn: revision.decidedOn?.iso,
                  reason: revision.reason, netChangeOre: revision.netChange.ore,
                  lines: revision.lines.map { .init(group: $0.group.code, amountOre: $0.amount.ore) })
        }))))
    }

    func listInvestmentProjects(_ input: Operations.ListInvestmentProjects.Input) async throws -> Operations.ListInvestmentProjects.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        let (chapter, table) = try await service { try await services.budget.investmentProjects(of: code, year: year, by: APICaller.current) }
        return .ok(.init(body: .json(.init(
            chapter: chapter.number, year: year,
            items: table.projects.map {
                .init(number: $0.number, name: $0.name, groups: $0.groups.code, councilCompletion: $0.councilCompletion,
                      expectedCompletion: $0.expectedCompletion, originalBudgetOre: $0.originalBudget.ore,
                      revisedBudgetOre: $0.revisedBudget.ore, actualsOre: $0.actuals.ore, deviationOre: $0.deviation.ore)
            },
            sumRevisedBudgetOre: table.revisedBudget.ore, sumActualsOre: table.actuals.ore, sumDeviationOre: table.deviation.ore))))
    }
}
