import Foundation
import Testing
@testable import StyrDomain

/// The checks of an ID token's claims, the group mappings and who a token signs in as.
@Suite struct OIDCClaimRulesTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let issuer = "https://login.example.no/tenant/v2.0"

    func claims(_ change: (inout IDTokenClaims) -> Void = { _ in }) -> IDTokenClaims {
        var claims = IDTokenClaims(
            issuer: issuer, subject: "abc", audience: ["styr"], expiresAt: now.addingTimeInterval(300),
            issuedAt: now.addingTimeInterval(-5), nonce: "n-1", email: "Ola.Nordmann@Example.no", emailVerified: true,
            name: "Ola Nordmann", groups: ["g-styr-revisjon"])
        change(&claims)
        return claims
    }

    func check(_ claims: IDTokenClaims) throws(OIDCSignInError) {
        try OIDCClaimRules.check(claims, issuer: issuer, clientID: "styr", nonce: "n-1", now: now)
    }

    @Test func aCorrectTokenPasses() throws {
        try check(claims())
        try check(claims { $0.issuer = issuer + "/" })
        try check(claims { $0.audience = ["styr", "other"]; $0.authorizedParty = "styr" })
    }

    @Test func eachWrongClaimIsRefusedWithItsReason() {
        #expect(throws: OIDCSignInError.wrongIssuer("https://evil.example")) { try check(claims { $0.issuer = "https://evil.example" }) }
        #expect(throws: OIDCSignInError.wrongAudience) { try check(claims { $0.audience = ["another-client"] }) }
        #expect(throws: OIDCSignInError.wrongAudience) { try check(claims { $0.audience = ["styr", "x"]; $0.authorizedParty = "x" }) }
        #expect(throws: OIDCSignInError.wrongNonce) { try check(claims { $0.nonce = "n-2" }) }
        #expect(throws: OIDCSignInError.wrongNonce) { try check(claims { $0.nonce = nil }) }
        #expect(throws: OIDCSignInError.missingClaim("sub")) { try check(claims { $0.subject = "" }) }
    }

    @Test func expiryAndIssueTimesHaveABoundedClockSkew() throws {
        // Expired a minute ago: within the two minutes' skew.
        try check(claims { $0.expiresAt = now.addingTimeInterval(-60) })
        #expect(throws: OIDCSignInError.expired) { try check(claims { $0.expiresAt = now.addingTimeInterval(-121) }) }
        #expect(throws: OIDCSignInError.expired) {
            try check(claims { $0.issuedAt = now.addingTimeInterval(-3600); $0.expiresAt = now.addingTimeInterval(3600) })
        }
        try check(claims { $0.notBefore = now.addingTimeInterval(100) })
        #expect(throws: OIDCSignInError.notYetValid) { try check(claims { $0.notBefore = now.addingTimeInterval(200) }) }
        #expect(throws: OIDCSignInError.notYetValid) { try check(claims { $0.issuedAt = now.addingTimeInterval(200) }) }
    }

    @Test func aStartedSignInIsBoundToItsBrowserAndExpires() throws {
        let attempt = OIDCSignInAttempt.start(next: "/", now: now, lifetime: 600)
        try attempt.check(browserBinding: attempt.browserBinding, now: now.addingTimeInterval(599))
        #expect(throws: OIDCSignInError.unknownState) { try attempt.check(browserBinding: nil, now: now) }
        #expect(throws: OIDCSignInError.unknownState) { try attempt.check(browserBinding: "another", now: now) }
        #expect(throws: OIDCSignInError.stateExpired) { try attempt.check(browserBinding: attempt.browserBinding, now: now.addingTimeInterval(600)) }
        let other = OIDCSignInAttempt.start(next: "/", now: now, lifetime: 600)
        #expect(Set([attempt.state, attempt.nonce, attempt.codeVerifier, attempt.browserBinding, other.state]).count == 5)
    }

    @Test func groupMappingsAreReadFromConfiguration() throws {
        let mappings = try OIDCGroupMapping.parse("g-styr-revisjon=revisor@UKE; g-fin = etatsstyrer@FIN")
        #expect(mappings == [
            OIDCGroupMapping(group: "g-styr-revisjon", assignment: RoleAssignment(role: .auditor, organisationCode: "UKE")),
            OIDCGroupMapping(group: "g-fin", assignment: RoleAssignment(role: .departmentSteerer, organisationCode: "FIN")),
        ])
        #expect(throws: InputErrors.self) { try OIDCGroupMapping.parse("g-x=sjef@UKE") }
        #expect(throws: InputErrors.self) { try OIDCGroupMapping.parse("g-x") }
    }

    @Test func aTokenSignsInAsTheLinkedThenThePreRegisteredUser() throws {
        var settings = OIDCSettings(issuer: issuer, clientID: "styr", displayName: "Entra ID", redirectBase: "https://styr.example.no/")
        #expect(settings.redirectURI == "https://styr.example.no/logg-inn/oidc/tilbake")
        #expect(try OIDCAccountRules.match(claims(), linkedEmail: "ola@kommune.no", userExists: { _ in false }, settings: settings)
            == .linked(email: "ola@kommune.no"))
        #expect(try OIDCAccountRules.match(claims(), linkedEmail: nil, userExists: { $0 == "ola.nordmann@example.no" }, settings: settings)
            == .preRegistered(email: "ola.nordmann@example.no"))
        #expect(throws: OIDCSignInError.noAccount("ola.nordmann@example.no")) {
            try OIDCAccountRules.match(claims(), linkedEmail: nil, userExists: { _ in false }, settings: settings)
        }
        #expect(throws: OIDCSignInError.missingClaim("email")) {
            try OIDCAccountRules.match(claims { $0.emailVerified = false }, linkedEmail: nil, userExists: { _ in true }, settings: settings)
        }
        // Creation from the group mappings only when switched on, and only with a mapped group.
        settings.groupMappings = try OIDCGroupMapping.parse("g-styr-revisjon=revisor@UKE")
        #expect(throws: OIDCSignInError.noAccount("ola.nordmann@example.no")) {
            try OIDCAccountRules.match(claims(), linkedEmail: nil, userExists: { _ in false }, settings: settings)
        }
        settings.createUsers = true
        #expect(try OIDCAccountRules.match(claims(), linkedEmail: nil, userExists: { _ in false }, settings: settings)
            == .create(UserAccount(email: "ola.nordmann@example.no", name: "Ola Nordmann",
                                   assignments: [RoleAssignment(role: .auditor, organisationCode: "UKE")])))
        #expect(throws: OIDCSignInError.noAccount("ola.nordmann@example.no")) {
            try OIDCAccountRules.match(claims { $0.groups = ["other"] }, linkedEmail: nil, userExists: { _ in false }, settings: settings)
        }
    }

    @Test func everyRefusalHasANorwegianSentence() {
        let errors: [OIDCSignInError] = [.wrongSignature, .wrongAudience, .expired, .wrongNonce, .unknownState, .unknownKey("k")]
        for error in errors { #expect(!error.message.isEmpty && error.message.hasSuffix(".")) }
    }
}
