import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// Self-cost through the JSON API: the demo's year read by the department and the auditor, the
/// swap rate set by the agency; bad input and other roles refused.
@Suite("JSON API: self-cost")
struct SelfCostAPITests {
    static let base = "/api/v1/organisations/UKE/selfcost"

    @Test("the year is read; the swap rate is set; a bad rate and other roles are refused", arguments: TestDatabase.backends)
    func selfCost(backend: TestDatabase) async throws {
        try await APITests.run(backend) { client, tokens in
            let editor = tokens[WebTests.editor]!
            let year = try APITests.object(try await APITests.get(client, "\(Self.base)/2020", token: tokens[WebTests.finSteerer]!))
            let services = try #require(year["services"] as? [[String: Any]])
            #expect(services.count == 3 && year["example"] as? Bool == true && year["swapRateBasisPoints"] as? Int == 85)
            let shared = try #require(services.first { $0["key"] as? String == "fellessystemer" })
            #expect(shared["indirectCostsOre"] as? Int == 4_600_000_000)
            #expect(try await APITests.get(client, "\(Self.base)/2020", token: tokens[WebTests.auditor]!).status == .ok)
            #expect(try await APITests.get(client, "\(Self.base)/2020", token: tokens[WebTests.blkSteerer]!).status == .forbidden)
            var response = try await RiskAPITests.send(client, .put, "\(Self.base)/2021/swap-rate", token: editor, json: #"{"basisPoints":-5}"#)
            #expect(response.status == .unprocessableContent)
            #expect(try DialogueAPITests.detail(response).hasPrefix("basisPoints:"))
            for token in [tokens[WebTests.finSteerer]!, tokens[WebTests.auditor]!, tokens[WebTests.blkSteerer]!] {
                #expect(try await RiskAPITests.send(client, .put, "\(Self.base)/2021/swap-rate", token: token, json: #"{"basisPoints":120}"#).status == .forbidden)
            }
            response = try await RiskAPITests.send(client, .put, "\(Self.base)/2021/swap-rate", token: editor, json: #"{"basisPoints":120}"#)
            #expect(response.status == .ok)
            #expect(try APITests.object(response)["swapRateBasisPoints"] as? Int == 120)
        }
    }
}
