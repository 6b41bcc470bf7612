import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrDomain
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The economy's writes through the pages and through the API: the ledger upload and import, the
/// explanation threshold, the post grouping and the monthly profiles. The same invalid input is
/// refused by both for the same reason, and the same valid input stores the same thing.
@Suite("Parity: ledger import and budget set-up")
struct EconomyParityTests {
    static let base = "/organisasjoner/UKE/regnskapsrapport/2020"
    static let api = "/api/v1/organisations/UKE"

    static func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    static func upload(_ edges: ParityEdges, year: Int, fields: [String: String] = [:], file: String) async throws -> TestResponse {
        try await EconomyPageTests.upload(
            edges.browser, year: year, fields: ["maal": "actuals", "format": "auto", "periode": "", "profil": "", "kontoklasse": ""].merging(fields) { $1 },
            file: ("hovedbok.csv", file))
    }

    static func apiImport(_ edges: ParityEdges, year: Int, query: String = "", file: String) async throws -> TestResponse {
        try await edges.client.execute(
            uri: "\(api)/ledger/\(year)?source=hovedbok.csv\(query)", method: .put,
            headers: [.authorization: "Bearer \(edges.token)", .contentType: "text/csv"], body: ByteBuffer(string: file))
    }

    /// The list items of the upload page's refusal, unescaped.
    static func importErrors(_ response: TestResponse) -> [String] {
        let html = String(buffer: response.body)
        guard let start = html.range(of: "feil</h2>") else { return [] }
        return html[start.upperBound...].components(separatedBy: "<li>").dropFirst().map { item in
            String(item.prefix { $0 != "<" }).replacingOccurrences(of: "&#171;", with: "«").replacingOccurrences(of: "&#187;", with: "»")
                .replacingOccurrences(of: "&laquo;", with: "«").replacingOccurrences(of: "&raquo;", with: "»").replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    static func totals(_ edges: ParityEdges, year: Int) async throws -> [String] {
        let items = try #require(try await edges.apiGet("\(api)/ledger/\(year)/totals?by=kind&by=group&by=month")["items"] as? [[String: Any]])
        return items.map { "\(($0["values"] as? [String: String] ?? [:]).sorted { $0.key < $1.key }): \($0["amountOre"] as? Int ?? 0)/\($0["lines"] as? Int ?? 0)" }
    }

    @Test("a ledger file: the same bad file is refused with the same first error, the same file stores the same totals",
          arguments: TestDatabase.backends)
    func ledgerImport(backend: TestDatabase) async throws {
        try await ParityEdges.run(backend, as: WebTests.editor) { edges in
            let bad = "art;ansvar;tjeneste_nr;periode;beloep\n10101;A101;12000;1;abc\n10101;A101;99900;2;12,3,4\n"
            let empty = ""
            let noHeader = "10101;A101;12000;1;100\n"
            for (name, file) in [("bad lines", bad), ("empty", empty), ("no header", noHeader)] {
                let page = try await Self.upload(edges, year: 2021, file: file)
                #expect(page.status == .unprocessableContent, "\(name): page")
                let api = try await Self.apiImport(edges, year: 2021, file: file)
                #expect(api.status == .unprocessableContent, "\(name): API")
                let apiErrors = try #require(try Self.object(api)["errors"] as? [String])
                let pageErrors = Self.importErrors(page)
                #expect(!apiErrors.isEmpty && pageErrors.first == apiErrors.first, "\(name): \(pageErrors) vs \(apiErrors)")
            }
            // A period that is no month: the same reason, beside the form's field and under the API's name.
            let page = try await Self.upload(edges, year: 2021, fields: ["periode": "13"], file: bad)
            #expect(page.status == .unprocessableContent)
            let pageMessage = try #require(ParityEdges.fieldError(page, field: "periode"))
            let api = try await Self.apiImport(edges, year: 2021, query: "&period=13", file: bad)
            #expect(api.status == .unprocessableContent)
            #expect(ParityEdges.problemDetail(api) == "period: \(pageMessage)")
            #expect(try await Self.totals(edges, year: 2021).isEmpty, "nothing stored")
            #expect(try await Self.totals(edges, year: 2022).isEmpty, "nothing stored")

            // The same file, one year through each edge: the same totals.
            let file = "art;ansvar;tjeneste_nr;prosjekt;periode;beloep\n10101;A101;12000;;1;1000,50\n11201;A102;20100;;2;-99,99\n00100;A103;25300;P2;2;10000\n16200;A101;12000;;3;-5000\n"
            let stored = try await Self.upload(edges, year: 2021, file: file)
            #expect(stored.status == .seeOther, "\(String(buffer: stored.body))")
            #expect(try await Self.apiImport(edges, year: 2022, file: file).status == .created)
            let viaPage = try await Self.totals(edges, year: 2021), viaAPI = try await Self.totals(edges, year: 2022)
            #expect(viaPage.count == 4 && viaPage == viaAPI)
            let imports = try #require(try await edges.apiGet("\(Self.api)/ledger/2021/totals")["lines"] as? Int)
            #expect(imports == 4)

            // Again without replacing: both refuse the clash, each saying how to replace in its own words.
            let clash = try await Self.upload(edges, year: 2021, file: file)
            #expect(clash.status == .unprocessableContent)
            #expect(Self.importErrors(clash).first?.contains("er allerede importert") == true)
            #expect(Self.importErrors(clash).first?.contains("Kryss av for «Bytt ut en tidligere import av samme periode»") == true)
            let apiClash = try await Self.apiImport(edges, year: 2022, file: file)
            #expect(apiClash.status == .conflict)
            #expect(ParityEdges.problemDetail(apiClash).contains("er allerede importert"))
            #expect(ParityEdges.problemDetail(apiClash).contains("replace=true"))
            #expect(!ParityEdges.problemDetail(apiClash).contains("Kryss av") && !ParityEdges.problemDetail(apiClash).contains("--replace"))
            #expect(Self.importErrors(clash).allSatisfy { !$0.contains("replace") })
        }
    }

    static func threshold(_ edges: ParityEdges, year: Int) async throws -> [String: Any] {
        try #require(try await edges.apiGet("\(api)/budget-setup/\(year)")["threshold"] as? [String: Any])
    }

    @Test("the explanation threshold: the same limits refused for the same reason, the same threshold stored", arguments: TestDatabase.backends)
    func threshold(backend: TestDatabase) async throws {
        try await ParityEdges.run(backend, as: WebTests.finSteerer) { edges in
            let cases: [(String, form: [String: String], json: String, formField: String, apiField: String)] = [
                ("percent past 100", ["belop": "500 000", "prosent": "101", "regel": "og"],
                 #"{"amountOre": 50000000, "percentBasisPoints": 10100, "rule": "amountAndPercent"}"#, "prosent", "percentBasisPoints"),
                ("amount past a trillion", ["belop": "1 000 000 000 001", "prosent": "5", "regel": "og"],
                 #"{"amountOre": 100000000000100, "percentBasisPoints": 500, "rule": "amountAndPercent"}"#, "belop", "amountOre"),
                ("negative amount", ["belop": "-1", "prosent": "5", "regel": "og"],
                 #"{"amountOre": -100, "percentBasisPoints": 500, "rule": "amountAndPercent"}"#, "belop", "amountOre"),
            ]
            for (name, form, json, formField, apiField) in cases {
                let page = try await edges.page("\(Self.base)/terskel", form)
                #expect(page.status == .unprocessableContent, "\(name): page")
                let pageMessage = try #require(ParityEdges.fieldError(page, field: formField), "\(name)")
                let api = try await edges.api(.put, "\(Self.api)/forecast-threshold/2020", json: json)
                #expect(api.status == .unprocessableContent, "\(name): API")
                #expect(ParityEdges.problemDetail(api) == "\(apiField): \(pageMessage)", "\(name)")
            }
            #expect(try await Self.threshold(edges, year: 2020)["isStandard"] as? Bool == true, "nothing stored")

            let page = try await edges.page("\(Self.base)/terskel", ["belop": "250 000,50", "prosent": "2,5", "regel": "eller"])
            #expect(page.status == .seeOther)
            let api = try await edges.api(.put, "\(Self.api)/forecast-threshold/2021",
                                          json: #"{"amountOre": 25000050, "percentBasisPoints": 250, "rule": "amountOrPercent"}"#)
            #expect(api.status == .ok)
            let (viaPage, viaAPI) = (try await Self.threshold(edges, year: 2020), try await Self.threshold(edges, year: 2021))
            for key in ["amountOre", "percentBasisPoints", "rule", "isStandard", "description"] {
                #expect(String(describing: viaPage[key]) == String(describing: viaAPI[key]), "\(key)")
            }
            #expect(viaPage["isStandard"] as? Bool == false)
            // Back to the standard, both ways.
            #expect(try await edges.page("\(Self.base)/terskel", ["standard": "ja", "belop": "", "prosent": "", "regel": "og"]).status == .seeOther)
            #expect(try await edges.client.execute(uri: "\(Self.api)/forecast-threshold/2021", method: .delete,
                                                   headers: [.authorization: "Bearer \(edges.token)"], body: nil).status == .ok)
            #expect(try await Self.threshold(edges, year: 2020)["isStandard"] as? Bool == true)
            #expect(try await Self.threshold(edges, year: 2021)["isStandard"] as? Bool == true)
        }
    }

    static func grouping(_ edges: ParityEdges) async throws -> [String] {
        let groupings = try #require(try await edges.apiGet("\(api)/budget-setup/2020")["postGroupings"] as? [[String: Any]])
        let posts = try #require(groupings.first { $0["chapter"] as? Int == 125 }?["posts"] as? [[String: Any]])
        return posts.map { "\($0["code"] as? String ?? ""); \($0["name"] as? String ?? ""); \(($0["arts"] as? [String] ?? []).joined(separator: ","))" }
    }

    @Test("the post grouping: the same grouping refused for the same reason, the same grouping stored", arguments: TestDatabase.backends)
    func grouping(backend: TestDatabase) async throws {
        try await ParityEdges.run(backend, as: WebTests.finSteerer) { edges in
            let cases: [(String, text: String, json: String, message: String)] = [
                ("a split artsgruppe", "000-099; Lønn; 000-049\n050; Resten; 050-599\n600-999; Inntekter; 600-999",
                 #"{"posts": [{"code": "000-099", "name": "Lønn", "arts": ["000-049"]}, {"code": "050", "name": "Resten", "arts": ["050-599"]}, {"code": "600-999", "name": "Inntekter", "arts": ["600-999"]}]}"#,
                 "Artsgruppe 000-099 er delt («000-099» og «050»)"),
                ("an artsgruppe left out", "000-599; Utgifter; 000-599\n600-899; Inntekter; 600-899",
                 #"{"posts": [{"code": "000-599", "name": "Utgifter", "arts": ["000-599"]}, {"code": "600-899", "name": "Inntekter", "arts": ["600-899"]}]}"#,
                 "Artsgruppe 900-999 er ikke med i noen post"),
                ("no art", "000-599; Utgifter; 0000-599\n600-999; Inntekter; 600-999",
                 #"{"posts": [{"code": "000-599", "name": "Utgifter", "arts": ["0000-599"]}, {"code": "600-999", "name": "Inntekter", "arts": ["600-999"]}]}"#,
                 "«0000-599» er ikke en art (tre siffer) eller et intervall av arter som 100-299"),
            ]
            for (name, text, json, message) in cases {
                let page = try await edges.page("\(Self.base)/postinndeling", ["kapittel_125": text])
                #expect(page.status == .unprocessableContent, "\(name): page")
                let pageMessage = ParityEdges.fieldError(page, field: "kapittel_125") ?? ""
                #expect(pageMessage.hasPrefix("Kapittel 125: ") && pageMessage.contains(message), "\(name): \(pageMessage)")
                let api = try await edges.api(.put, "\(Self.api)/post-groupings/125", json: json)
                #expect(api.status == .unprocessableContent, "\(name): API")
                let errors = try Self.object(api)["errors"] as? [String] ?? []
                #expect(errors.count == 1 && errors.first.map { pageMessage.hasSuffix($0) || $0.hasSuffix(message) && pageMessage.contains(message) } == true,
                        "\(name): \(errors) vs \(pageMessage)")
            }
            let standard = try await Self.grouping(edges)
            #expect(standard.count == 9, "nothing stored")

            let text = "000-099; Lønn; 000-099\n100-399; Kjøp; 100-299, 300-399\n400-599; Overføringer og finans; 400-599\n600-999; Inntekter; 600-999"
            #expect(try await edges.page("\(Self.base)/postinndeling", ["kapittel_125": text]).status == .seeOther)
            let viaPage = try await Self.grouping(edges)
            #expect(try await edges.page("\(Self.base)/postinndeling", ["kapittel_125": ""]).status == .seeOther)
            #expect(try await Self.grouping(edges) == standard)
            let json = #"{"posts": [{"code": "000-099", "name": "Lønn", "arts": ["000-099"]}, {"code": "100-399", "name": "Kjøp", "arts": ["100-299", "300-399"]}, {"code": "400-599", "name": "Overføringer og finans", "arts": ["400-599"]}, {"code": "600-999", "name": "Inntekter", "arts": ["600-999"]}]}"#
            #expect(try await edges.api(.put, "\(Self.api)/post-groupings/125", json: json).status == .ok)
            #expect(try await Self.grouping(edges) == viaPage)
            #expect(viaPage.count == 4)
        }
    }

    /// The budget to date of each row of the report, in øre.
    static func budgetToDate(_ edges: ParityEdges) async throws -> [Int] {
        let report = try await edges.apiGet("\(api)/accounting-report/2020?period=t2")
        return (report["sections"] as? [[String: Any]] ?? []).flatMap { $0["rows"] as? [[String: Any]] ?? [] }.compactMap { $0["budgetToDateOre"] as? Int }
    }

    @Test("the monthly profiles: the same profile refused for the same reason, the same profile gives the same budget to date",
          arguments: TestDatabase.backends)
    func profiles(backend: TestDatabase) async throws {
        try await ParityEdges.run(backend, as: WebTests.editor) { edges in
            let cases: [(String, text: String, json: String)] = [
                ("eleven months", "alle: 1;1;1;1;1;1;1;1;1;1;1", #"{"everyPost": [1,1,1,1,1,1,1,1,1,1,1]}"#),
                ("all zero", "alle: 0;0;0;0;0;0;0;0;0;0;0;0", #"{"everyPost": [0,0,0,0,0,0,0,0,0,0,0,0]}"#),
                ("no such post", "125 drift 100-399: 1;1;1;1;1;1;1;1;1;1;1;1",
                 #"{"posts": [{"chapter": 125, "kind": "operating", "postCode": "100-399", "weights": [1,1,1,1,1,1,1,1,1,1,1,1]}]}"#),
            ]
            for (name, text, json) in cases {
                let page = try await edges.page("\(Self.base)/periodisering", ["profiler": text])
                #expect(page.status == .unprocessableContent, "\(name): page")
                let pageMessage = try #require(ParityEdges.fieldError(page, field: "profiler"), "\(name)")
                let api = try await edges.api(.put, "\(Self.api)/budget-profiles/2020", json: json)
                #expect(api.status == .unprocessableContent, "\(name): API")
                let apiMessage = (try Self.object(api)["errors"] as? [String] ?? []).first ?? ""
                // The page names the line, the API the field; the reason after it is the same.
                let pageReason = pageMessage.replacingOccurrences(of: "Linje 1: ", with: "")
                let apiReason = apiMessage.split(separator: ": ", maxSplits: 1).last.map(String.init) ?? ""
                #expect(pageReason.lowercased() == apiReason.lowercased(), "\(name): \(pageMessage) vs \(apiMessage)")
            }
            let even = try await Self.budgetToDate(edges)
            let page = try await edges.page("\(Self.base)/periodisering", ["profiler": "alle: 8;8;8;8;8;8;4;8;8;8;8;16\n125 drift 000-099: 1;1;1;1;1;1;0;0;0;0;0;0"])
            #expect(page.status == .seeOther)
            let viaPage = try await Self.budgetToDate(edges)
            #expect(viaPage != even)
            let api = try await edges.api(.put, "\(Self.api)/budget-profiles/2020", json: """
                {"everyPost": [8,8,8,8,8,8,4,8,8,8,8,16], "posts": [{"chapter": 125, "kind": "operating", "postCode": "000-099", "weights": [1,1,1,1,1,1,0,0,0,0,0,0]}]}
                """)
            #expect(api.status == .ok)
            #expect(try await Self.budgetToDate(edges) == viaPage)
        }
    }
}
