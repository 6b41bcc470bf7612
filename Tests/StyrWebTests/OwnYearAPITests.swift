import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport
@testable import StyrWeb
import Testing

/// Issue 13's check through the API on an EMPTY database (no demo): the first administrator
/// (through the set-up link's use case) creates a department and an agency; the department's
/// steerer enters chapters, Dok. 3, two revisions, a project, staffing, goals and an indicator with
/// its target; the agency enters the result and a text; the accounts compute from them. A steerer
/// of another department changes none of it; an auditor reads it and changes nothing.
@Suite("JSON API: running one's own year from an empty database")
struct OwnYearAPITests {
    static let admin = "anne@bergen.test", steerer = "stig@bergen.test", other = "olga@bergen.test"
    static let editor = "edda@bergen.test", auditor = "rita@bergen.test"

    /// An API client holding one bearer token per user.
    struct Client: Sendable {
        let client: any TestClientProtocol
        let tokens: [String: String]

        func send(_ method: HTTPRequest.Method, _ uri: String, as user: String, json: String? = nil) async throws -> TestResponse {
            var headers: HTTPFields = [.authorization: "Bearer \(tokens[user]!)"]
            if json != nil { headers[.contentType] = "application/json" }
            return try await client.execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
        }

        /// Sends and expects `status`; returns the JSON object answered.
        @discardableResult
        func expect(
            _ status: HTTPResponse.Status, _ method: HTTPRequest.Method, _ uri: String, as user: String, json: String? = nil,
            sourceLocation: SourceLocation = #_sourceLocation
        ) async throws -> [String: Any] {
            let response = try await send(method, uri, as: user, json: json)
            let text = String(buffer: response.body)
            #expect(response.status == status, "\(method) \(uri) as \(user): \(text)", sourceLocation: sourceLocation)
            return (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]) ?? [:]
        }
    }

    /// A fresh empty database: the administrator through the set-up use case, the other users
    /// through the accounts store (as `styr user add` would), a token each.
    static func run(_ backend: TestDatabase, _ test: @Sendable @escaping (Client) async throws -> Void) async throws {
        try await backend.withFreshDatabase { database in
            let services = Services(storage: SQLStorage(database, bcryptCost: 4))
            let link = try #require(try await services.setup.startIfNoUsers())
            let admin = try await services.setup.complete(token: link, FirstAdministratorDraft(
                organisationCode: "BGO", organisationName: "Bergen kommune", name: "Anne Admin", email: Self.admin,
                password: "et langt og godt passord 2024"))
            let adminTokens = [Self.admin: try await services.ownAccount.createToken(named: "api", by: admin)]
            let others: [(String, Role, String)] = [
                (steerer, .departmentSteerer, "BKD"), (other, .departmentSteerer, "BHO"), (editor, .agencyEditor, "ETA"),
                (auditor, .auditor, "BGO"),
            ]
            let router = try buildRouter(WebConfiguration(bcryptCost: 4), database: database)
            try await Application(router: router).test(.router) { client in
                var tokens = adminTokens
                let api = Client(client: client, tokens: tokens)
                // The administrator builds the tree through the API first; the users' roles name it.
                for (code, name, kind, parent) in [("BKD", "Byrådsavdeling for kultur", "department", "BGO"),
                                                   ("BHO", "Byrådsavdeling for helse", "department", "BGO"),
                                                   ("ETA", "Etat for digitalisering", "agency", "BKD")] {
                    try await api.expect(.created, .post, "/api/v1/organisations", as: Self.admin,
                                         json: #"{"code":"\#(code)","name":"\#(name)","kind":"\#(kind)","parentCode":"\#(parent)"}"#)
                }
                for (email, role, code) in others {
                    tokens[email] = try await database.transaction { db in
                        let store = SQLAccountStore(db)
                        try await store.save(UserAccount(email: email, name: email, assignments: [RoleAssignment(role: role, organisationCode: code)]),
                                             password: nil)
                        return try await store.createToken(for: email, name: "api")
                    }
                }
                try await test(Client(client: client, tokens: tokens))
            }
        }
    }

    static let year = 2024
    static let base = "/api/v1/organisations/ETA"

    /// Every write of the acceptance path, in order: (method, path, JSON, the user who may, status).
    static let writes: [(HTTPRequest.Method, String, String, String, HTTPResponse.Status)] = [
        (.post, "\(base)/chapters", #"{"number":501,"name":"Etat for digitalisering","kind":"both"}"#, steerer, .created),
        (.put, "\(base)/original-budget/\(year)", #"""
            {"amounts":[{"chapter":501,"kind":"operating","group":"000-099","amountOre":5000000000},
                        {"chapter":501,"kind":"operating","group":"100-299","amountOre":2000000000},
                        {"chapter":501,"kind":"operating","group":"600-699","amountOre":-300000000},
                        {"chapter":501,"kind":"investment","group":"000-099","amountOre":800000000}]}
            """#, steerer, .ok),
        (.post, "\(base)/budget-revisions/\(year)", #"""
            {"chapter":501,"kind":"operating","reference":"byrådssak 101/24","decidedOn":"2024-03-14","reason":"Lønnsoppgjøret",
             "lines":[{"group":"000-099","amountOre":150000000}]}
            """#, steerer, .created),
        (.post, "\(base)/budget-revisions/\(year)", #"""
            {"chapter":501,"kind":"operating","reference":"byrådssak 208/24","decidedOn":"2024-09-20","reason":"Nye lisenser",
             "lines":[{"group":"100-299","amountOre":40000000},{"group":"600-699","amountOre":-10000000}]}
            """#, steerer, .created),
        (.post, "\(base)/investment-projects/\(year)", #"""
            {"chapter":501,"number":"P1","name":"Ny saksbehandlingsløsning","groups":"010-050","decided":"2023",
             "expectedCompletion":"4. kv 2025","originalBudgetOre":800000000,"revisedBudgetOre":900000000}
            """#, steerer, .created),
        (.post, "\(base)/staffing", #"{"asOf":"2024-12-31","headcount":42,"fullTimeEquivalents":"39,5"}"#, editor, .created),
        (.post, "\(base)/goal-areas/\(year)", #"{"name":"Digitale tjenester"}"#, steerer, .created),
        (.post, "\(base)/goal-areas/\(year)/Digitale%20tjenester/goals", #"{"text":"Innbyggerne får svar digitalt."}"#, steerer, .created),
        (.put, "\(base)/indicators/\(year)/digitale-svar/definition", #"""
            {"name":"Andel saker besvart digitalt","unit":"share","polarity":"higherIsBetter","deviationRule":"percentagePoints",
             "decimals":1,"toleranceYellow":"2","toleranceRed":"5","target":"80","goalArea":"Digitale tjenester"}
            """#, steerer, .ok),
        (.put, "\(base)/indicators/\(year)/digitale-svar", #"{"result":"81,5"}"#, editor, .ok),
        (.put, "\(base)/annual-report-texts/\(year)/leders-beretning", #"{"body":"Et godt år."}"#, editor, .ok),
        (.put, "\(base)/goal-areas/\(year)/Digitale%20tjenester/account", #"{"body":"Flere svar digitalt."}"#, editor, .ok),
    ]

    @Test("the department and the agency run their own year; the accounts compute from it", arguments: TestDatabase.backends)
    func ownYear(backend: TestDatabase) async throws {
        try await Self.run(backend) { api in
            // Another department's steerer and the auditor change nothing, before and after.
            for (method, uri, json, _, _) in Self.writes {
                for user in [Self.other, Self.auditor] {
                    try await api.expect(.forbidden, method, uri, as: user, json: json)
                }
            }
            for (method, uri, json, user, status) in Self.writes {
                try await api.expect(status, method, uri, as: user, json: json)
            }
            for (method, uri, json, _, _) in Self.writes {
                for user in [Self.other, Self.auditor] {
                    try await api.expect(.forbidden, method, uri, as: user, json: json)
                }
            }

            // The figures, as the auditor reads them: revised budget = Dok. 3 + the two revisions.
            let accounts = try await api.expect(.ok, .get, "\(Self.base)/accounts/\(Self.year)", as: Self.auditor)
            let rows = try #require(accounts["rows"] as? [[String: Any]])
            func row(_ group: String?, kind: String = "group") throws -> [String: Any] {
                try #require(rows.first { $0["kind"] as? String == kind && (group == nil || $0["group"] as? String == group) })
            }
            #expect(try row("000-099")["originalBudgetOre"] as? Int == 5_000_000_000)
            #expect(try row("000-099")["revisedBudgetOre"] as? Int == 5_150_000_000)
            #expect(try row("100-299")["revisedBudgetOre"] as? Int == 2_040_000_000)
            #expect(try row("600-699")["revisedBudgetOre"] as? Int == -310_000_000)
            let net = try row(nil, kind: "net")
            #expect(net["originalBudgetOre"] as? Int == 6_700_000_000)
            #expect(net["revisedBudgetOre"] as? Int == 6_880_000_000)
            #expect(net["deviationOre"] as? Int == 6_880_000_000, "revised budget − actuals, with no actuals yet")
            let revisions = try await api.expect(.ok, .get, "\(Self.base)/budget-revisions/\(Self.year)", as: Self.auditor)
            #expect((revisions["items"] as? [[String: Any]])?.map { $0["reference"] as? String } == ["byrådssak 101/24", "byrådssak 208/24"])
            let projects = try await api.expect(.ok, .get, "\(Self.base)/investment-projects/\(Self.year)", as: Self.auditor)
            #expect(projects["sumRevisedBudgetOre"] as? Int == 900_000_000)
            let staffing = try await api.expect(.ok, .get, "\(Self.base)/staffing", as: Self.auditor)
            #expect((staffing["items"] as? [[String: Any]])?.first?["fullTimeEquivalents"] as? String == "39.5")
            let goals = try await api.expect(.ok, .get, "\(Self.base)/goal-areas/\(Self.year)", as: Self.auditor)
            let area = try #require((goals["items"] as? [[String: Any]])?.first)
            #expect(area["goals"] as? [String] == ["Innbyggerne får svar digitalt."])
            #expect(area["indicators"] as? [String] == ["digitale-svar"])
            #expect(area["account"] as? String == "Flere svar digitalt.")
            let indicators = try await api.expect(.ok, .get, "\(Self.base)/indicators/\(Self.year)", as: Self.auditor)
            let indicator = try #require((indicators["items"] as? [[String: Any]])?.first)
            #expect(indicator["deviation"] as? String == "1.5")
            #expect(indicator["status"] as? String == "green")
            let texts = try await api.expect(.ok, .get, "\(Self.base)/annual-report-texts/\(Self.year)", as: Self.auditor)
            #expect((texts["sections"] as? [[String: Any]])?.first { $0["key"] as? String == "leders-beretning" }?["body"] as? String == "Et godt år.")
            let chapters = try await api.expect(.ok, .get, "\(Self.base)/chapters", as: Self.auditor)
            #expect((chapters["items"] as? [[String: Any]])?.map { $0["number"] as? Int } == [501])
            let dok3 = try await api.expect(.ok, .get, "\(Self.base)/original-budget/\(Self.year)", as: Self.auditor)
            #expect((dok3["amounts"] as? [[String: Any]])?.count == 4)

            // The year file of what was entered, as any reader gets it.
            let file = try await api.expect(.ok, .get, "\(Self.base)/year-files/\(Self.year)", as: Self.auditor)
            #expect((file["budgetRevisions"] as? [Any])?.count == 2)
        }
    }

    @Test("bad input is refused naming the field, and a closed year takes no writes until reopened", arguments: TestDatabase.backends)
    func refusals(backend: TestDatabase) async throws {
        try await Self.run(backend) { api in
            try await api.expect(.created, .post, "\(Self.base)/chapters", as: Self.steerer, json: #"{"number":501,"name":"Etaten","kind":"both"}"#)
            let refused: [(HTTPRequest.Method, String, String, String, String)] = [
                // A cycle in the tree: the department under its own agency.
                (.put, "/api/v1/organisations/BKD/parent", #"{"parentCode":"ETA"}"#, Self.admin, "parentCode: "),
                (.post, "\(Self.base)/chapters", #"{"number":501,"name":"Igjen","kind":"both"}"#, Self.steerer, "number: "),
                (.post, "\(Self.base)/investment-projects/\(Self.year)", #"""
                    {"number":"P2","name":"Baklengs","groups":"010-050","decided":"2024","expectedCompletion":"2022",
                     "originalBudgetOre":100,"revisedBudgetOre":100}
                    """#, Self.steerer, "expectedCompletion: "),
                (.put, "\(Self.base)/original-budget/\(Self.year)", #"{"amounts":[{"chapter":999,"kind":"operating","group":"000-099","amountOre":1}]}"#,
                 Self.steerer, "amounts[0].chapter: "),
                (.post, "\(Self.base)/budget-revisions/\(Self.year)", #"{"kind":"operating","reference":"","reason":"","lines":[]}"#,
                 Self.steerer, "reference: "),
            ]
            for (method, uri, json, user, field) in refused {
                let body = try await api.expect(.unprocessableContent, method, uri, as: user, json: json)
                #expect((body["detail"] as? String)?.contains(field) == true, "\(uri): \(body)")
            }

            // A closed year: writes refused naming the year; only the administrator reopens it, with a reason.
            let status = "\(Self.base)/years/\(Self.year)/status"
            try await api.expect(.forbidden, .put, status, as: Self.other, json: #"{"status":"closed"}"#)
            let closed = try await api.expect(.ok, .put, status, as: Self.steerer, json: #"{"status":"closed"}"#)
            #expect(closed["status"] as? String == "closed")
            let write = #"{"chapter":501,"kind":"operating","reference":"byrådssak 1/24","decidedOn":"2024-11-01","reason":"Sent","lines":[{"group":"000-099","amountOre":100}]}"#
            let refusedWrite = try await api.expect(.unprocessableContent, .post, "\(Self.base)/budget-revisions/\(Self.year)", as: Self.steerer, json: write)
            #expect((refusedWrite["detail"] as? String)?.contains("year: ") == true, "\(refusedWrite)")
            try await api.expect(.forbidden, .put, status, as: Self.steerer, json: #"{"status":"inProgress","reason":"Feil i regnskapet"}"#)
            let noReason = try await api.expect(.unprocessableContent, .put, status, as: Self.admin, json: #"{"status":"inProgress","reason":""}"#)
            #expect((noReason["detail"] as? String)?.contains("reason: ") == true, "\(noReason)")
            let reopened = try await api.expect(.ok, .put, status, as: Self.admin, json: #"{"status":"inProgress","reason":"Feil i regnskapet"}"#)
            #expect(reopened["reopenReason"] as? String == "Feil i regnskapet")
            try await api.expect(.created, .post, "\(Self.base)/budget-revisions/\(Self.year)", as: Self.steerer, json: write)
            let years = try await api.expect(.ok, .get, "/api/v1/organisations/ETA/years", as: Self.auditor)
            #expect((years["items"] as? [[String: Any]])?.contains { $0["year"] as? Int == Self.year } == true)

            // Organisations: rename, close and reopen by the administrator only.
            try await api.expect(.forbidden, .put, "/api/v1/organisations/ETA/name", as: Self.steerer, json: #"{"name":"Nytt navn"}"#)
            let renamed = try await api.expect(.ok, .put, "/api/v1/organisations/ETA/name", as: Self.admin, json: #"{"name":"Digitaliseringsetaten"}"#)
            #expect(renamed["name"] as? String == "Digitaliseringsetaten")
            let closedOrganisation = try await api.expect(.ok, .put, "/api/v1/organisations/BHO/closing", as: Self.admin, json: #"{"closedOn":"2024-12-31"}"#)
            #expect(closedOrganisation["closedOn"] as? String == "2024-12-31")
            let open = try await api.expect(.ok, .delete, "/api/v1/organisations/BHO/closing", as: Self.admin)
            #expect(open["closedOn"] == nil || open["closedOn"] is NSNull)
        }
    }
}
