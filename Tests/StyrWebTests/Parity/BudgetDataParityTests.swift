import Foundation
import HummingbirdTesting
import StyrDomain
import StyrTestSupport
@testable import StyrWeb
import Testing

/// Chapters and staffing through the page and through the API: the same refusals for the same
/// reasons (`ChapterService.create`, `StaffingService.save`), and the same record from the same input.
@Suite("Parity: chapters and staffing")
struct BudgetDataParityTests {
    @Test("a chapter: the same refusals by both edges, the same chapter stored", arguments: TestDatabase.backends)
    func chapters(backend: TestDatabase) async throws {
        try await ParityEdges.run(backend, as: WebTests.finSteerer) { edges in
            let used = try #require((try await edges.apiGet("/api/v1/organisations/UKE/chapters")["items"] as? [[String: Any]])?.first?["number"] as? Int)
            let cases: [(String, (number: Int, name: String), formField: String, apiField: String, message: String)] = [
                ("a number in use", (used, "Kopi"), "nummer", "number", "er allerede brukt"),
                ("no name", (4711, "  "), "navn", "name", "Skriv navnet på kapitlet."),
                ("a number too large", (123_456, "For stort"), "nummer", "number", "fra 1 til 99 999"),
            ]
            for (name, input, formField, apiField, message) in cases {
                let page = try await edges.page("/organisasjoner/UKE/kapitler/ny", ["nummer": String(input.number), "navn": input.name, "art": "begge"])
                #expect(page.status == .unprocessableContent, "\(name): page")
                let pageMessage = ParityEdges.fieldError(page, field: formField)
                #expect(pageMessage?.contains(message) == true, "\(name): page says \(pageMessage ?? "nothing")")
                let api = try await edges.api(.post, "/api/v1/organisations/UKE/chapters",
                                              json: #"{"number":\#(input.number),"name":"\#(input.name)","kind":"both"}"#)
                #expect(api.status == .unprocessableContent, "\(name): API")
                let detail = ParityEdges.problemDetail(api)
                #expect(detail.contains("\(apiField): "), "\(name): \(detail)")
                if let pageMessage { #expect(detail.contains(pageMessage), "\(name): \(detail) vs \(pageMessage)") }
            }
            let page = try await edges.page("/organisasjoner/UKE/kapitler/ny", ["nummer": "4711", "navn": "Lisenser", "art": "investering"])
            #expect(page.status == .seeOther)
            let api = try await edges.api(.post, "/api/v1/organisations/UKE/chapters", json: #"{"number":4712,"name":"Lisenser","kind":"investment"}"#)
            #expect(api.status == .created)
            let items = try #require(try await edges.apiGet("/api/v1/organisations/UKE/chapters")["items"] as? [[String: Any]])
            let stored = items.filter { [4711, 4712].contains($0["number"] as? Int) }
            #expect(stored.count == 2)
            #expect(Set(stored.map { "\($0["name"] ?? "")/\($0["kind"] ?? "")/\($0["organisationCode"] ?? "")" }) == ["Lisenser/investment/UKE"])
        }
    }

    @Test("staffing: the same refusals by both edges, the same figure stored", arguments: TestDatabase.backends)
    func staffing(backend: TestDatabase) async throws {
        try await ParityEdges.run(backend, as: WebTests.finSteerer) { edges in
            let cases: [(String, (headcount: Int, fte: String), formField: String, apiField: String, message: String)] = [
                ("too many full-time equivalents", (1, "11"), "arsverk", "fullTimeEquivalents", "ti ganger antall ansatte"),
                ("three decimals", (10, "9,125"), "arsverk", "fullTimeEquivalents", "høyst to desimaler"),
            ]
            for (name, input, formField, apiField, message) in cases {
                let page = try await edges.page("/organisasjoner/UKE/bemanning/ny",
                                                ["dato": "2020-06-30", "ansatte": String(input.headcount), "arsverk": input.fte])
                #expect(page.status == .unprocessableContent, "\(name): page")
                let pageMessage = ParityEdges.fieldError(page, field: formField)
                #expect(pageMessage?.contains(message) == true, "\(name): page says \(pageMessage ?? "nothing")")
                let api = try await edges.api(.post, "/api/v1/organisations/UKE/staffing",
                                              json: #"{"asOf":"2020-06-30","headcount":\#(input.headcount),"fullTimeEquivalents":"\#(input.fte)"}"#)
                #expect(api.status == .unprocessableContent, "\(name): API")
                let detail = ParityEdges.problemDetail(api)
                #expect(detail.contains("\(apiField): "), "\(name): \(detail)")
                if let pageMessage { #expect(detail.contains(pageMessage), "\(name): \(detail) vs \(pageMessage)") }
            }
            let page = try await edges.page("/organisasjoner/UKE/bemanning/ny",
                                            ["dato": "2020-06-30", "ansatte": "350", "arsverk": "343,16", "kommentar": "Midt i året"])
            #expect(page.status == .seeOther)
            let api = try await edges.api(.post, "/api/v1/organisations/UKE/staffing",
                                          json: #"{"asOf":"2020-07-31","headcount":350,"fullTimeEquivalents":"343.16","comment":"Midt i året"}"#)
            #expect(api.status == .created)
            let items = try #require(try await edges.apiGet("/api/v1/organisations/UKE/staffing")["items"] as? [[String: Any]])
            let stored = items.filter { ["2020-06-30", "2020-07-31"].contains($0["asOf"] as? String) }
            #expect(stored.count == 2)
            #expect(Set(stored.map { "\($0["headcount"] ?? "")/\($0["fullTimeEquivalents"] ?? "")/\($0["comment"] ?? "")" }) == ["350/343.16/Midt i året"])
        }
    }
}
