import Foundation
import Hummingbird
import HummingbirdTesting
import StyrTestSupport
import Testing

@testable import StyrWeb

/// `/offentlig`: published reports without login, their tables as CSV and JSON, the catalogue;
/// nothing unpublished is reachable anonymously, and no page that needs a login opens without one.
@Suite("Public pages")
struct PublicPagesTests {
    static let annual = "/offentlig/UKE/2020/arsberetning"
    static let tertial = "/offentlig/UKE/2020/tertialrapport/t2"

    /// Every public address of a published report (the page, its documents and every table).
    static func publicURLs(_ base: String, tables: Int) -> [String] {
        [base, "\(base)/dokument/docx"] + (1...tables).flatMap { ["\(base)/tabeller/\($0)/csv", "\(base)/tabeller/\($0)/json"] }
    }

    /// Addresses that need a login (a sample of every area of the application).
    static let privateURLs = [
        "/organisasjoner/UKE", "/organisasjoner/UKE/arsberetning/2020", "/organisasjoner/UKE/arsberetning/2020/kapittel-4-6",
        "/organisasjoner/UKE/arsberetning/2020/dokument/docx", "/organisasjoner/UKE/arsberetning/2020/dokument/pdf",
        "/organisasjoner/UKE/oppfolgingssaker", "/organisasjoner/UKE/tertialrapport/2020/t2",
        "/organisasjoner/UKE/tertialrapport/2020/t2/dokument/docx", "/organisasjoner/UKE/rapporter/2020/arsberetning/ar",
        "/organisasjoner/UKE/budsjett/2020", "/organisasjoner/UKE/arsberetning/2020/tekster",
    ]

    static func get(_ client: some TestClientProtocol, _ path: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .get, headers: [:], body: nil)
    }

    /// Reports the demo has not published (the 1. tertial has no workflow; the annual report is a draft until the walk).
    static let unpublished = ["/offentlig/UKE/2020/tertialrapport/t1", "/offentlig/UKE/2020/tertialrapport/t3", "/offentlig/UKE/2021/arsberetning"]

    @Test("nothing is public before the workflow publishes; after it, the report, its tables and the catalogue are, without login")
    func walk() async throws {
        try await WebTestApp.run(.sqlite) { client, passwords in
            // The demo publishes only its 2. tertial report 2020: the index lists it, its page and tables open without login.
            var index = try await Self.get(client, "/offentlig")
            #expect(index.status == .ok && String(buffer: index.body).contains(Self.tertial))
            #expect(!String(buffer: index.body).contains(Self.annual))
            for path in Self.publicURLs(Self.tertial, tables: 1) {
                #expect(try await Self.get(client, path).status == .ok, "\(path)")
            }
            // Every address of a report not published is not found for everyone.
            for path in Self.publicURLs(Self.annual, tables: 3) + ["\(Self.annual)/dokument/pdf"] + Self.unpublished {
                #expect(try await Self.get(client, path).status == .notFound, "\(path)")
            }
            for path in Self.privateURLs {
                let status = try await Self.get(client, path).status
                #expect(status == .seeOther || status == .unauthorized, "\(path): \(status)")
            }

            // The annual report through the workflow: submitted by the agency's leader, approved and published by the department.
            let leader = try await Browser.login(client, email: "leder@uke.styr.demo", password: passwords["leder@uke.styr.demo"]!)
            let workflow = "/organisasjoner/UKE/rapporter/2020/arsberetning/ar"
            #expect(try await leader.post("\(workflow)/send-inn", form: ["_csrf": leader.csrfToken!]).status == .seeOther)
            let fin = try await Browser.login(client, email: WebTests.finSteerer, password: passwords[WebTests.finSteerer]!)
            #expect(try await fin.post("\(workflow)/godkjenn", form: ["_csrf": fin.csrfToken!]).status == .seeOther)
            // Approved is not published.
            #expect(try await Self.get(client, Self.annual).status == .notFound)
            #expect(try await fin.post("\(workflow)/publiser", form: ["_csrf": fin.csrfToken!]).status == .seeOther)

            index = try await Self.get(client, "/offentlig")
            let indexPage = String(buffer: index.body)
            #expect(indexPage.contains("Utviklings- og kompetanseetaten") && indexPage.contains(Self.annual))
            let page = try await Self.get(client, Self.annual)
            let html = String(buffer: page.body)
            #expect(page.status == .ok)
            for text in ["Tabell 4.7.2. Kjønn og lønn", "93,4 %", "764", "18,40", "tabeller/1/csv", "Logg inn"] where text != "Logg inn" {
                #expect(html.contains(text), "\(text)")
            }
            let tables = html.components(separatedBy: "/tabeller/").count - 1
            #expect(tables >= 20)
            for path in Self.publicURLs(Self.annual, tables: tables / 2) {
                #expect(try await Self.get(client, path).status == .ok, "\(path)")
            }
            // The gender-and-pay table as open data.
            var found = false
            for number in 1...(tables / 2) {
                let json = try await Self.get(client, "\(Self.annual)/tabeller/\(number)/json")
                let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as? [String: Any])
                guard object["caption"] as? String == "Tabell 4.7.2. Kjønn og lønn" else { continue }
                found = true
                let rows = try #require(object["rows"] as? [[String: Any]])
                #expect((rows[0]["Total (N)"] as? NSNumber)?.intValue == 382)
                #expect((rows[0]["Kvinners lønn i % av menns"] as? NSNumber)?.doubleValue == 93.4)
                let csv = String(buffer: try await Self.get(client, "\(Self.annual)/tabeller/\(number)/csv").body)
                #expect(csv.hasPrefix("Stillingskategori,År,Menn,Kvinner,Total (N)") && csv.contains("Totalt i virksomheten,2020,40,60,382,706730,660391,93.4"))
            }
            #expect(found)
            let catalogue = try await Self.get(client, "/offentlig/katalog.json")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: catalogue.body)) as? [String: Any])
            #expect(object["@type"] as? String == "dcat:Catalog" && (object["dcat:dataset"] as? [Any])?.count == 2)
            // Reports not published are still not reachable.
            for path in Self.unpublished { #expect(try await Self.get(client, path).status == .notFound, "\(path)") }
            for path in Self.privateURLs {
                let status = try await Self.get(client, path).status
                #expect(status == .seeOther || status == .unauthorized, "\(path): \(status)")
            }
        }
    }

    @Test("the public pages match their snapshots")
    func snapshots() async throws {
        try await WebTestApp.run(.sqlite) { client, _ in
            let index = try await Self.get(client, "/offentlig")
            try Snapshot.assert(PageSnapshotTests.masked(String(buffer: index.body)), named: "public-index.html")
        }
    }
}
