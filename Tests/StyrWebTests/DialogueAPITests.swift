import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrDemo
import StyrDomain
import StyrStorage
import StyrTestSupport
@testable import StyrWeb
import Testing

/// The governance dialogue through the JSON API, from outside, on the UKE demo records.
@Suite("JSON API: governance dialogue")
struct DialogueAPITests {
    static let base = "/api/v1/organisations/UKE"

    static func post(_ client: any TestClientProtocol, _ uri: String, token: String, json: String) async throws -> TestResponse {
        try await client.execute(
            uri: uri, method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
            body: ByteBuffer(string: json))
    }

    static func items(_ response: TestResponse, _ key: String = "items") throws -> [[String: Any]] {
        try #require(try APITests.object(response)[key] as? [[String: Any]])
    }

    static func detail(_ response: TestResponse) throws -> String {
        try APITests.object(response)["detail"] as? String ?? ""
    }

    @Test("the OpenAPI document describes the dialogue operations")
    func document() async throws {
        try await APITests.run(.sqlite) { client, _ in
            let document = try APITests.object(try await client.execute(uri: "/api/openapi.json", method: .get, headers: [:], body: nil))
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let operations = Set(paths.values.flatMap { path in
                path.values.compactMap { operation in (operation as? [String: Any])?["operationId"] as? String }
            })
            #expect(operations.isSuperset(of: [
                "getAllocationLetter", "addAssignmentStatus", "listMeetings", "getMeeting", "createMeeting", "approveMinutes",
                "listSignals", "createSignal", "confirmSignal", "listNotices", "createNotice", "answerNotice", "getCalendar",
                "getGovernanceLog",
            ]))
        }
    }

    @Test("the letter as in force before and after the supplement", arguments: TestDatabase.backends)
    func letterInForce(backend: TestDatabase) async throws {
        try await APITests.run(backend) { client, tokens in
            let editor = tokens[WebTests.editor]!
            let before = try APITests.object(try await APITests.get(client, "\(Self.base)/allocation-letters/2020?on=2020-03-01", token: editor))
            #expect(before["date"] as? String == "2020-03-01")
            #expect(before["laterSupplements"] as? [Int] == [1])
            #expect((before["supplements"] as? [Any])?.isEmpty == true)
            let beforeContent = try #require(before["content"] as? [String: Any])
            let beforeAssignments = try #require(beforeContent["assignments"] as? [[String: Any]])
            #expect(beforeAssignments.first { $0["key"] as? String == "mitt-oslo" }?["deadline"] as? String == "2020-10-01")
            #expect(!beforeAssignments.contains { $0["key"] as? String == "hjemmekontor" })
            // Statuses as reported up to the date: work on Mitt Oslo started 02.03.2020.
            #expect(beforeAssignments.first { $0["key"] as? String == "mitt-oslo" }?["status"] as? String == "notStarted")
            let frame = try #require((beforeContent["frames"] as? [[String: Any]])?.first)
            // Net = expenses + revenues of the stored Dok. 3: 393 826 000 kr.
            #expect((frame["expensesOre"] as? Int).map { $0 + (frame["revenuesOre"] as? Int ?? 0) } == frame["netOre"] as? Int)
            #expect(frame["netOre"] as? Int == 39_382_600_000)

            let after = try APITests.object(try await APITests.get(client, "\(Self.base)/allocation-letters/2020?on=2020-05-01", token: editor))
            #expect((after["laterSupplements"] as? [Int])?.isEmpty == true)
            let afterAssignments = try #require((after["content"] as? [String: Any])?["assignments"] as? [[String: Any]])
            #expect(afterAssignments.first { $0["key"] as? String == "mitt-oslo" }?["deadline"] as? String == "2020-12-15")
            #expect(afterAssignments.contains { $0["key"] as? String == "hjemmekontor" })
            #expect(afterAssignments.first { $0["key"] as? String == "mitt-oslo" }?["status"] as? String == "inProgress")
            let supplement = try #require((after["supplements"] as? [[String: Any]])?.first)
            #expect(supplement["number"] as? Int == 1)
            let changes = supplement["changes"] as? [String] ?? []
            #expect(changes.contains { $0.contains("Frist flyttet fra 01.10.2020 til 15.12.2020") })
            #expect(changes.contains { $0.contains("Nytt særskilt oppdrag") && $0.contains("hjemmekontor") })

            // Before the letter was issued, and a year without a letter: 404 with a Norwegian message.
            let early = try await APITests.get(client, "\(Self.base)/allocation-letters/2020?on=2020-01-10", token: editor)
            #expect(early.status == .notFound)
            #expect(try Self.detail(early).contains("tildelingsbrev"))
            #expect(try await APITests.get(client, "\(Self.base)/allocation-letters/2019", token: editor).status == .notFound)
            #expect(try await APITests.get(client, "\(Self.base)/allocation-letters/2020?on=2020-13-01", token: editor).status
                    == .unprocessableContent)
            #expect(try await APITests.get(client, "\(Self.base)/allocation-letters/2020", token: tokens[WebTests.blkSteerer]!).status
                    == .forbidden)
        }
    }

    @Test("the agency reports status on the letter's assignments")
    func assignmentStatus() async throws {
        try await APITests.run(.sqlite) { client, tokens in
            let editor = tokens[WebTests.editor]!
            let uri = { (key: String) in "\(Self.base)/allocation-letters/2020/assignments/\(key)/status" }
            let good = #"{"date":"2020-11-02","status":"inProgress","comment":"Pilot i drift hos to virksomheter."}"#
            #expect(try await Self.post(client, uri("finnes-ikke"), token: editor, json: good).status == .notFound)
            // Before the supplement, the letter has no assignment "hjemmekontor".
            let tooEarly = #"{"date":"2020-03-01","status":"inProgress","comment":"Startet."}"#
            #expect(try await Self.post(client, uri("hjemmekontor"), token: editor, json: tooEarly).status == .notFound)
            let empty = try await Self.post(client, uri("mitt-oslo"), token: editor, json: #"{"date":"2020-11-02","status":"inProgress","comment":"  "}"#)
            #expect(empty.status == .unprocessableContent)
            let unknownStatus = try await Self.post(client, uri("mitt-oslo"), token: editor, json: #"{"date":"2020-11-02","status":"later","comment":"x"}"#)
            #expect((400..<500).contains(Int(unknownStatus.status.code)))
            for token in [tokens[WebTests.finSteerer]!, tokens[WebTests.auditor]!, tokens[WebTests.blkSteerer]!] {
                #expect(try await Self.post(client, uri("mitt-oslo"), token: token, json: good).status == .forbidden)
            }
            let created = try await Self.post(client, uri("mitt-oslo"), token: editor, json: good)
            #expect(created.status == .created)
            #expect(try APITests.object(created)["recordedBy"] as? String == WebTests.editor)
            let letter = try APITests.object(try await APITests.get(client, "\(Self.base)/allocation-letters/2020?on=2020-11-15", token: editor))
            let mittOslo = ((letter["content"] as? [String: Any])?["assignments"] as? [[String: Any]])?.first { $0["key"] as? String == "mitt-oslo" }
            #expect(mittOslo?["statusComment"] as? String == "Pilot i drift hos to virksomheter.")
            #expect(mittOslo?["statusDate"] as? String == "2020-11-02")
        }
    }

    @Test("who may write what in the dialogue", arguments: TestDatabase.backends)
    func roles(backend: TestDatabase) async throws {
        try await APITests.run(backend) { client, tokens in
            let (fin, blk, editor, leader, auditor) = (tokens[WebTests.finSteerer]!, tokens[WebTests.blkSteerer]!, tokens[WebTests.editor]!,
                                                       tokens[WebTests.leader]!, tokens[WebTests.auditor]!)
            let meeting = #"{"kind":"governance","title":"Etatsstyringsmøte 2/2021","date":"2021-06-08","participants":["Frida Finans (FIN)"],"topics":["risk","planAndBudget"],"agenda":["Risikobilde"],"minutes":"Gjennomgang av risikobildet.","items":[{"number":1,"kind":"actionItem","text":"Oppdatere risikobildet","owner":"UKE","deadline":"2021-09-01"}]}"#
            let signal = #"{"text":"UKE skal prioritere sikkerhetsoppdateringer.","givenBy":"Frida Finans (FIN)","givenOn":"2021-06-08","origin":"other","place":"telefonsamtale"}"#
            let notice = #"{"kind":"clarificationRequest","title":"Rapportering","question":"Når skal risikobildet rapporteres?"}"#

            // The agency, the auditor and another department's steerer cannot create meetings or signals.
            for token in [editor, leader, auditor, blk] {
                #expect(try await Self.post(client, "\(Self.base)/meetings", token: token, json: meeting).status == .forbidden)
                #expect(try await Self.post(client, "\(Self.base)/signals", token: token, json: signal).status == .forbidden)
            }
            // The department, the auditor and BLK cannot create notices.
            for token in [fin, auditor, blk] {
                #expect(try await Self.post(client, "\(Self.base)/notices", token: token, json: notice).status == .forbidden)
            }
            #expect(try await APITests.get(client, "\(Self.base)/meetings", token: blk).status == .forbidden)
            #expect(try await APITests.get(client, "\(Self.base)/meetings", token: auditor).status == .ok)

            // A submitted notice: the agency and the auditor cannot answer it; the department can, once.
            let submitted = try #require(try Self.items(try await APITests.get(client, "\(Self.base)/notices", token: fin))
                .first { $0["status"] as? String == "submitted" && $0["kind"] as? String == "deviationNotice" })
            let answerURI = "\(Self.base)/notices/\(submitted["id"] as? Int ?? 0)/answer"
            for token in [editor, leader, auditor, blk] {
                #expect(try await Self.post(client, answerURI, token: token, json: #"{"text":"Svar."}"#).status == .forbidden)
            }
            #expect(try await Self.post(client, answerURI, token: fin, json: #"{"text":"  "}"#).status == .unprocessableContent)
            let answered = try await Self.post(client, answerURI, token: fin, json: #"{"text":"Tatt til orientering."}"#)
            #expect(answered.status == .ok)
            #expect(try APITests.object(answered)["status"] as? String == "answered")
            #expect(try await Self.post(client, answerURI, token: fin, json: #"{"text":"Igjen."}"#).status == .unprocessableContent)

            // A draft is the agency's own: the department neither sees nor answers it.
            let draft = try await Self.post(client, "\(Self.base)/notices", token: editor, json: String(notice.dropLast()) + #","submit":false}"#)
            #expect(draft.status == .created)
            let draftID = try #require(try APITests.object(draft)["id"] as? Int)
            #expect(try APITests.object(draft)["status"] as? String == "draft")
            #expect(try Self.items(try await APITests.get(client, "\(Self.base)/notices", token: editor)).contains { $0["id"] as? Int == draftID })
            #expect(!(try Self.items(try await APITests.get(client, "\(Self.base)/notices", token: fin)).contains { $0["id"] as? Int == draftID }))
            #expect(try await Self.post(client, "\(Self.base)/notices/\(draftID)/answer", token: fin, json: #"{"text":"Svar."}"#).status
                    == .notFound)

            // The department records a meeting; each side approves the minutes with its own permission.
            let created = try await Self.post(client, "\(Self.base)/meetings", token: fin, json: meeting)
            #expect(created.status == .created)
            let stored = try APITests.object(created)
            #expect(stored["chairedByCode"] as? String == "FIN")
            #expect(stored["minutesStatus"] as? String == "draft")
            let meetingID = try #require(stored["id"] as? Int)
            #expect(try await APITests.get(client, "\(Self.base)/meetings/\(meetingID)", token: editor).status == .ok)
            #expect(try await APITests.get(client, "/api/v1/organisations/FIN/meetings/\(meetingID)", token: fin).status == .notFound)
            let approval = "\(Self.base)/meetings/\(meetingID)/approval"
            #expect(try await Self.post(client, approval, token: editor, json: #"{"side":"agency"}"#).status == .forbidden)
            #expect(try await Self.post(client, approval, token: leader, json: #"{"side":"department"}"#).status == .forbidden)
            #expect(try await Self.post(client, approval, token: blk, json: #"{"side":"department"}"#).status == .forbidden)
            #expect(try await Self.post(client, approval, token: fin, json: #"{"side":"department"}"#).status == .ok)
            #expect(try await Self.post(client, approval, token: fin, json: #"{"side":"department"}"#).status == .unprocessableContent)
            let approved = try await Self.post(client, approval, token: leader, json: #"{"side":"agency"}"#)
            #expect(approved.status == .ok)
            #expect(try APITests.object(approved)["minutesStatus"] as? String == "approved")

            // Invalid meetings and signals are refused with the rules' messages.
            let untitled = meeting.replacingOccurrences(of: #""title":"Etatsstyringsmøte 2/2021""#, with: #""title":" ""#)
            #expect(try await Self.post(client, "\(Self.base)/meetings", token: fin, json: untitled).status == .unprocessableContent)
            let ownerless = meeting.replacingOccurrences(of: #","owner":"UKE""#, with: "")
            let refused = try await Self.post(client, "\(Self.base)/meetings", token: fin, json: ownerless)
            #expect(refused.status == .unprocessableContent)
            #expect(try Self.detail(refused).contains("ansvarlig"))
            let future = signal.replacingOccurrences(of: "2021-06-08", with: "2199-01-01")
            #expect(try await Self.post(client, "\(Self.base)/signals", token: fin, json: future).status == .unprocessableContent)
            let recorded = try await Self.post(client, "\(Self.base)/signals", token: fin, json: signal)
            #expect(recorded.status == .created)
            #expect(try APITests.object(recorded)["confirmed"] as? Bool == false)
            #expect(try APITests.object(recorded)["recordedBy"] as? String == WebTests.finSteerer)
        }
    }

    @Test("a confirmation pointing to unapproved minutes is refused and changes nothing", arguments: TestDatabase.backends)
    func unapprovedConfirmation(backend: TestDatabase) async throws {
        try await APITests.run(backend) { client, tokens in
            let (fin, leader) = (tokens[WebTests.finSteerer]!, tokens[WebTests.leader]!)
            let meetings = try Self.items(try await APITests.get(client, "\(Self.base)/meetings", token: fin))
            let meeting = try #require(meetings.first { $0["title"] as? String == "Etatsstyringsmøte 1/2021" })
            #expect(meeting["minutesStatus"] as? String == "approvedByDepartment")
            let meetingID = try #require(meeting["id"] as? Int)
            let signalsBefore = try await APITests.get(client, "\(Self.base)/signals", token: fin)
            let signal = try #require(try Self.items(signalsBefore).first { $0["confirmed"] as? Bool == false })
            let signalID = try #require(signal["id"] as? Int)
            #expect(signal["unconfirmedDays"] as? Int ?? 0 > 0)
            let uri = "\(Self.base)/signals/\(signalID)/confirmation"

            let refused = try await Self.post(client, uri, token: fin, json: #"{"meetingId":\#(meetingID),"itemNumber":1}"#)
            #expect(refused.status == .unprocessableContent)
            #expect(try Self.detail(refused).contains("ikke godkjent av begge parter"))
            let signalsAfter = try await APITests.get(client, "\(Self.base)/signals", token: fin)
            #expect(String(buffer: signalsAfter.body) == String(buffer: signalsBefore.body))
            let history = try Self.items(try await APITests.get(client, "/api/v1/history?type=steeringSignal&key=UKE/\(signalID)", token: fin))
            #expect(history.count == 1 && history.allSatisfy { $0["action"] as? String == "create" })

            // Neither both kinds of confirmation nor half of one; the agency cannot confirm.
            #expect(try await Self.post(client, uri, token: fin, json: #"{"meetingId":\#(meetingID),"itemNumber":1,"letterYear":2021,"letterNumber":0}"#)
                .status == .unprocessableContent)
            #expect(try await Self.post(client, uri, token: fin, json: #"{"meetingId":\#(meetingID)}"#).status == .unprocessableContent)
            #expect(try await Self.post(client, uri, token: leader, json: #"{"meetingId":\#(meetingID),"itemNumber":1}"#).status == .forbidden)

            // Once the agency has approved too, the same item confirms the signal.
            #expect(try await Self.post(client, "\(Self.base)/meetings/\(meetingID)/approval", token: leader, json: #"{"side":"agency"}"#)
                .status == .ok)
            let confirmed = try await Self.post(client, uri, token: fin, json: #"{"meetingId":\#(meetingID),"itemNumber":1}"#)
            #expect(confirmed.status == .ok)
            let body = try APITests.object(confirmed)
            #expect(body["confirmed"] as? Bool == true)
            #expect((body["confirmation"] as? [String: Any])?["itemNumber"] as? Int == 1)
            #expect(try await Self.post(client, uri, token: fin, json: #"{"letterYear":2021,"letterNumber":0}"#).status == .unprocessableContent)
        }
    }

    @Test("incidents: notification before detection is refused; a late one is flagged", arguments: TestDatabase.backends)
    func incidents(backend: TestDatabase) async throws {
        try await APITests.run(backend) { client, tokens in
            let (fin, editor, auditor) = (tokens[WebTests.finSteerer]!, tokens[WebTests.editor]!, tokens[WebTests.auditor]!)
            let incident = #"{"kind":"incidentNotification","title":"Nedetid i sakarkivet","system":"Sakarkivsystemet","description":"Sakarkivet var utilgjengelig i to timer.","occurredAt":"2021-05-03T08:00:00+02:00","detectedAt":"2021-05-03T08:20:00+02:00","notifiedAt":"NOTIFIED"}"#
            let early = try await Self.post(
                client, "\(Self.base)/notices", token: editor, json: incident.replacingOccurrences(of: "NOTIFIED", with: "2021-05-03T08:10:00+02:00"))
            #expect(early.status == .unprocessableContent)
            #expect(try Self.detail(early).contains("kan ikke være før hendelsen ble oppdaget"))
            let missing = #"{"kind":"incidentNotification","title":"Nedetid","system":"Sakarkivet","description":"Nede."}"#
            #expect(try await Self.post(client, "\(Self.base)/notices", token: editor, json: missing).status == .unprocessableContent)

            let timely = try await Self.post(
                client, "\(Self.base)/notices", token: editor, json: incident.replacingOccurrences(of: "NOTIFIED", with: "2021-05-03T08:45:00+02:00"))
            #expect(timely.status == .created)
            let stored = try APITests.object(timely)
            #expect(stored["status"] as? String == "submitted")
            #expect(stored["secondsToNotify"] as? Int == 1500)
            #expect(stored["late"] as? Bool == false)

            let notices = try Self.items(try await APITests.get(client, "\(Self.base)/notices", token: fin))
            let breach = try #require(notices.first { $0["title"] as? String == "Uautorisert innlogging i felles påloggingsløsning" })
            #expect(breach["secondsToNotify"] as? Int == 12_600)
            #expect(breach["late"] as? Bool == true)
            let outage = try #require(notices.first { $0["title"] as? String == "Driftsavbrudd i felles e-postløsning" })
            #expect(outage["late"] as? Bool == false)

            for (code, token) in [("UKE", auditor), ("FIN", fin)] {
                let log = try await APITests.get(client, "/api/v1/organisations/\(code)/governance-log?from=2021-01-01&to=2021-12-31", token: token)
                #expect(log.status == .ok)
                let entries = try Self.items(log)
                let late = try #require(entries.first { $0["kind"] as? String == "incident" && $0["secondsToNotify"] as? Int == 12_600 })
                #expect(late["flagged"] as? Bool == true)
                #expect(late["organisationCode"] as? String == "UKE")
                #expect(late["date"] as? String == "2021-01-27")
                let onTime = try #require(entries.first { $0["kind"] as? String == "incident" && $0["secondsToNotify"] as? Int == 1500 })
                #expect(onTime["flagged"] as? Bool == false)
                #expect(entries.contains { $0["kind"] as? String == "signal" && $0["flagged"] as? Bool == true })
            }
            let log2020 = try Self.items(try await APITests.get(
                client, "\(Self.base)/governance-log?from=2020-01-01&to=2020-12-31", token: auditor))
            #expect(log2020.contains { $0["kind"] as? String == "incident" && $0["flagged"] as? Bool == false })
            #expect(try await APITests.get(client, "\(Self.base)/governance-log?from=2021-12-31&to=2021-01-01", token: auditor).status
                    == .unprocessableContent)
            #expect(try await APITests.get(client, "\(Self.base)/governance-log", token: tokens[WebTests.blkSteerer]!).status == .forbidden)
        }
    }

    @Test("the annual calendar of an agency and of its department")
    func calendar() async throws {
        try await APITests.run(.sqlite) { client, tokens in
            let fin = tokens[WebTests.finSteerer]!
            // A meeting in ten days, so that the list of what is due has something in it.
            let soon = CalendarDate.today().adding(days: 10).iso
            let created = try await Self.post(client, "\(Self.base)/meetings", token: fin, json: #"{"kind":"governance","title":"Snart","date":"\#(soon)"}"#)
            #expect(created.status == .created)
            let meetingID = try #require(try APITests.object(created)["id"] as? Int)
            let horizon = CalendarDate.today().adding(days: 60).iso
            for code in ["UKE", "FIN"] {
                let calendar = try APITests.object(try await APITests.get(client, "/api/v1/organisations/\(code)/calendar?days=60", token: fin))
                #expect(calendar["days"] as? Int == 60)
                let entries = try #require(calendar["entries"] as? [[String: Any]])
                #expect(entries.contains { $0["kind"] as? String == "letter" && $0["organisationCode"] as? String == "UKE" && $0["date"] as? String == "2020-01-20" })
                #expect(entries.contains { $0["kind"] as? String == "assignmentDeadline" && $0["uid"] as? String == "assignment-UKE-2020-hjemmekontor" })
                let dates = entries.compactMap { $0["date"] as? String }
                #expect(dates == dates.sorted())
                let today = try #require(calendar["today"] as? String)
                let due = try #require(calendar["due"] as? [[String: Any]])
                #expect(due.contains { $0["uid"] as? String == "meeting-\(meetingID)" })
                #expect(due.allSatisfy { (today...horizon).contains($0["date"] as? String ?? "") })
            }
            #expect(try await APITests.get(client, "\(Self.base)/calendar?days=1000", token: fin).status == .unprocessableContent)
            #expect(try await APITests.get(client, "\(Self.base)/calendar", token: tokens[WebTests.blkSteerer]!).status == .forbidden)
        }
    }
}
