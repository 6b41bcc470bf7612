import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The annual and tertial reports as files, chapters 4–5 and the tracked items of chapter 6
/// through the JSON API: the demo's figures read back; a year without data, bad input and other
/// roles refused as problems naming the field.
@Suite("JSON API: annual documents, chapters 4–6")
struct AnnualDocumentAPITests {
    static let base = "/api/v1/organisations/UKE"

    @Test("the annual and tertial reports as Markdown, HTML and DOCX; a year without data is a 404 naming it", arguments: TestDatabase.backends)
    func documents(backend: TestDatabase) async throws {
        try await APITests.run(backend) { client, tokens in
            let auditor = tokens[WebTests.auditor]!
            var response = try await APITests.get(client, "\(Self.base)/annual-reports/2020/document/md", token: auditor)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/markdown") == true)
            let markdown = String(buffer: response.body)
            for figure in ["1 158 413 263", "93,4", "764", "Miljøfyrtårn"] { #expect(markdown.contains(figure), "\(figure)") }
            response = try await APITests.get(client, "\(Self.base)/annual-reports/2020/document/html?unit=1000", token: auditor)
            #expect(response.status == .ok && response.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(String(buffer: response.body).contains("420 063"))
            response = try await APITests.get(client, "\(Self.base)/annual-reports/2020/document/docx", token: auditor)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            #expect(Array(Data(buffer: response.body).prefix(2)) == [0x50, 0x4B])
            response = try await APITests.get(client, "\(Self.base)/tertial-reports/2020/t2/document/md", token: auditor)
            #expect(response.status == .ok && String(buffer: response.body).contains("2. tertial 2020"))

            response = try await APITests.get(client, "\(Self.base)/annual-reports/2031/document/pdf", token: auditor)
            #expect(response.status == .notFound)
            #expect(try DialogueAPITests.detail(response) == "Utviklings- og kompetanseetaten har verken budsjett, regnskap eller resultater for 2031.")
            response = try await APITests.get(client, "\(Self.base)/tertial-reports/2031/t2/document/docx", token: auditor)
            #expect(response.status == .notFound)
            #expect(try DialogueAPITests.detail(response).contains("ingen rapport å laste ned"))
            #expect(try await APITests.get(client, "\(Self.base)/annual-reports/2020/document/rtf", token: auditor).status == .badRequest)
            #expect(try await APITests.get(client, "\(Self.base)/annual-reports/2020/document/md", token: tokens[WebTests.blkSteerer]!).status == .forbidden)
            #expect(try await APITests.get(client, "\(Self.base)/annual-reports/2020/document/md", token: nil).status == .unauthorized)
        }
    }

    @Test("the PDF through the API is a tagged PDF")
    func pdf() async throws {
        guard try ReportDocumentToolCheck.present() else { return }
        try await APITests.run(.sqlite) { client, tokens in
            let response = try await APITests.get(client, "\(Self.base)/annual-reports/2020/document/pdf", token: tokens[WebTests.auditor]!)
            #expect(response.status == .ok && response.headers[.contentType] == "application/pdf")
            #expect(String(decoding: Data(buffer: response.body).prefix(5), as: UTF8.self) == "%PDF-")
        }
    }

    @Test("chapters 4–5: read with the computed figures, replaced by the agency; bad input and other roles refused", arguments: TestDatabase.backends)
    func specialReport(backend: TestDatabase) async throws {
        try await APITests.run(backend) { client, tokens in
            let (editor, auditor) = (tokens[WebTests.editor]!, tokens[WebTests.auditor]!)
            let read = try APITests.object(try await APITests.get(client, "\(Self.base)/special-reports/2020", token: auditor))
            #expect(read["canEdit"] as? Bool == false)
            let pay = try #require(read["genderPay"] as? [[String: Any]])
            #expect(pay.contains { $0["total"] as? Int == 382 && ($0["womenPayPercentOfMen"] as? String)?.hasPrefix("93.4") == true })
            let entered = try #require(read["entered"] as? [String: Any])
            #expect((entered["hse"] as? [String: Any])?["workingTimeBreaches"] as? Int == 764)
            let findings = try #require(read["findings"] as? [[String: Any]])
            #expect(findings.contains { $0["kind"] as? String == "headcounts" })
            #expect((read["consultantUse"] as? [String: Any])?["source"] as? String == "entered")
            #expect(try await APITests.get(client, "\(Self.base)/special-reports/2020", token: tokens[WebTests.blkSteerer]!).status == .forbidden)

            // The whole of what was read goes back unchanged, and the explanation is added.
            var body = entered
            body["headcountExplanation"] = "Tabell 1 teller per 1.1., tabell 4.7.2 per 31.12."
            let json = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
            var response = try await RiskAPITests.send(client, .put, "\(Self.base)/special-reports/2020", token: editor, json: json)
            #expect(response.status == .ok)
            let stored = try APITests.object(response)
            #expect(((stored["entered"] as? [String: Any])?["genderPay"] as? [Any])?.count == (entered["genderPay"] as? [Any])?.count)
            #expect((stored["findings"] as? [[String: Any]])?.first { $0["kind"] as? String == "headcounts" }?["request"] == nil)

            let bad = #"{"sickLeave":[{"group":"total","result":"120"}],"hse":{"workingTimeBreaches":-1}}"#
            response = try await RiskAPITests.send(client, .put, "\(Self.base)/special-reports/2020", token: editor, json: bad)
            #expect(response.status == .unprocessableContent)
            let detail = try DialogueAPITests.detail(response)
            #expect(detail.contains("sickLeave:") && detail.contains("over 100 %") && detail.contains("workingTimeBreaches:"))
            response = try await RiskAPITests.send(client, .put, "\(Self.base)/special-reports/2020", token: editor,
                                                   json: #"{"sickLeave":[{"group":"men","result":"fem"}]}"#)
            #expect(response.status == .unprocessableContent)
            #expect(try DialogueAPITests.detail(response).hasPrefix("sickLeave:"))
            let long = String(repeating: "x", count: 1_001)
            response = try await RiskAPITests.send(client, .put, "\(Self.base)/special-reports/2020", token: editor,
                                                   json: #"{"environment":{"measures":[{"measure":"\#(long)","status":"done"}]}}"#)
            #expect(response.status == .unprocessableContent)
            #expect(try DialogueAPITests.detail(response).hasPrefix("environment:"))
            for token in [auditor, tokens[WebTests.blkSteerer]!] {
                #expect(try await RiskAPITests.send(client, .put, "\(Self.base)/special-reports/2020", token: token, json: "{}").status == .forbidden)
            }
            // Nothing changed by the refusals.
            let after = try APITests.object(try await APITests.get(client, "\(Self.base)/special-reports/2020", token: auditor))
            #expect((after["entered"] as? [String: Any])?["headcountExplanation"] as? String == "Tabell 1 teller per 1.1., tabell 4.7.2 per 31.12.")
        }
    }

    @Test("tracked items: listed, recorded, changed and closed only with a reference; other roles refused", arguments: TestDatabase.backends)
    func trackedItems(backend: TestDatabase) async throws {
        try await APITests.run(backend) { client, tokens in
            let (editor, steerer, auditor) = (tokens[WebTests.editor]!, tokens[WebTests.finSteerer]!, tokens[WebTests.auditor]!)
            let url = "\(Self.base)/tracked-items"
            let listed = try #require(try APITests.object(try await APITests.get(client, url, token: auditor))["items"] as? [[String: Any]])
            #expect(listed.count == 2 && listed.allSatisfy { $0["section"] as? String == "6.2" })
            var response = try await RiskAPITests.send(client, .post, url, token: steerer, json: #"{"source":"cityCouncil","title":" ","date":"2021-03-01","text":""}"#)
            #expect(response.status == .unprocessableContent)
            let detail = try DialogueAPITests.detail(response)
            #expect(detail.contains("title:") && detail.contains("text:"))
            response = try await RiskAPITests.send(client, .post, url, token: steerer, json: #"{"source":"cityCouncil","title":"Verbalvedtak 12","date":"2021-31-01","text":"x"}"#)
            #expect(response.status == .unprocessableContent)
            #expect(try DialogueAPITests.detail(response).hasPrefix("date:"))
            let input = #"{"source":"cityCouncil","title":"Verbalvedtak 12","date":"2021-03-01","text":"Bystyret ber om en plan.","responsible":"UKE"}"#
            for token in [auditor, tokens[WebTests.blkSteerer]!] {
                #expect(try await RiskAPITests.send(client, .post, url, token: token, json: input).status == .forbidden)
            }
            response = try await RiskAPITests.send(client, .post, url, token: steerer, json: input)
            #expect(response.status == .created)
            let id = try #require(try APITests.object(response)["id"] as? Int)
            response = try await RiskAPITests.send(client, .put, "\(url)/\(id)", token: editor,
                                                   json: #"{"source":"cityCouncil","title":"Verbalvedtak 12","date":"2021-03-01","text":"Bystyret ber om en plan.","measures":"Plan i arbeid","status":"inProgress"}"#)
            #expect(response.status == .ok)
            #expect(try APITests.object(response)["status"] as? String == "inProgress")
            response = try await RiskAPITests.send(client, .post, "\(url)/\(id)/closing", token: editor, json: #"{"reference":" ","closedOn":"2021-06-01"}"#)
            #expect(response.status == .unprocessableContent)
            #expect(try DialogueAPITests.detail(response).hasPrefix("reference:"))
            #expect(try await RiskAPITests.send(client, .post, "\(url)/\(id)/closing", token: auditor,
                                                json: #"{"reference":"Brev 21/123","closedOn":"2021-06-01"}"#).status == .forbidden)
            response = try await RiskAPITests.send(client, .post, "\(url)/\(id)/closing", token: editor, json: #"{"reference":"Brev 21/123","closedOn":"2021-06-01"}"#)
            #expect(response.status == .ok)
            let closed = try APITests.object(response)
            #expect(closed["status"] as? String == "closed" && closed["closedReference"] as? String == "Brev 21/123" && closed["closedOn"] as? String == "2021-06-01")
            #expect(try await RiskAPITests.send(client, .post, "\(url)/999/closing", token: editor, json: #"{"reference":"x","closedOn":"2021-06-01"}"#).status == .notFound)
        }
    }

    @Test("the texts endpoints take the sections of chapters 4–5", arguments: [TestDatabase.sqlite])
    func texts(backend: TestDatabase) async throws {
        try await APITests.run(backend) { client, tokens in
            let response = try await RiskAPITests.send(client, .put, "\(Self.base)/annual-report-texts/2020/klimabudsjett", token: tokens[WebTests.editor]!,
                                                       json: #"{"body":"Tiltakene i klimabudsjettet er fulgt opp."}"#)
            #expect(response.status == .ok)
            let texts = try APITests.object(try await APITests.get(client, "\(Self.base)/annual-report-texts/2020", token: tokens[WebTests.auditor]!))
            let sections = try #require(texts["sections"] as? [[String: Any]])
            #expect(sections.contains { $0["key"] as? String == "klimabudsjett" && $0["body"] as? String == "Tiltakene i klimabudsjettet er fulgt opp." })
            #expect(sections.contains { $0["key"] as? String == "saksbehandlingstid" })
        }
    }
}

/// Whether the document tools are here; with STYR_REQUIRE_DOCUMENT_TOOLS=1 their absence fails.
enum ReportDocumentToolCheck {
    static func present() throws -> Bool {
        if FileManager.default.isExecutableFile(atPath: ProcessInfo.processInfo.environment["STYR_WEASYPRINT"] ?? "/usr/bin/weasyprint") { return true }
        if ProcessInfo.processInfo.environment["STYR_REQUIRE_DOCUMENT_TOOLS"] == "1" {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "weasyprint is required (STYR_REQUIRE_DOCUMENT_TOOLS=1)"])
        }
        return false
    }
}
