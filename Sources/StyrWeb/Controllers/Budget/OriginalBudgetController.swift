import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// The original budget (Dok. 3) as a grid per chapter and kontoklasse, rows the artsgrupper;
/// saved in one go, or taken from an imported budget file (`OriginalBudgetService`).
struct OriginalBudgetController: Sendable {
    let originalBudget: OriginalBudgetService
    let pages: Pages
    let access: Authorizer

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/budsjett/:year/dok3") { request, context in
            let grid = try await originalBudget.grid(of: try context.parameters.require("code"), year: try requireYear(context), by: context.session?.user)
            return page(grid, saved: Confirmation.message(request, context), values: [:], errors: InputErrors(), context)
        }
        router.post("/organisasjoner/:code/budsjett/:year/dok3") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let code = try context.parameters.require("code"), year = try requireYear(context)
            let grid = try await originalBudget.grid(of: code, year: year, by: context.session?.user)
            let cells = Self.cells(grid, fields)
            do {
                try await originalBudget.save(cells.map(\.cell), in: code, year: year, version: RecordVersions.parse(fields[FormPage.versionField]),
                                              by: context.session?.user)
                return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/budsjett/\(year)/dok3", message: "Opprinnelig budsjett \(year) er lagret.", context)
            } catch ServiceError.invalid(let errors) {
                var names: [String: String] = [:]
                for (index, cell) in cells.enumerated() {
                    for part in ["amount", "chapter", "kind", "group"] { names["amounts[\(index)].\(part)"] = cell.name }
                }
                return page(grid, saved: nil, values: fields, errors: errors.renamed(names), context).response
            }
        }
        router.post("/organisasjoner/:code/budsjett/:year/dok3/fra-budsjettfil") { request, context in
            let fields = try await FormBody.read(request, context: context)
            try access.requireCSRF(fields, context)
            let code = try context.parameters.require("code"), year = try requireYear(context)
            do {
                let amounts = try await originalBudget.takeFromBudgetFile(in: code, year: year, by: context.session?.user)
                return Confirmation.redirect(to: "/organisasjoner/\(code.urlPathEncoded)/budsjett/\(year)/dok3",
                                             message: "Opprinnelig budsjett \(year) er hentet fra budsjettfila (\(amounts.count) celler).", context)
            } catch ServiceError.invalid(let errors) {
                let grid = try await originalBudget.grid(of: code, year: year, by: context.session?.user)
                return page(grid, saved: nil, values: [:], errors: errors, context).response
            }
        }
    }

    /// The input's name of a cell: `b_125_drift_000`.
    static func name(chapter: Int, kind: AccountKind, group: ObjectGroup) -> String {
        "b_\(chapter)_\(kind.formValue)_\(pad3(group.first))"
    }

    /// The grid's cells as typed: a cell left empty that has nothing stored is left out.
    static func cells(_ grid: OriginalBudgetService.Grid, _ fields: [String: String]) -> [(name: String, cell: OriginalBudgetCell)] {
        var cells: [(String, OriginalBudgetCell)] = []
        for chapter in grid.chapters {
            for kind in chapter.kind.accountKinds {
                for group in ObjectGroup.standard {
                    let name = name(chapter: chapter.number, kind: kind, group: group)
                    let text = fields.text(name)
                    guard !text.isEmpty || grid.amount(chapter: chapter.number, kind: kind, group: group) != nil else { continue }
                    cells.append((name, OriginalBudgetCell(chapter: chapter.number, kind: kind, group: group, amount: .typed(text))))
                }
            }
        }
        return cells
    }

    func page(_ grid: OriginalBudgetService.Grid, saved: String?, values: [String: String], errors: InputErrors, _ context: StyrRequestContext) -> HTML {
        pages.html("Opprinnelig budsjett \(grid.year) – \(grid.scope.organisation.name)", template: "budget-dok3",
                   model: OriginalBudgetView(grid, saved: saved, values: values, errors: errors, csrfToken: context.session?.csrfToken ?? ""),
                   context: context, status: errors.isEmpty ? .ok : .unprocessableContent, trail: BudgetDataLinks.trail(grid.scope, year: grid.year))
    }
}

func pad3(_ value: Int) -> String { value < 10 ? "00\(value)" : value < 100 ? "0\(value)" : "\(value)" }

/// The view model of `budget-dok3.mustache`.
struct OriginalBudgetView: Sendable {
    struct Cell: Sendable {
        var label: String, name: String, value: String
        var error: String?
    }
    struct Table: Sendable {
        var caption: String
        var cells: [Cell]
        var total: String
    }
    struct Message: Sendable { var message: String }
    struct BudgetFile: Sendable { var sourceName: String, importedAt: String, lines: String }

    var organisationName: String
    var year: Int
    var saved: String?
    var canEdit: Bool
    var csrfToken: String
    /// The grid's version the form was loaded at (optimistic locking), sent back as `_versjon`.
    var gridVersion: String
    var action: String
    var importAction: String
    var links: BudgetDataLinks
    var tables: [Table]
    var errors: [Message]
    var budgetFiles: [BudgetFile]

    init(_ grid: OriginalBudgetService.Grid, saved: String?, values: [String: String], errors: InputErrors, csrfToken: String) {
        let base = "/organisasjoner/\(grid.scope.code.urlPathEncoded)/budsjett/\(grid.year)/dok3"
        organisationName = grid.scope.organisation.name
        year = grid.year
        self.saved = saved
        canEdit = grid.canEdit
        self.csrfToken = csrfToken
        gridVersion = values[FormPage.versionField] ?? String(grid.version)
        action = base
        importAction = "\(base)/fra-budsjettfil"
        links = BudgetDataLinks(code: grid.scope.code, year: grid.year)
        self.errors = errors.entries.map { Message(message: $0.message) }
        budgetFiles = grid.budgetImports.map {
            BudgetFile(sourceName: $0.sourceName, importedAt: String($0.importedAt.prefix(10)), lines: NorwegianFormat.integer($0.lines))
        }
        tables = grid.chapters.flatMap { chapter in
            chapter.kind.accountKinds.map { kind in
                var total = Money.zero
                let cells = ObjectGroup.standard.map { group in
                    let name = OriginalBudgetController.name(chapter: chapter.number, kind: kind, group: group)
                    let stored = grid.amount(chapter: chapter.number, kind: kind, group: group)
                    total = total + (stored ?? .zero)
                    return Cell(label: "\(group.code) \(ObjectGroupLabels.label(for: group))", name: name,
                                value: values[name] ?? stored.map(NorwegianFormat.exactKroner) ?? "", error: errors[name])
                }
                return Table(caption: "Kapittel \(chapter.number) \(chapter.name) – \(kind.norwegianName.lowercased())", cells: cells,
                             total: NorwegianFormat.kroner(total, zeroAsDash: false))
            }
        }
    }
}
