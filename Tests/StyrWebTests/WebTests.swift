import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrDemo
import StyrStorage
import StyrTestSupport
@testable import StyrWeb
import Testing

@Suite("Web pages")
struct WebTests {
    static func withDemoApp(_ backend: TestDatabase, demo: Bool = true, _ test: @Sendable @escaping (any TestClientProtocol) async throws -> Void) async throws {
        try await backend.withFreshDatabase { database in
            if demo { _ = try await DemoLoader.loadIfEmpty(database) }
            let app = Application(router: try buildRouter(database: database))
            try await app.test(.router) { client in try await test(client) }
        }
    }

    @Test("the start page lists the organisations, with security headers", arguments: TestDatabase.backends)
    func home(backend: TestDatabase) async throws {
        try await Self.withDemoApp(backend) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("Utviklings- og kompetanseetaten"))
                #expect(body.contains("href=\"/organisasjoner/UKE\""))
                #expect(body.contains("<html lang=\"nb\">"))
                #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("default-src 'self'") == true)
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            }
        }
    }

    @Test("an empty database says what to do next", arguments: TestDatabase.backends)
    func emptyState(backend: TestDatabase) async throws {
        try await Self.withDemoApp(backend, demo: false) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(String(buffer: response.body).contains("Det er ingen organisasjoner i Styr ennå"))
            }
        }
    }

    @Test("the organisation page links its annual reports", arguments: TestDatabase.backends)
    func organisation(backend: TestDatabase) async throws {
        try await Self.withDemoApp(backend) { client in
            try await client.execute(uri: "/organisasjoner/UKE", method: .get) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("/organisasjoner/UKE/arsberetning/2020"))
                #expect(body.contains("Byrådsavdeling for finans"))
            }
            try await client.execute(uri: "/organisasjoner/FINNESIKKE", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("Fant ikke organisasjonen"))
            }
        }
    }

    @Test("the annual report page shows the computed tables", arguments: TestDatabase.backends)
    func annualReport(backend: TestDatabase) async throws {
        try await Self.withDemoApp(backend) { client in
            try await client.execute(uri: "/organisasjoner/UKE/arsberetning/2020", method: .get) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("<td class=\"num\">1 158 413 263</td>"))
                #expect(body.contains("<td class=\"num\">7 858 141</td>"))
                #expect(body.contains("<caption>Tabell 1. Bemanning.</caption>"))
                #expect(body.contains("href=\"/styles.css\""))
                #expect(!body.contains("<style>"), "inline style would break the Content-Security-Policy")
            }
            try await client.execute(uri: "/organisasjoner/UKE/arsberetning/abc", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/organisasjoner/NOPE/arsberetning/2020", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/styles.css", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/css") == true)
            }
        }
    }
}

@Suite("Mission statement page")
struct MissionPageTests {
    @Test("the mission statement shows core tasks, authorities with their legal basis, and the full text",
          arguments: TestDatabase.backends)
    func mission(backend: TestDatabase) async throws {
        try await WebTests.withDemoApp(backend) { client in
            try await client.execute(uri: "/organisasjoner/UKE", method: .get) { response in
                #expect(String(buffer: response.body).contains("href=\"/organisasjoner/UKE/samfunnsoppdrag\""))
            }
            try await client.execute(uri: "/organisasjoner/UKE/samfunnsoppdrag", method: .get) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("fastsatt av Byrådsavdeling for finans 22.03.2024"))
                #expect(body.contains("IKT-styring og digitalisering"))
                #expect(body.contains("byrådssak 1295/03"))
                #expect(body.contains("Ikke formalisert gjennom vedtak"))
                #expect(body.contains("<caption>Fullmakter gitt til etatsdirektøren</caption>"))
            }
            try await client.execute(uri: "/organisasjoner/UKE/samfunnsoppdrag?versjon=7", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("ingen versjon 7"))
            }
            try await client.execute(uri: "/organisasjoner/FIN/samfunnsoppdrag", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}

@Suite("Page snapshots")
struct PageSnapshotTests {
    @Test("rendered pages match their snapshots", arguments: [
        ("/", "home.html"), ("/organisasjoner/UKE", "organisation-uke.html"),
        ("/organisasjoner/UKE/samfunnsoppdrag", "mission-uke.html"), ("/organisasjoner/NOPE", "not-found.html"),
    ])
    func snapshot(path: String, name: String) async throws {
        try await WebTests.withDemoApp(.sqlite) { client in
            try await client.execute(uri: path, method: .get) { response in
                try Snapshot.assert(String(buffer: response.body), named: name)
            }
        }
    }
}
