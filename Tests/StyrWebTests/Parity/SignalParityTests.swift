import Foundation
import HummingbirdTesting
import StyrDomain
import StyrTestSupport
@testable import StyrWeb
import Testing

/// Recording a steering signal through the page and through the API: the same refusals for the
/// same reasons, and the same signal stored from the same input (`SignalService.record`).
@Suite("Parity: steering signals")
struct SignalParityTests {
    static let page = "/organisasjoner/UKE/signaler/ny"
    static let api = "/api/v1/organisations/UKE/signals"

    /// One input, written as the form and as the API's JSON.
    struct Input {
        var text = "UKE bør prioritere nytt intranett."
        var givenBy = "Frida Finans, etatsdirektør"
        var givenOn = "2020-06-10"
        var origin = "other"
        var meetingID: Int64?
        var place = "telefonsamtale"

        var form: [String: String] {
            ["tekst": text, "gitt_av": givenBy, "dato": givenOn, "opphav": origin, "mote": meetingID.map(String.init) ?? "", "sted": place]
        }

        var json: String {
            let object: [String: Any?] = ["text": text, "givenBy": givenBy, "givenOn": givenOn, "origin": origin, "meetingId": meetingID, "place": place]
            let data = try! JSONSerialization.data(withJSONObject: object.compactMapValues { $0 }, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// The demo's informal meeting and formal meeting of UKE, from the API.
    static func meetings(_ edges: ParityEdges) async throws -> (informal: [String: Any], formal: [String: Any]) {
        let items = try #require(try await edges.apiGet("/api/v1/organisations/UKE/meetings")["items"] as? [[String: Any]])
        let formal = try #require(items.first { $0["kind"] as? String == "governance" })
        let informal = try #require(items.first { $0["kind"] as? String != "governance" })
        return (informal, formal)
    }

    @Test("the same invalid input is refused by both edges with the same message", arguments: TestDatabase.backends)
    func refusals(backend: TestDatabase) async throws {
        try await ParityEdges.run(backend, as: WebTests.finSteerer) { edges in
            let (_, formal) = try await Self.meetings(edges)
            let formalID = try #require(formal["id"] as? Int64 ?? (formal["id"] as? Int).map(Int64.init))
            let formalDate = try #require(formal["date"] as? String)
            let cases: [(String, Input, formField: String, apiField: String, message: String)] = [
                ("no place", Input(place: ""), "sted", "place", "Skriv hvor eller i hvilken anledning signalet ble gitt."),
                ("no giver", Input(givenBy: " "), "gitt_av", "givenBy", "Skriv hvem som ga signalet."),
                ("in the future", Input(givenOn: "2999-01-01"), "dato", "givenOn", "er frem i tid"),
                ("not the meeting's date", Input(givenOn: formalDate == "2020-06-10" ? "2020-06-11" : "2020-06-10", meetingID: formalID),
                 "dato", "givenOn", "Møtet ble holdt"),
                ("another agency's meeting", Input(meetingID: 999_999), "mote", "meetingId", "Fant ikke møtet"),
            ]
            for (name, input, formField, apiField, message) in cases {
                let page = try await edges.page(Self.page, input.form)
                #expect(page.status == .unprocessableContent, "\(name): page")
                let pageMessage = ParityEdges.fieldError(page, field: formField)
                #expect(pageMessage?.contains(message) == true, "\(name): page says \(pageMessage ?? "nothing")")
                let api = try await edges.api(.post, Self.api, json: input.json)
                #expect(api.status == .unprocessableContent, "\(name): API")
                let detail = ParityEdges.problemDetail(api)
                #expect(detail.contains("\(apiField): "), "\(name): API names \(detail)")
                if let pageMessage { #expect(detail.contains(pageMessage), "\(name): \(detail) vs \(pageMessage)") }
                // No form field's name reaches the API, and no JSON name the page.
                #expect(!detail.contains("\(formField):") || formField == apiField, "\(name): \(detail)")
            }
            // Nothing was stored by any of them.
            let signals = try #require(try await edges.apiGet(Self.api)["items"] as? [[String: Any]])
            #expect(!signals.contains { ($0["text"] as? String) == Input().text })
        }
    }

    @Test("the same valid input stores the same signal through both edges", arguments: TestDatabase.backends)
    func sameSignal(backend: TestDatabase) async throws {
        try await ParityEdges.run(backend, as: WebTests.finSteerer) { edges in
            let (informal, formal) = try await Self.meetings(edges)
            for meeting in [nil, informal, formal] {
                var input = Input()
                if let meeting {
                    input.meetingID = meeting["id"] as? Int64 ?? (meeting["id"] as? Int).map(Int64.init)
                    input.givenOn = try #require(meeting["date"] as? String)
                    // The meeting decides the channel and the place, whatever was chosen.
                    input.origin = "other"
                    input.place = ""
                }
                input.text = "Signal \(input.meetingID ?? 0) gitt likt på begge veier."
                let page = try await edges.page(Self.page, input.form)
                #expect(page.status == .seeOther, "page: \(String(buffer: page.body))")
                let api = try await edges.api(.post, Self.api, json: input.json)
                #expect(api.status == .created, "API: \(String(buffer: api.body))")
                let stored = try #require(try await edges.apiGet(Self.api)["items"] as? [[String: Any]]).filter { $0["text"] as? String == input.text }
                #expect(stored.count == 2)
                guard stored.count == 2 else { continue }
                for key in ["givenBy", "givenOn", "origin", "meetingId", "place", "recordedBy", "confirmed"] {
                    #expect(String(describing: stored[0][key]) == String(describing: stored[1][key]), "\(key)")
                }
                if meeting != nil {
                    #expect(stored[0]["origin"] as? String == (meeting?["kind"] as? String == "governance" ? "formalMeeting" : "informalMeeting"))
                    #expect((stored[0]["place"] as? String)?.isEmpty == false)
                }
            }
        }
    }
}
