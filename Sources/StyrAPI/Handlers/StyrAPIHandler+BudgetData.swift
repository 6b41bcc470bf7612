import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// Budget revisions, investment projects and staffing through the API: the same use cases as their
/// pages (`RevisionService`, `InvestmentProjectService`, `StaffingService`). Amounts are øre,
/// passed exactly; the rules' money fields are named as the JSON's (`amountOre`).
extension StyrAPIHandler {
    // MARK: Budget revisions

    func createBudgetRevision(_ input: Operations.CreateBudgetRevision.Input) async throws -> Operations.CreateBudgetRevision.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let draft = try Self.revisionDraft(body)
        let stored = try await service(fields: Self.revisionFields(body)) {
            try await services.revisions.create(draft, in: code, year: year, by: APICaller.current)
        }
        return .created(.init(body: .json(Self.revision(stored))))
    }

    func putBudgetRevision(_ input: Operations.PutBudgetRevision.Input) async throws -> Operations.PutBudgetRevision.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let draft = try Self.revisionDraft(body)
        let stored = try await service(fields: Self.revisionFields(body)) {
            try await services.revisions.update(input.path.id, with: draft, in: code, year: year, version: Self.sentVersion(body.version), by: APICaller.current)
        }
        var answer = Self.revision(stored)
        answer.version = try await version(RecordVersions.budgetRevision(code, id: stored.id), in: code)
        return .ok(.init(body: .json(answer)))
    }

    func deleteBudgetRevision(_ input: Operations.DeleteBudgetRevision.Input) async throws -> Operations.DeleteBudgetRevision.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        try await service { try await services.revisions.delete(input.path.id, in: code, year: year, by: APICaller.current) }
        return .noContent(.init())
    }

    static func revisionDraft(_ body: Components.Schemas.BudgetRevisionInput) throws -> RevisionDraft {
        let kind: AccountKind = switch body.kind {
        case .operating: .operating
        case .investment: .investment
        }
        return RevisionDraft(
            chapter: body.chapter, kind: kind, reference: body.reference,
            decidedOn: try body.decidedOn.map { try date($0, field: "decidedOn") }, reason: body.reason,
            lines: body.lines.map { RevisionLineDraft(group: ObjectGroup(code: $0.group), amount: .exact(Money(ore: $0.amountOre))) })
    }

    static func revisionFields(_ body: Components.Schemas.BudgetRevisionInput) -> [String: String] {
        Dictionary(uniqueKeysWithValues: body.lines.indices.map { ("lines[\($0)].amount", "lines[\($0)].amountOre") })
    }

    static func revision(_ stored: StoredRevision) -> Components.Schemas.BudgetRevision {
        let revision = stored.revision
        return .init(
            id: stored.id, chapter: revision.chapter, reference: revision.reference, kind: revisionKind(revision.kind),
            decidedOn: revision.decidedOn?.iso, reason: revision.reason, netChangeOre: revision.netChange.ore,
            lines: revision.lines.map { .init(group: $0.group.code, amountOre: $0.amount.ore) })
    }

    // MARK: Investment projects

    /// The rules' money fields, as the JSON names them.
    static let projectFields = ["originalBudget": "originalBudgetOre", "revisedBudget": "revisedBudgetOre", "actuals": "actualsOre"]

    func createInvestmentProject(_ input: Operations.CreateInvestmentProject.Input) async throws -> Operations.CreateInvestmentProject.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let project = try await service(fields: Self.projectFields) {
            try await services.investmentProjects.create(Self.projectDraft(body), in: code, year: year, by: APICaller.current)
        }
        return .created(.init(body: .json(Self.project(project))))
    }

    func putInvestmentProject(_ input: Operations.PutInvestmentProject.Input) async throws -> Operations.PutInvestmentProject.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let project = try await service(fields: Self.projectFields) {
            try await services.investmentProjects.update(
                input.path.number, with: Self.projectDraft(body), in: code, year: year, version: Self.sentVersion(body.version), by: APICaller.current)
        }
        var answer = Self.project(project)
        answer.version = try await version(RecordVersions.investmentProject(code, year: year, number: project.number), in: code)
        return .ok(.init(body: .json(answer)))
    }

    static func projectDraft(_ body: Components.Schemas.InvestmentProjectInput) -> InvestmentProjectDraft {
        InvestmentProjectDraft(
            chapter: body.chapter, number: body.number ?? "", name: body.name, groups: ObjectGroup(code: body.groups),
            decided: body.decided ?? "", councilCompletion: body.councilCompletion ?? "", expectedCompletion: body.expectedCompletion ?? "",
            originalBudget: .exact(Money(ore: body.originalBudgetOre)), revisedBudget: .exact(Money(ore: body.revisedBudgetOre)),
            actuals: .exact(Money(ore: body.actualsOre ?? 0)))
    }

    static func project(_ project: InvestmentProject) -> Components.Schemas.InvestmentProject {
        .init(chapter: project.chapter, decided: project.decided, number: project.number, name: project.name, groups: project.groups.code,
              councilCompletion: project.councilCompletion, expectedCompletion: project.expectedCompletion,
              originalBudgetOre: project.originalBudget.ore, revisedBudgetOre: project.revisedBudget.ore, actualsOre: project.actuals.ore,
              deviationOre: project.deviation.ore)
    }

    // MARK: Staffing

    func createStaffing(_ input: Operations.CreateStaffing.Input) async throws -> Operations.CreateStaffing.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let draft = StaffingDraft(
            asOf: try Self.date(body.asOf, field: "asOf"), headcount: String(body.headcount),
            fullTimeEquivalents: body.fullTimeEquivalents, comment: body.comment ?? "")
        let replacing = try body.replacing.map { try Self.date($0, field: "replacing") }
        let figure = try await service {
            try await services.staffing.save(draft, replacing: replacing, in: input.path.code, by: APICaller.current)
        }
        return .created(.init(body: .json(.init(
            asOf: figure.asOf.iso, headcount: figure.headcount, fullTimeEquivalents: Self.decimal(figure.fullTimeEquivalents),
            comment: figure.comment))))
    }

    func deleteStaffing(_ input: Operations.DeleteStaffing.Input) async throws -> Operations.DeleteStaffing.Output {
        let date = try Self.date(input.path.date, field: "date")
        try await service { try await services.staffing.delete(at: date, in: input.path.code, by: APICaller.current) }
        return .noContent(.init())
    }
}
