import Foundation
import HummingbirdTesting
import StyrDomain
import StyrTestSupport
@testable import StyrWeb
import Testing

/// Writing a notice and answering one through the page and through the API: the same refusals
/// for the same reasons, and the same notice stored from the same input (`NoticeService`).
@Suite("Parity: notices and answers")
struct NoticeParityTests {
    static let api = "/api/v1/organisations/UKE/notices"

    /// One notice, written as the form of its kind and as the API's JSON. Times are written in
    /// Oslo time for the form and with the offset for the API.
    struct Input {
        var kind = "clarificationRequest"
        var title = "Rapportering av risiko"
        var fields: [String: String] = ["question": "Når skal risikobildet rapporteres?"]
        var submit = true

        static let formNames = [
            "question": "sporsmal", "area": "omrade", "description": "beskrivelse", "expectedEffect": "virkning", "measures": "tiltak",
            "rule": "regel", "proposedChange": "endring", "system": "system", "occurredAt": "inntraff", "detectedAt": "oppdaget",
            "notifiedAt": "varslet", "riskText": "risikobilde",
        ]

        var page: String {
            "/organisasjoner/UKE/meldinger/ny/\(NoticeKind(rawValue: kind)!.slug)"
        }

        var form: [String: String] {
            var form = ["tittel": title, "handling": submit ? "send" : "utkast"]
            for (name, value) in fields {
                let formName = Self.formNames[name] ?? name
                // 2021-05-03T08:20:00+02:00 is typed 2021-05-03T08:20 in Oslo.
                form[formName] = name.hasSuffix("At") && !value.isEmpty ? String(value.prefix(16)) : value
            }
            return form
        }

        var json: String {
            var object: [String: Any] = ["kind": kind, "title": title, "submit": submit]
            for (name, value) in fields where !value.isEmpty { object[name] = value }
            return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
    }

    static var incident: Input {
        Input(kind: "incidentNotification", title: "Nedetid i sakarkivet", fields: [
            "system": "Sakarkivsystemet", "description": "Sakarkivet var utilgjengelig i to timer.",
            "occurredAt": "2021-05-03T08:00:00+02:00", "detectedAt": "2021-05-03T08:20:00+02:00", "notifiedAt": "2021-05-03T08:45:00+02:00",
        ])
    }

    static func notices(_ edges: ParityEdges) async throws -> [[String: Any]] {
        try #require(try await edges.apiGet(Self.api)["items"] as? [[String: Any]])
    }

    @Test("the same invalid notice is refused by both edges with the same message", arguments: TestDatabase.backends)
    func refusals(backend: TestDatabase) async throws {
        try await ParityEdges.run(backend, as: WebTests.leader) { edges in
            let before = try await Self.notices(edges).count
            var early = Self.incident
            early.fields["notifiedAt"] = "2021-05-03T08:10:00+02:00"
            var unnotified = Self.incident
            unnotified.fields["notifiedAt"] = ""
            let deviation = Input(kind: "deviationNotice", title: "Merforbruk", fields: [
                "area": "", "description": "Høyere lisenskostnader.", "expectedEffect": "Merforbruk.", "measures": "Omfordeling.",
            ])
            let cases: [(String, Input, formField: String, apiField: String, message: String)] = [
                ("no question", Input(fields: ["question": " "]), "sporsmal", "question", "Skriv hva som er uklart."),
                ("no title", Input(title: " "), "tittel", "title", "Skriv en kort tittel."),
                ("notified before detected", early, "varslet", "notifiedAt",
                 "Varslingstidspunktet (03.05.2021 08:10) kan ikke være før hendelsen ble oppdaget (03.05.2021 08:20)."),
                ("not said when notified", unnotified, "varslet", "notifiedAt", "Skriv når byrådsavdelingen ble varslet."),
                ("no area", deviation, "omrade", "area", "Velg om avviket gjelder måloppnåelse eller budsjett."),
            ]
            for (name, input, formField, apiField, message) in cases {
                let page = try await edges.page(input.page, input.form)
                #expect(page.status == .unprocessableContent, "\(name): page")
                #expect(ParityEdges.fieldError(page, field: formField) == message, "\(name): page says \(ParityEdges.fieldError(page, field: formField) ?? "nothing")")
                let api = try await edges.api(.post, Self.api, json: input.json)
                #expect(api.status == .unprocessableContent, "\(name): API")
                let detail = ParityEdges.problemDetail(api)
                #expect(detail.contains("\(apiField): \(message)"), "\(name): API says \(detail)")
                #expect(formField == apiField || !detail.contains("\(formField):"), "\(name): \(detail)")
            }
            #expect(try await Self.notices(edges).count == before)
        }
    }

