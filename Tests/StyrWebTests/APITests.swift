import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrDemo
import StyrStorage
import StyrTestSupport
@testable import StyrWeb
import Testing

@Suite("JSON API")
struct APITests {
    /// A demo database with an API token per demo user.
    static func run(
        _ backend: TestDatabase, _ test: @Sendable @escaping (any TestClientProtocol, [String: String]) async throws -> Void
    ) async throws {
        try await backend.withFreshDatabase { database in
            _ = try await DemoLoader.loadIfEmpty(database)
            let credentials = try await DemoUsers.ensure(in: database, bcryptCost: 4)
            var tokens: [String: String] = [:]
            for (user, _) in credentials {
                tokens[user.email] = try await database.transaction { db in
                    try await SQLAccountStore(db).createToken(for: user.email, name: "test")
                }
            }
            let router = try buildRouter(WebConfiguration(bcryptCost: 4), database: database)
            let fixedTokens = tokens
            try await Application(router: router).test(.router) { client in try await test(client, fixedTokens) }
        }
    }

    static func get(_ client: any TestClientProtocol, _ uri: String, token: String?) async throws -> TestResponse {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: uri, method: .get, headers: headers, body: nil)
    }

    static func put(_ client: any TestClientProtocol, _ uri: String, token: String, json: String) async throws -> TestResponse {
        try await client.execute(
            uri: uri, method: .put, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
            body: ByteBuffer(string: json))
    }

    static func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test("the OpenAPI document is served and lists every operation the router answers")
    func document() async throws {
        try await Self.run(.sqlite) { client, _ in
            let response = try await client.execute(uri: "/api/openapi.json", method: .get, headers: [:], body: nil)
            #expect(response.status == .ok)
            let document = try Self.object(response)
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: Any])
            #expect(Set(paths.keys) == [
                "/organisations", "/organisations/{code}", "/organisations/{code}/staffing", "/organisations/{code}/mission-statements",
                "/organisations/{code}/indicators/{year}", "/organisations/{code}/indicators/{year}/{key}",
                "/organisations/{code}/indicators/{year}/{key}/definition",
                "/organisations/{code}/accounts/{year}", "/organisations/{code}/investment-projects/{year}", "/history",
                "/organisations/{code}/budget-revisions/{year}",
                "/organisations/{code}/allocation-letters/{year}", "/organisations/{code}/allocation-letters/{year}/assignments/{key}/status",
                "/organisations/{code}/meetings", "/organisations/{code}/meetings/{id}", "/organisations/{code}/meetings/{id}/approval",
                "/organisations/{code}/signals", "/organisations/{code}/signals/{id}/confirmation", "/organisations/{code}/notices",
                "/organisations/{code}/notices/{id}/answer", "/organisations/{code}/calendar", "/organisations/{code}/governance-log",
                "/organisations/{code}/ledger/{year}", "/organisations/{code}/ledger/{year}/totals", "/organisations/{code}/ledger/{year}/lines",
                "/organisations/{code}/accounting-report/{year}",
                "/organisations/{code}/budget-setup/{year}", "/organisations/{code}/post-groupings/{chapter}",
                "/organisations/{code}/budget-profiles/{year}", "/organisations/{code}/forecast-threshold/{year}",
                "/organisations/{code}/name", "/organisations/{code}/parent", "/organisations/{code}/closing",
                "/organisations/{code}/years", "/organisations/{code}/years/{year}/status", "/organisations/{code}/years/{year}/next",
                "/organisations/{code}/chapters", "/organisations/{code}/chapters/{number}",
                "/organisations/{code}/original-budget/{year}", "/organisations/{code}/original-budget/{year}/from-budget-file",
                "/organisations/{code}/budget-revisions/{year}/{id}", "/organisations/{code}/investment-projects/{year}/{number}",
                "/organisations/{code}/staffing/{date}", "/organisations/{code}/goal-areas/{year}",
                "/organisations/{code}/goal-areas/{year}/{area}", "/organisations/{code}/goal-areas/{year}/{area}/goals",
                "/organisations/{code}/goal-areas/{year}/{area}/goals/{number}", "/organisations/{code}/goal-areas/{year}/{area}/account",
                "/organisations/{code}/annual-report-texts/{year}", "/organisations/{code}/annual-report-texts/{year}/{key}", "/users",
                "/users/{email}", "/users/{email}/roles/{role}/{organisationCode}", "/users/{email}/deactivation",
                "/users/{email}/sessions/{id}", "/users/{email}/tokens/{id}", "/organisations/{code}/mission-statements/draft",
                "/organisations/{code}/mission-statements/draft/fixing", "/organisations/{code}/authorities",
                "/organisations/{code}/authorities/{id}", "/organisations/{code}/authority-requests",
                "/organisations/{code}/authority-requests/{id}", "/organisations/{code}/authority-requests/{id}/sending",
                "/organisations/{code}/authority-requests/{id}/decision", "/organisations/{code}/year-files/{year}", "/year-files",
                "/organisations/{code}/tertial-reports/{year}/{period}", "/organisations/{code}/reports/{year}/{kind}/{period}",
                "/organisations/{code}/reports/{year}/{kind}/{period}/steps", "/organisations/{code}/reports/{year}/{kind}/{period}/versions/{number}",
                "/organisations/{code}/table-checks", "/organisations/{code}/risks", "/organisations/{code}/risks/{id}",
                "/organisations/{code}/risks/{id}/assessments", "/organisations/{code}/internal-control/{year}",
                "/organisations/{code}/selfcost/{year}", "/organisations/{code}/selfcost/{year}/swap-rate",
                "/organisations/{code}/annual-reports/{year}/document/{format}", "/organisations/{code}/tertial-reports/{year}/{period}/document/{format}",
                "/organisations/{code}/special-reports/{year}", "/organisations/{code}/tracked-items", "/organisations/{code}/tracked-items/{id}",
                "/organisations/{code}/tracked-items/{id}/closing",
            ])
        }
    }

    @Test("without a valid token: 401 problem details", arguments: TestDatabase.backends)
    func unauthorised(backend: TestDatabase) async throws {
        try await Self.run(backend) { client, _ in
            for token in [nil, "styr_feil", ""] as [String?] {
                let response = try await Self.get(client, "/api/v1/organisations", token: token)
                #expect(response.status == .unauthorized)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(try Self.object(response)["status"] as? Int == 401)
            }
        }
    }

    @Test("the role matrix through the API", arguments: TestDatabase.backends)
    func roleMatrix(backend: TestDatabase) async throws {
        try await Self.run(backend) { client, tokens in
            let (admin, fin, blk, editor, auditor) = (tokens[WebTests.admin]!, tokens[WebTests.finSteerer]!, tokens[WebTests.blkSteerer]!,
                                                      tokens[WebTests.editor]!, tokens[WebTests.auditor]!)
            let reads: [(String, [(String, HTTPResponse.Status)])] = [
                ("/api/v1/organisations/UKE", [(admin, .ok), (fin, .ok), (blk, .forbidden), (editor, .ok), (auditor, .ok)]),
                ("/api/v1/organisations/FIN", [(admin, .ok), (fin, .ok), (blk, .forbidden), (editor, .forbidden), (auditor, .ok)]),
                ("/api/v1/organisations/UKE/indicators/2020", [(admin, .ok), (fin, .ok), (blk, .forbidden), (editor, .ok), (auditor, .ok)]),
                ("/api/v1/organisations/UKE/accounts/2020?kind=investment", [(admin, .ok), (fin, .ok), (blk, .forbidden), (editor, .ok), (auditor, .ok)]),
                ("/api/v1/organisations/UKE/investment-projects/2020", [(admin, .ok), (blk, .forbidden), (auditor, .ok)]),
                ("/api/v1/organisations/UKE/mission-statements", [(fin, .ok), (blk, .forbidden)]),
                ("/api/v1/organisations/UKE/staffing", [(editor, .ok), (blk, .forbidden)]),
                ("/api/v1/history?type=organisation&key=UKE", [(auditor, .ok), (blk, .forbidden)]),
                ("/api/v1/organisations/NOPE", [(admin, .notFound)]),
            ]
            for (uri, expectations) in reads {
                for (token, status) in expectations {
                    #expect(try await Self.get(client, uri, token: token).status == status, "\(uri)")
                }
            }
            let listed = try Self.object(try await Self.get(client, "/api/v1/organisations", token: blk))["items"] as? [[String: Any]]
            #expect(listed?.compactMap { $0["code"] as? String } == ["BLK"])
            let put = "/api/v1/organisations/UKE/indicators/2020/ehf-leverandorfakturaer"
            for (token, status) in [(fin, HTTPResponse.Status.forbidden), (blk, .forbidden), (auditor, .forbidden), (editor, .ok)] {
                #expect(try await Self.put(client, put, token: token, json: #"{"result":"93"}"#).status == status)
            }
        }
    }

    @Test("the department defines indicators and targets through the API; the agency may not", arguments: TestDatabase.backends)
    func definitions(backend: TestDatabase) async throws {
        try await Self.run(backend) { client, tokens in
            let uri = "/api/v1/organisations/UKE/indicators/2021/andel-saker-besvart/definition"
            let body = #"{"name":"Andel saker besvart innen fristen","unit":"share","polarity":"higherIsBetter","deviationRule":"percentagePoints","decimals":1,"toleranceYellow":"2","toleranceRed":"5","target":"95"}"#
            #expect(try await Self.put(client, uri, token: tokens[WebTests.editor]!, json: body).status == .forbidden)
            #expect(try await Self.put(client, uri, token: tokens[WebTests.blkSteerer]!, json: body).status == .forbidden)
            let created = try await Self.put(client, uri, token: tokens[WebTests.finSteerer]!, json: body)
            #expect(created.status == .ok)
            #expect(try Self.object(created)["target"] as? String == "95")
            let bad = try await Self.put(client, uri, token: tokens[WebTests.finSteerer]!,
                                         json: body.replacingOccurrences(of: #""toleranceRed":"5""#, with: #""toleranceRed":"1""#))
            #expect(bad.status == .unprocessableContent)
            #expect((try Self.object(bad)["detail"] as? String)?.contains("toleranceRed: Grensen for rød") == true)
            let badKey = try await Self.put(client, "/api/v1/organisations/UKE/indicators/2021/Store-Bokstaver/definition",
                                            token: tokens[WebTests.finSteerer]!, json: body)
            #expect((400..<500).contains(Int(badKey.status.code)))
            let list = try Self.object(try await Self.get(client, "/api/v1/organisations/UKE/indicators/2021", token: tokens[WebTests.editor]!))
            #expect((list["items"] as? [[String: Any]])?.map { $0["key"] as? String } == ["andel-saker-besvart"])
        }
    }

    @Test("computed figures and the explanation rule through the API")
    func figuresAndRules() async throws {
        try await Self.run(.sqlite) { client, tokens in
            let editor = tokens[WebTests.editor]!
            let accounts = try Self.object(try await Self.get(client, "/api/v1/organisations/UKE/accounts/2020", token: editor))
            let rows = try #require(accounts["rows"] as? [[String: Any]])
            let net = try #require(rows.last)
            #expect(net["kind"] as? String == "net")
            #expect(net["actualsOre"] as? Int == 42_006_285_900)
            #expect(net["deviationOre"] as? Int == 785_814_100)
            let revisions = try Self.object(try await Self.get(client, "/api/v1/organisations/UKE/budget-revisions/2020", token: editor))
            let items = try #require(revisions["items"] as? [[String: Any]])
            #expect(items.map { $0["reference"] as? String } == ["byrådssak 90/20", "byrådssak 168/20", "byrådssak 208/20", "byrådssak 90/20 og YDISP fra 2019"])
            #expect(items.compactMap { $0["netChangeOre"] as? Int }.prefix(3).reduce(0, +) == 3_409_500_000)
            let projects = try Self.object(try await Self.get(client, "/api/v1/organisations/UKE/investment-projects/2020", token: editor))
            #expect(projects["sumRevisedBudgetOre"] as? Int == 3_765_900_000)
            let indicators = try Self.object(try await Self.get(client, "/api/v1/organisations/UKE/indicators/2020", token: editor))
            let payslips = try #require((indicators["items"] as? [[String: Any]])?.first { $0["key"] as? String == "elektroniske-lonnsslipper" })
            #expect(payslips["deviation"] as? String == "-3.3")
            #expect(payslips["status"] as? String == "yellow")
            let uri = "/api/v1/organisations/UKE/indicators/2020/ehf-leverandorfakturaer"
            let refused = try await Self.put(client, uri, token: editor, json: #"{"result":"80,5"}"#)
            #expect(refused.status == .unprocessableContent)
            #expect(try Self.object(refused)["detail"] as? String
                    == "deviationComment: Avviket (-12,5) er ugunstig og utenfor toleransen: skriv en kommentar til avvik før du lagrer.")
            for bad in [#"{"result":"mye"}"#, #"{"result":"120"}"#, #"{"resultat":"1"}"#, "ikke json", #"{"result":5}"#] {
                let response = try await Self.put(client, uri, token: editor, json: bad)
                #expect((400..<500).contains(Int(response.status.code)), "\(bad) → \(response.status)")
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            let saved = try await Self.put(client, uri, token: editor, json: #"{"result":"80,5","deviationComment":"Ny portal."}"#)
            #expect(saved.status == .ok)
            #expect(try Self.object(saved)["status"] as? String == "red")
            let history = try Self.object(try await Self.get(
                client, "/api/v1/history?type=indicatorValue&key=UKE/ehf-leverandorfakturaer/2020", token: editor))
            let entries = try #require(history["items"] as? [[String: Any]])
            #expect(entries.last?["actor"] as? String == WebTests.editor)
            #expect(try await Self.get(client, "/api/v1/organisations/UKE/indicators/1800", token: editor).status == .unprocessableContent)
            #expect(try await Self.get(client, "/api/v1/organisations/UKE/indicators/abc", token: editor).status == .badRequest)
        }
    }
}
