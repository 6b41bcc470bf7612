import Foundation
import HummingbirdTesting
import StyrDomain
import StyrTestSupport
@testable import StyrWeb
import Testing

/// Recording a meeting and approving its minutes through the page and through the API: the same
/// refusals for the same reasons, and the same meeting stored from the same input (`MeetingService`).
@Suite("Parity: meetings and minutes")
struct MeetingParityTests {
    static let page = "/organisasjoner/UKE/moter/ny"
    static let api = "/api/v1/organisations/UKE/meetings"

    /// An item of the minutes, as the form's line and as the API's JSON.
    struct Item {
        var number: Int, kind: String, text: String, owner: String?, deadline: String?, status: String?

        var line: String {
            let name = ["decision": "beslutning", "actionItem": "oppfølgingspunkt", "note": "orientering"][kind] ?? kind
            var fields = ["\(number)", name, text]
            if kind == "actionItem" {
                let deadline = self.deadline.flatMap(CalendarDate.init).map(NorwegianFormat.date) ?? ""
                let status = self.status.flatMap(AssignmentStatus.init).map { $0.norwegianName.lowercased() } ?? ""
                fields += [owner ?? "", deadline, status]
            }
            return fields.joined(separator: " | ")
        }

        var json: [String: Any] {
            var object: [String: Any] = ["number": number, "kind": kind, "text": text]
            if let owner { object["owner"] = owner }
            if let deadline { object["deadline"] = deadline }
            if let status { object["status"] = status }
            return object
        }
    }

    /// One meeting, written as the form and as the API's JSON.
    struct Input {
        var kind = "governance"
        var title = "Etatsstyringsmøte 3/2021"
        var date = "2021-06-08"
        var participants = ["Frida Finans (FIN)", "Line Leder (UKE)"]
        var topics = ["risk", "planAndBudget"]
        var agenda = ["Risikobilde", "Budsjett 2022"]
        var minutes = "Risikobildet ble gjennomgått."
        var items = [
            Item(number: 1, kind: "decision", text: "Risikobildet godkjennes.", owner: nil, deadline: nil, status: nil),
            Item(number: 2, kind: "actionItem", text: "Oppdatere risikobildet", owner: "UKE", deadline: "2021-09-01", status: "inProgress"),
        ]

        var form: [String: String] {
            var form = ["type": kind, "tittel": title, "dato": date, "deltakere": participants.joined(separator: "\n"),
                        "dagsorden": agenda.joined(separator: "\n"), "referat": minutes, "punkter": items.map(\.line).joined(separator: "\n")]
            for topic in topics { form["tema_\(topic)"] = "ja" }
            return form
        }

        var json: String {
            let object: [String: Any] = ["kind": kind, "title": title, "date": date, "participants": participants, "topics": topics,
                                         "agenda": agenda, "minutes": minutes, "items": items.map(\.json)]
            return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
    }

    static func meetings(_ edges: ParityEdges) async throws -> [[String: Any]] {
        try #require(try await edges.apiGet(Self.api)["items"] as? [[String: Any]])
    }

    @Test("the same invalid meeting is refused by both edges with the same message", arguments: TestDatabase.backends)
    func refusals(backend: TestDatabase) async throws {
        try await ParityEdges.run(backend, as: WebTests.finSteerer) { edges in
            let before = try await Self.meetings(edges).count
            let ownerless = Item(number: 1, kind: "actionItem", text: "Følge opp", owner: nil, deadline: nil, status: nil)
            let twice = [Item(number: 1, kind: "decision", text: "A", owner: nil, deadline: nil, status: nil),
                         Item(number: 1, kind: "note", text: "B", owner: nil, deadline: nil, status: nil)]
            let zero = Item(number: 0, kind: "note", text: "A", owner: nil, deadline: nil, status: nil)
            let cases: [(String, Input, formField: String, apiField: String, message: String)] = [
                ("no title", Input(title: " "), "tittel", "title", "Skriv en tittel på møtet."),
                ("a year Styr does not keep", Input(date: "1850-05-01"), "dato", "date", BudgetYears.outOfRangeMessage(1850)),
                ("an action item without an owner", Input(items: [ownerless]), "punkter", "items", "Oppfølgingspunkt 1 må ha en ansvarlig."),
                ("one number twice", Input(items: twice), "punkter", "items", "To punkter har nummer 1."),
                ("numbered from 0", Input(items: [zero]), "punkter", "items", "Punkt 0: punktene nummereres fra 1."),
            ]
            for (name, input, formField, apiField, message) in cases {
                let page = try await edges.page(Self.page, input.form)
                #expect(page.status == .unprocessableContent, "\(name): page")
                #expect(ParityEdges.fieldError(page, field: formField) == message, "\(name): page says \(ParityEdges.fieldError(page, field: formField) ?? "nothing")")
                let api = try await edges.api(.post, Self.api, json: input.json)
                #expect(api.status == .unprocessableContent, "\(name): API")
                let detail = ParityEdges.problemDetail(api)
                #expect(detail.contains("\(apiField): \(message)"), "\(name): API says \(detail)")
                #expect(formField == apiField || !detail.contains("\(formField):"), "\(name): \(detail)")
            }
            #expect(try await Self.meetings(edges).count == before)
        }
    }

