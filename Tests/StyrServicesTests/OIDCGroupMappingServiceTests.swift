import Foundation
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport
import Testing

/// Group claim → role mappings kept by administrators (`.administer` on the organisation, audited),
/// and sign-in creating a user with the role of a stored mapping, on both databases.
@Suite struct OIDCGroupMappingServiceTests {
    static let admin = "admin@styr.demo"

    static func draft(_ group: String, _ role: Role? = .auditor, _ code: String = "UKE") -> OIDCGroupMappingDraft {
        OIDCGroupMappingDraft(group: group, role: role, organisationCode: code)
    }

    @Test(arguments: TestDatabase.backends)
    func anAdministratorAddsListsAndRemovesAMappingAudited(_ backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let admin = users[Self.admin]
            #expect(try await services.oidcGroupMappings.list(by: admin).mappings.isEmpty)
            let stored = try await services.oidcGroupMappings.add(Self.draft("  g-revisjon "), by: admin)
            #expect(stored.group == "g-revisjon")
            #expect(stored.assignment == RoleAssignment(role: .auditor, organisationCode: "UKE"))
            let listing = try await services.oidcGroupMappings.list(by: admin)
            #expect(listing.mappings == [stored])
            #expect(listing.grantable.contains { $0.code == "UKE" })
            #expect(try await services.oidcGroupMappings.mapping(stored.id, by: admin) == stored)
            let removed = try await services.oidcGroupMappings.remove(stored.id, by: admin)
            #expect(removed == stored)
            #expect(try await services.oidcGroupMappings.list(by: admin).mappings.isEmpty)
            await #expect(throws: ServiceError.self) { try await services.oidcGroupMappings.remove(stored.id, by: admin) }
            let entries = try await services.storage.read { try await $0.audit.entries(entityType: "oidcGroupMapping", entityKey: nil, limit: nil) }
            #expect(entries.map(\.action) == [.create, .delete])
            #expect(entries.allSatisfy { $0.actor == Self.admin && $0.entityKey == "g-revisjon → auditor@UKE" })
        }
    }

    @Test(arguments: TestDatabase.backends)
    func aMappingIsRefusedFieldByFieldInNorwegian(_ backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let admin = users[Self.admin]
            do {
                _ = try await services.oidcGroupMappings.add(Self.draft(" ", nil, ""), by: admin)
                Issue.record("an empty mapping was stored")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["group", "role", "organisationCode"])
                #expect(errors["role"] == "Velg rollen medlemmene av gruppen skal få.")
            }
            await #expect(throws: ServiceError.invalid(.single("group", "Gruppen kan ikke inneholde linjeskift eller andre kontrolltegn."))) {
                try await services.oidcGroupMappings.add(Self.draft("a\u{7}b"), by: admin)
            }
            await #expect(throws: ServiceError.invalid(.single("group", "Gruppen kan ha høyst 256 tegn; den har 257."))) {
                try await services.oidcGroupMappings.add(Self.draft(String(repeating: "x", count: 257)), by: admin)
            }
            _ = try await services.oidcGroupMappings.add(Self.draft("g"), by: admin)
            await #expect(throws: ServiceError.invalid(.single("group", "Gruppen «g» gir allerede rollen revisor i «UKE»."))) {
                try await services.oidcGroupMappings.add(Self.draft("g"), by: admin)
            }
            // The same group may give another role, or the role elsewhere.
            _ = try await services.oidcGroupMappings.add(Self.draft("g", .agencyEditor), by: admin)
            _ = try await services.oidcGroupMappings.add(Self.draft("g", .auditor, "FIN"), by: admin)
            #expect(try await services.oidcGroupMappings.list(by: admin).mappings.count == 3)
            await #expect(throws: ServiceError.self) { try await services.oidcGroupMappings.add(Self.draft("g", .auditor, "FINNESIKKE"), by: admin) }
        }
    }

    @Test(arguments: TestDatabase.backends)
    func onlyAdministratorsOfTheOrganisationMapGroups(_ backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let admin = users[Self.admin]
            let fin = try await services.oidcGroupMappings.add(Self.draft("g-fin", .auditor, "FIN"), by: admin)
            // A steerer of another department and an auditor administer nothing: refused, reading too.
            for email in [ServiceTestApp.blkSteerer, ServiceTestApp.auditor, ServiceTestApp.editor] {
                await #expect(throws: ServiceError.self) { try await services.oidcGroupMappings.add(Self.draft("g-x"), by: users[email]) }
                await #expect(throws: ServiceError.self) { try await services.oidcGroupMappings.list(by: users[email]) }
                await #expect(throws: ServiceError.self) { try await services.oidcGroupMappings.remove(fin.id, by: users[email]) }
            }
            await #expect(throws: ServiceError.unauthenticated) { try await services.oidcGroupMappings.list(by: nil) }
            // An administrator of UKE only: maps in UKE, not in FIN, and does not see FIN's mapping.
            let ukeAdmin = UserAccount(email: "admin@uke.example", name: "Uke Admin", assignments: [RoleAssignment(role: .admin, organisationCode: "UKE")])
            try await services.storage.write(as: "system:test") { try await $0.accounts.save(ukeAdmin, password: nil) }
            _ = try await services.oidcGroupMappings.add(Self.draft("g-uke"), by: ukeAdmin)
            await #expect(throws: ServiceError.forbidden(organisationCode: "FIN")) {
                try await services.oidcGroupMappings.add(Self.draft("g-x", .auditor, "FIN"), by: ukeAdmin)
            }
            await #expect(throws: ServiceError.forbidden(organisationCode: "FIN")) { try await services.oidcGroupMappings.remove(fin.id, by: ukeAdmin) }
            #expect(try await services.oidcGroupMappings.list(by: ukeAdmin).mappings.map(\.group) == ["g-uke"])
            #expect(try await services.oidcGroupMappings.list(by: admin).mappings.map(\.group) == ["g-fin", "g-uke"])
        }
    }

    @Test(arguments: TestDatabase.backends)
    func signInGivesTheRolesOfStoredAndServerMappings(_ backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            _ = try await services.oidcGroupMappings.add(Self.draft("g-styr", .agencyEditor, "UKE"), by: users[Self.admin])
            let settings = OIDCSettings(
                issuer: OIDCSignInServiceTests.issuer, clientID: "styr", displayName: "Test", redirectBase: "https://styr.example",
                groupMappings: [OIDCGroupMapping(group: "g-env", assignment: RoleAssignment(role: .auditor, organisationCode: "FIN"))],
                createUsers: true)
            let provider = OIDCSignInServiceTests.StubProvider(
                settings: settings, claims: OIDCSignInServiceTests.claims(email: "ny.redaktor@example.no", subject: "s-42", groups: ["g-styr", "g-env", "g-ukjent"]))
            let service = OIDCSignInService(storage: services.storage, provider: provider)
            let start = try await service.begin(next: "/")
            let done = try await service.complete(code: "c", state: OIDCSignInServiceTests.state(of: start), providerError: nil,
                                                  browserBinding: start.browserBinding)
            #expect(done.session.user.email == "ny.redaktor@example.no")
            #expect(done.session.user.assignments == [RoleAssignment(role: .auditor, organisationCode: "FIN"),
                                                       RoleAssignment(role: .agencyEditor, organisationCode: "UKE")])
        }
    }

    @Test(arguments: TestDatabase.backends)
    func aStoredMappingAloneCreatesTheUser(_ backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            _ = try await services.oidcGroupMappings.add(Self.draft("g-revisjon", .auditor, "UKE"), by: users[Self.admin])
            let settings = OIDCSettings(issuer: OIDCSignInServiceTests.issuer, clientID: "styr", displayName: "Test",
                                        redirectBase: "https://styr.example", createUsers: true)
            let provider = OIDCSignInServiceTests.StubProvider(
                settings: settings, claims: OIDCSignInServiceTests.claims(email: "kari@example.no", subject: "s-7", groups: ["g-revisjon"]))
            let service = OIDCSignInService(storage: services.storage, provider: provider)
            let start = try await service.begin(next: "/")
            let done = try await service.complete(code: "c", state: OIDCSignInServiceTests.state(of: start), providerError: nil,
                                                  browserBinding: start.browserBinding)
            #expect(done.session.user.assignments == [RoleAssignment(role: .auditor, organisationCode: "UKE")])
            // Without creation switched on, the mapping creates nobody.
            let off = OIDCSignInService(storage: services.storage, provider: OIDCSignInServiceTests.StubProvider(
                settings: OIDCSettings(issuer: OIDCSignInServiceTests.issuer, clientID: "styr", displayName: "Test", redirectBase: "https://styr.example"),
                claims: OIDCSignInServiceTests.claims(email: "per@example.no", subject: "s-8", groups: ["g-revisjon"])))
            let second = try await off.begin(next: "/")
            await #expect(throws: OIDCSignInError.noAccount("per@example.no")) {
                try await off.complete(code: "c", state: OIDCSignInServiceTests.state(of: second), providerError: nil, browserBinding: second.browserBinding)
            }
        }
    }
}
