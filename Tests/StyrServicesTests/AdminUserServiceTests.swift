import Foundation
import StyrDomain
import StyrServices
import StyrTestSupport
import Testing

/// `UserAdministrationService` and `OwnAccountService`: invitations, roles within the subtree,
/// deactivation that stops login, sessions and tokens, and who may do it.
@Suite("Administration: users")
struct AdminUserServiceTests {
    static let admin = "admin@styr.demo"
    static let password = "et langt nok passord"

    @Test("an invitation creates the user; the link sets the password once and then logs in", arguments: TestDatabase.backends)
    func invitation(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let admin = try #require(users[Self.admin])
            let service = services.userAdministration
            let sent = try await service.invite(
                InvitationDraft(email: " Ny@FIN.styr.demo", name: "Nina Ny", roles: [RoleAssignment(role: .departmentSteerer, organisationCode: "FIN")]), by: admin)
            #expect(sent.user.email == "ny@fin.styr.demo" && !sent.token.isEmpty)
            let listed = try #require(try await service.list(by: admin).users.first { $0.user.email == "ny@fin.styr.demo" })
            #expect(listed.invitationPending && !listed.hasPassword && listed.isActive)
            #expect(try await service.invitation(sent.token).state == .open)
            #expect(try await services.accounts.logIn(email: "ny@fin.styr.demo", password: Self.password) == .wrongCredentials)
            await #expect(throws: ServiceError.invalid(.single("password", "Passordet må ha minst 12 tegn."))) {
                _ = try await service.acceptInvitation(sent.token, password: "kort")
            }
            let accepted = try await service.acceptInvitation(sent.token, password: Self.password)
            #expect(accepted.assignments == [RoleAssignment(role: .departmentSteerer, organisationCode: "FIN")])
            #expect(try await service.invitation(sent.token).state == .spent)
            await #expect(throws: ServiceError.self) { _ = try await service.acceptInvitation(sent.token, password: Self.password) }
            guard case .loggedIn = try await services.accounts.logIn(email: "ny@fin.styr.demo", password: Self.password) else {
                Issue.record("the invited user logs in with the password they chose")
                return
            }
            do {
                _ = try await service.invite(InvitationDraft(email: "ny@fin.styr.demo", name: "", roles: []), by: admin)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["name", "roles", "email"])
            }
            let entries = try await services.storage.read { try await $0.audit.entries(entityType: "user", entityKey: "ny@fin.styr.demo", limit: nil) }
            #expect(entries.first?.actor == Self.admin)
        }
    }

    @Test("roles only inside the administrator's subtree; no removing one's own admin role", arguments: TestDatabase.backends)
    func roles(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let admin = try #require(users[Self.admin])
            let service = services.userAdministration
            _ = try await service.invite(
                InvitationDraft(email: "admin@fin.styr.demo", name: "Fin Admin", roles: [RoleAssignment(role: .admin, organisationCode: "FIN")]), by: admin)
            let finAdmin = try #require(try await services.storage.read { try await $0.accounts.user(email: "admin@fin.styr.demo") })
            await #expect(throws: ServiceError.forbidden(organisationCode: "BLK")) {
                _ = try await service.invite(
                    InvitationDraft(email: "x@blk.styr.demo", name: "X", roles: [RoleAssignment(role: .auditor, organisationCode: "BLK")]), by: finAdmin)
            }
            await #expect(throws: ServiceError.forbidden(organisationCode: "OSLO")) {
                _ = try await service.grant(RoleAssignment(role: .admin, organisationCode: "OSLO"), to: ServiceTestApp.editor, by: finAdmin)
            }
            let editor = try await service.grant(RoleAssignment(role: .agencyLeader, organisationCode: "UKE"), to: ServiceTestApp.editor, by: finAdmin)
            #expect(editor.assignments.contains(RoleAssignment(role: .agencyLeader, organisationCode: "UKE")))
            let removed = try await service.revoke(RoleAssignment(role: .agencyLeader, organisationCode: "UKE"), from: ServiceTestApp.editor, by: finAdmin)
            #expect(removed.assignments == [RoleAssignment(role: .agencyEditor, organisationCode: "UKE")])
            // The auditor's role lies at OSLO, above FIN: the FIN administrator does not see them.
            await #expect(throws: ServiceError.self) { _ = try await service.user(ServiceTestApp.auditor, by: finAdmin) }
            #expect(try await !service.list(by: finAdmin).users.contains { $0.user.email == ServiceTestApp.auditor })
            await #expect(throws: ServiceError.invalid(.single("role", "Du kan ikke fjerne din egen administratorrolle. Be en annen administrator om det."))) {
                _ = try await service.revoke(RoleAssignment(role: .admin, organisationCode: "OSLO"), from: Self.admin, by: admin)
            }
            await #expect(throws: ServiceError.unknownOrganisation(code: "XYZ")) {
                _ = try await service.grant(RoleAssignment(role: .auditor, organisationCode: "XYZ"), to: ServiceTestApp.editor, by: admin)
            }
        }
    }

    @Test("a department steerer and an auditor may not administer users", arguments: TestDatabase.backends)
    func forbidden(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let service = services.userAdministration
            for email in [ServiceTestApp.finSteerer, ServiceTestApp.auditor] {
                let user = try #require(users[email])
                let code = user.assignments[0].organisationCode
                await #expect(throws: ServiceError.forbidden(organisationCode: code), "\(email)") { _ = try await service.list(by: user) }
                await #expect(throws: ServiceError.forbidden(organisationCode: code), "\(email)") {
                    _ = try await service.invite(InvitationDraft(email: "y@styr.demo", name: "Y", roles: [RoleAssignment(role: .auditor, organisationCode: "UKE")]), by: user)
                }
                await #expect(throws: ServiceError.forbidden(organisationCode: code), "\(email)") { try await service.deactivate(ServiceTestApp.editor, by: user) }
            }
            await #expect(throws: ServiceError.unauthenticated) { _ = try await service.list(by: nil) }
        }
    }

    @Test("a deactivated user cannot log in, their sessions end and their API token stops working", arguments: TestDatabase.backends)
    func deactivation(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let admin = try #require(users[Self.admin])
            let service = services.userAdministration, accounts = services.accounts
            try await accounts.setPassword(email: ServiceTestApp.editor, password: Self.password)
            let token = try await accounts.createToken(for: ServiceTestApp.editor, name: "skript")
            guard case .loggedIn(let session) = try await accounts.logIn(email: ServiceTestApp.editor, password: Self.password) else {
                Issue.record("logs in before")
                return
            }
            let details = try await service.user(ServiceTestApp.editor, by: admin)
            #expect(details.sessions.count == 1 && details.tokens.map(\.name) == ["skript"] && details.canManage)
            await #expect(throws: ServiceError.invalid(.single("email", "Du kan ikke deaktivere deg selv."))) { try await service.deactivate(Self.admin, by: admin) }
            try await service.deactivate(ServiceTestApp.editor, by: admin)
            #expect(try await accounts.logIn(email: ServiceTestApp.editor, password: Self.password) == .wrongCredentials)
            #expect(try await accounts.session(token: session.token) == nil)
            #expect(try await accounts.user(apiToken: token) == nil)
            #expect(try await !service.user(ServiceTestApp.editor, by: admin).status.isActive)
            try await service.reactivate(ServiceTestApp.editor, by: admin)
            #expect(try await accounts.user(apiToken: token)?.email == ServiceTestApp.editor)
            let tokenID = try #require(try await service.user(ServiceTestApp.editor, by: admin).tokens.first?.id)
            try await service.revokeToken(tokenID, of: ServiceTestApp.editor, by: admin)
            #expect(try await accounts.user(apiToken: token) == nil)
            await #expect(throws: ServiceError.self) { try await service.revokeToken(tokenID, of: ServiceTestApp.editor, by: admin) }
        }
    }

    @Test("one's own sessions and tokens: listed, made, ended", arguments: TestDatabase.backends)
    func ownAccount(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let auditor = try #require(users[ServiceTestApp.auditor])
            let own = services.ownAccount
            try await services.accounts.setPassword(email: ServiceTestApp.auditor, password: Self.password)
            guard case .loggedIn(let session) = try await services.accounts.logIn(email: ServiceTestApp.auditor, password: Self.password) else {
                Issue.record("logs in")
                return
            }
            await #expect(throws: ServiceError.invalid(.single("name", "Gi nøkkelen et navn, f.eks. «rapportskript»."))) {
                _ = try await own.createToken(named: " ", by: auditor)
            }
            let token = try await own.createToken(named: "rapport", by: auditor)
            #expect(try await services.accounts.user(apiToken: token)?.email == ServiceTestApp.auditor)
            let overview = try await own.overview(by: auditor, currentSessionToken: session.token)
            #expect(overview.sessions.map(\.id) == [overview.currentSessionID])
            #expect(overview.tokens.map(\.name) == ["rapport"])
            try await own.revokeToken(overview.tokens[0].id, by: auditor)
            try await own.endSession(overview.sessions[0].id, by: auditor)
            #expect(try await services.accounts.session(token: session.token) == nil)
            #expect(try await services.accounts.user(apiToken: token) == nil)
            await #expect(throws: ServiceError.unauthenticated) { _ = try await own.overview(by: nil) }
        }
    }
}