    @Test("the same valid meeting is stored alike through both edges", arguments: TestDatabase.backends)
    func sameMeeting(backend: TestDatabase) async throws {
        try await ParityEdges.run(backend, as: WebTests.finSteerer) { edges in
            var input = Input()
            input.title = "  Etatsstyringsmøte 3/2021  "
            input.participants.append("  ")
            let page = try await edges.page(Self.page, input.form)
            #expect(page.status == .seeOther, "page: \(String(buffer: page.body))")
            let api = try await edges.api(.post, Self.api, json: input.json)
            #expect(api.status == .created, "API: \(String(buffer: api.body))")
            let stored = try await Self.meetings(edges).filter { $0["title"] as? String == "Etatsstyringsmøte 3/2021" }
            #expect(stored.count == 2)
            guard stored.count == 2 else { return }
            for key in ["organisationCode", "chairedByCode", "kind", "date", "participants", "topics", "otherTopics", "agenda", "minutes", "items",
                        "minutesStatus"] {
                #expect(Self.same(stored[0][key], stored[1][key]), "\(key): \(String(describing: stored[0][key])) vs \(String(describing: stored[1][key]))")
            }
            #expect((stored[0]["participants"] as? [String]) == ["Frida Finans (FIN)", "Line Leder (UKE)"])
        }
    }

    @Test("approving minutes: the same refusals and the same approval through both edges", arguments: TestDatabase.backends)
    func approval(backend: TestDatabase) async throws {
        try await ParityEdges.run(backend, as: WebTests.finSteerer) { edges in
            // Two meetings each: held with minutes, held without minutes, and one not held yet.
            let tomorrow = CalendarDate.today().adding(days: 1).iso
            var ids: [String: [Int64]] = [:]
            for (name, input) in [("held", Input()), ("empty", Input(minutes: "", items: [])), ("future", Input(date: tomorrow))] {
                for _ in 0..<2 {
                    let created = try await edges.api(.post, Self.api, json: input.json)
                    let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: created.body)) as? [String: Any])
                    ids[name, default: []].append(try #require((object["id"] as? Int).map(Int64.init)))
                }
            }
            func page(_ id: Int64) async throws -> TestResponse {
                try await edges.page("/organisasjoner/UKE/moter/\(id)/godkjenn", ["side": "department"])
            }
            func api(_ id: Int64) async throws -> TestResponse {
                try await edges.api(.post, "\(Self.api)/\(id)/approval", json: #"{"side":"department"}"#)
            }
            for (name, apiField, message) in [("empty", "minutes", "Referatet er tomt; skriv referatet før det godkjennes."),
                                              ("future", "side", "Referatet kan ikke godkjennes før møtet er holdt")] {
                let refusedPage = try await page(ids[name]![0])
                #expect(refusedPage.status == .conflict, "\(name): page")
                #expect(String(buffer: refusedPage.body).contains(message), "\(name): page")
                let refusedAPI = try await api(ids[name]![1])
                #expect(refusedAPI.status == .unprocessableContent, "\(name): API")
                #expect(ParityEdges.problemDetail(refusedAPI).contains("\(apiField): \(message)"), "\(name): \(ParityEdges.problemDetail(refusedAPI))")
            }
            let (first, second) = (ids["held"]![0], ids["held"]![1])
            #expect(try await page(first).status == .seeOther)
            #expect(try await api(second).status == .ok)
            let twice = "Byrådsavdelingen har allerede godkjent referatet."
            #expect(String(buffer: try await page(second).body).contains(twice))
            #expect(ParityEdges.problemDetail(try await api(first)).contains("side: \(twice)"))
            let stored = try await Self.meetings(edges).filter { [first, second].contains(($0["id"] as? Int).map(Int64.init) ?? 0) }
            #expect(stored.count == 2)
            for meeting in stored {
                #expect(meeting["minutesStatus"] as? String == "approvedByDepartment")
                let approval = meeting["departmentApproval"] as? [String: Any]
                #expect(approval?["by"] as? String == WebTests.finSteerer && approval?["on"] as? String == CalendarDate.today().iso)
            }
        }
    }

    /// Two JSON values alike, whatever their Foundation types.
    static func same(_ lhs: Any?, _ rhs: Any?) -> Bool {
        guard let lhs, let rhs else { return lhs == nil && rhs == nil }
        let encode = { (value: Any) in try? JSONSerialization.data(withJSONObject: ["v": value], options: [.sortedKeys]) }
        return encode(lhs) == encode(rhs)
    }
}
