import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The risk register and the internal control plan through the JSON API: reading, creating and
/// changing a risk and adding an assessment; refusals name the JSON field; role rules from outside.
@Suite("JSON API: risks and internal control")
struct RiskAPITests {
    static let base = "/api/v1/organisations/UKE"

    static func send(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, token: String, json: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: method, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                 body: ByteBuffer(string: json))
    }

    static let risk = #"{"title":"Forsinket skyplattform","category":"operations","owner":"Driftssjef","recordedOn":"2026-01-10","links":[{"kind":"goal","key":"Digitale tjenester"}],"likelihood":4,"consequenceLevel":4,"residualLikelihood":3,"residualConsequenceLevel":4}"#

    @Test("the register and the plan are read; a risk is created, changed and assessed; bad input and other roles are refused", arguments: TestDatabase.backends)
    func risks(backend: TestDatabase) async throws {
        try await APITests.run(backend) { client, tokens in
            let editor = tokens[WebTests.editor]!, fin = tokens[WebTests.finSteerer]!
            let register = try APITests.object(try await APITests.get(client, "\(Self.base)/risks", token: fin))
            #expect((register["risks"] as? [[String: Any]])?.count == 7 && register["acceptanceLevel"] as? Int == 9)
            let plan = try APITests.object(try await APITests.get(client, "\(Self.base)/internal-control/2020", token: tokens[WebTests.auditor]!))
            #expect((plan["controls"] as? [[String: Any]])?.count == 6 && plan["incidents"] as? Int == 1)
            var response = try await Self.send(client, .post, "\(Self.base)/risks", token: editor, json: Self.risk.replacingOccurrences(of: #""likelihood":4"#, with: #""likelihood":0"#))
            #expect(response.status == .unprocessableContent)
            #expect(try DialogueAPITests.detail(response).contains("likelihood: Sannsynlighet må være fra 1 til 5 (var 0)."))
            for token in [fin, tokens[WebTests.blkSteerer]!, tokens[WebTests.auditor]!] {
                #expect(try await Self.send(client, .post, "\(Self.base)/risks", token: token, json: Self.risk).status == .forbidden)
            }
            response = try await Self.send(client, .post, "\(Self.base)/risks", token: editor, json: Self.risk)
            #expect(response.status == .created)
            let created = try APITests.object(response)
            let id = try #require(created["id"] as? Int)
            #expect(created["aboveAcceptance"] as? Bool == true)
            response = try await Self.send(client, .put, "\(Self.base)/risks/\(id)", token: editor,
                                           json: Self.risk.replacingOccurrences(of: "Driftssjef", with: "Avdelingsdirektør"))
            let changed = try APITests.object(response)
            #expect(response.status == .ok && changed["owner"] as? String == "Avdelingsdirektør")
            response = try await Self.send(client, .post, "\(Self.base)/risks/\(id)/assessments", token: editor,
                                           json: #"{"date":"2026-01-09","likelihood":2,"consequenceLevel":4}"#)
            let detail = try DialogueAPITests.detail(response)
            #expect(response.status == .unprocessableContent && detail.hasPrefix("date:"))
            response = try await Self.send(client, .post, "\(Self.base)/risks/\(id)/assessments", token: editor,
                                           json: #"{"date":"2026-02-01","likelihood":2,"consequenceLevel":4,"residualLikelihood":2,"residualConsequenceLevel":3,"note":"Ny leverandør"}"#)
            #expect(response.status == .created)
            let assessed = try APITests.object(response)
            #expect((assessed["assessments"] as? [[String: Any]])?.count == 2 && assessed["aboveAcceptance"] as? Bool == false)
            #expect(try await APITests.get(client, "\(Self.base)/risks", token: tokens[WebTests.blkSteerer]!).status == .forbidden)
        }
    }
}
