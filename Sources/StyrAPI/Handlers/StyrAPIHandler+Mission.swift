import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// Drafting and fixing versions of the mission statement through the API: the same use cases as
/// the mission statement pages (`MissionService`). The rules name their fields as the JSON does.
extension StyrAPIHandler {
    func getMissionDraft(_ input: Operations.GetMissionDraft.Input) async throws -> Operations.GetMissionDraft.Output {
        let drafting = try await service { try await services.missions.drafting(in: input.path.code, by: APICaller.current) }
        guard let draft = drafting.draft else {
            throw APIProblem.notFound("\(drafting.scope.organisation.name) har ikke noe utkast til nytt samfunnsoppdrag.")
        }
        return .ok(.init(body: .json(Self.missionDraft(draft))))
    }

    func startMissionDraft(_ input: Operations.StartMissionDraft.Input) async throws -> Operations.StartMissionDraft.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let draft = try await service {
            try await services.missions.startDraft(
                trigger: Self.trigger(body.trigger), triggerText: body.triggerText ?? "", in: input.path.code, by: APICaller.current)
        }
        return .created(.init(body: .json(Self.missionDraft(draft))))
    }

    func putMissionDraft(_ input: Operations.PutMissionDraft.Input) async throws -> Operations.PutMissionDraft.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let edit = MissionDraftEdit(
            title: body.title, trigger: Self.trigger(body.trigger), triggerText: body.triggerText ?? "", sectionBodies: body.sectionBodies,
            coreTaskDescriptions: body.coreTaskDescriptions, targetGroups: body.targetGroups)
        let draft = try await service {
            try await services.missions.editDraft(edit, in: input.path.code, version: Self.sentVersion(body.version), by: APICaller.current)
        }
        var answer = Self.missionDraft(draft)
        answer.version = try await version(RecordVersions.missionDraft(input.path.code), in: input.path.code)
        return .ok(.init(body: .json(answer)))
    }

    func deleteMissionDraft(_ input: Operations.DeleteMissionDraft.Input) async throws -> Operations.DeleteMissionDraft.Output {
        try await service { try await services.missions.discardDraft(in: input.path.code, by: APICaller.current) }
        return .noContent(.init())
    }

    func fixMissionDraft(_ input: Operations.FixMissionDraft.Input) async throws -> Operations.FixMissionDraft.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let date = try body.fixedOn.map { try Self.date($0, field: "fixedOn") }
        let mission = try await service { try await services.missions.fixDraft(on: date, in: input.path.code, by: APICaller.current) }
        return .created(.init(body: .json(Self.missionStatement(mission))))
    }

    static func missionStatement(_ mission: MissionStatement) -> Components.Schemas.MissionStatement {
        .init(
            version: mission.version, title: mission.title, fixedOn: mission.fixedOn.iso, fixedBy: mission.fixedByCode,
            targetGroups: mission.targetGroups,
            coreTasks: mission.coreTasks.map { .init(letter: $0.letter, title: $0.title, description: $0.description) },
            authorities: mission.authorities.map { .init(description: $0.description, legalBasis: $0.legalBasis) })
    }

    static func missionDraft(_ draft: MissionDraft) -> Components.Schemas.MissionDraft {
        let content = draft.content
        return .init(
            organisationCode: draft.organisationCode, basedOnVersion: draft.basedOnVersion, trigger: trigger(draft.cause.trigger),
            triggerText: draft.cause.text, title: content.title,
            sections: content.sections.map { .init(number: $0.number, heading: $0.heading, body: $0.body) },
            coreTasks: content.coreTasks.map { .init(letter: $0.letter, title: $0.title, description: $0.description) },
            targetGroups: content.targetGroups, createdBy: draft.createdBy)
    }

    static func trigger(_ trigger: RevisionTrigger) -> Components.Schemas.RevisionTrigger {
        switch trigger {
        case .politicalDecision: .politicalDecision
        case .changedMandate: .changedMandate
        case .changedRules: .changedRules
        case .otherAgencies: .otherAgencies
        case .other: .other
        }
    }

    static func trigger(_ trigger: Components.Schemas.RevisionTrigger) -> RevisionTrigger {
        switch trigger {
        case .politicalDecision: .politicalDecision
        case .changedMandate: .changedMandate
        case .changedRules: .changedRules
        case .otherAgencies: .otherAgencies
        case .other: .other
        }
    }
}
