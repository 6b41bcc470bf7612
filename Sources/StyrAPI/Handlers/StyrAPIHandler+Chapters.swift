import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// Chapters and the original budget (Dok. 3) through the API: the same use cases as the chapter and
/// Dok. 3 pages (`ChapterService`, `OriginalBudgetService`). Amounts are øre, passed exactly.
extension StyrAPIHandler {
    func listChapters(_ input: Operations.ListChapters.Input) async throws -> Operations.ListChapters.Output {
        let listing = try await service { try await services.chapters.list(of: input.path.code, by: APICaller.current) }
        return .ok(.init(body: .json(.init(items: listing.chapters.map(Self.chapter)))))
    }

    func createChapter(_ input: Operations.CreateChapter.Input) async throws -> Operations.CreateChapter.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let draft = ChapterDraft(number: body.number, name: body.name, kind: Self.chapterKind(body.kind))
        let created = try await service { try await services.chapters.create(draft, in: input.path.code, by: APICaller.current) }
        return .created(.init(body: .json(Self.chapter(created))))
    }

    func putChapter(_ input: Operations.PutChapter.Input) async throws -> Operations.PutChapter.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let edited = try await service {
            try await services.chapters.edit(
                input.path.number, name: body.name, kind: Self.chapterKind(body.kind), in: input.path.code, by: APICaller.current)
        }
        return .ok(.init(body: .json(Self.chapter(edited))))
    }

    func getOriginalBudget(_ input: Operations.GetOriginalBudget.Input) async throws -> Operations.GetOriginalBudget.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        return .ok(.init(body: .json(try await originalBudget(code, year))))
    }

    func putOriginalBudget(_ input: Operations.PutOriginalBudget.Input) async throws -> Operations.PutOriginalBudget.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        var cells: [OriginalBudgetCell] = []
        for (index, cell) in body.amounts.enumerated() {
            let group = try Self.objectGroup(cell.group, field: "amounts[\(index)].group")
            cells.append(OriginalBudgetCell(
                chapter: cell.chapter, kind: Self.accountKind(cell.kind), group: group, amount: .exact(Money(ore: cell.amountOre))))
        }
        let fields = Dictionary(uniqueKeysWithValues: body.amounts.indices.map { ("amounts[\($0)].amount", "amounts[\($0)].amountOre") })
        try await service(fields: fields) {
            try await services.originalBudget.save(cells, in: code, year: year, version: Self.sentVersion(body.version), by: APICaller.current)
        }
        return .ok(.init(body: .json(try await originalBudget(code, year))))
    }

    func takeOriginalBudgetFromBudgetFile(
        _ input: Operations.TakeOriginalBudgetFromBudgetFile.Input
    ) async throws -> Operations.TakeOriginalBudgetFromBudgetFile.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        try await service { try await services.originalBudget.takeFromBudgetFile(in: code, year: year, by: APICaller.current) }
        return .ok(.init(body: .json(try await originalBudget(code, year))))
    }

    /// The year's Dok. 3 cells as stored, in chapter, kontoklasse and artsgruppe order.
    func originalBudget(_ code: String, _ year: Int) async throws -> Components.Schemas.OriginalBudget {
        let grid = try await service { try await services.originalBudget.grid(of: code, year: year, by: APICaller.current) }
        let amounts = grid.amounts.sorted { ($0.chapter, $0.kind.rawValue, $0.group.first) < ($1.chapter, $1.kind.rawValue, $1.group.first) }
        return .init(version: Int64(grid.version), organisationCode: grid.scope.code, year: year, amounts: amounts.map {
            .init(chapter: $0.chapter, kind: Self.cellKind($0.kind), group: $0.group.code, amountOre: $0.amount.ore)
        })
    }

    static func chapter(_ chapter: Chapter) -> Components.Schemas.Chapter {
        .init(number: chapter.number, name: chapter.name, organisationCode: chapter.organisationCode, kind: chapterKind(chapter.kind))
    }

    /// An artsgruppe written `100-299`; else 422 naming the field.
    static func objectGroup(_ text: String, field: String) throws -> ObjectGroup {
        guard let group = ObjectGroup(code: text) else {
            throw APIProblem.invalid("\(field): «\(text)» er ikke en artsgruppe; skriv f.eks. 100-299.")
        }
        return group
    }

    // MARK: Mappings between the contract's enums and the domain's

    static func chapterKind(_ kind: ChapterKind) -> Components.Schemas.ChapterKind {
        switch kind {
        case .operating: .operating
        case .investment: .investment
        case .both: .both
        }
    }

    static func chapterKind(_ kind: Components.Schemas.ChapterKind) -> ChapterKind {
        switch kind {
        case .operating: .operating
        case .investment: .investment
        case .both: .both
        }
    }

    static func accountKind(_ kind: Components.Schemas.BudgetCellInput.KindPayload) -> AccountKind {
        switch kind {
        case .operating: .operating
        case .investment: .investment
        }
    }

    static func cellKind(_ kind: AccountKind) -> Components.Schemas.BudgetCell.KindPayload {
        switch kind {
        case .operating: .operating
        case .investment: .investment
        }
    }
}
