import Foundation
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport
import Testing

/// `SetupService`: the first start on an empty database, through a one-time link.
@Suite("Administration: first start")
struct AdminSetupServiceTests {
    static let draft = FirstAdministratorDraft(
        organisationCode: "bergen", organisationName: "Bergen kommune", name: "Berit Bergen", email: "berit@bergen.kommune.no",
        password: "et langt nok passord")

    static func run(_ backend: TestDatabase, _ test: @Sendable @escaping (Services) async throws -> Void) async throws {
        try await backend.withFreshDatabase { database in try await test(Services(storage: SQLStorage(database, bcryptCost: 4))) }
    }

    @Test("the set-up link works once and makes the administrator of the top organisation", arguments: TestDatabase.backends)
    func once(backend: TestDatabase) async throws {
        try await Self.run(backend) { services in
            let setup = services.setup
            let token = try #require(try await setup.startIfNoUsers())
            #expect(try await setup.state(of: token) == .open)
            #expect(try await setup.state(of: "feil") == .unknown)
            // Refused input changes nothing and leaves the link open.
            var bad = Self.draft
            bad.organisationCode = "ber gen"
            bad.organisationName = ""
            bad.email = "ikke-en-adresse"
            bad.password = "kort"
            do {
                _ = try await setup.complete(token: token, bad)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["organisationCode", "organisationName", "email", "password"])
            }
            #expect(try await setup.state(of: token) == .open)
            #expect(try await services.storage.read { try await $0.governance.organisations() }.isEmpty)

            let admin = try await setup.complete(token: token, Self.draft)
            #expect(admin.assignments == [RoleAssignment(role: .admin, organisationCode: "BERGEN")])
            let organisation = try await services.organisations.organisation("BERGEN", by: admin)
            #expect(organisation.kind == .municipality && organisation.name == "Bergen kommune")
            #expect(try await setup.state(of: token) == .spent)
            await #expect(throws: SetupService.refusal(.spent)) { _ = try await setup.complete(token: token, Self.draft) }
            #expect(try await setup.startIfNoUsers() == nil)
            guard case .loggedIn = try await services.accounts.logIn(email: Self.draft.email, password: Self.draft.password) else {
                Issue.record("the administrator logs in")
                return
            }
            // The administrator builds the tree from there.
            let department = try await services.organisationAdministration.create(
                OrganisationDraft(code: "BYR", name: "Byrådsavdeling", kind: .department, parentCode: "BERGEN"), by: admin)
            #expect(department.parentCode == "BERGEN")
        }
    }

    @Test("a new start makes a new link and the old one stops working; an expired link is refused", arguments: TestDatabase.backends)
    func renewed(backend: TestDatabase) async throws {
        try await Self.run(backend) { services in
            let setup = services.setup
            let first = try #require(try await setup.startIfNoUsers())
            let second = try #require(try await setup.startIfNoUsers())
            #expect(try await setup.state(of: first) == .unknown)
            #expect(try await setup.state(of: second, now: Date().addingTimeInterval(AccountAdministrationRules.setupLinkLifetime + 60)) == .expired)
            await #expect(throws: SetupService.refusal(.expired)) {
                _ = try await setup.complete(token: second, Self.draft, now: Date().addingTimeInterval(AccountAdministrationRules.setupLinkLifetime + 60))
            }
            _ = try await setup.complete(token: second, Self.draft)
        }
    }
}
