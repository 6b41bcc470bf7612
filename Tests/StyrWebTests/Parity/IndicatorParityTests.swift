import Foundation
import HummingbirdTesting
import StyrDomain
import StyrTestSupport
@testable import StyrWeb
import Testing

/// Entering an indicator result and defining an indicator, through the pages and through the API:
/// the same refusals for the same reasons, and the same thing stored from the same input
/// (`IndicatorService.enterResult`, `IndicatorService.define`).
@Suite("Parity: indicators")
struct IndicatorParityTests {
    static let key = "ehf-leverandorfakturaer"
    static let resultPage = "/organisasjoner/UKE/indikatorer/2020/\(key)"
    static let resultAPI = "/api/v1/organisations/UKE/indicators/2020/\(key)"

    static func json(_ object: [String: Any?]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object.compactMapValues { $0 }, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// One result, written as the form and as the API's JSON.
    struct Result {
        var result = "93,5"
        var reason = ""
        var comment = ""

        var form: [String: String] { ["resultat": result, "ikke_malt": reason, "kommentar": comment] }
        var json: String {
            IndicatorParityTests.json(["result": result, "notMeasuredReason": reason.isEmpty ? nil : reason, "deviationComment": comment.isEmpty ? nil : comment])
        }
    }

    /// The indicator as the API lists it for 2020.
    static func stored(_ edges: ParityEdges, key: String = key, year: Int = 2020) async throws -> [String: Any] {
        let items = try #require(try await edges.apiGet("/api/v1/organisations/UKE/indicators/\(year)")["items"] as? [[String: Any]])
        return try #require(items.first { $0["key"] as? String == key })
    }

    static func same(_ lhs: [String: Any], _ rhs: [String: Any], _ keys: [String], _ comment: String) {
        for key in keys {
            #expect(String(describing: lhs[key]) == String(describing: rhs[key]), "\(comment): \(key)")
        }
    }

    /// Sends the same invalid input both ways; both refuse it with the same message, each naming
    /// its own field, and nothing is stored.
    static func refuse(
        _ edges: ParityEdges, _ name: String, page: (String, [String: String]), api: (String, String),
        formField: String, apiField: String, message: String
    ) async throws {
        let pageResponse = try await edges.page(page.0, page.1)
        #expect(pageResponse.status == .unprocessableContent, "\(name): page")
        let pageMessage = ParityEdges.fieldError(pageResponse, field: formField)
        #expect(pageMessage?.contains(message) == true, "\(name): page says \(pageMessage ?? "nothing")")
        let apiResponse = try await edges.api(.put, api.0, json: api.1)
        #expect(apiResponse.status == .unprocessableContent, "\(name): API")
        let detail = ParityEdges.problemDetail(apiResponse)
        #expect(detail.contains("\(apiField): "), "\(name): API names \(detail)")
        if let pageMessage { #expect(detail.contains(pageMessage), "\(name): \(detail) vs \(pageMessage)") }
        // No form field's name reaches the API.
        #expect(!detail.contains("\(formField):") || formField == apiField, "\(name): \(detail)")
    }

    @Test("the same invalid result is refused by both edges with the same message", arguments: TestDatabase.backends)
    func resultRefusals(backend: TestDatabase) async throws {
        try await ParityEdges.run(backend, as: WebTests.editor) { edges in
            let before = try await Self.stored(edges)
            let cases: [(String, Result, formField: String, apiField: String, message: String)] = [
                ("not a number", Result(result: "mye"), "resultat", "result", "«mye» er ikke et tall"),
                ("a share over 100", Result(result: "120"), "resultat", "result", "En andel må være mellom 0 og 100 %."),
                ("negative", Result(result: "-1"), "resultat", "result", "En andel må være mellom 0 og 100 %."),
                ("unexplained deviation", Result(result: "80,5", comment: " "), "kommentar", "deviationComment",
                 "Avviket (-12,5) er ugunstig og utenfor toleransen: skriv en kommentar til avvik før du lagrer."),
                ("no result and no reason", Result(result: ""), "ikke-malt", "notMeasuredReason",
                 "Resultatet mangler: skriv hvorfor indikatoren ikke er målt."),
                ("a comment too long", Result(result: "93", comment: String(repeating: "x", count: 4001)), "kommentar", "deviationComment",
                 "Teksten kan ha høyst 4000 tegn."),
            ]
            for (name, input, formField, apiField, message) in cases {
                try await Self.refuse(edges, name, page: (Self.resultPage, input.form), api: (Self.resultAPI, input.json),
                                      formField: formField, apiField: apiField, message: message)
            }
            Self.same(try await Self.stored(edges), before, ["result", "notMeasuredReason", "deviationComment", "status"], "nothing stored")
            // An indicator without a target for the year is not found by either.
            let page = try await edges.page("/organisasjoner/UKE/indikatorer/2019/\(Self.key)", Result().form)
            let api = try await edges.api(.put, "/api/v1/organisations/UKE/indicators/2019/\(Self.key)", json: Result().json)
            #expect(page.status == .notFound && api.status == .notFound)
            #expect(String(buffer: page.body).contains("«\(Self.key)» har ikke noe måltall for 2019 hos «UKE»."))
            #expect(ParityEdges.problemDetail(api) == "«\(Self.key)» har ikke noe måltall for 2019 hos «UKE».")
        }
    }

    @Test("the same valid result is stored alike through both edges", arguments: TestDatabase.backends)
    func sameResult(backend: TestDatabase) async throws {
        try await ParityEdges.run(backend, as: WebTests.editor) { edges in
            let keys = ["result", "notMeasuredReason", "deviationComment", "deviation", "status", "needsExplanation", "target"]
            let inputs = [
                Result(result: " 80,50 ", comment: "  Ny leverandørportal.\n"), Result(result: "", reason: "Ikke målt i år."),
                Result(result: "95", reason: "", comment: ""),
            ]
            for input in inputs {
                let page = try await edges.page(Self.resultPage, input.form)
                #expect(page.status == .seeOther, "page: \(String(buffer: page.body))")
                let byPage = try await Self.stored(edges)
                // Something else in between, so that the API's write is seen.
                let other = try await edges.api(.put, Self.resultAPI, json: Self.json(["result": "92", "deviationComment": "Mellom."]))
                #expect(other.status == .ok)
                let api = try await edges.api(.put, Self.resultAPI, json: input.json)
                #expect(api.status == .ok, "API: \(String(buffer: api.body))")
                let byAPI = try await Self.stored(edges)
                Self.same(byPage, byAPI, keys, "\(input.form)")
                let answered = try #require(try JSONSerialization.jsonObject(with: Data(buffer: api.body)) as? [String: Any])
                Self.same(answered, byAPI, keys, "the API answers what it stored")
            }
            // Both wrote as the same user, audited.
            let history = try #require(try await edges.apiGet("/api/v1/history?type=indicatorValue&key=UKE/\(Self.key)/2020")["items"] as? [[String: Any]])
            #expect(history.suffix(9).allSatisfy { $0["actor"] as? String == WebTests.editor })
        }
    }

    /// One definition, written as the form and as the API's JSON.
    struct Definition {
        var name = "Andel saker besvart innen fristen"
        var unit = "share", polarity = "higherIsBetter", rule = "percentagePoints"
        var target = "95", targetHigh = "", decimals = 1, yellow = "2", red = "5", goalArea = "", notes = [String]()

        var form: [String: String] {
            ["navn": name, "enhet": unit, "retning": polarity, "avviksregel": rule, "maltall": target, "maltall_ovre": targetHigh,
             "desimaler": String(decimals), "gul": yellow, "rod": red, "malomrade": goalArea, "fotnoter": notes.joined(separator: "\n")]
        }

        var json: String {
            IndicatorParityTests.json([
                "name": name, "unit": unit, "polarity": polarity, "deviationRule": rule, "target": target,
                "targetHigh": targetHigh.isEmpty ? nil : targetHigh, "decimals": decimals, "toleranceYellow": yellow, "toleranceRed": red,
                "goalArea": goalArea.isEmpty ? nil : goalArea, "notes": notes.isEmpty ? nil : notes,
            ])
        }
    }

    @Test("the same invalid definition is refused by both edges with the same message", arguments: TestDatabase.backends)
    func definitionRefusals(backend: TestDatabase) async throws {
        try await ParityEdges.run(backend, as: WebTests.finSteerer) { edges in
            let page = "/organisasjoner/UKE/indikatorer/2020/ny"
            let api = "/api/v1/organisations/UKE/indicators/2020/ny-indikator-via-api/definition"
            let cases: [(String, Definition, formField: String, apiField: String, message: String)] = [
                ("no name", Definition(name: " "), "navn", "name", "Skriv navnet på indikatoren."),
                ("a name taken", Definition(name: "Andel leverandørfakturaer i EHF-format"), "navn", "name", IndicatorDraft.nameTakenMessage),
                ("red under yellow", Definition(yellow: "3", red: "2"), "rod", "toleranceRed", "Grensen for rød kan ikke være lavere enn grensen for gul."),
                ("a share over 100", Definition(target: "120"), "maltall", "target", "En andel må være mellom 0 og 100 %."),
                ("not a number", Definition(target: "abc"), "maltall", "target", "«abc» er ikke et tall."),
                ("a range without its upper bound", Definition(polarity: "targetRange"), "maltall_ovre", "targetHigh", "Fyll inn et tall."),
                ("too many decimals", Definition(decimals: 7), "desimaler", "decimals", "Antall desimaler må være et helt tall fra 0 til 3."),
                ("a negative tolerance", Definition(yellow: "-1"), "gul", "toleranceYellow", "Kan ikke være negativ."),
                ("a goal area too long", Definition(goalArea: String(repeating: "m", count: 301)), "malomrade", "goalArea",
                 "Målområdet kan ha høyst 300 tegn."),
            ]
            for (name, input, formField, apiField, message) in cases {
                try await Self.refuse(edges, name, page: (page, input.form), api: (api, input.json),
                                      formField: formField, apiField: apiField, message: message)
            }
            let items = try #require(try await edges.apiGet("/api/v1/organisations/UKE/indicators/2020")["items"] as? [[String: Any]])
            #expect(!items.contains { ($0["key"] as? String)?.hasPrefix("andel-saker-besvart") == true || $0["key"] as? String == "ny-indikator-via-api" })
            // The same indicator renamed to another's name, through its target form and through the API.
            let renamed = Definition(name: "Andel leverandørfakturaer i EHF-format")
            try await Self.refuse(
                edges, "renamed to a name taken", page: ("/organisasjoner/UKE/indikatorer/2020/elektroniske-lonnsslipper/maltall", renamed.form),
                api: ("/api/v1/organisations/UKE/indicators/2020/elektroniske-lonnsslipper/definition", renamed.json),
                formField: "navn", apiField: "name", message: IndicatorDraft.nameTakenMessage)
        }
    }

    @Test("the same valid definition is stored alike through both edges", arguments: TestDatabase.backends)
    func sameDefinition(backend: TestDatabase) async throws {
        try await ParityEdges.run(backend, as: WebTests.finSteerer) { edges in
            let keys = ["unit", "polarity", "deviationRule", "goalArea", "year", "target", "targetHigh", "result", "status"]
            // A new indicator: the page makes the key of the name, the API is given one.
            var byPage = Definition(name: "Saker løst innen fristen", unit: "count", polarity: "targetRange", rule: "absolute",
                                    target: " 10 ", targetHigh: "20", decimals: 0, yellow: "1", red: "3",
                                    goalArea: "Effektive og sikre fellestjenester", notes: ["  Ny i 2020. ", "", "Tall fra saksbehandlingen."])
            var byAPI = byPage
            byAPI.name = "Saker løst innen fristen (API)"
            #expect(try await edges.page("/organisasjoner/UKE/indikatorer/2020/ny", byPage.form).status == .seeOther)
            let created = try await edges.api(.put, "/api/v1/organisations/UKE/indicators/2020/saker-lost-innen-fristen-api/definition", json: byAPI.json)
            #expect(created.status == .ok, "\(String(buffer: created.body))")
            let pageStored = try await Self.stored(edges, key: "saker-lost-innen-fristen")
            let apiStored = try await Self.stored(edges, key: "saker-lost-innen-fristen-api")
            Self.same(pageStored, apiStored, keys, "new")
            #expect(pageStored["target"] as? String == "10" && pageStored["targetHigh"] as? String == "20")
            // What the API does not show (decimals, tolerances, notes, the year it came) the target form does.
            func form(_ key: String) async throws -> String {
                // The record's version rises with every save; the form carries it, the comparison does not.
                String(buffer: try await edges.browser.get("/organisasjoner/UKE/indikatorer/2020/\(key)/maltall").body)
                    .replacingOccurrences(of: key, with: "KEY").replacingOccurrences(of: " (API)", with: "")
                    .replacingOccurrences(of: #"name="_versjon" value="\d+""#, with: #"name="_versjon" value="N""#, options: .regularExpression)
            }
            #expect(try await form("saker-lost-innen-fristen") == (try await form("saker-lost-innen-fristen-api")))
            // An existing indicator's new target, by its form and by the API.
            byPage = Definition(name: "Andel leverandørfakturaer i EHF-format", target: "97,5", yellow: "1,5", red: "4")
            #expect(try await edges.page("/organisasjoner/UKE/indikatorer/2020/\(Self.key)/maltall", byPage.form).status == .seeOther)
            let pageEdit = try await Self.stored(edges)
            let formAfterPage = try await form(Self.key)
            byAPI = byPage
            byAPI.target = "96"
            #expect(try await edges.api(.put, "/api/v1/organisations/UKE/indicators/2020/\(Self.key)/definition", json: byAPI.json).status == .ok)
            #expect(try await Self.stored(edges)["target"] as? String == "96")
            #expect(try await edges.api(.put, "/api/v1/organisations/UKE/indicators/2020/\(Self.key)/definition", json: byPage.json).status == .ok)
            Self.same(pageEdit, try await Self.stored(edges), keys + ["name", "deviation", "needsExplanation"], "edited")
            #expect(try await form(Self.key) == formAfterPage)
        }
    }
}
