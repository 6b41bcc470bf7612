import Foundation
import OpenAPIRuntime
import SQLKit
import StyrDomain
import StyrServices
import StyrStorage

/// The JSON API: each operation of `openapi.yaml` checks role and scope, then reads or writes
/// through the same repositories and rules as the pages. Errors are thrown as `APIProblem` and
/// answered as problem details by the web layer.
struct StyrAPIHandler: APIProtocol {
    let database: Database
    /// The use cases; operations being moved onto them call these instead of the database.
    let services: Services
    /// How soon after detection a serious incident must reach the department.
    let notificationLimit: NotificationLimit
    let forecastThreshold: ForecastThreshold

    init(database: Database, services: Services, notificationLimit: NotificationLimit = .standard, forecastThreshold: ForecastThreshold = .standard) {
        self.database = database
        self.services = services
        self.notificationLimit = notificationLimit
        self.forecastThreshold = forecastThreshold
    }

    // MARK: Access

    func caller() throws -> UserAccount {
        guard let user = APICaller.current else { throw APIProblem.unauthorized }
        return user
    }

    /// Refuses a year outside what Styr keeps (the document says 1900–2200).
    func validate(year: Int) throws {
        guard BudgetYears.contains(year) else { throw APIProblem.invalid("year: \(BudgetYears.outOfRangeMessage(year))") }
    }

    /// The caller, when allowed `permission` on the organisation; else 404 (unknown) or 403.
    @discardableResult
    func require(_ permission: Permission, on code: String) async throws -> UserAccount {
        let user = try caller()
        let tree = OrganisationTree(try await database.withConnection { db in try await SQLGovernanceStore(db).organisations() })
        guard tree.contains(code) else { throw APIProblem.notFound("Det finnes ingen organisasjon med koden «\(code)».") }
        guard AccessPolicy.allows(user, permission, on: code, in: tree) else {
            throw APIProblem.forbidden("Rollene dine gir ikke tilgang til dette for «\(code)».")
        }
        return user
    }

    func chapter(of code: String) async throws -> Chapter {
        guard let chapter = try await database.withConnection({ db in try await SQLGovernanceStore(db).chapters(of: code).first }) else {
            throw APIProblem.notFound("«\(code)» har ikke noe budsjettkapittel.")
        }
        return chapter
    }

    // MARK: Organisations

    func listOrganisations(_ input: Operations.ListOrganisations.Input) async throws -> Operations.ListOrganisations.Output {
        let user = try caller()
        let all = try await database.withConnection { db in try await SQLGovernanceStore(db).organisations() }
        return .ok(.init(body: .json(.init(items: AccessPolicy.readable(all, by: user).map(Self.organisation)))))
    }

    func getOrganisation(_ input: Operations.GetOrganisation.Input) async throws -> Operations.GetOrganisation.Output {
        let code = input.path.code
        try await require(.read, on: code)
        guard let organisation = try await database.withConnection({ db in try await SQLGovernanceStore(db).organisation(code: code) }) else {
            throw APIProblem.notFound("Det finnes ingen organisasjon med koden «\(code)».")
        }
        return .ok(.init(body: .json(Self.organisation(organisation))))
    }

    static func organisation(_ organisation: Organisation) -> Components.Schemas.Organisation {
        .init(code: organisation.code, name: organisation.name, kind: .init(rawValue: organisation.kind.rawValue)!,
              parentCode: organisation.parentCode)
    }

    func listStaffing(_ input: Operations.ListStaffing.Input) async throws -> Operations.ListStaffing.Output {
        let code = input.path.code
        try await require(.read, on: code)
        let figures = try await database.withConnection { db in try await SQLGovernanceStore(db).staffing(of: code) }
        return .ok(.init(body: .json(.init(items: figures.map {
            .init(asOf: $0.asOf.iso, headcount: $0.headcount, fullTimeEquivalents: Self.decimal($0.fullTimeEquivalents), comment: $0.comment)
        }))))
    }

    func listMissionStatements(_ input: Operations.ListMissionStatements.Input) async throws -> Operations.ListMissionStatements.Output {
        let code = input.path.code
        try await require(.read, on: code)
        let versions = try await database.withConnection { db in try await SQLGovernanceStore(db).missionStatements(of: code) }
        return .ok(.init(body: .json(.init(items: versions.map { mission in
            .init(
                version: mission.version, title: mission.title, fixedOn: mission.fixedOn.iso, fixedBy: mission.fixedByCode,
                targetGroups: mission.targetGroups,
                coreTasks: mission.coreTasks.map { .init(letter: $0.letter, title: $0.title, description: $0.description) },
                authorities: mission.authorities.map { .init(description: $0.description, legalBasis: $0.legalBasis) })
        }))))
    }

    // MARK: Indicators

