import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StyrTestSupport
@testable import StyrWeb
import Testing

/// Every error on every edge in Norwegian: unknown pages, refused API requests.
@Suite("Errors: pages")
struct ErrorPageTests {
    @Test("an unknown address is a Norwegian 404 page in the layout, with the user's name when logged in")
    func unknownPage() async throws {
        try await ErrorsTestApp.run { client, accounts, _ in
            for path in ["/finnes-ikke", "/organisasjoner/UKE/finnes-ikke/2020", "/styles.css/x"] {
                let response = try await client.execute(uri: path, method: .get, headers: [:], body: nil)
                let body = String(buffer: response.body)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(body.contains("<title>Fant ikke siden – Styr</title>") && body.contains("Det finnes ingen side på denne adressen"))
                #expect(!body.contains("Logg ut"))
                #expect(response.headers[HTTPField.Name("Content-Security-Policy")!] != nil)
            }
            // A page address asked with a method it does not take is not there either.
            let delete = try await client.execute(uri: "/logg-inn", method: .delete, headers: [:], body: nil)
            #expect(delete.status == .notFound && String(buffer: delete.body).contains("Fant ikke siden"))

            let browser = try await Browser.login(client, email: WebTests.admin, password: accounts.passwords[WebTests.admin]!)
            let response = try await browser.get("/organisasjoner/UKE/finnes-ikke")
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            try Snapshot.assert(PageSnapshotTests.masked(String(buffer: response.body)), named: "unknown-page.html")
        }
    }

    @Test("the refusal pages and the login page: status, content type and snapshot")
    func refusals() async throws {
        try await ErrorsTestApp.run { client, accounts, _ in
            let login = try await client.execute(uri: "/logg-inn", method: .get, headers: [:], body: nil)
            #expect(login.status == .ok && login.headers[.contentType] == "text/html; charset=utf-8")
            try Snapshot.assert(PageSnapshotTests.masked(String(buffer: login.body)), named: "login.html")

            let browser = try await Browser.login(client, email: WebTests.admin, password: accounts.passwords[WebTests.admin]!)
            let unknown = try await browser.get("/organisasjoner/NOPE")
            #expect(unknown.status == .notFound && unknown.headers[.contentType] == "text/html; charset=utf-8")
            try Snapshot.assert(PageSnapshotTests.masked(String(buffer: unknown.body)), named: "not-found.html")

            let editor = try await Browser.login(client, email: WebTests.editor, password: accounts.passwords[WebTests.editor]!)
            let forbidden = try await editor.get("/organisasjoner/UKE/signaler/ny")
            #expect(forbidden.status == .forbidden && forbidden.headers[.contentType] == "text/html; charset=utf-8")
            #expect(String(buffer: forbidden.body).contains("Rollene dine gir ikke tilgang til dette for «UKE»."))

            let anonymous = try await client.execute(uri: "/organisasjoner/UKE/signaler", method: .get, headers: [:], body: nil)
            #expect(anonymous.status == .seeOther && anonymous.headers[.location] == "/logg-inn?neste=%2Forganisasjoner%2FUKE%2Fsignaler")
        }
    }

    @Test("the login form: wrong password, a missing field and a stale form are answered on the form, in Norwegian")
    func login() async throws {
        try await ErrorsTestApp.run { client, accounts, _ in
            let form = try await client.execute(uri: "/logg-inn", method: .get, headers: [:], body: nil)
            let token = try #require(Browser.cookieValue(form, CookiePolicy.loginCSRFCookie))
            let browser = Browser(client: client, cookie: "\(CookiePolicy.loginCSRFCookie)=\(token)")
            let wrong = try await browser.post("/logg-inn", form: ["_csrf": token, "epost": WebTests.admin, "passord": "feil passord her"])
            #expect(wrong.status == .unauthorized && String(buffer: wrong.body).contains("Feil e-post eller passord."))
            #expect(String(buffer: wrong.body).contains("value=\"\(WebTests.admin)\""))
            let missing = try await browser.post("/logg-inn", form: ["_csrf": token, "epost": WebTests.admin, "passord": ""])
            #expect(missing.status == .badRequest && String(buffer: missing.body).contains("Fyll inn både e-post og passord."))
            let stale = try await browser.post("/logg-inn", form: ["_csrf": "annet", "epost": WebTests.admin, "passord": "x"])
            #expect(stale.status == .forbidden && String(buffer: stale.body).contains("Skjemaet var utløpt."))
            let right = try await browser.post(
                "/logg-inn", form: ["_csrf": token, "epost": WebTests.admin, "passord": accounts.passwords[WebTests.admin]!, "neste": "//evil.example"])
            #expect(right.status == .seeOther && right.headers[.location] == "/")
            #expect(right.headers[values: .setCookie].contains { $0.hasPrefix("styr_session=") && $0.contains("Max-Age=28800") })
        }
    }

