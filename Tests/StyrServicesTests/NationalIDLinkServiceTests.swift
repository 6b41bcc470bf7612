import Foundation
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport
import Testing

/// ID-porten: a user pre-registered by (the hash of) a national identity number signs in with a
/// token that carries no e-mail address, on both databases.
@Suite struct NationalIDLinkServiceTests {
    static let hash = String(repeating: "ab", count: 32)

    @Test(arguments: TestDatabase.backends)
    func aPersonPreRegisteredByNationalIDSignsInWithoutAnEmail(_ backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            for email in [ServiceTestApp.finSteerer, ServiceTestApp.auditor] {
                await #expect(throws: ServiceError.self) {
                    try await services.nationalIDLinks.link(nationalIDHash: Self.hash, to: "redaktor@uke.styr.demo", by: users[email])
                }
            }
            await #expect(throws: ServiceError.invalid(.single("nationalID", "Fødselsnummeret må ha 11 sifre."))) {
                try await services.nationalIDLinks.link(nationalIDHash: "12345678901", to: "redaktor@uke.styr.demo", by: users["admin@styr.demo"])
            }
            let admin = users["admin@styr.demo"]
            #expect(try await services.userAdministration.user("redaktor@uke.styr.demo", by: admin).nationalIDLinkedAt == nil)
            let before = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
            try await services.nationalIDLinks.link(nationalIDHash: Self.hash, to: "redaktor@uke.styr.demo", by: admin)
            // The administration's user page tells that (and when) the user was linked.
            let linkedAt = try #require(try await services.userAdministration.user("redaktor@uke.styr.demo", by: admin).nationalIDLinkedAt)
            #expect(linkedAt >= before && linkedAt <= Date())
            #expect(try await services.userAdministration.user("admin@styr.demo", by: admin).nationalIDLinkedAt == nil)
            let settings = OIDCSettings(issuer: "https://idporten.example", clientID: "styr", displayName: "ID-porten", redirectBase: "https://styr.example")
            let provider = OIDCSignInServiceTests.StubProvider(settings: settings) { nonce in
                IDTokenClaims(issuer: "https://idporten.example", subject: "pairwise-1", audience: ["styr"], expiresAt: Date().addingTimeInterval(300),
                              issuedAt: Date(), nonce: nonce, nationalIDHash: Self.hash)
            }
            let service = OIDCSignInService(storage: services.storage, provider: provider)
            for _ in 0..<2 {
                let start = try await service.begin(next: "/")
                let done = try await service.complete(code: "c", state: OIDCSignInServiceTests.state(of: start), providerError: nil,
                                                      browserBinding: start.browserBinding)
                #expect(done.session.user.email == "redaktor@uke.styr.demo")
            }
            // Another number is nobody: refused for the missing e-mail address, nothing created.
            provider.lock.withLock {
                provider.claims = { nonce in
                    IDTokenClaims(issuer: "https://idporten.example", subject: "pairwise-2", audience: ["styr"], expiresAt: Date().addingTimeInterval(300),
                                  issuedAt: Date(), nonce: nonce, nationalIDHash: String(repeating: "cd", count: 32))
                }
            }
            let start = try await service.begin(next: "/")
            await #expect(throws: OIDCSignInError.missingClaim("email")) {
                try await service.complete(code: "c", state: OIDCSignInServiceTests.state(of: start), providerError: nil, browserBinding: start.browserBinding)
            }
            let audit = try await services.storage.read { try await $0.audit.entries(entityType: "oidcIdentity", entityKey: nil, limit: nil) }
            #expect(audit.contains { $0.entityKey == "national-id#\(Self.hash)" && $0.actor == "admin@styr.demo" })
        }
    }
}
