import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrDemo
import StyrStorage
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The ledger through the JSON API, from outside, on the UKE demo records: a file imported as the
/// request body, totals and lines read back, and the accounting report with forecast.
@Suite("JSON API: ledger and accounting report")
struct LedgerAPITests {
    static let base = "/api/v1/organisations/UKE"
    /// A year without demo ledger lines.
    static let year = 2021

    /// An ERP export (FORMATS.md §3): six operating lines and one investment line, both
    /// decimal separators and a group separator.
    static let erpFile = [
        "art;ansvar;tjeneste_nr;prosjekt;periode;beloep",
        "10101;A101;12000;;1;1000,50",
        "10200;A101;12001;P1;01;250.25",
        "11200;A102;20100;;2;-99,99",
        "11201;A102;20199;P1;3;1 234,56",
        "16200;A101;12000;;3;-5000",
        "00100;A103;25300;P2;2;10000",
        "12000;A103;25302;;12;333,33",
    ].joined(separator: "\n") + "\n"

    /// The totals of `erpFile` by artsgruppe.
    static let groupTotals = [
        "group=000-099: 1125075 øre, 3 linjer", "group=100-299: 146790 øre, 3 linjer", "group=600-699: -500000 øre, 1 linjer",
    ]

    /// A file whose third line has an amount that is not a number.
    static let badCSV = [
        "art;ansvar;tjeneste_nr;prosjekt;periode;beloep",
        "10101;A101;12000;;1;1000,50",
        "10101;A101;12000;;1;abc",
        "10200;A101;12001;P1;2;250",
    ].joined(separator: "\n") + "\n"

    static func upload(
        _ client: any TestClientProtocol, _ uri: String, token: String, file: String, contentType: String = "text/csv"
    ) async throws -> TestResponse {
        try await client.execute(
            uri: uri, method: .put, headers: [.authorization: "Bearer \(token)", .contentType: contentType], body: ByteBuffer(string: file))
    }

    static func detail(_ response: TestResponse) throws -> String {
        try APITests.object(response)["detail"] as? String ?? ""
    }

