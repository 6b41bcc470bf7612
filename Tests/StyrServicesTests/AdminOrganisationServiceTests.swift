import Foundation
import StyrDomain
import StyrServices
import StyrTestSupport
import Testing

/// `OrganisationAdministrationService`: the tree within the administrator's subtree, cycles and
/// kinds refused by field, closing, and who may do it.
@Suite("Administration: organisations")
struct AdminOrganisationServiceTests {
    static let admin = "admin@styr.demo"

    static func organisations(_ services: Services) async throws -> [Organisation] {
        try await services.storage.read { try await $0.governance.organisations() }
    }

    static func fields(_ body: () async throws -> Void) async -> [String] {
        do {
            try await body()
            Issue.record("refused")
        } catch ServiceError.invalid(let errors) {
            return errors.entries.map(\.field)
        } catch {
            Issue.record("refused as invalid, not \(error)")
        }
        return []
    }

    @Test("create, rename and move inside the tree; a cycle is refused for parentCode and nothing changes", arguments: TestDatabase.backends)
    func cycle(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let admin = try #require(users[Self.admin])
            let service = services.organisationAdministration
            let drift = try await service.create(OrganisationDraft(code: " uke-drift ", name: "Drift", kind: .section, parentCode: "UKE"), by: admin)
            #expect(drift == Organisation(code: "UKE-DRIFT", name: "Drift", kind: .section, parentCode: "UKE"))
            _ = try await service.create(OrganisationDraft(code: "UKE-NETT", name: "Nett", kind: .section, parentCode: "UKE-DRIFT"), by: admin)
            #expect(try await service.rename("UKE-DRIFT", to: "Drift og nett", by: admin).name == "Drift og nett")
            let before = try await Self.organisations(services)
            // A unit under its own descendant, and a department under its own agency.
            for (code, parent) in [("UKE-DRIFT", "UKE-NETT"), ("FIN", "UKE"), ("UKE", "UKE")] {
                do {
                    _ = try await service.move(code, under: parent, by: admin)
                    Issue.record("a cycle is refused")
                } catch ServiceError.invalid(let errors) {
                    #expect(errors.entries.map(\.field) == ["parentCode"])
                    #expect(errors["parentCode"]?.contains("«\(code)»") == true)
                }
            }
            #expect(await Self.fields { _ = try await service.move("UKE", under: "UKE-NETT", by: admin) } == ["parentCode"])
            #expect(try await Self.organisations(services) == before)
            let moved = try await service.move("UKE", under: "BLK", by: admin)
            #expect(moved.parentCode == "BLK")
            let entries = try await services.storage.read { try await $0.audit.entries(entityType: "organisation", entityKey: "UKE", limit: nil) }
            #expect(entries.last?.actor == Self.admin)
        }
    }

    @Test("a new organisation's fields are checked by name", arguments: TestDatabase.backends)
    func invalid(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let admin = try #require(users[Self.admin])
            let service = services.organisationAdministration
            #expect(await Self.fields {
                _ = try await service.create(OrganisationDraft(code: "UKE", name: " ", kind: nil, parentCode: "FIN"), by: admin)
            } == ["code", "name", "kind"])
            #expect(await Self.fields {
                _ = try await service.create(OrganisationDraft(code: "NY", name: "Ny etat", kind: .agency, parentCode: "UKE"), by: admin)
            } == ["parentCode"])
            #expect(await Self.fields {
                _ = try await service.create(OrganisationDraft(code: "NY", name: "Ny etat", kind: .agency, parentCode: nil), by: admin)
            } == ["parentCode"])
            #expect(await Self.fields { _ = try await service.create(OrganisationDraft(code: "N Y", name: "Ny", kind: .agency, parentCode: "FIN"), by: admin) }
                == ["code"])
        }
    }

    @Test("an administrator of one subtree cannot create or move outside it", arguments: TestDatabase.backends)
    func subtree(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, _ in
            let finAdmin = UserAccount(email: "admin@fin.styr.demo", name: "Fin Admin", assignments: [RoleAssignment(role: .admin, organisationCode: "FIN")])
            let service = services.organisationAdministration
            await #expect(throws: ServiceError.forbidden(organisationCode: "BLK")) {
                _ = try await service.create(OrganisationDraft(code: "NY", name: "Ny etat", kind: .agency, parentCode: "BLK"), by: finAdmin)
            }
            await #expect(throws: ServiceError.forbidden(organisationCode: "BLK")) { _ = try await service.move("UKE", under: "BLK", by: finAdmin) }
            await #expect(throws: ServiceError.forbidden(organisationCode: "BLK")) { _ = try await service.rename("BLK", to: "Nytt navn", by: finAdmin) }
            let created = try await service.create(OrganisationDraft(code: "NY", name: "Ny etat", kind: .agency, parentCode: "FIN"), by: finAdmin)
            #expect(created.parentCode == "FIN")
            let tree = try await service.tree(by: finAdmin)
            #expect(tree.filter(\.canAdminister).map(\.organisation.code) == ["FIN", "NY", "UKE"])
        }
    }

    @Test("a department steerer and an auditor may not administer organisations", arguments: TestDatabase.backends)
    func forbidden(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let service = services.organisationAdministration
            for email in [ServiceTestApp.finSteerer, ServiceTestApp.auditor] {
                let user = try #require(users[email])
                let code = user.assignments[0].organisationCode
                await #expect(throws: ServiceError.forbidden(organisationCode: "FIN"), "\(email)") {
                    _ = try await service.create(OrganisationDraft(code: "NY", name: "Ny etat", kind: .agency, parentCode: "FIN"), by: user)
                }
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") { _ = try await service.close("UKE", on: CalendarDate("2024-12-31"), by: user) }
                await #expect(throws: ServiceError.forbidden(organisationCode: code), "\(email)") { _ = try await service.tree(by: user) }
            }
            await #expect(throws: ServiceError.unauthenticated) { _ = try await service.rename("UKE", to: "X", by: nil) }
        }
    }

    @Test("a closed organisation stays readable, takes no writes, and can be reopened", arguments: TestDatabase.backends)
    func closing(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let admin = try #require(users[Self.admin]), fin = try #require(users[ServiceTestApp.finSteerer])
            let service = services.organisationAdministration
            #expect(await Self.fields { _ = try await service.close("FIN", on: CalendarDate("2024-12-31"), by: admin) } == ["closedOn"])
            #expect(await Self.fields { _ = try await service.close("UKE", on: nil, by: admin) } == ["closedOn"])
            let closed = try await service.close("UKE", on: CalendarDate("2024-12-31"), by: admin)
            #expect(closed.closedOn == CalendarDate("2024-12-31"))
            #expect(try await services.organisations.organisation("UKE", by: fin).isClosed)
            _ = try await services.signals.list(in: "UKE", by: fin)
            #expect(await Self.fields { _ = try await services.signals.record(SignalServiceTests.draft, in: "UKE", by: fin) } == ["organisation"])
            #expect(await Self.fields {
                _ = try await service.create(OrganisationDraft(code: "NY", name: "Ny", kind: .section, parentCode: "UKE"), by: admin)
            } == ["parentCode"])
            #expect(try await service.reopen("UKE", by: admin).closedOn == nil)
            _ = try await services.signals.record(SignalServiceTests.draft, in: "UKE", by: fin)
        }
    }
}
