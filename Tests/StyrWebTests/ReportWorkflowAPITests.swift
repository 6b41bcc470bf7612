import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The report workflow through the JSON API on both databases: read a report, its workflow and a
/// frozen version; submit, return, approve and publish by role; refusals as problems.
@Suite("JSON API: report workflow")
struct ReportWorkflowAPITests {
    static func post(_ client: any TestClientProtocol, _ uri: String, token: String, json: String) async throws -> TestResponse {
        try await client.execute(
            uri: uri, method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: ByteBuffer(string: json))
    }

    @Test("read, submit, return, resubmit, approve, publish; the agency may not approve itself", arguments: TestDatabase.backends)
    func workflow(backend: TestDatabase) async throws {
        try await APITests.run(backend) { client, tokens in
            let (editor, leader, fin, blk) = (tokens[WebTests.editor]!, tokens[WebTests.leader]!, tokens[WebTests.finSteerer]!, tokens[WebTests.blkSteerer]!)
            var response = try await APITests.get(client, "/api/v1/organisations/UKE/tertial-reports/2020/t2", token: editor)
            #expect(response.status == .ok)
            var object = try APITests.object(response)
            #expect(object["state"] as? String == "published" && (object["markdown"] as? String)?.contains("Eksempel:") == true)
            #expect(try await APITests.get(client, "/api/v1/organisations/UKE/reports/2020/tertial/t2", token: blk).status == .forbidden)
            response = try await APITests.get(client, "/api/v1/organisations/UKE/reports/2020/tertial/t2/versions/1", token: tokens[WebTests.auditor]!)
            #expect(response.status == .ok)
            #expect((try APITests.object(response)["model"] as? String)?.contains("\"periodCode\":\"t2\"") == true)
            #expect(try await APITests.get(client, "/api/v1/organisations/UKE/reports/2020/tertial/t9", token: editor).status == .badRequest)
            #expect(try await APITests.get(client, "/api/v1/organisations/UKE/reports/2020/tertial/t1/versions/1", token: editor).status == .notFound)

            let steps = "/api/v1/organisations/UKE/reports/2020/tertial/t1/steps"
            #expect(try await Self.post(client, steps, token: editor, json: #"{"action":"submit"}"#).status == .forbidden)
            response = try await Self.post(client, steps, token: leader, json: #"{"action":"submit"}"#)
            #expect(response.status == .ok)
            #expect(try APITests.object(response)["state"] as? String == "submitted")
            #expect(try await Self.post(client, steps, token: leader, json: #"{"action":"approve"}"#).status == .forbidden)
            #expect(try await Self.post(client, steps, token: blk, json: #"{"action":"approve"}"#).status == .forbidden)
            response = try await Self.post(client, steps, token: fin, json: #"{"action":"returnForChanges"}"#)
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("comment"))
            #expect(try await Self.post(client, steps, token: fin, json: #"{"action":"returnForChanges","comment":"Mer om risiko."}"#).status == .ok)
            #expect(try await Self.post(client, steps, token: leader, json: #"{"action":"submit"}"#).status == .ok)
            response = try await APITests.get(client, "/api/v1/organisations/UKE/reports/2020/tertial/t1", token: fin)
            object = try APITests.object(response)
            #expect(object["versionCount"] as? Int == 2 && object["actions"] as? [String] == ["returnForChanges", "approve"])
            #expect((object["diff"] as? [String: Any])?["fromVersion"] as? Int == 1)
            #expect(try await Self.post(client, steps, token: fin, json: #"{"action":"publish"}"#).status == .unprocessableContent)
            #expect(try await Self.post(client, steps, token: fin, json: #"{"action":"approve"}"#).status == .ok)
            response = try await Self.post(client, steps, token: fin, json: #"{"action":"publish"}"#)
            #expect(try APITests.object(response)["state"] as? String == "published")
        }
    }
}
