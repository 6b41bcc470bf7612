import Foundation
import HummingbirdTesting
import StyrDomain
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The allocation letter through the page and through the API: shown as of the same date when
/// none is asked for, and status reports on its assignments refused for the same reasons and
/// stored alike (`LetterService`).
@Suite("Parity: allocation letters and status reports")
struct LetterParityTests {
    static let api = "/api/v1/organisations/UKE/allocation-letters/2020"

    static func page(_ key: String) -> String { "/organisasjoner/UKE/tildelingsbrev/2020/oppdrag/\(key)" }

    static func report(_ edges: ParityEdges, page key: String, date: String, status: String = "inProgress", comment: String) async throws -> TestResponse {
        try await edges.page(Self.page(key), ["dato": date, "status": status, "kommentar": comment])
    }

    static func report(_ edges: ParityEdges, api key: String, date: String, status: String = "inProgress", comment: String) async throws -> TestResponse {
        let object: [String: Any] = ["date": date, "status": status, "comment": comment]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        return try await edges.api(.post, "\(Self.api)/assignments/\(key)/status", json: json)
    }

    @Test("without a date both show the letter as it stood at the end of its year", arguments: TestDatabase.backends)
    func sameDate(backend: TestDatabase) async throws {
        try await ParityEdges.run(backend, as: WebTests.editor) { edges in
            let page = String(buffer: try await edges.browser.get("/organisasjoner/UKE/tildelingsbrev/2020").body)
            #expect(page.contains("Viser brevet slik det gjaldt 31.12.2020"))
            #expect(try await edges.apiGet(Self.api)["date"] as? String == "2020-12-31")
        }
    }

    @Test("the same invalid status report is refused by both edges with the same message", arguments: TestDatabase.backends)
    func refusals(backend: TestDatabase) async throws {
        try await ParityEdges.run(backend, as: WebTests.editor) { edges in
            let future = CalendarDate.today().adding(days: 2)
            let cases: [(String, date: String, comment: String, formField: String, apiField: String, message: String)] = [
                ("no comment", "2020-11-02", "  ", "kommentar", "comment", "Skriv en kommentar om hvor arbeidet står."),
                ("a long comment", "2020-11-02", String(repeating: "x", count: 4001), "kommentar", "comment", "Kommentaren kan være på høyst 4000 tegn."),
                ("a date ahead", future.iso, "Startet.", "dato", "date", "Datoen (\(NorwegianFormat.date(future))) er frem i tid."),
            ]
            for (name, date, comment, formField, apiField, message) in cases {
                let page = try await Self.report(edges, page: "mitt-oslo", date: date, comment: comment)
                #expect(page.status == .unprocessableContent, "\(name): page")
                let pageMessage = ParityEdges.fieldError(page, field: "\(formField)-mitt-oslo")
                #expect(pageMessage == message, "\(name): page says \(pageMessage ?? "nothing")")
                let api = try await Self.report(edges, api: "mitt-oslo", date: date, comment: comment)
                #expect(api.status == .unprocessableContent, "\(name): API")
                #expect(ParityEdges.problemDetail(api) == "\(apiField): \(message)", "\(name): API says \(ParityEdges.problemDetail(api))")
            }
            // An assignment the letter did not have on the report's date is not there for either.
            let page = try await Self.report(edges, page: "hjemmekontor", date: "2020-03-01", comment: "Startet.")
            let api = try await Self.report(edges, api: "hjemmekontor", date: "2020-03-01", comment: "Startet.")
            #expect(page.status == .notFound && api.status == .notFound)
            #expect(ParityEdges.problemDetail(api).hasSuffix("har ikke noe særskilt oppdrag «hjemmekontor» per 01.03.2020."))
            #expect(String(buffer: page.body).contains("har ikke noe særskilt oppdrag"), "page")
            #expect(String(buffer: page.body).contains("per 01.03.2020."), "page")
            // Nothing was stored.
            let letter = try await edges.apiGet("\(Self.api)?on=2020-12-31")
            let assignments = try #require((letter["content"] as? [String: Any])?["assignments"] as? [[String: Any]])
            #expect(!assignments.contains { ($0["statusComment"] as? String) == "Startet." })
        }
    }

    @Test("the same valid report is stored alike through both edges", arguments: TestDatabase.backends)
    func sameReport(backend: TestDatabase) async throws {
        try await ParityEdges.run(backend, as: WebTests.editor) { edges in
            let comment = "  Planen er sendt på høring.  "
            let page = try await Self.report(edges, page: "ikt-konsolidering", date: "2020-11-02", status: "done", comment: comment)
            #expect(page.status == .seeOther)
            #expect(page.headers[.location]?.hasSuffix("#oppdrag-ikt-konsolidering") == true)
            let api = try await Self.report(edges, api: "hjemmekontor", date: "2020-11-02", status: "done", comment: comment)
            #expect(api.status == .created)
            let letter = try await edges.apiGet("\(Self.api)?on=2020-11-02")
            let assignments = try #require((letter["content"] as? [String: Any])?["assignments"] as? [[String: Any]])
            let reported = assignments.filter { ["ikt-konsolidering", "hjemmekontor"].contains($0["key"] as? String ?? "") }
            #expect(reported.count == 2)
            for assignment in reported {
                #expect(assignment["status"] as? String == "done")
                #expect(assignment["statusDate"] as? String == "2020-11-02")
                #expect(assignment["statusComment"] as? String == "Planen er sendt på høring.")
            }
        }
    }
}
