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

    func listIndicators(_ input: Operations.ListIndicators.Input) async throws -> Operations.ListIndicators.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        try await require(.read, on: code)
        let entries = try await database.withConnection { db in try await SQLGovernanceStore(db).indicators(of: code) }
        let items = entries.filter { $0.value(in: year) != nil }.map { Self.indicator($0, year: year) }
        return .ok(.init(body: .json(.init(year: year, items: items))))
    }

    func putIndicatorResult(_ input: Operations.PutIndicatorResult.Input) async throws -> Operations.PutIndicatorResult.Output {
        let (code, year, key) = (input.path.code, input.path.year, input.path.key)
        try validate(year: year)
        let user = try await require(.enterResults, on: code)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        guard let entry = try await database.withConnection({ db in
            try await SQLGovernanceStore(db).indicators(of: code).first { $0.indicator.key == key }
        }), var value = entry.value(in: year), value.target != nil else {
            throw APIProblem.notFound("«\(key)» har ikke noe måltall for \(year) hos «\(code)».")
        }
        let indicator = entry.indicator
        let draft = IndicatorResultDraft(result: body.result, notMeasuredReason: body.notMeasuredReason, deviationComment: body.deviationComment)
        switch draft.applied(to: value, of: indicator) {
        case .success(let updated): value = updated
        case .failure(let errors): throw APIProblem.invalid(errors.summary)
        }
        let (email, toSave) = (user.email, value)
        try await database.transaction { db in try await SQLGovernanceStore(db, actor: email).save(toSave, ofIndicator: key, of: code) }
        return .ok(.init(body: .json(Self.indicator(IndicatorWithValues(indicator: indicator, values: [value]), year: year))))
    }

    func putIndicatorDefinition(_ input: Operations.PutIndicatorDefinition.Input) async throws -> Operations.PutIndicatorDefinition.Output {
        let (code, year, key) = (input.path.code, input.path.year, input.path.key)
        try validate(year: year)
        let user = try await require(.defineIndicators, on: code)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        guard key == IndicatorDraft.key(for: key), !key.isEmpty else {
            throw APIProblem.invalid("key: bruk små bokstaver a–z, tall og bindestrek, f.eks. «andel-saker-besvart».")
        }
        let draft = IndicatorDraft(
            name: body.name, unit: IndicatorUnit(rawValue: body.unit.rawValue)!, polarity: Polarity(rawValue: body.polarity.rawValue)!,
            deviationRule: DeviationRule(rawValue: body.deviationRule.rawValue)!, decimals: String(body.decimals),
            toleranceYellow: body.toleranceYellow, toleranceRed: body.toleranceRed, target: body.target,
            targetHigh: body.targetHigh ?? "", goalArea: body.goalArea ?? "", notes: body.notes ?? [])
        let existing = try await database.withConnection { db in
            try await SQLGovernanceStore(db).indicators(of: code)
        }
        let current = existing.first { $0.indicator.key == key }
        let (indicator, target): (Indicator, IndicatorTarget)
        switch draft.validated(key: key, introducedIn: current?.indicator.introducedIn ?? year) {
        case .success(let checked): (indicator, target) = checked
        case .failure(let errors): throw APIProblem.invalid(errors.summary)
        }
        if current == nil, existing.contains(where: { $0.indicator.name == indicator.name }) {
            throw APIProblem.invalid("name: det finnes allerede en indikator med dette navnet.")
        }
        var value = current?.value(in: year) ?? IndicatorValue(year: year)
        value.target = target
        let (email, toSave, position) = (user.email, value, existing.firstIndex { $0.indicator.key == key } ?? existing.count)
        try await database.transaction { db in
            let store = SQLGovernanceStore(db, actor: email)
            try await store.save(indicator, of: code, position: position)
            try await store.save(toSave, ofIndicator: key, of: code)
        }
        return .ok(.init(body: .json(Self.indicator(IndicatorWithValues(indicator: indicator, values: [value]), year: year))))
    }

    static func indicator(_ entry: IndicatorWithValues, year: Int) -> Components.Schemas.Indicator {
        let indicator = entry.indicator
        let value = entry.value(in: year)
        let assessment = value.flatMap { IndicatorRules.assess($0, of: indicator) }
        let (low, high): (Quantity?, Quantity?) = switch value?.target {
        case .value(let target): (target, nil)
        case .range(let low, let high): (low, high)
        case nil: (nil, nil)
        }
        return .init(
            key: indicator.key, name: indicator.name, unit: .init(rawValue: indicator.unit.rawValue)!,
            polarity: .init(rawValue: indicator.polarity.rawValue)!, deviationRule: .init(rawValue: indicator.deviationRule.rawValue)!,
            goalArea: indicator.goalArea, year: year, target: low.map(decimal), targetHigh: high.map(decimal),
            result: value?.result.map(decimal), notMeasuredReason: value?.notMeasuredReason, deviationComment: value?.deviationComment,
            deviation: assessment?.deviation.map(decimal), status: assessment.map { .init(rawValue: $0.status.rawValue)! },
            needsExplanation: value.map { !IndicatorRules.missingExplanations($0, of: indicator).isEmpty } ?? false)
    }

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