    @Test("an unexpected error is a Norwegian 500 page in the layout")
    func unexpected() async throws {
        struct Broken: Error {}
        try await ErrorsTestApp.run(extraRoutes: { router in
            router.get("/test/feil") { _, _ -> String in throw Broken() }
        }) { client, accounts, _ in
            let browser = try await Browser.login(client, email: WebTests.admin, password: accounts.passwords[WebTests.admin]!)
            let response = try await browser.get("/test/feil")
            let body = String(buffer: response.body)
            #expect(response.status == .internalServerError && response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(body.contains("<h1>Noe gikk galt</h1>") && body.contains("Feilen er logget") && body.contains("Ada Administrator"))
        }
    }
}

@Suite("Errors: API")
struct ErrorAPITests {
    static let signals = "/api/v1/organisations/UKE/signals"
    static let signal = #"{"text":"Prioriter intranett.","givenBy":"Frida Finans","givenOn":"2020-06-10","origin":"other","place":"telefon"}"#

    @Test("an unknown API address is a Norwegian 404 problem, before and after authentication")
    func unknownPath() async throws {
        try await ErrorsTestApp.run { client, accounts, _ in
            for (path, token) in [("/api/v1/finnes-ikke", nil), ("/api/v1/organisations/UKE/finnes-ikke", accounts.tokens[WebTests.admin]),
                                  ("/api/ukjent", nil), ("/api/v2/organisations", nil), ("/api/v1", nil)] as [(String, String?)] {
                let response = try await ErrorsTestApp.api(client, .get, path, token: token)
                #expect(response.status == .notFound, "\(path)")
                let problem = try ErrorsTestApp.problem(response)
                #expect(problem.title == "Fant ikke ressursen")
                #expect(problem.detail.contains("API-et har ingen adresse") && problem.detail.contains("/api/openapi.json"))
            }
            // A known address still needs a caller.
            #expect(try await ErrorsTestApp.api(client, .get, "/api/v1/organisations/UKE", token: nil).status == .unauthorized)
            // The public document is still served.
            #expect(try await ErrorsTestApp.api(client, .get, "/api/openapi.json", token: nil).status == .ok)
        }
    }

