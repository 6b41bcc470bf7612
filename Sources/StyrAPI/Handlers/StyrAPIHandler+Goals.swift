import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// Goal areas and goals of a year through the API: the same use cases as the goals page
/// (`GoalService`); the agency's account of an area and the annual report's written sections
/// through `AnnualReportTextService`. A goal is numbered from 1 in its area.
extension StyrAPIHandler {
    /// The rules' field of a goal's text, as the JSON names it.
    static let goalFields = ["goal": "text"]

    func listGoalAreas(_ input: Operations.ListGoalAreas.Input) async throws -> Operations.ListGoalAreas.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        let chain = try await service { try await services.goals.chain(in: code, year: year, by: APICaller.current) }
        return .ok(.init(body: .json(.init(
            organisationCode: chain.scope.code, year: year,
            items: chain.areas.map {
                var area = Self.goalArea($0.area, indicators: $0.indicators.map(\.indicator.key))
                area.version = Int64(chain.version)
                return area
            },
            unlinkedIndicators: chain.unlinked.map(\.indicator.key)))))
    }

    func createGoalArea(_ input: Operations.CreateGoalArea.Input) async throws -> Operations.CreateGoalArea.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let area = try await service {
            try await services.goals.addGoalArea(named: body.name, in: code, year: year, version: Self.sentVersion(body.version), by: APICaller.current)
        }
        return .created(.init(body: .json(try await versioned(Self.goalArea(area), code, year))))
    }

    func renameGoalArea(_ input: Operations.RenameGoalArea.Input) async throws -> Operations.RenameGoalArea.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let area = try await service {
            try await services.goals.renameGoalArea(
                input.path.area, to: body.name, in: code, year: year, version: Self.sentVersion(body.version), by: APICaller.current)
        }
        return .ok(.init(body: .json(try await versioned(Self.goalArea(area), code, year))))
    }

    func deleteGoalArea(_ input: Operations.DeleteGoalArea.Input) async throws -> Operations.DeleteGoalArea.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        try await service { try await services.goals.deleteGoalArea(input.path.area, in: code, year: year, by: APICaller.current) }
        return .noContent(.init())
    }

    func createGoal(_ input: Operations.CreateGoal.Input) async throws -> Operations.CreateGoal.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let area = try await service(fields: Self.goalFields) {
            try await services.goals.addGoal(
                body.text, to: input.path.area, in: code, year: year, version: Self.sentVersion(body.version), by: APICaller.current)
        }
        return .created(.init(body: .json(try await versioned(Self.goalArea(area), code, year))))
    }

    func putGoal(_ input: Operations.PutGoal.Input) async throws -> Operations.PutGoal.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let area = try await service(fields: Self.goalFields) {
            try await services.goals.editGoal(
                at: input.path.number - 1, of: input.path.area, to: body.text, in: code, year: year, version: Self.sentVersion(body.version),
                by: APICaller.current)
        }
        return .ok(.init(body: .json(try await versioned(Self.goalArea(area), code, year))))
    }

    func deleteGoal(_ input: Operations.DeleteGoal.Input) async throws -> Operations.DeleteGoal.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        let area = try await service(fields: Self.goalFields) {
            try await services.goals.deleteGoal(at: input.path.number - 1, of: input.path.area, in: code, year: year, by: APICaller.current)
        }
        return .ok(.init(body: .json(try await versioned(Self.goalArea(area), code, year))))
    }

    func putGoalAreaAccount(_ input: Operations.PutGoalAreaAccount.Input) async throws -> Operations.PutGoalAreaAccount.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let area = try await service {
            try await services.annualReportTexts.saveGoalAreaAccount(input.path.area, body: body.body, of: code, year: year, by: APICaller.current)
        }
        return .ok(.init(body: .json(Self.goalArea(area))))
    }

    static func goalArea(_ area: GoalArea, indicators: [String]? = nil) -> Components.Schemas.GoalArea {
        .init(name: area.name, goals: area.goals, account: area.narrative, indicators: indicators)
    }

    // MARK: The annual report's texts

    func listAnnualReportTexts(_ input: Operations.ListAnnualReportTexts.Input) async throws -> Operations.ListAnnualReportTexts.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        let texts = try await service { try await services.annualReportTexts.texts(of: code, year: year, by: APICaller.current) }
        return .ok(.init(body: .json(.init(
            organisationCode: texts.scope.code, year: year,
            sections: texts.sections.map { section in
                .init(key: Self.textKey(section.section), title: section.section.title, body: section.body)
            },
            goalAreas: texts.goalAreas.map { Self.goalArea($0) }))))
    }

    func putAnnualReportText(_ input: Operations.PutAnnualReportText.Input) async throws -> Operations.PutAnnualReportText.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let section = Self.textSection(input.path.key)
        let narrative = try await service {
            try await services.annualReportTexts.save(section, body: body.body, of: code, year: year, by: APICaller.current)
        }
        return .ok(.init(body: .json(.init(key: input.path.key, title: narrative.title, body: narrative.body))))
    }

    /// The API's key of a section (every section, chapters 4–5 included).
    static func textKey(_ section: AnnualReportTextSection) -> Components.Schemas.AnnualReportTextKey {
        switch section {
        case .leaderStatement: .ledersBeretning
        case .responsibility: .ansvarsomrade
        case .staffingComment: .bemanningKommentar
        case .situation: .situasjonsbeskrivelse
        case .governance: .styringOgKontroll
        case .operatingDeviations: .driftAvviksforklaring
        case .investmentDeviations: .investeringAvviksforklaring
        case .projectComments: .prosjekterKommentarer
        case .serviceImprovement: .serviceInnbyggere
        case .caseProcessing: .saksbehandlingstid
        case .disabilityPlan: .handlingsplanFunksjonsnedsettelse
        case .universalDesign: .universellUtforming
        case .publicHealth: .folkehelse
        case .equalityMeasures: .likestillingstiltak
        case .hrComment: .hrKommentar
        case .sickLeaveComment: .sykefravaerKommentar
        case .consultantsComment: .konsulentbruk
        case .environmentWork: .miljoarbeid
        case .climateBudget: .klimabudsjett
        }
    }

    static func textSection(_ key: Components.Schemas.AnnualReportTextKey) -> AnnualReportTextSection {
        switch key {
        case .ledersBeretning: .leaderStatement
        case .ansvarsomrade: .responsibility
        case .bemanningKommentar: .staffingComment
        case .situasjonsbeskrivelse: .situation
        case .styringOgKontroll: .governance
        case .driftAvviksforklaring: .operatingDeviations
        case .investeringAvviksforklaring: .investmentDeviations
        case .prosjekterKommentarer: .projectComments
        case .serviceInnbyggere: .serviceImprovement
        case .saksbehandlingstid: .caseProcessing
        case .handlingsplanFunksjonsnedsettelse: .disabilityPlan
        case .universellUtforming: .universalDesign
        case .folkehelse: .publicHealth
        case .likestillingstiltak: .equalityMeasures
        case .hrKommentar: .hrComment
        case .sykefravaerKommentar: .sickLeaveComment
        case .konsulentbruk: .consultantsComment
        case .miljoarbeid: .environmentWork
        case .klimabudsjett: .climateBudget
        }
    }

    /// A goal area with the version of the year's goals (`RecordVersions.goals`).
    func versioned(_ area: Components.Schemas.GoalArea, _ code: String, _ year: Int) async throws -> Components.Schemas.GoalArea {
        var area = area
        area.version = try await version(RecordVersions.goals(code, year: year), in: code)
        return area
    }
}