    /// A fixed-point quantity as a plain decimal string with a dot ("81.7", "-3.3").
    static func decimal(_ value: Quantity) -> String {
        let magnitude = value.milli.magnitude
        var fraction = String(magnitude % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (value.milli < 0 ? "-" : "") + String(magnitude / 1000) + (fraction.isEmpty ? "" : "." + fraction)
    }

    // MARK: Budget and accounts

    func getAccounts(_ input: Operations.GetAccounts.Input) async throws -> Operations.GetAccounts.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        try await require(.read, on: code)
        let kind: AccountKind = input.query.kind == .investment ? .investment : .operating
        let chapter = try await chapter(of: code)
        let (amounts, revisions) = try await database.withConnection { db in
            let store = SQLGovernanceStore(db)
            return (try await store.budgetAmounts(chapter: chapter.number, years: (year - 1)...year),
                    try await store.revisions(chapter: chapter.number, year: year))
        }
        let table = AccountsTable.build(chapter: chapter.number, year: year, kind: kind, amounts: amounts, revisions: revisions)
        let rows: [Components.Schemas.AccountsRow] = table.rows.map { row in
            let (rowKind, group): (Components.Schemas.AccountsRow.KindPayload, String?) = switch row.kind {
            case .group(let group): (.group, group.code)
            case .expenseSum: (.expenseSum, nil)
            case .revenueSum: (.revenueSum, nil)
            case .net: (.net, nil)
            }
            return .init(
                label: table.label(of: row), kind: rowKind, group: group, actualsOre: row.actuals.ore,
                originalBudgetOre: row.originalBudget.ore, revisedBudgetOre: row.revisedBudget.ore,
                previousActualsOre: row.previousActuals.ore, deviationOre: row.deviation.ore)
        }
        return .ok(.init(body: .json(.init(chapter: chapter.number, year: year, kind: .init(rawValue: kind.rawValue)!, rows: rows))))
    }

    func listBudgetRevisions(_ input: Operations.ListBudgetRevisions.Input) async throws -> Operations.ListBudgetRevisions.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        try await require(.read, on: code)
        let chapter = try await chapter(of: code)
        let revisions = try await database.withConnection { db in try await SQLGovernanceStore(db).revisions(chapter: chapter.number, year: year) }
        return .ok(.init(body: .json(.init(chapter: chapter.number, year: year, items: revisions.map { revision in
            .init(reference: revision.reference, kind: .init(rawValue: revision.kind.rawValue)!, decidedOn: revision.decidedOn?.iso,
                  reason: revision.reason, netChangeOre: revision.netChange.ore,
                  lines: revision.lines.map { .init(group: $0.group.code, amountOre: $0.amount.ore) })
        }))))
    }

    func listInvestmentProjects(_ input: Operations.ListInvestmentProjects.Input) async throws -> Operations.ListInvestmentProjects.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        try await require(.read, on: code)
        let chapter = try await chapter(of: code)
        let projects = try await database.withConnection { db in
            try await SQLGovernanceStore(db).investmentProjects(chapter: chapter.number, year: year)
        }
        let table = InvestmentProjectTable(projects: projects)
        return .ok(.init(body: .json(.init(
            chapter: chapter.number, year: year,
            items: table.projects.map {
                .init(number: $0.number, name: $0.name, groups: $0.groups.code, councilCompletion: $0.councilCompletion,
                      expectedCompletion: $0.expectedCompletion, originalBudgetOre: $0.originalBudget.ore,
                      revisedBudgetOre: $0.revisedBudget.ore, actualsOre: $0.actuals.ore, deviationOre: $0.deviation.ore)
            },
            sumRevisedBudgetOre: table.revisedBudget.ore, sumActualsOre: table.actuals.ore, sumDeviationOre: table.deviation.ore))))
    }

    // MARK: History

    func getHistory(_ input: Operations.GetHistory.Input) async throws -> Operations.GetHistory.Output {
        let (type, key) = (input.query._type, input.query.key)
        _ = try caller()
        let code = try await database.withConnection { db in
            try await SQLAuditLog(db).organisationCode(ofEntityType: type, key: key)
        }
        guard let code, !code.isEmpty else { throw APIProblem.notFound("Fant ikke «\(key)».") }
        try await require(.read, on: code)
        let entries = try await database.withConnection { db in try await SQLAuditLog(db).entries(entityType: type, entityKey: key) }
        return .ok(.init(body: .json(.init(items: entries.map {
            .init(sequence: $0.sequence, occurredAt: $0.occurredAt, actor: $0.actor, action: .init(rawValue: $0.action.rawValue)!,
                  entityType: $0.entityType, entityKey: $0.entityKey, before: $0.before, after: $0.after,
                  previousHash: $0.previousHash, hash: $0.hash)
        }))))
    }
}
