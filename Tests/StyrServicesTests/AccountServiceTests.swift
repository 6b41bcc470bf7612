import Foundation
import StyrDomain
import StyrServices
import StyrTestSupport
import Testing

/// `AccountService`: login with throttling, sessions, API and calendar tokens, and the users.
@Suite("Account service")
struct AccountServiceTests {
    static let password = "et langt nok passord"

    @Test("logging in opens a session that the cookie's token finds; logging out ends it", arguments: TestDatabase.backends)
    func login(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, _ in
            let accounts = services.accounts
            try await accounts.setPassword(email: ServiceTestApp.editor, password: Self.password)
            #expect(try await accounts.logIn(email: ServiceTestApp.editor, password: "feil passord her") == .wrongCredentials)
            #expect(try await accounts.logIn(email: "ingen@styr.demo", password: Self.password) == .wrongCredentials)
            guard case .loggedIn(let opened) = try await accounts.logIn(email: " Redaktor@UKE.styr.demo ", password: Self.password) else {
                Issue.record("the right password logs in")
                return
            }
            #expect(opened.user.email == ServiceTestApp.editor && opened.lifetime == AccountRules.sessionLifetime)
            let session = try #require(try await accounts.session(token: opened.token))
            #expect(session.user.email == ServiceTestApp.editor && session.csrfToken == opened.csrfToken)
            #expect(try await accounts.session(token: "") == nil)
            #expect(try await accounts.session(token: opened.token, now: Date().addingTimeInterval(AccountRules.sessionLifetime + 60)) == nil)
            try await accounts.logOut(token: opened.token)
            #expect(try await accounts.session(token: opened.token) == nil)
        }
    }

    @Test("five failed logins within a quarter of an hour stop even the right password until it has passed",
          arguments: TestDatabase.backends)
    func throttling(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, _ in
            let accounts = services.accounts
            try await accounts.setPassword(email: ServiceTestApp.auditor, password: Self.password)
            let start = Date()
            for minute in 0..<5 {
                #expect(try await accounts.logIn(email: ServiceTestApp.auditor, password: "galt passord \(minute)",
                                                 now: start.addingTimeInterval(Double(minute) * 60)) == .wrongCredentials)
            }
            guard case .throttled = try await accounts.logIn(email: ServiceTestApp.auditor, password: Self.password,
                                                             now: start.addingTimeInterval(6 * 60)) else {
                Issue.record("throttled after five failures")
                return
            }
            guard case .loggedIn = try await accounts.logIn(email: ServiceTestApp.auditor, password: Self.password,
                                                            now: start.addingTimeInterval(16 * 60)) else {
                Issue.record("the first failure is more than a quarter of an hour old")
                return
            }
        }
    }

    @Test("adding a user checks every field, the organisations and the password of a new user only", arguments: TestDatabase.backends)
    func add(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, _ in
            let accounts = services.accounts
            let role = RoleAssignment(role: .auditor, organisationCode: "UKE")
            do {
                _ = try await accounts.add(email: "ikke-en-adresse", name: " ", roles: [role], password: "kort")
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["email", "name"])
                #expect(errors["email"] == "«ikke-en-adresse» er ikke en gyldig e-postadresse.")
            }
            await #expect(throws: ServiceError.invalid(.single("password", "Passordet må ha minst 12 tegn."))) {
                try await accounts.add(email: "ny@styr.demo", name: "Nina Ny", roles: [role], password: "kort")
            }
            await #expect(throws: ServiceError.unknownOrganisation(code: "XYZ")) {
                try await accounts.add(email: "ny@styr.demo", name: "Nina Ny", roles: [RoleAssignment(role: .auditor, organisationCode: "XYZ")],
                                       password: Self.password)
            }
            #expect(try await accounts.users().contains { $0.email == "ny@styr.demo" } == false)
            #expect(try await accounts.add(email: "Ny@Styr.demo", name: "Nina Ny", roles: [role], password: Self.password))
            // An existing user gets the role; the name stays without a new one, and the password is not touched.
            #expect(try await accounts.add(email: "ny@styr.demo", name: nil, roles: [RoleAssignment(role: .agencyEditor, organisationCode: "UKE")],
                                           password: "kort") == false)
            let user = try #require(try await accounts.users().first { $0.email == "ny@styr.demo" })
            #expect(user.name == "Nina Ny" && user.assignments.map(\.role) == [.auditor, .agencyEditor])
            guard case .loggedIn = try await accounts.logIn(email: "ny@styr.demo", password: Self.password) else {
                Issue.record("the first password still holds")
                return
            }
            #expect(try await accounts.add(email: "navnlos@styr.demo", name: nil, roles: [role], password: Self.password))
            #expect(try await accounts.users().first { $0.email == "navnlos@styr.demo" }?.name == "navnlos@styr.demo")
        }
    }

    @Test("a new password ends the user's sessions and API tokens", arguments: TestDatabase.backends)
    func password(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, _ in
            let accounts = services.accounts
            await #expect(throws: ServiceError.notFound("Det finnes ingen bruker med e-postadressen «ingen@styr.demo».")) {
                try await accounts.setPassword(email: "ingen@styr.demo", password: Self.password)
            }
            await #expect(throws: ServiceError.invalid(.single("password", "Passordet kan ha høyst 72 byte (bcrypt)."))) {
                try await accounts.setPassword(email: ServiceTestApp.editor, password: String(repeating: "æ", count: 37))
            }
            try await accounts.setPassword(email: ServiceTestApp.editor, password: Self.password)
            guard case .loggedIn(let opened) = try await accounts.logIn(email: ServiceTestApp.editor, password: Self.password) else {
                Issue.record("logged in")
                return
            }
            let token = try await accounts.createToken(for: ServiceTestApp.editor, name: "skript")
            #expect(token.hasPrefix("styr_"))
            #expect(try await accounts.user(apiToken: token)?.email == ServiceTestApp.editor)
            #expect(try await accounts.user(apiToken: "") == nil)
            await #expect(throws: ServiceError.notFound("Det finnes ingen bruker med e-postadressen «ingen@styr.demo».")) {
                try await accounts.createToken(for: "ingen@styr.demo", name: "skript")
            }
            try await accounts.setPassword(email: ServiceTestApp.editor, password: Self.password + "!")
            #expect(try await accounts.session(token: opened.token) == nil)
            #expect(try await accounts.user(apiToken: token) == nil)
        }
    }

    @Test("a calendar feed token is the user's own; renewing it retires the old one", arguments: TestDatabase.backends)
    func calendarToken(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let accounts = services.accounts
            let editor = try #require(users[ServiceTestApp.editor])
            await #expect(throws: ServiceError.unauthenticated) { try await accounts.renewCalendarToken(by: nil) }
            await #expect(throws: ServiceError.unauthenticated) { try await accounts.calendarTokenCreated(by: nil) }
            #expect(try await accounts.calendarTokenCreated(by: editor) == nil)
            let first = try await accounts.renewCalendarToken(by: editor)
            #expect(try await accounts.user(calendarToken: first)?.email == editor.email)
            #expect(try await accounts.calendarTokenCreated(by: editor) != nil)
            let second = try await accounts.renewCalendarToken(forEmail: editor.email)
            #expect(try await accounts.user(calendarToken: first) == nil)
            #expect(try await accounts.user(calendarToken: second)?.email == editor.email)
            #expect(try await accounts.user(calendarToken: "") == nil)
            #expect(try await accounts.user(calendarToken: String(repeating: "a", count: 101)) == nil)
            await #expect(throws: ServiceError.notFound("Det finnes ingen bruker med e-postadressen «ingen@styr.demo».")) {
                try await accounts.renewCalendarToken(forEmail: "ingen@styr.demo")
            }
        }
    }
}
