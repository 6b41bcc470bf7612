import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// Users, their roles, sessions and API tokens through the API: the same use cases as the
/// administration pages (`UserAdministrationService`).
extension StyrAPIHandler {
    func listUsers(_ input: Operations.ListUsers.Input) async throws -> Operations.ListUsers.Output {
        let listing = try await service { try await services.userAdministration.list(by: APICaller.current) }
        return .ok(.init(body: .json(.init(items: listing.users.map(Self.user)))))
    }

    func inviteUser(_ input: Operations.InviteUser.Input) async throws -> Operations.InviteUser.Output {
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let draft = InvitationDraft(email: body.email, name: body.name, roles: body.roles.map(Self.roleAssignment))
        let sent = try await service { try await services.userAdministration.invite(draft, by: APICaller.current) }
        return .created(.init(body: .json(.init(
            user: Self.user(sent.user), invitationPath: "/invitasjon/\(sent.token)", expiresAt: sent.expiresAt))))
    }

    func getUser(_ input: Operations.GetUser.Input) async throws -> Operations.GetUser.Output {
        let details = try await service { try await services.userAdministration.user(input.path.email, by: APICaller.current) }
        return .ok(.init(body: .json(.init(
            user: Self.user(details.status),
            sessions: details.sessions.map { .init(id: $0.id, createdAt: $0.createdAt, expiresAt: $0.expiresAt) },
            tokens: details.tokens.map { .init(id: $0.id, name: $0.name, createdAt: $0.createdAt) }))))
    }

    func grantRole(_ input: Operations.GrantRole.Input) async throws -> Operations.GrantRole.Output {
        let role = RoleAssignment(role: Self.role(input.path.role), organisationCode: input.path.organisationCode)
        let user = try await service { try await services.userAdministration.grant(role, to: input.path.email, by: APICaller.current) }
        return .ok(.init(body: .json(Self.user(user))))
    }

    func revokeRole(_ input: Operations.RevokeRole.Input) async throws -> Operations.RevokeRole.Output {
        let role = RoleAssignment(role: Self.role(input.path.role), organisationCode: input.path.organisationCode)
        let user = try await service { try await services.userAdministration.revoke(role, from: input.path.email, by: APICaller.current) }
        return .ok(.init(body: .json(Self.user(user))))
    }

    func deactivateUser(_ input: Operations.DeactivateUser.Input) async throws -> Operations.DeactivateUser.Output {
        try await service { try await services.userAdministration.deactivate(input.path.email, by: APICaller.current) }
        return .noContent(.init())
    }

    func reactivateUser(_ input: Operations.ReactivateUser.Input) async throws -> Operations.ReactivateUser.Output {
        try await service { try await services.userAdministration.reactivate(input.path.email, by: APICaller.current) }
        return .noContent(.init())
    }

    func endUserSession(_ input: Operations.EndUserSession.Input) async throws -> Operations.EndUserSession.Output {
        try await service { try await services.userAdministration.endSession(input.path.id, of: input.path.email, by: APICaller.current) }
        return .noContent(.init())
    }

    func revokeUserToken(_ input: Operations.RevokeUserToken.Input) async throws -> Operations.RevokeUserToken.Output {
        try await service { try await services.userAdministration.revokeToken(input.path.id, of: input.path.email, by: APICaller.current) }
        return .noContent(.init())
    }

    static func user(_ user: UserAccount) -> Components.Schemas.User {
        .init(email: user.email, name: user.name, roles: user.assignments.map(roleAssignment))
    }

    static func user(_ status: AccountStatus) -> Components.Schemas.User {
        .init(email: status.user.email, name: status.user.name, roles: status.user.assignments.map(roleAssignment), active: status.isActive,
              invitationPending: status.invitationPending, createdAt: status.createdAt, deactivatedAt: status.deactivatedAt)
    }

    static func roleAssignment(_ assignment: RoleAssignment) -> Components.Schemas.RoleAssignment {
        .init(role: role(assignment.role), organisationCode: assignment.organisationCode)
    }

    static func roleAssignment(_ assignment: Components.Schemas.RoleAssignment) -> RoleAssignment {
        RoleAssignment(role: role(assignment.role), organisationCode: assignment.organisationCode)
    }

    static func role(_ role: Role) -> Components.Schemas.RoleName {
        switch role {
        case .admin: .admin
        case .departmentSteerer: .departmentSteerer
        case .agencyEditor: .agencyEditor
        case .agencyLeader: .agencyLeader
        case .auditor: .auditor
        }
    }

    static func role(_ role: Components.Schemas.RoleName) -> Role {
        switch role {
        case .admin: .admin
        case .departmentSteerer: .departmentSteerer
        case .agencyEditor: .agencyEditor
        case .agencyLeader: .agencyLeader
        case .auditor: .auditor
        }
    }
}