    @Test("the same valid notice is stored alike through both edges", arguments: TestDatabase.backends)
    func sameNotice(backend: TestDatabase) async throws {
        try await ParityEdges.run(backend, as: WebTests.leader) { edges in
            var draft = Input(kind: "riskUpdate", title: "Risikobilde 2021", fields: ["riskText": "  Høy risiko for utfall av sakarkivet. "])
            draft.submit = false
            for input in [Self.incident, draft] {
                let page = try await edges.page(input.page, input.form)
                #expect(page.status == .seeOther, "page: \(String(buffer: page.body))")
                let api = try await edges.api(.post, Self.api, json: input.json)
                #expect(api.status == .created, "API: \(String(buffer: api.body))")
                let stored = try await Self.notices(edges).filter { $0["title"] as? String == input.title }
                #expect(stored.count == 2)
                guard stored.count == 2 else { continue }
                for key in ["kind", "status", "createdBy", "system", "description", "occurredAt", "detectedAt", "notifiedAt", "secondsToNotify",
                            "late", "riskText"] {
                    #expect(MeetingParityTests.same(stored[0][key], stored[1][key]), "\(input.kind) \(key)")
                }
            }
        }
    }

    @Test("answering a notice: the same refusals and the same answer through both edges", arguments: TestDatabase.backends)
    func answer(backend: TestDatabase) async throws {
        try await ParityEdges.run(backend, as: WebTests.finSteerer) { edges in
            let submitted = try await Self.notices(edges).filter { $0["status"] as? String == "submitted" }.compactMap { $0["id"] as? Int }
            #expect(submitted.count == 2)
            guard submitted.count == 2 else { return }
            func page(_ id: Int, _ text: String) async throws -> TestResponse {
                try await edges.page("/organisasjoner/UKE/meldinger/\(id)/svar", ["svar": text])
            }
            func api(_ id: Int, _ text: String) async throws -> TestResponse {
                try await edges.api(.post, "\(Self.api)/\(id)/answer", json: #"{"text":"\#(text)"}"#)
            }
            let empty = try await page(submitted[0], "  ")
            #expect(empty.status == .unprocessableContent && String(buffer: empty.body).contains("Skriv et svar."))
            #expect(ParityEdges.problemDetail(try await api(submitted[1], "  ")) == "text: Skriv et svar.")
            #expect(try await page(submitted[0], " Tatt til orientering. ").status == .seeOther)
            #expect(try await api(submitted[1], " Tatt til orientering. ").status == .ok)
            let again = "Meldingen er allerede besvart."
            #expect(String(buffer: try await page(submitted[1], "Igjen.").body).contains(again))
            #expect(ParityEdges.problemDetail(try await api(submitted[0], "Igjen.")) == "text: \(again)")
            let answered = try await Self.notices(edges).filter { submitted.contains($0["id"] as? Int ?? 0) }
            for notice in answered {
                let answer = notice["answer"] as? [String: Any]
                #expect(notice["status"] as? String == "answered")
                #expect(answer?["text"] as? String == "Tatt til orientering." && answer?["by"] as? String == WebTests.finSteerer)
            }
        }
    }
}
