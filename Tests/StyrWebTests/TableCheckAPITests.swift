import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// `POST /organisations/{code}/table-checks` (issue 17): tables and a definition in, findings out.
@Suite("JSON API: table checks")
struct TableCheckAPITests {
    static let uri = "/api/v1/organisations/UKE/table-checks"

    static func post(_ client: any TestClientProtocol, token: String?, json: Any) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(data: try JSONSerialization.data(withJSONObject: json)))
    }

    @Test("a finding with its cell and values; unreadable input is 422 naming line and column; no caller is 401")
    func check() async throws {
        try await APITests.run(.sqlite) { client, tokens in
            let token = try #require(tokens["revisor@styr.demo"])
            let table = "Enhet;Regnskap 2018\nOppvekst;300\nHelse;350\nSum fordelt til drift;640\n"
            let response = try await Self.post(client, token: token, json: ["definition": "regnskapsskjema-1b", "tables": [["name": "1b.csv", "content": table]]])
            #expect(response.status == .ok)
            let body = try APITests.object(response)
            #expect(body["consistent"] as? Bool == false)
            let finding = try #require((body["findings"] as? [[String: Any]])?.first)
            #expect(finding["row"] as? String == "Sum fordelt til drift")
            #expect(finding["line"] as? Int == 4)
            #expect(finding["printed"] as? Double == 640)
            #expect(finding["computed"] as? Double == 650)
            #expect(finding["rule"] as? String == "sum")

            let bad = try await Self.post(client, token: token, json: ["tables": [["name": "1b.csv", "content": "Enhet;Regnskap 2018\nOppvekst;3x0\nSum fordelt til drift;1\n"]],
                                                                       "definition": "regnskapsskjema-1b"])
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains("1b.csv, linje 2, kolonne «Regnskap 2018»"))
            #expect(try await Self.post(client, token: nil, json: ["tables": [["name": "a", "content": table]]]).status == .unauthorized)
        }
    }
}