    /// The totals as `dimension=value,…: amount øre, lines linjer`, in the order answered.
    static func totals(_ client: any TestClientProtocol, _ query: String = "", token: String) async throws -> [String] {
        let response = try await APITests.get(client, "\(base)/ledger/\(Self.year)/totals\(query)", token: token)
        #expect(response.status == .ok, "\(query): \(String(buffer: response.body))")
        let items = try #require(try APITests.object(response)["items"] as? [[String: Any]])
        return items.map { item in
            let values = (item["values"] as? [String: String] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return "\(values.joined(separator: ",")): \(item["amountOre"] as? Int ?? 0) øre, \(item["lines"] as? Int ?? 0) linjer"
        }
    }

    /// Every line, following `next` from page to page; and the number of pages.
    static func allLines(_ client: any TestClientProtocol, limit: Int, token: String) async throws -> ([[String: Any]], Int) {
        var lines: [[String: Any]] = []
        var after = 0
        var pages = 0
        while pages < 100 {
            let response = try await APITests.get(client, "\(base)/ledger/\(Self.year)/lines?limit=\(limit)&after=\(after)", token: token)
            #expect(response.status == .ok)
            let page = try APITests.object(response)
            let items = try #require(page["items"] as? [[String: Any]])
            pages += 1
            lines += items
            guard let next = page["next"] as? Int else { break }
            #expect(items.count == limit)
            #expect(next == items.last?["id"] as? Int)
            after = next
        }
        return (lines, pages)
    }

    @Test("the UKE editor imports an ERP file; totals by group match; again without replace is refused", arguments: TestDatabase.backends)
    func importAndTotals(backend: TestDatabase) async throws {
        try await APITests.run(backend) { client, tokens in
            let editor = tokens[WebTests.editor]!
            #expect(try await Self.totals(client, token: editor).isEmpty)
            let created = try await Self.upload(client, "\(Self.base)/ledger/\(Self.year)?source=hovedbok.csv", token: editor, file: Self.erpFile)
            #expect(created.status == .created, "\(String(buffer: created.body))")
            let result = try APITests.object(created)
            let record = try #require(result["record"] as? [String: Any])
            #expect(record["organisationCode"] as? String == "UKE")
            #expect(record["year"] as? Int == Self.year)
            #expect(record["period"] as? Int == 0)
            #expect(record["measure"] as? String == "actuals")
            #expect(record["sourceName"] as? String == "hovedbok.csv")
            #expect(record["lines"] as? Int == 7)
            #expect(record["controlSumOre"] as? Int == 771_865)
            #expect(record["importedBy"] as? String == WebTests.editor)
            #expect((record["importedAt"] as? String)?.hasPrefix("20") == true)
            #expect((record["id"] as? Int ?? 0) > 0)
            let summary = try #require(result["summary"] as? [String: Any])
            #expect(summary["format"] as? String == "erp")
            #expect(summary["encoding"] as? String == "utf8")
            #expect(summary["delimiter"] as? String == ";")
            #expect(summary["linesImported"] as? Int == 7)
            #expect((summary["linesRead"] as? Int ?? 0) >= 8)
            #expect(summary["warnings"] as? Int == 0)
            #expect(summary["controlSumOre"] as? Int == 771_865)
            let byKind = (summary["sumsByKind"] as? [[String: Any]] ?? []).map { "\($0["kind"] as? String ?? ""): \($0["amountOre"] as? Int ?? 0)" }
            #expect(byKind == ["operating: -228135", "investment: 1000000"])

            #expect(try await Self.totals(client, token: editor) == Self.groupTotals)
            #expect(try await Self.totals(client, "?by=group", token: tokens[WebTests.auditor]!) == Self.groupTotals)
            #expect(try await Self.totals(client, "?by=kind", token: editor) == [
                "kind=investment: 1000000 øre, 1 linjer", "kind=operating: -228135 øre, 6 linjer",
            ])
            #expect(try await Self.totals(client, "?by=art&where=project%3DP1", token: editor) == [
                "art=020: 25025 øre, 1 linjer", "art=120: 123456 øre, 1 linjer",
            ])
            #expect(try await Self.totals(client, "?by=group&by=month&where=kind%3Doperating&where=group%3D100-299", token: editor) == [
                "group=100-299,month=2: -9999 øre, 1 linjer", "group=100-299,month=3: 123456 øre, 1 linjer",
                "group=100-299,month=12: 33333 øre, 1 linjer",
            ])
            #expect(try await Self.totals(client, "?measure=budget", token: editor).isEmpty)
            #expect(try await APITests.get(client, "\(Self.base)/ledger/\(Self.year)/totals", token: tokens[WebTests.blkSteerer]!).status == .forbidden)

            // The same file again, without replace: refused, and nothing changed.
            let again = try await Self.upload(client, "\(Self.base)/ledger/\(Self.year)", token: editor, file: Self.erpFile)
            #expect(again.status == .conflict)
            #expect(again.headers[.contentType] == "application/problem+json")
            #expect(try Self.detail(again).contains("er allerede importert"))
            #expect(try Self.detail(again).contains("replace=true"))
            #expect(try await Self.totals(client, token: editor) == Self.groupTotals)

            // With replace, the earlier import is swapped out: the same totals, not twice them.
            let replaced = try await Self.upload(
                client, "\(Self.base)/ledger/\(Self.year)?replace=true", token: editor, file: Self.erpFile, contentType: "application/octet-stream")
            #expect(replaced.status == .created, "\(String(buffer: replaced.body))")
            let replacedRecord = try #require(try APITests.object(replaced)["record"] as? [String: Any])
            #expect(replacedRecord["sourceName"] as? String == "API-opplasting")
            #expect(replacedRecord["id"] as? Int != record["id"] as? Int)
            #expect(try await Self.totals(client, token: editor) == Self.groupTotals)

            // A budget is another measure: no clash.
            let budget = try await Self.upload(client, "\(Self.base)/ledger/\(Self.year)?measure=budget", token: editor, file: Self.erpFile)
            #expect(budget.status == .created, "\(String(buffer: budget.body))")
            #expect(try await Self.totals(client, "?measure=budget", token: editor) == Self.groupTotals)
        }
    }

    @Test("a funksjon outside the KOSTRA list is refused, or taken in with invalidCodes=warning")
    func invalidCodes() async throws {
        try await APITests.run(.sqlite) { client, tokens in
            let editor = tokens[WebTests.editor]!
            let file = "art;ansvar;tjeneste_nr;beloep\n10101;A101;12000;100\n10101;A101;99900;250\n"
            let refused = try await Self.upload(client, "\(Self.base)/ledger/\(Self.year)", token: editor, file: file)
            #expect(refused.status == .unprocessableContent)
            #expect(try Self.detail(refused).contains("funksjon 999 finnes ikke i KOSTRA-kodelisten"))
            #expect(try await Self.totals(client, token: editor).isEmpty)
            let taken = try await Self.upload(client, "\(Self.base)/ledger/\(Self.year)?invalidCodes=warning", token: editor, file: file)
            #expect(taken.status == .created)
            #expect(try await Self.totals(client, "?by=kind", token: editor) == ["kind=operating: 35000 øre, 2 linjer"])
        }
    }

    @Test("a bad file is refused with its line and column, and nothing is stored", arguments: TestDatabase.backends)
    func badFile(backend: TestDatabase) async throws {
        try await APITests.run(backend) { client, tokens in
            let editor = tokens[WebTests.editor]!
            let refused = try await Self.upload(client, "\(Self.base)/ledger/\(Self.year)", token: editor, file: Self.badCSV)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.headers[.contentType] == "application/problem+json")
            let detail = try Self.detail(refused)
            #expect(detail.contains("1 feil"), "\(detail)")
            #expect(detail.contains("linje 3, kolonne 6 (beløp)"), "\(detail)")
            #expect(detail.contains("ingenting er lagret"), "\(detail)")
            let errors = try #require(try APITests.object(refused)["errors"] as? [String])
            #expect(errors.count == 1)
            #expect(errors.first?.hasPrefix("linje 3, kolonne 6 (beløp): «abc» er ikke et beløp") == true, "\(errors)")
            #expect(try await Self.totals(client, token: editor).isEmpty)
            let lines = try APITests.object(try await APITests.get(client, "\(Self.base)/ledger/\(Self.year)/lines", token: editor))
            #expect((lines["items"] as? [Any])?.isEmpty == true)

            // With an earlier import, a bad file with replace leaves the earlier one in place.
            #expect(try await Self.upload(client, "\(Self.base)/ledger/\(Self.year)", token: editor, file: Self.erpFile).status == .created)
            let twoErrors = Self.badCSV + "16200;A101;12000;;3;12,3,4\n"
            let refusedAgain = try await Self.upload(client, "\(Self.base)/ledger/\(Self.year)?replace=true", token: editor, file: twoErrors)
            #expect(refusedAgain.status == .unprocessableContent)
            #expect(try Self.detail(refusedAgain).contains("2 feil"))
            #expect(try APITests.object(refusedAgain)["errors"] as? [String] == [
                "linje 3, kolonne 6 (beløp): «abc» er ikke et beløp", "linje 5, kolonne 6 (beløp): «12,3,4» er ikke et beløp",
            ])
            let empty = try await Self.upload(client, "\(Self.base)/ledger/\(Self.year)?replace=true", token: editor, file: "")
            #expect(empty.status == .unprocessableContent)
            #expect(try Self.detail(empty).contains("Filen er tom"))
            #expect(try await Self.totals(client, token: editor) == Self.groupTotals)

            // Bad query values: 422 naming the parameter, and nothing stored.
            for (query, parameter) in [("measure=forecast", "measure:"), ("period=13", "period:"), ("format=xls", "format:")] {
                let response = try await Self.upload(client, "\(Self.base)/ledger/2022?\(query)", token: editor, file: Self.erpFile)
                let detail = try Self.detail(response)
                #expect(response.status == .unprocessableContent, "\(query)")
                #expect(detail.hasPrefix(parameter), "\(query): \(detail)")
            }
            let later = try APITests.object(try await APITests.get(client, "\(Self.base)/ledger/2022/totals", token: editor))
            #expect((later["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("only those who enter results may import")
    func importNeedsEnterResults() async throws {
        try await APITests.run(.sqlite) { client, tokens in
            for token in [tokens[WebTests.auditor]!, tokens[WebTests.blkSteerer]!] {
                let response = try await Self.upload(client, "\(Self.base)/ledger/\(Self.year)", token: token, file: Self.erpFile)
                #expect(response.status == .forbidden)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            #expect(try await Self.upload(client, "\(Self.base)/ledger/\(Self.year)", token: "styr_feil", file: Self.erpFile).status == .unauthorized)
            #expect(try await Self.totals(client, token: tokens[WebTests.auditor]!).isEmpty)
        }
    }

    @Test("the lines a page at a time, following next", arguments: TestDatabase.backends)
    func linesPaging(backend: TestDatabase) async throws {
        try await APITests.run(backend) { client, tokens in
            let editor = tokens[WebTests.editor]!
            #expect(try await Self.upload(client, "\(Self.base)/ledger/\(Self.year)", token: editor, file: Self.erpFile).status == .created)
            let (lines, pages) = try await Self.allLines(client, limit: 3, token: tokens[WebTests.auditor]!)
            #expect(pages == 3)
            #expect(lines.count == 7)
            #expect(lines.compactMap { $0["amountOre"] as? Int }.sorted() == [100_050, 25_025, -9_999, 123_456, -500_000, 1_000_000, 33_333].sorted())
            let ids = lines.compactMap { $0["id"] as? Int }
            #expect(Set(ids).count == 7)
            // In the stored order (one batch): art, funksjon, then as imported.
            let keys = lines.compactMap { line in (line["art"] as? String).flatMap { Int($0) }.flatMap { art in (line["function"] as? Int).map { (art, $0, line["id"] as? Int ?? 0) } } }
            #expect(keys.count == 7 && zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
            let first = try #require(lines.first)
            #expect(first["year"] as? Int == Self.year)
            #expect(first["month"] as? Int == 1)
            #expect(first["responsibility"] as? String == "A101")
            #expect(first["chapter"] as? Int == 0)
            #expect(first["kind"] as? String == "operating")
            #expect(first["art"] as? String == "010")
            #expect(first["group"] as? String == "000-099")
            #expect(first["function"] as? Int == 120)
            #expect(first["project"] as? String == "")
            #expect(first["freeDimension"] as? String == "")
            let investment = lines.filter { $0["kind"] as? String == "investment" }
            #expect(investment.count == 1 && investment.first?["project"] as? String == "P2")

            // One page holds them all: no next.
            let whole = try APITests.object(try await APITests.get(client, "\(Self.base)/ledger/\(Self.year)/lines", token: editor))
            #expect((whole["items"] as? [Any])?.count == 7)
            #expect(!whole.keys.contains("next"))
            let filtered = try APITests.object(try await APITests.get(client, "\(Self.base)/ledger/\(Self.year)/lines?where=group%3D100-299", token: editor))
            #expect((filtered["items"] as? [[String: Any]])?.compactMap { $0["art"] as? String } == ["120", "120", "200"])

            // Bad query values: 422 naming the parameter.
            for (path, parameter) in [
                ("lines?limit=0", "limit:"), ("lines?limit=1001", "limit:"), ("lines?after=-1", "after:"), ("lines?measure=forecast", "measure:"),
                ("lines?where=nope%3D1", "where:"), ("lines?where=group", "where:"), ("totals?where=group%3D1-2", "where:"),
                ("totals?where=art%3Dabc", "where:"), ("totals?by=nope", "by:"),
            ] {
                let response = try await APITests.get(client, "\(Self.base)/ledger/\(Self.year)/\(path)", token: editor)
                let detail = try Self.detail(response)
                #expect(response.status == .unprocessableContent, "\(path)")
                #expect(detail.hasPrefix(parameter), "\(path): \(detail)")
            }
        }
    }

    @Test("the accounting report for 2020, second tertial, as JSON", arguments: TestDatabase.backends)
    func accountingReport(backend: TestDatabase) async throws {
        try await APITests.run(backend) { client, tokens in
            let (editor, auditor) = (tokens[WebTests.editor]!, tokens[WebTests.auditor]!)
            // With replace, so that these are the year's only actuals (whatever the demo data holds).
            let imported = try await Self.upload(client, "\(Self.base)/ledger/2020?replace=true", token: editor, file: Self.erpFile)
            #expect(imported.status == .created, "\(String(buffer: imported.body))")
            let response = try await APITests.get(client, "\(Self.base)/accounting-report/2020", token: auditor)
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            let report = try APITests.object(response)
            #expect(report["period"] as? String == "t2")
            #expect(report["title"] as? String == "Regnskapsrapport med prognose – 2. tertial 2020")
            #expect(report["subtitle"] as? String == "Regnskap per 31.08.2020 og prognose for 2020")
            #expect(report["canBeSubmitted"] as? Bool != nil)
            #expect(report["missingExplanations"] as? [Any] != nil)
            let sections = try #require(report["sections"] as? [[String: Any]])
            let operating = try #require(sections.first { $0["chapter"] as? Int == 125 && $0["kind"] as? String == "operating" })
            #expect((operating["caption"] as? String)?.hasPrefix("Kap. 125 Utviklings- og kompetanseetaten") == true)
            let rows = try #require(operating["rows"] as? [[String: Any]])
            #expect(rows.last?["kind"] as? String == "net")
            #expect(rows.last?["isSum"] as? Bool == true)
            let salaries = try #require(rows.first { $0["postCode"] as? String == "000-099" })
            // Actuals January–August from the imported lines (chapter 0 belongs to UKE's only chapter).
            #expect(salaries["actualsToDateOre"] as? Int == 125_075)
            #expect(salaries["isSum"] as? Bool == false)
            #expect(salaries["method"] as? String == "Lineær framskriving")
            #expect(salaries["methodCode"] as? String == "lineaer")
            #expect(salaries["needsExplanation"] as? Bool != nil)
            for key in ["revisedBudgetOre", "budgetToDateOre", "forecastOre", "deviationOre"] {
                #expect(salaries[key] as? Int != nil, "\(key)")
            }
            #expect((salaries["revisedBudgetOre"] as? Int).map { $0 - (salaries["forecastOre"] as? Int ?? 0) } == salaries["deviationOre"] as? Int)
            #expect(rows.first { $0["postCode"] as? String == "100-299" }?["actualsToDateOre"] as? Int == 113_457)
            let investment = sections.first { $0["chapter"] as? Int == 125 && $0["kind"] as? String == "investment" }
            let investmentSalaries = (investment?["rows"] as? [[String: Any]])?.first { $0["postCode"] as? String == "000-099" }
            #expect(investmentSalaries?["actualsToDateOre"] as? Int == 1_000_000)

            let april = try APITests.object(try await APITests.get(client, "\(Self.base)/accounting-report/2020?period=m4", token: editor))
            #expect(april["period"] as? String == "m4")
            #expect(april["title"] as? String == "Regnskapsrapport med prognose – april 2020")
            for period in ["m13", "t4", "x1", "t"] {
                let bad = try await APITests.get(client, "\(Self.base)/accounting-report/2020?period=\(period)", token: editor)
                #expect(bad.status == .unprocessableContent, "\(period)")
                #expect(try Self.detail(bad).hasPrefix("period:"), "\(period)")
            }
            #expect(try await APITests.get(client, "\(Self.base)/accounting-report/2020", token: tokens[WebTests.blkSteerer]!).status == .forbidden)
        }
    }
}

