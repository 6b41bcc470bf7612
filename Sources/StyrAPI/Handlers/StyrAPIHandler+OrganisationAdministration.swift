import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// The organisation tree through the API: create, rename, move, close and reopen, the same use
/// cases as the administration pages (`OrganisationAdministrationService`). The rules name their
/// fields as the operations' JSON does (`code`, `name`, `kind`, `parentCode`, `closedOn`).
extension StyrAPIHandler {
    func createOrganisation(_ input: Operations.CreateOrganisation.Input) async throws -> Operations.CreateOrganisation.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let draft = OrganisationDraft(code: body.code, name: body.name, kind: Self.organisationKind(body.kind), parentCode: body.parentCode)
        let created = try await service { try await services.organisationAdministration.create(draft, by: APICaller.current) }
        return .created(.init(body: .json(Self.organisation(created))))
    }

    func renameOrganisation(_ input: Operations.RenameOrganisation.Input) async throws -> Operations.RenameOrganisation.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let renamed = try await service {
            try await services.organisationAdministration.rename(input.path.code, to: body.name, by: APICaller.current)
        }
        return .ok(.init(body: .json(Self.organisation(renamed))))
    }

    func moveOrganisation(_ input: Operations.MoveOrganisation.Input) async throws -> Operations.MoveOrganisation.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let moved = try await service {
            try await services.organisationAdministration.move(input.path.code, under: body.parentCode, by: APICaller.current)
        }
        return .ok(.init(body: .json(Self.organisation(moved))))
    }

    func closeOrganisation(_ input: Operations.CloseOrganisation.Input) async throws -> Operations.CloseOrganisation.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let date = try body.closedOn.map { try Self.date($0, field: "closedOn") }
        let closed = try await service {
            try await services.organisationAdministration.close(input.path.code, on: date, by: APICaller.current)
        }
        return .ok(.init(body: .json(Self.organisation(closed))))
    }

    func reopenOrganisation(_ input: Operations.ReopenOrganisation.Input) async throws -> Operations.ReopenOrganisation.Output {
        let opened = try await service { try await services.organisationAdministration.reopen(input.path.code, by: APICaller.current) }
        return .ok(.init(body: .json(Self.organisation(opened))))
    }

    static func organisationKind(_ kind: Components.Schemas.OrganisationInput.KindPayload) -> OrganisationKind {
        switch kind {
        case .municipality: .municipality
        case .department: .department
        case .agency: .agency
        case .section: .section
        }
    }
}
