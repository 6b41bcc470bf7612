import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The year file through the API (`exportYearFile`, `importYearFile`): the same document as the
/// command line's, loaded all or nothing, refusals naming the JSON path.
@Suite("JSON API: the year file")
struct YearFileAPITests {
    static func post(_ client: any TestClientProtocol, _ uri: String, token: String, body: Data) async throws -> TestResponse {
        try await client.execute(
            uri: uri, method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
            body: ByteBuffer(bytes: body))
    }

    static func json(_ object: Any) throws -> Data { try JSONSerialization.data(withJSONObject: object) }

    /// Every `chapter` value (and every chapter's `number`) of a document renumbered by `numbers`.
    static func renumbered(_ value: Any, _ numbers: [Int: Int], key: String? = nil) -> Any {
        if let object = value as? [String: Any] {
            return Dictionary(uniqueKeysWithValues: object.map { ($0.key, renumbered($0.value, numbers, key: $0.key)) })
        }
        if let array = value as? [Any] {
            return array.map { element -> Any in
                if key == "chapters", var chapter = element as? [String: Any], let number = chapter["number"] as? Int {
                    chapter["number"] = numbers[number] ?? number
                    return chapter
                }
                return renumbered(element, numbers)
            }
        }
        if key == "chapter", let number = value as? Int { return numbers[number] ?? number }
        return value
    }

    @Test("export as any reader, refusals by JSON path, import under another code gives the same accounts", arguments: TestDatabase.backends)
    func exportAndImport(backend: TestDatabase) async throws {
        try await APITests.run(backend) { client, tokens in
            let (admin, auditor, blk) = (tokens[WebTests.admin]!, tokens[WebTests.auditor]!, tokens[WebTests.blkSteerer]!)
            let uri = "/api/v1/organisations/UKE/year-files/2020"
            #expect(try await APITests.get(client, uri, token: blk).status == .forbidden)
            #expect(try await APITests.get(client, "/api/v1/organisations/FIN/year-files/2020", token: admin).status == .notFound)
            let exported = try await APITests.get(client, uri, token: auditor)
            #expect(exported.status == .ok)
            let file = try APITests.object(exported)
            #expect(file["schemaVersion"] as? Int == 1)
            #expect((file["organisation"] as? [String: Any])?["code"] as? String == "UKE")
            let chapters = try #require(file["chapters"] as? [[String: Any]]).compactMap { $0["number"] as? Int }
            #expect(!chapters.isEmpty)

            // Refusals: nothing changes, each names the JSON path.
            let refusals: [(String, Data, String, String)] = [
                ("the year already held", try Self.json(file), "", "year: "),
                ("another organisation's chapters", try Self.json(file), "?organisationCode=UKX", "chapters[0].number: "),
                ("an unknown schema version", try Self.json(file.merging(["schemaVersion": 99]) { $1 }), "", "schemaVersion: "),
                ("a missing field", try Self.json(file.filter { $0.key != "chapters" }), "", "chapters: "),
            ]
            for (name, body, query, field) in refusals {
                let response = try await Self.post(client, "/api/v1/year-files" + query, token: admin, body: body)
                #expect(response.status == .unprocessableContent, "\(name)")
                #expect(response.headers[.contentType] == "application/problem+json")
                let detail = try APITests.object(response)["detail"] as? String ?? ""
                #expect(detail.contains(field), "\(name): \(detail)")
            }
            let held = try await Self.post(client, "/api/v1/year-files", token: admin, body: try Self.json(file))
            #expect((try APITests.object(held)["detail"] as? String)?.contains("replace=true") == true)
            #expect(try await APITests.get(client, "/api/v1/organisations/UKX", token: admin).status == .notFound)
            // Only an administrator loads a file.
            for token in [auditor, blk, tokens[WebTests.finSteerer]!, tokens[WebTests.editor]!] {
                let response = try await Self.post(client, "/api/v1/year-files?replace=true", token: token, body: try Self.json(file))
                #expect(response.status == .forbidden)
            }

            // The same file over itself with replace: nothing new.
            let replaced = try await Self.post(client, "/api/v1/year-files?replace=true", token: admin, body: try Self.json(file))
            #expect(replaced.status == .created)
            #expect(try APITests.object(replaced)["createdOrganisations"] as? [String] == [])

            // Under another code with its own chapter numbers: the same accounts.
            let numbers = Dictionary(uniqueKeysWithValues: chapters.map { ($0, $0 + 9000) })
            let copy = try Self.json(Self.renumbered(file, numbers))
            let imported = try await Self.post(client, "/api/v1/year-files?organisationCode=UKX", token: admin, body: copy)
            #expect(imported.status == .created)
            let summary = try APITests.object(imported)
            #expect(summary["organisationCode"] as? String == "UKX")
            #expect(summary["createdOrganisations"] as? [String] == ["UKX"])
            for kind in ["operating", "investment"] {
                let original = try APITests.object(try await APITests.get(client, "/api/v1/organisations/UKE/accounts/2020?kind=\(kind)", token: auditor))
                let copied = try APITests.object(try await APITests.get(client, "/api/v1/organisations/UKX/accounts/2020?kind=\(kind)", token: auditor))
                let rows = { (table: [String: Any]) in (table["rows"] as? [[String: Any]])?.map { NSDictionary(dictionary: $0) } ?? [] }
                #expect(!rows(original).isEmpty)
                #expect(rows(original) == rows(copied), "\(kind)")
            }
        }
    }
}