/// Post groupings and budget profiles through the API: the same rules and roles as the web forms.
@Suite("JSON API: post groupings and budget profiles")
struct BudgetSetupAPITests {
    static let base = "/api/v1/organisations/UKE"

    static let merged = """
        {"posts": [
          {"code": "000-099", "name": "Lønn", "arts": ["000-099"]},
          {"code": "100-399", "name": "Kjøp", "arts": ["100-299", "300-399"]},
          {"code": "400-599", "name": "Overføringer og finans", "arts": ["400-599"]},
          {"code": "600-999", "name": "Inntekter", "arts": ["600-999"]}
        ]}
        """

    @Test("the steerer sets a grouping, the agency its profiles; bad input and wrong roles change nothing", arguments: TestDatabase.backends)
    func setUp(backend: TestDatabase) async throws {
        try await APITests.run(backend) { client, tokens in
            let steerer = tokens[WebTests.finSteerer]!, editor = tokens[WebTests.editor]!, auditor = tokens[WebTests.auditor]!
            let initial = try APITests.object(try await APITests.get(client, "\(Self.base)/budget-setup/2020", token: auditor))
            let groupings = try #require(initial["postGroupings"] as? [[String: Any]])
            #expect(groupings.first?["isStandard"] as? Bool == true)
            #expect((groupings.first?["posts"] as? [[String: Any]])?.count == 9)

            #expect(try await APITests.put(client, "\(Self.base)/post-groupings/125", token: editor, json: Self.merged).status == .forbidden)
            let split = Self.merged.replacingOccurrences(of: #"["100-299", "300-399"]"#, with: #"["100-199"]"#)
            let refused = try await APITests.put(client, "\(Self.base)/post-groupings/125", token: steerer, json: split)
            #expect(refused.status == .unprocessableContent)
            #expect(try APITests.object(refused)["errors"] as? [String] == [
                "Artsgruppe 100-299 er bare delvis med (i «100-399»); en post må dekke hele artsgrupper, ellers faller beløp bort.",
            ])
            #expect(try await APITests.put(client, "\(Self.base)/post-groupings/999", token: steerer, json: Self.merged).status == .notFound)
            #expect(try await APITests.put(client, "\(Self.base)/post-groupings/125", token: auditor, json: Self.merged).status == .forbidden)
            let semicolon = Self.merged.replacingOccurrences(of: #""name": "Lønn""#, with: #""name": "Lønn; og mer""#)
            #expect(try await APITests.put(client, "\(Self.base)/post-groupings/125", token: steerer, json: semicolon).status == .unprocessableContent)
            // Refused and forbidden writes changed nothing.
            let unchanged = try APITests.object(try await APITests.get(client, "\(Self.base)/budget-setup/2020", token: auditor))
            #expect((unchanged["postGroupings"] as? [[String: Any]])?.first?["isStandard"] as? Bool == true)

            let saved = try await APITests.put(client, "\(Self.base)/post-groupings/125", token: steerer, json: Self.merged)
            #expect(saved.status == .ok)
            #expect(try APITests.object(saved)["isStandard"] as? Bool == false)
            let report = try APITests.object(try await APITests.get(client, "\(Self.base)/accounting-report/2020?period=t2", token: editor))
            let labels = (report["sections"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]]
            #expect(labels?.contains { ($0["label"] as? String)?.hasPrefix("100-399") == true } == true)

            let profiles = #"{"everyPost": [0,0,0,0,0,0,0,0,0,0,0,1], "posts": [{"chapter": 125, "kind": "operating", "postCode": "100-399", "weights": [1,1,1,1,1,1,1,1,1,1,1,1]}]}"#
            #expect(try await APITests.put(client, "\(Self.base)/budget-profiles/2020", token: steerer, json: profiles).status == .forbidden)
            let badPost = profiles.replacingOccurrences(of: #""postCode": "100-399""#, with: #""postCode": "100-299""#)
            let refusedProfiles = try await APITests.put(client, "\(Self.base)/budget-profiles/2020", token: editor, json: badPost)
            #expect(refusedProfiles.status == .unprocessableContent)
            #expect(String(buffer: refusedProfiles.body).contains("kapittel 125 har ingen post «100-299»"))
            let stored = try await APITests.put(client, "\(Self.base)/budget-profiles/2020", token: editor, json: profiles)
            #expect(stored.status == .ok)
            let setup = try APITests.object(try await APITests.get(client, "\(Self.base)/budget-setup/2020", token: auditor))
            let read = try #require(setup["profiles"] as? [String: Any])
            #expect(read["everyPost"] as? [Int] == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
            #expect((read["posts"] as? [[String: Any]])?.first?["postCode"] as? String == "100-399")
            // Everything but the one post has no budget to date through August.
            let after = try APITests.object(try await APITests.get(client, "\(Self.base)/accounting-report/2020?period=t2", token: editor))
            let rows = try #require((after["sections"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]])
            let wages = try #require(rows.first { ($0["label"] as? String)?.hasPrefix("000-099") == true })
            #expect(wages["budgetToDateOre"] as? Int == 0)
        }
    }

    static func explanationsNeeded(_ client: any TestClientProtocol, token: String) async throws -> Int {
        let report = try APITests.object(try await APITests.get(client, "\(Self.base)/accounting-report/2020?period=t2", token: token))
        return (report["sections"] as? [[String: Any]] ?? []).flatMap { $0["rows"] as? [[String: Any]] ?? [] }
            .filter { $0["needsExplanation"] as? Bool == true }.count
    }

    @Test("the steerer sets the explanation threshold for the year and goes back to the default; bad values and other roles change nothing", arguments: TestDatabase.backends)
    func threshold(backend: TestDatabase) async throws {
        try await APITests.run(backend) { client, tokens in
            let steerer = tokens[WebTests.finSteerer]!, editor = tokens[WebTests.editor]!, auditor = tokens[WebTests.auditor]!
            let initial = try #require(try APITests.object(try await APITests.get(client, "\(Self.base)/budget-setup/2020", token: auditor))["threshold"] as? [String: Any])
            #expect(initial["isStandard"] as? Bool == true)
            #expect(initial["amountOre"] as? Int == 50_000_000)
            #expect(initial["percentBasisPoints"] as? Int == 500)
            let needed = try await Self.explanationsNeeded(client, token: editor)
            #expect(needed > 0)

            let none = #"{"amountOre": 100000000000000, "percentBasisPoints": 10000, "rule": "amountAndPercent"}"#
            #expect(try await APITests.put(client, "\(Self.base)/forecast-threshold/2020", token: editor, json: none).status == .forbidden)
            let tooMuch = #"{"amountOre": 1, "percentBasisPoints": 10001, "rule": "amountAndPercent"}"#
            #expect(try await APITests.put(client, "\(Self.base)/forecast-threshold/2020", token: steerer, json: tooMuch).status == .unprocessableContent)
            #expect(try await Self.explanationsNeeded(client, token: editor) == needed)

            let saved = try await APITests.put(client, "\(Self.base)/forecast-threshold/2020", token: steerer, json: none)
            #expect(saved.status == .ok)
            let setting = try APITests.object(saved)
            #expect(setting["isStandard"] as? Bool == false)
            #expect(setting["description"] as? String == "avvik over 1 000 000 000 000 kr og over 100 % av regulert budsjett")
            #expect(try await Self.explanationsNeeded(client, token: editor) == 0)

            let removed = try await client.execute(uri: "\(Self.base)/forecast-threshold/2020", method: .delete, headers: [.authorization: "Bearer \(steerer)"], body: nil)
            #expect(removed.status == .ok)
            #expect(try APITests.object(removed)["isStandard"] as? Bool == true)
            #expect(try await Self.explanationsNeeded(client, token: editor) == needed)
        }
    }
}
