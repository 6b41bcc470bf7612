import Foundation
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The annual calendar's query: a year or a number of days it cannot use is a bad address (400)
/// with a Norwegian message, not silently this year or 30 days.
@Suite("Calendar query")
struct CalendarQueryTests {
    @Test("?ar and ?dager are read strictly")
    func strict() async throws {
        try await ParityEdges.run(.sqlite, as: WebTests.finSteerer) { edges in
            #expect(try await edges.browser.get("/organisasjoner/UKE/arshjul?ar=2020&dager=60").status == .ok)
            #expect(try await edges.browser.get("/organisasjoner/UKE/arshjul").status == .ok)
            for (query, message) in [("ar=tjue", "«ar» skal være et årstall"), ("ar=1850", "1850"), ("dager=0", "«dager» skal være"),
                                     ("dager=-5", "«dager» skal være"), ("dager=mange", "ikke «mange»")] {
                let response = try await edges.browser.get("/organisasjoner/UKE/arshjul?\(query)")
                #expect(response.status == .badRequest, "\(query)")
                #expect(String(buffer: response.body).contains(message), "\(query)")
            }
        }
    }
}