    @Test("a known API address with a method it does not take is 405 with Allow")
    func wrongMethod() async throws {
        try await ErrorsTestApp.run { client, accounts, _ in
            let response = try await ErrorsTestApp.api(client, .delete, Self.signals, token: accounts.tokens[WebTests.admin])
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "GET, POST")
            let problem = try ErrorsTestApp.problem(response)
            #expect(problem.title == "Metoden er ikke tillatt")
            #expect(problem.detail == "\(Self.signals) tar imot GET, POST, ikke DELETE.")
        }
    }

    @Test("a body the API cannot read is a 400 problem in Norwegian naming the JSON field", arguments: [
        ("{ikke json", "Innholdet er ikke gyldig JSON."),
        (#"{"text":5,"givenBy":"Frida Finans","givenOn":"2020-06-10","origin":"other"}"#, "Feltet «text» skal være tekst."),
        (#"{"text":"Prioriter intranett.","givenOn":"2020-06-10","origin":"other"}"#, "Feltet «givenBy» mangler."),
        (#"{"text":"Prioriter intranett.","givenBy":"Frida Finans","givenOn":"2020-06-10","origin":"brev"}"#,
         "Feltet «origin» har en verdi som ikke er tillatt. Se API-beskrivelsen på /api/openapi.json."),
        (#"{"text":"Prioriter intranett.","givenBy":"Frida Finans","givenOn":"2020-06-10","origin":"other","meetingId":"to"}"#,
         "Feltet «meetingId» skal være et heltall."),
        ("[]", "Innholdet skal være et objekt."),
    ])
    func unreadableBody(body: String, detail: String) async throws {
        try await ErrorsTestApp.run { client, accounts, _ in
            let response = try await ErrorsTestApp.api(client, .post, Self.signals, token: accounts.tokens[WebTests.finSteerer], body: body)
            #expect(response.status == .badRequest)
            let problem = try ErrorsTestApp.problem(response)
            #expect(problem.title == "Ugyldig forespørsel")
            #expect(problem.detail == detail)
        }
    }

    @Test("a wrong content type, a missing body, a missing or unreadable parameter: Norwegian problems")
    func request() async throws {
        try await ErrorsTestApp.run { client, accounts, _ in
            let token = accounts.tokens[WebTests.finSteerer]
            let text = try await ErrorsTestApp.api(client, .post, Self.signals, token: token, body: Self.signal, contentType: "text/plain")
            #expect(text.status == .unsupportedMediaType)
            let unsupported = try ErrorsTestApp.problem(text)
            #expect(unsupported.title == "Innholdstypen støttes ikke")
            #expect(unsupported.detail == "Innholdstypen «text/plain» kan ikke brukes her; send «application/json».")

            let empty = try await ErrorsTestApp.api(client, .post, Self.signals, token: token)
            #expect(empty.status == .badRequest)
            let emptyDetail = try ErrorsTestApp.problem(empty).detail
            #expect(emptyDetail.hasPrefix("Forespørselen mangler innhold"), "\(emptyDetail)")

            let history = try await ErrorsTestApp.api(client, .get, "/api/v1/history?key=1", token: token)
            #expect(history.status == .badRequest)
            let historyDetail = try ErrorsTestApp.problem(history).detail
            #expect(historyDetail == "Parameteren «type» mangler i adressen (?type=…).")

            let year = try await ErrorsTestApp.api(client, .get, "/api/v1/organisations/UKE/indicators/tjue", token: token)
            #expect(year.status == .badRequest)
            let unreadable = try ErrorsTestApp.problem(year)
            #expect(unreadable.title == "Ugyldig forespørsel")
            #expect(unreadable.detail == "Parameteren «year» skal være et heltall, ikke «tjue».")

            let kind = try await ErrorsTestApp.api(client, .get, "/api/v1/organisations/UKE/accounts/2020?kind=drift", token: token)
            #expect(kind.status == .badRequest)
            #expect(try ErrorsTestApp.problem(kind).detail == "Parameteren «kind» skal være én av operating, investment, ikke «drift».")

            // The valid request is still taken.
            #expect(try await ErrorsTestApp.api(client, .post, Self.signals, token: token, body: Self.signal).status == .created)
        }
    }

    @Test("every API error body is Norwegian: no English reason phrase or runtime message")
    func norwegianOnly() async throws {
        try await ErrorsTestApp.run { client, accounts, _ in
            let token = accounts.tokens[WebTests.finSteerer]
            let responses = [
                try await ErrorsTestApp.api(client, .get, "/api/v1/finnes-ikke", token: token),
                try await ErrorsTestApp.api(client, .put, "/api/v1/organisations", token: token, body: "{}"),
                try await ErrorsTestApp.api(client, .post, Self.signals, token: token, body: "{"),
                try await ErrorsTestApp.api(client, .get, "/api/v1/organisations/UKE", token: "feil"),
            ]
            for response in responses {
                let body = String(buffer: response.body)
                for english in ["Not Found", "error occurred", "DecodingError", "Method Not Allowed", "Bad Request", "Unauthorized"] {
                    #expect(!body.contains(english), "\(response.status): \(body)")
                }
            }
        }
    }
}
