import StyrDemo
import StyrDomain
@testable import StyrStorage
import StyrTestSupport
import Testing

/// The start page's reads of many organisations at once give what the reads one by one give.
@Suite("Reads of many organisations")
struct ManyOrganisationsStorageTests {
    @Test("indicators, signals and notices of each organisation: as read one by one, unknown codes left out",
          arguments: TestDatabase.backends)
    func eachOrganisation(backend: TestDatabase) async throws {
        try await backend.withFreshDatabase { database in
            #expect(try await DemoLoader.loadIfEmpty(database))
            try await database.withConnection { db async throws in
                let store = SQLGovernanceStore(db, actor: "test")
                // A second agency with UKE's indicators in another order and values, a signal and a notice.
                try await store.save(Organisation(code: "EKS", name: "Eksempeletaten", kind: .agency, parentCode: "BLK"))
                let indicators = try await store.indicators(of: "UKE")
                #expect(indicators.count >= 2)
                for (position, entry) in indicators.reversed().enumerated() {
                    var indicator = entry.indicator
                    indicator.notes = position == 0 ? ["eksempel"] : []
                    try await store.save(indicator, of: "EKS", position: position)
                    for value in entry.values.dropFirst() { try await store.save(value, ofIndicator: indicator.key, of: "EKS") }
                }
                var signal = try #require(try await store.signals(of: "UKE").first)
                signal.id = nil
                signal.organisationCode = "EKS"
                try await store.save(signal)
                var notice = try #require(try await store.notices(of: "UKE").last)
                notice.id = nil
                notice.organisationCode = "EKS"
                try await store.save(notice)

                let codes = ["UKE", "EKS", "FIN", "INGEN", "UKE"]
                let stored = ["EKS", "FIN", "UKE"]
                let manyIndicators = try await store.indicators(ofEach: codes)
                let manyNotices = try await store.notices(ofEach: codes)
                #expect(manyIndicators.keys.sorted() == stored && manyNotices.keys.sorted() == stored)
                for code in stored {
                    #expect(manyIndicators[code] == (try await store.indicators(of: code)))
                    #expect(manyNotices[code] == (try await store.notices(of: code)))
                }
                #expect(manyIndicators["EKS"]?.map(\.indicator.key) == indicators.reversed().map(\.indicator.key))
                #expect(manyIndicators["EKS"]?.first?.indicator.notes == ["eksempel"])
                #expect(manyIndicators["FIN"] == [] && manyNotices["EKS"]?.count == 1)
                #expect(try await store.indicators(ofEach: []).isEmpty)
            }
        }
    }
}
