import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// Budget years through the API: the years with their status, planning, closing and reopening,
/// and starting the next year, the same use cases as the years page (`BudgetYearService`).
extension StyrAPIHandler {
    func listBudgetYears(_ input: Operations.ListBudgetYears.Input) async throws -> Operations.ListBudgetYears.Output {
        let listing = try await service { try await services.budgetYears.list(in: input.path.code, by: APICaller.current) }
        let items = listing.years.sorted { $0.year < $1.year }.map { entry in
            Self.budgetYear(entry.budgetYear, holdsData: entry.holdsData, holdsStructure: entry.holdsStructure)
        }
        return .ok(.init(body: .json(.init(organisationCode: listing.scope.code, defaultYear: listing.defaultYear, items: items))))
    }

    func putBudgetYearStatus(_ input: Operations.PutBudgetYearStatus.Input) async throws -> Operations.PutBudgetYearStatus.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let status = Self.budgetYearStatus(body.status)
        let changed = try await service(fields: ["reopenReason": "reason"]) {
            if status == .inProgress, let reason = body.reason {
                return try await services.budgetYears.reopen(in: code, year: year, reason: reason, by: APICaller.current)
            }
            return try await services.budgetYears.setStatus(status, in: code, year: year, by: APICaller.current)
        }
        let listing = try await service { try await services.budgetYears.list(in: code, by: APICaller.current) }
        let entry = listing.years.first { $0.year == year }
        return .ok(.init(body: .json(Self.budgetYear(changed, holdsData: entry?.holdsData ?? false, holdsStructure: entry?.holdsStructure ?? false))))
    }

    func startNextBudgetYear(_ input: Operations.StartNextBudgetYear.Input) async throws -> Operations.StartNextBudgetYear.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        let started = try await service { try await services.budgetYears.startNextYear(from: year, in: code, by: APICaller.current) }
        return .created(.init(body: .json(.init(
            organisationCode: started.organisationCode, year: started.year, status: Self.budgetYearStatus(started.budgetYear.status),
            goalAreas: started.goalAreas, indicators: started.indicators, draftLetter: started.letter != nil))))
    }

    static func budgetYear(_ year: BudgetYear, holdsData: Bool, holdsStructure: Bool) -> Components.Schemas.BudgetYear {
        .init(year: year.year, status: budgetYearStatus(year.status), holdsData: holdsData, holdsStructure: holdsStructure,
              changedBy: year.changedBy, changedAt: year.changedAt, reopenReason: year.reopenReason)
    }

    static func budgetYearStatus(_ status: BudgetYearStatus) -> Components.Schemas.BudgetYearStatus {
        switch status {
        case .planned: .planned
        case .inProgress: .inProgress
        case .closed: .closed
        }
    }

    static func budgetYearStatus(_ status: Components.Schemas.BudgetYearStatus) -> BudgetYearStatus {
        switch status {
        case .planned: .planned
        case .inProgress: .inProgress
        case .closed: .closed
        }
    }
}
