import Foundation
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport
import Testing

/// The sign-in use case over a stand-in provider port (the real provider is tested by
/// scripts/oidc-test): state taken once, the browser checked, the user matched and linked, on both databases.
@Suite struct OIDCSignInServiceTests {
    /// Answers with the claims the test sets, for the nonce of the last started sign-in.
    final class StubProvider: IdentityProvider, @unchecked Sendable {
        let settings: OIDCSettings
        let lock = NSLock()
        var nonce = ""
        var claims: (String) -> IDTokenClaims

        init(settings: OIDCSettings, claims: @escaping (String) -> IDTokenClaims) {
            self.settings = settings
            self.claims = claims
        }

        func metadata() async throws(OIDCSignInError) -> OIDCProviderMetadata {
            OIDCProviderMetadata(issuer: settings.issuer, authorizationEndpoint: "https://idp.example/authorize",
                                 tokenEndpoint: "https://idp.example/token", jwksURI: "https://idp.example/keys",
                                 endSessionEndpoint: "https://idp.example/logout")
        }

        func authorizationURL(for attempt: OIDCSignInAttempt) async throws(OIDCSignInError) -> String {
            lock.withLock { nonce = attempt.nonce }
            return "https://idp.example/authorize?state=\(attempt.state)"
        }

        func signedClaims(code: String, codeVerifier: String) async throws(OIDCSignInError) -> (claims: IDTokenClaims, idToken: String) {
            (lock.withLock { claims(nonce) }, "token")
        }
    }

    static let issuer = "https://idp.example"

    static func claims(email: String, subject: String = "subject-1", groups: [String] = []) -> (String) -> IDTokenClaims {
        { nonce in
            IDTokenClaims(issuer: issuer, subject: subject, audience: ["styr"], expiresAt: Date().addingTimeInterval(300),
                          issuedAt: Date(), nonce: nonce, email: email, emailVerified: true, name: "Kari Test", groups: groups)
        }
    }

    func withService(_ backend: TestDatabase, settings: OIDCSettings? = nil, email: String = "revisor@styr.demo",
                     _ test: @Sendable @escaping (OIDCSignInService, StubProvider, Services) async throws -> Void) async throws {
        try await ServiceTestApp.run(backend) { services, _ in
            let provider = StubProvider(
                settings: settings ?? OIDCSettings(issuer: Self.issuer, clientID: "styr", displayName: "Test", redirectBase: "https://styr.example"),
                claims: Self.claims(email: email))
            try await test(OIDCSignInService(storage: services.storage, provider: provider), provider, services)
        }
    }

    static func state(of start: OIDCSignInService.Start) -> String {
        String(start.authorizationURL.split(separator: "state=").last ?? "")
    }

    @Test(arguments: TestDatabase.backends)
    func aPreRegisteredUserSignsInAndIsLinkedBySubject(_ backend: TestDatabase) async throws {
        try await withService(backend) { service, provider, services in
            let start = try await service.begin(next: "/konto")
            let done = try await service.complete(code: "c", state: Self.state(of: start), providerError: nil, browserBinding: start.browserBinding)
            #expect(done.session.user.email == "revisor@styr.demo")
            #expect(done.next == "/konto")
            #expect(try await services.accounts.session(token: done.session.token)?.user.email == "revisor@styr.demo")
            // The provider now sends another address for the same subject: the link decides.
            provider.lock.withLock { provider.claims = Self.claims(email: "endret@example.no") }
            let again = try await service.begin(next: "/")
            let second = try await service.complete(code: "c", state: Self.state(of: again), providerError: nil, browserBinding: again.browserBinding)
            #expect(second.session.user.email == "revisor@styr.demo")
        }
    }

    @Test(arguments: TestDatabase.backends)
    func aStateIsTakenOnceAndOnlyByItsBrowser(_ backend: TestDatabase) async throws {
        try await withService(backend) { service, _, _ in
            let start = try await service.begin(next: "/")
            let state = Self.state(of: start)
            await #expect(throws: OIDCSignInError.unknownState) {
                try await service.complete(code: "c", state: state, providerError: nil, browserBinding: "another browser")
            }
            // Refused once, the state is gone: the right browser cannot use it either.
            await #expect(throws: OIDCSignInError.unknownState) {
                try await service.complete(code: "c", state: state, providerError: nil, browserBinding: start.browserBinding)
            }
            let next = try await service.begin(next: "/")
            _ = try await service.complete(code: "c", state: Self.state(of: next), providerError: nil, browserBinding: next.browserBinding)
            await #expect(throws: OIDCSignInError.unknownState) {
                try await service.complete(code: "c", state: Self.state(of: next), providerError: nil, browserBinding: next.browserBinding)
            }
        }
    }

    @Test(arguments: TestDatabase.backends)
    func aWrongNonceAnUnknownPersonAndAProviderErrorAreRefused(_ backend: TestDatabase) async throws {
        try await withService(backend, email: "ukjent@example.no") { service, provider, _ in
            var start = try await service.begin(next: "/")
            await #expect(throws: OIDCSignInError.noAccount("ukjent@example.no")) {
                try await service.complete(code: "c", state: Self.state(of: start), providerError: nil, browserBinding: start.browserBinding)
            }
            provider.lock.withLock { provider.claims = { _ in Self.claims(email: "revisor@styr.demo")("another nonce") } }
            start = try await service.begin(next: "/")
            await #expect(throws: OIDCSignInError.wrongNonce) {
                try await service.complete(code: "c", state: Self.state(of: start), providerError: nil, browserBinding: start.browserBinding)
            }
            start = try await service.begin(next: "/")
            await #expect(throws: OIDCSignInError.providerRefused("access_denied")) {
                try await service.complete(code: nil, state: Self.state(of: start), providerError: "access_denied", browserBinding: start.browserBinding)
            }
        }
    }

    @Test(arguments: TestDatabase.backends)
    func aMappedGroupCreatesTheUserOnlyWhenSwitchedOn(_ backend: TestDatabase) async throws {
        let settings = OIDCSettings(
            issuer: Self.issuer, clientID: "styr", displayName: "Test", redirectBase: "https://styr.example",
            groupMappings: [OIDCGroupMapping(group: "g-revisjon", assignment: RoleAssignment(role: .auditor, organisationCode: "UKE"))],
            createUsers: true)
        try await withService(backend, settings: settings) { service, provider, services in
            provider.lock.withLock { provider.claims = Self.claims(email: "ny.revisor@example.no", subject: "s-9", groups: ["g-revisjon"]) }
            let start = try await service.begin(next: "/")
            let done = try await service.complete(code: "c", state: Self.state(of: start), providerError: nil, browserBinding: start.browserBinding)
            #expect(done.session.user.email == "ny.revisor@example.no")
            #expect(done.session.user.assignments == [RoleAssignment(role: .auditor, organisationCode: "UKE")])
            #expect(await service.providerLogoutURL()?.hasPrefix("https://idp.example/logout?client_id=styr") == true)
        }
    }

    @Test(arguments: TestDatabase.backends)
    func aDeactivatedUserIsRefused(_ backend: TestDatabase) async throws {
        try await withService(backend) { service, _, services in
            try await services.storage.write(as: "system:test") { repositories in
                try await repositories.accounts.setDeactivated(true, email: "revisor@styr.demo", now: Date())
            }
            let start = try await service.begin(next: "/")
            await #expect(throws: OIDCSignInError.deactivated) {
                try await service.complete(code: "c", state: Self.state(of: start), providerError: nil, browserBinding: start.browserBinding)
            }
        }
    }
}
