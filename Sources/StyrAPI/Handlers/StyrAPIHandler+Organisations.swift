import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// Organisations, their staffing and mission statements through the API: the same use cases as
/// the pages (`OrganisationService`).
extension StyrAPIHandler {
    func listOrganisations(_ input: Operations.ListOrganisations.Input) async throws -> Operations.ListOrganisations.Output {
        let readable = try await service { try await services.organisations.readable(by: APICaller.current) }
        return .ok(.init(body: .json(.init(items: readable.map(Self.organisation)))))
    }

    func getOrganisation(_ input: Operations.GetOrganisation.Input) async throws -> Operations.GetOrganisation.Output {
        let organisation = try await service { try await services.organisations.organisation(input.path.code, by: APICaller.current) }
        return .ok(.init(body: .json(Self.organisation(organisation))))
    }

    static func organisation(_ organisation: Organisation) -> Components.Schemas.Organisation {
        .init(code: organisation.code, name: organisation.name, kind: Self.organisationKind(organisation.kind), parentCode: organisation.parentCode,
              closedOn: organisation.closedOn?.iso)
    }

    static func organisationKind(_ kind: OrganisationKind) -> Components.Schemas.Organisation.KindPayload {
        switch kind {
        case .municipality: .municipality
        case .department: .department
        case .agency: .agency
        case .section: .section
        }
    }

    func listStaffing(_ input: Operations.ListStaffing.Input) async throws -> Operations.ListStaffing.Output {
        let figures = try await service { try await services.organisations.staffing(of: input.path.code, by: APICaller.current) }
        return .ok(.init(body: .json(.init(items: figures.map {
            .init(asOf: $0.asOf.iso, headcount: $0.headcount, fullTimeEquivalents: Self.decimal($0.fullTimeEquivalents), comment: $0.comment)
        }))))
    }

    func listMissionStatements(_ input: Operations.ListMissionStatements.Input) async throws -> Operations.ListMissionStatements.Output {
        let missions = try await service { try await services.organisations.missionStatements(of: input.path.code, by: APICaller.current) }
        return .ok(.init(body: .json(.init(items: missions.versions.map { mission in
            .init(
                version: mission.version, title: mission.title, fixedOn: mission.fixedOn.iso, fixedBy: mission.fixedByCode,
                targetGroups: mission.targetGroups,
                coreTasks: mission.coreTasks.map { .init(letter: $0.letter, title: $0.title, description: $0.description) },
                authorities: mission.authorities.map { .init(description: $0.description, legalBasis: $0.legalBasis) })
        }))))
    }
}
