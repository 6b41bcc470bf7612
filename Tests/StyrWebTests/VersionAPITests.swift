import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// Optimistic locking through the API: a versioned resource answers its `version`; a change sent
/// with that version is saved and raises it, the same change sent again with the old version is a
/// 409 problem naming the current version (`currentVersion=N`), never a 500.
@Suite("JSON API: versions and conflicts")
struct VersionAPITests {
    static let base = "/api/v1/organisations/UKE"

    /// PUTs `json` (with `"version":N`) twice: the first is saved with version N+1, the second a 409.
    static func conflict(_ client: any TestClientProtocol, _ uri: String, token: String, json: String, version: Int, versionKey: String = "version") async throws {
        let body = json.replacingOccurrences(of: "}", with: #","version":\#(version)}"#, options: .backwards, range: json.range(of: "}", options: .backwards))
        let saved = try await APITests.put(client, uri, token: token, json: body)
        #expect(saved.status == .ok, "\(uri)")
        #expect(try APITests.object(saved)[versionKey] as? Int == version + 1, "\(uri)")
        let stale = try await APITests.put(client, uri, token: token, json: body)
        #expect(stale.status == .conflict, "\(uri)")
        #expect(stale.headers[.contentType] == "application/problem+json")
        let problem = try APITests.object(stale)
        #expect((problem["errors"] as? [String]) == ["currentVersion=\(version + 1)"], "\(uri)")
        #expect((problem["detail"] as? String)?.contains("Noen andre har lagret en endring her") == true, "\(uri)")
    }

    @Test("threshold, indicator result and definition, goal, Dok. 3: a stale version is a 409 problem", arguments: TestDatabase.backends)
    func conflicts(backend: TestDatabase) async throws {
        try await APITests.run(backend) { client, tokens in
            let editor = tokens[WebTests.editor]!, fin = tokens[WebTests.finSteerer]!
            let setup = try APITests.object(try await APITests.get(client, "\(Self.base)/budget-setup/2020", token: fin))
            let threshold = try #require(setup["threshold"] as? [String: Any])
            #expect(threshold["version"] as? Int == 0)
            try await Self.conflict(client, "\(Self.base)/forecast-threshold/2020", token: fin,
                                    json: #"{"amountOre":10000000,"percentBasisPoints":200,"rule":"amountAndPercent"}"#, version: 0)

            let indicator = "\(Self.base)/indicators/2020/ehf-leverandorfakturaer"
            try await Self.conflict(client, indicator, token: editor, json: #"{"result":"80,5","deviationComment":"Ny portal."}"#,
                                    version: 0, versionKey: "resultVersion")

            let areas = try APITests.object(try await APITests.get(client, "\(Self.base)/goal-areas/2020", token: fin))
            let area = try #require((areas["items"] as? [[String: Any]])?.first)
            #expect(area["version"] as? Int == 0)
            let name = try #require(area["name"] as? String)
            let encoded = try #require(name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))))
            try await Self.conflict(client, "\(Self.base)/goal-areas/2020/\(encoded)", token: fin, json: #"{"name":"\#(name)"}"#, version: 0)

            let budget = try APITests.object(try await APITests.get(client, "\(Self.base)/original-budget/2020", token: fin))
            #expect(budget["version"] as? Int == 0)
            try await Self.conflict(client, "\(Self.base)/original-budget/2020", token: fin, json: #"{"amounts":[]}"#, version: 0)
            // The auditor reads the version but changes nothing.
            #expect(try await APITests.put(client, "\(Self.base)/original-budget/2020", token: tokens[WebTests.auditor]!,
                                           json: #"{"amounts":[],"version":1}"#).status == .forbidden)
        }
    }
}
