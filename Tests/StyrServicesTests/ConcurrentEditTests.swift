import Foundation
import StyrDemo
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport
import Testing

/// Optimistic locking: two saves of one record at once, or a save from a stale form, give a
/// `WriteConflict` (409 at the edges), never a database error; two creations of one unique row too.
@Suite("Concurrent edits")
struct ConcurrentEditTests {
    @Test("two concurrent saves of a forecast threshold from the same version: one is saved, one conflicts", arguments: TestDatabase.backends)
    func concurrentThresholds(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let setup = services.budgetSetup
            let steerer = try #require(users[ServiceTestApp.finSteerer])
            let loaded = try await setup.setup(in: "UKE", year: 2020, by: steerer).setup.thresholdVersion
            #expect(loaded == 0)
            async let first = Self.outcome {
                try await setup.saveThreshold(amount: "100 000", percent: "2", rule: "og", in: "UKE", year: 2020, version: loaded, by: steerer)
            }
            async let second = Self.outcome {
                try await setup.saveThreshold(amount: "200 000", percent: "3", rule: "eller", in: "UKE", year: 2020, version: loaded, by: steerer)
            }
            let outcomes = [try await first, try await second]
            #expect(outcomes.filter { $0 == nil }.count == 1, "one is saved")
            let conflict = try #require(outcomes.compactMap { $0 }.first)
            #expect(conflict.currentVersion == 1)
            #expect(conflict.message.contains("Noen andre har lagret"))
            #expect(try await setup.setup(in: "UKE", year: 2020, by: steerer).setup.thresholdVersion == 1)

            // A stale form after that: refused, nothing saved.
            let before = try await setup.setup(in: "UKE", year: 2020, by: steerer).setup.ownThreshold
            await #expect(throws: WriteConflict.stale(current: 1)) {
                _ = try await setup.saveThreshold(nil, in: "UKE", year: 2020, version: 0, by: steerer)
            }
            #expect(try await setup.setup(in: "UKE", year: 2020, by: steerer).setup.ownThreshold == before)
            // Saves without a version (older clients) take turns and both succeed.
            async let third = Self.outcome {
                try await setup.saveThreshold(amount: "300 000", percent: "4", rule: "og", in: "UKE", year: 2020, by: steerer)
            }
            async let fourth = Self.outcome {
                try await setup.saveThreshold(amount: "400 000", percent: "5", rule: "og", in: "UKE", year: 2020, by: steerer)
            }
            #expect(try await third == nil)
            #expect(try await fourth == nil)
            #expect(try await setup.setup(in: "UKE", year: 2020, by: steerer).setup.thresholdVersion == 3)
        }
    }

    @Test("risks and tracked items: a save from a stale form conflicts, one from the current version is saved", arguments: TestDatabase.backends)
    func risksAndTrackedItems(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let editor = try #require(users[ServiceTestApp.editor])
            let risk = try #require(try await services.risks.register(in: "UKE", by: editor).risks.first)
            let id = try #require(risk.id)
            let loaded = try await services.risks.version(ofRisk: id, in: "UKE", by: editor)
            var changed = RiskDraft(risk)
            changed.title = risk.title + " (endret)"
            let draft = changed
            async let first = Self.outcome { try await services.risks.edit(id, with: draft, in: "UKE", version: loaded, by: editor) }
            async let second = Self.outcome { try await services.risks.edit(id, with: draft, in: "UKE", version: loaded, by: editor) }
            let outcomes = [try await first, try await second]
            #expect(outcomes.filter { $0 == nil }.count == 1)
            #expect(outcomes.compactMap { $0 }.first?.currentVersion == loaded + 1)

            let fin = try #require(users[ServiceTestApp.finSteerer])
            let recorded = TrackedItemDraft(source: .cityCouncil, title: "Verbalvedtak 99", date: CalendarDate(year: 2021, month: 3, day: 1),
                                            text: "Bystyret ber om en plan.", responsible: "Etatsdirektør", measures: "Plan under arbeid.")
            let item = try await services.trackedItems.record(recorded, in: "UKE", by: fin)
            let itemID = try #require(item.id)
            let itemVersion = try await services.trackedItems.version(ofItem: itemID, of: "UKE", by: fin)
            #expect(itemVersion == 0)
            var changedItem = recorded
            changedItem.responsible = "Ny ansvarlig"
            let itemDraft = changedItem
            try await services.trackedItems.update(itemID, with: itemDraft, in: "UKE", version: itemVersion, by: fin)
            await #expect(throws: WriteConflict.stale(current: itemVersion + 1)) {
                try await services.trackedItems.update(itemID, with: itemDraft, in: "UKE", version: itemVersion, by: fin)
            }
        }
    }

    /// nil when saved, the conflict when refused as one; any other error fails the test.
    static func outcome<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> WriteConflict? {
        do {
            _ = try await body()
            return nil
        } catch let conflict as WriteConflict {
            return conflict
        }
    }
}
