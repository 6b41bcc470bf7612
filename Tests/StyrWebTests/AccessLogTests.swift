import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SQLKit
import StyrStorage
import StyrTestSupport
@testable import StyrWeb
import Synchronization
import Testing

/// Log entries captured by `CapturingLogHandler`.
final class CapturedLogs: Sendable {
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    private let entries = Mutex<[Entry]>([])

    var all: [Entry] { entries.withLock { $0 } }

    func append(_ entry: Entry) { entries.withLock { $0.append(entry) } }

    /// A logger writing here, without bootstrapping the process's logging.
    var logger: Logger { Logger(label: "styr.test") { _ in CapturingLogHandler(logs: self) } }

    /// The access log's entries.
    var requests: [Entry] { all.filter { $0.metadata["status"] != nil } }
}

struct CapturingLogHandler: LogHandler {
    let logs: CapturedLogs
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        logs.append(.init(level: event.level, message: event.message.description, metadata: merged.mapValues { "\($0)" }))
    }
}

@Suite("Access log")
struct AccessLogTests {
    @Test("every request is logged with method, route template, status, duration and the user when known",
          arguments: TestDatabase.backends)
    func requests(backend: TestDatabase) async throws {
        let logs = CapturedLogs()
        try await ErrorsTestApp.run(backend, logger: logs.logger) { client, accounts, _ in
            let browser = try await Browser.login(client, email: WebTests.admin, password: accounts.passwords[WebTests.admin]!)
            let before = logs.requests.count
            #expect(try await browser.get("/organisasjoner/UKE/signaler").status == .ok)
            #expect(try await client.execute(uri: "/finnes/ikke/42", method: .get, headers: [:], body: nil).status == .notFound)
            let api = try await ErrorsTestApp.api(client, .get, "/api/v1/organisations/UKE/signals", token: accounts.tokens[WebTests.editor])
            #expect(api.status == .ok)

            let entries = Array(logs.requests.dropFirst(before))
            #expect(entries.count == 3)
            guard entries.count == 3 else { return }
            let (page, unknown, call) = (entries[0], entries[1], entries[2])
            #expect(page.level == .info && page.message == "request")
            #expect(page.metadata["method"] == "GET" && page.metadata["path"] == "/organisasjoner/{code}/signaler")
            #expect(page.metadata["status"] == "200" && page.metadata["user"] == WebTests.admin)
            #expect(page.metadata["duration_ms"].flatMap(Double.init).map { $0 >= 0 } == true)
            #expect(page.metadata["hb.request.id"] != nil)
            #expect(unknown.level == .info && unknown.metadata["status"] == "404" && unknown.metadata["user"] == nil)
            #expect(unknown.metadata["path"] == AccessLogMiddleware.unmatched, "the raw path with its ids is not logged")
            #expect(call.metadata["path"] == "/api/v1/organisations/{code}/signals")
            #expect(call.metadata["status"] == "200" && call.metadata["user"] == WebTests.editor)
            // The login form's redirect and the home page were logged too, with the user once known.
            #expect(logs.requests.prefix(before).contains { $0.metadata["method"] == "POST" && $0.metadata["path"] == "/logg-inn" && $0.metadata["status"] == "303" })
        }
    }

    @Test("a 5xx of a page and of the API is logged at error level with its cause", arguments: TestDatabase.backends)
    func failures(backend: TestDatabase) async throws {
        struct Broken: Error, CustomStringConvertible { var description: String { "the test broke it" } }
        let logs = CapturedLogs()
        try await ErrorsTestApp.run(backend, logger: logs.logger, extraRoutes: { router in
            router.get("/test/feil") { _, _ -> String in throw Broken() }
        }) { client, accounts, database in
            let browser = try await Browser.login(client, email: WebTests.admin, password: accounts.passwords[WebTests.admin]!)
            #expect(try await browser.get("/test/feil").status == .internalServerError)
            let page = try #require(logs.requests.last)
            #expect(page.level == .error && page.metadata["status"] == "500" && page.metadata["path"] == "/test/feil")
            #expect(page.metadata["error"] == "the test broke it", "\(page.metadata["error"] ?? "")")
            #expect(page.metadata["user"] == WebTests.admin)

            // The store behind the signals fails: the page and the API answer 500 and log the database's error.
            try await database.withConnection { db in try await db.raw("DROP TABLE steering_signals").run() }
            let failedPage = try await browser.get("/organisasjoner/UKE/signaler")
            #expect(failedPage.status == .internalServerError && String(buffer: failedPage.body).contains("Noe gikk galt"))
            let pageEntry = try #require(logs.requests.last)
            #expect(pageEntry.level == .error && pageEntry.metadata["path"] == "/organisasjoner/{code}/signaler")
            #expect(pageEntry.metadata["error"]?.contains("steering_signals") == true, "\(pageEntry.metadata["error"] ?? "")")

            let api = try await ErrorsTestApp.api(client, .get, "/api/v1/organisations/UKE/signals", token: accounts.tokens[WebTests.admin])
            #expect(api.status == .internalServerError)
            let problem = try ErrorsTestApp.problem(api)
            #expect(problem.title == "Intern feil" && !problem.detail.contains("steering_signals"))
            let apiEntry = try #require(logs.requests.last)
            #expect(apiEntry.level == .error && apiEntry.metadata["status"] == "500" && apiEntry.metadata["user"] == WebTests.admin)
            #expect(apiEntry.metadata["error"]?.contains("steering_signals") == true, "\(apiEntry.metadata["error"] ?? "")")
        }
    }
}
