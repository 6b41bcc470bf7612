import StyrDomain
import StyrServices
import StyrTestSupport
import Testing

/// `GoalService`: the year's goal areas and goals, edited by whoever defines indicators.
@Suite("Goal service")
struct GoalServiceTests {
    @Test("the chain of 2020, and who may edit it", arguments: TestDatabase.backends)
    func chainAndAccess(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let auditor = try #require(users[ServiceTestApp.auditor])
            let chain = try await services.goals.chain(in: "UKE", year: 2020, by: auditor)
            #expect(chain.areas.count == 5 && !chain.canEdit)
            #expect(chain.areas.contains { !$0.indicators.isEmpty })
            for email in [ServiceTestApp.auditor, ServiceTestApp.blkSteerer, ServiceTestApp.editor] {
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    try await services.goals.addGoalArea(named: "Nytt område", in: "UKE", year: 2021, by: users[email])
                }
            }
            await #expect(throws: ServiceError.unauthenticated) {
                try await services.goals.addGoalArea(named: "Nytt område", in: "UKE", year: 2021, by: nil)
            }
            #expect(try await services.goals.chain(in: "UKE", year: 2021, by: auditor).areas.isEmpty)
        }
    }

    @Test("create, rename, reorder and delete goal areas and goals", arguments: TestDatabase.backends)
    func editing(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let fin = try #require(users[ServiceTestApp.finSteerer])
            let goals = services.goals
            try await goals.addGoalArea(named: "Effektive fellestjenester", in: "UKE", year: 2021, by: fin)
            try await goals.addGoalArea(named: "Grønne anskaffelser", in: "UKE", year: 2021, by: fin)
            await #expect(throws: ServiceError.invalid(.single("name", "Målområdet «grønne anskaffelser» finnes allerede dette året."))) {
                try await goals.addGoalArea(named: " grønne anskaffelser ", in: "UKE", year: 2021, by: fin)
            }
            await #expect(throws: ServiceError.invalid(.single("name", "Skriv navnet på målområdet."))) {
                try await goals.addGoalArea(named: "  ", in: "UKE", year: 2021, by: fin)
            }
            try await goals.addGoal("Stabile tjenester", to: "Effektive fellestjenester", in: "UKE", year: 2021, by: fin)
            try await goals.addGoal("Kort svartid", to: "Effektive fellestjenester", in: "UKE", year: 2021, by: fin)
            try await goals.moveGoal(at: 1, of: "Effektive fellestjenester", offset: -1, in: "UKE", year: 2021, by: fin)
            try await goals.editGoal(at: 1, of: "Effektive fellestjenester", to: "Svært stabile tjenester", in: "UKE", year: 2021, by: fin)
            await #expect(throws: ServiceError.invalid(.single("position", "Det står allerede først."))) {
                try await goals.moveGoal(at: 0, of: "Effektive fellestjenester", offset: -1, in: "UKE", year: 2021, by: fin)
            }
            try await goals.renameGoalArea("Effektive fellestjenester", to: "Effektive og sikre fellestjenester", in: "UKE", year: 2021, by: fin)
            try await goals.moveGoalArea("Grønne anskaffelser", offset: -1, in: "UKE", year: 2021, by: fin)
            var chain = try await goals.chain(in: "UKE", year: 2021, by: fin)
            #expect(chain.areas.map(\.area.name) == ["Grønne anskaffelser", "Effektive og sikre fellestjenester"])
            #expect(chain.areas[1].area.goals == ["Kort svartid", "Svært stabile tjenester"])
            try await goals.deleteGoal(at: 0, of: "Effektive og sikre fellestjenester", in: "UKE", year: 2021, by: fin)
            try await goals.deleteGoalArea("Grønne anskaffelser", in: "UKE", year: 2021, by: fin)
            chain = try await goals.chain(in: "UKE", year: 2021, by: fin)
            #expect(chain.areas.map(\.area.name) == ["Effektive og sikre fellestjenester"])
            #expect(chain.areas[0].area.goals == ["Svært stabile tjenester"])
            await #expect(throws: ServiceError.invalid(.single("goalArea", "Målområdet «Finnes ikke» finnes ikke i 2021."))) {
                try await goals.deleteGoalArea("Finnes ikke", in: "UKE", year: 2021, by: fin)
            }
        }
    }

    @Test("an area with indicators is not deleted; renaming it carries them along", arguments: TestDatabase.backends)
    func linkedIndicators(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let fin = try #require(users[ServiceTestApp.finSteerer])
            let before = try await services.goals.chain(in: "UKE", year: 2020, by: fin)
            let linked = try #require(before.areas.first { !$0.indicators.isEmpty })
            do {
                try await services.goals.deleteGoalArea(linked.area.name, in: "UKE", year: 2020, by: fin)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["goalArea"])
                #expect(errors["goalArea"]?.contains("kan ikke slettes") == true)
            }
            try await services.goals.renameGoalArea(linked.area.name, to: "Nytt navn", in: "UKE", year: 2020, by: fin)
            let after = try await services.goals.chain(in: "UKE", year: 2020, by: fin)
            #expect(after.areas.first { $0.area.name == "Nytt navn" }?.indicators.map(\.indicator.key) == linked.indicators.map(\.indicator.key))
            let key = linked.indicators[0].indicator.key
            try await services.goals.linkIndicator(key, to: nil, in: "UKE", year: 2020, by: fin)
            #expect(try await services.goals.chain(in: "UKE", year: 2020, by: fin).unlinked.contains { $0.indicator.key == key })
            await #expect(throws: ServiceError.invalid(.single("goalArea", "Målområdet «Ukjent» finnes ikke i 2020."))) {
                try await services.goals.linkIndicator(key, to: "Ukjent", in: "UKE", year: 2020, by: fin)
            }
        }
    }
}
