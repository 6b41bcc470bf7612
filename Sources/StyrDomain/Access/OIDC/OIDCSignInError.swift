/// Why a sign-in through the organisation's identity provider (OpenID Connect) was refused. Each
/// case has the sentence shown on the login page; none says more than the user needs.
public enum OIDCSignInError: Error, Sendable, Equatable {
    /// Single sign-on is not configured on this server.
    case notConfigured
    /// The provider could not be reached or answered something that is not OpenID Connect.
    case providerUnavailable(String)
    /// The provider sent the user back with an error (`error=access_denied`, …).
    case providerRefused(String)
    /// The `state` is unknown, already used, expired or from another browser.
    case unknownState
    case stateExpired
    /// The token endpoint refused the code (used twice, wrong verifier, …).
    case codeRefused(String)
    /// The ID token is not a well-formed signed JWT, or uses an algorithm Styr does not accept.
    case malformedToken(String)
    /// Signed with a key the provider does not publish (after refetching its key set).
    case unknownKey(String)
    /// The signature does not match the provider's key.
    case wrongSignature
    case wrongIssuer(String)
    case wrongAudience
    case expired
    case notYetValid
    case wrongNonce
    /// A claim Styr needs (`sub`, `email` to match a pre-registered user) is missing.
    case missingClaim(String)
    /// No Styr user for this person: none linked, none with the address, no group mapping.
    case noAccount(String)
    case deactivated

    /// The Norwegian sentence for the login page.
    public var message: String {
        switch self {
        case .notConfigured: "Innlogging med organisasjonens identitetstjeneste er ikke satt opp på denne serveren."
        case .providerUnavailable: "Identitetstjenesten svarte ikke som forventet. Prøv igjen om litt, eller kontakt IT."
        case .providerRefused(let reason): "Identitetstjenesten avviste innloggingen (\(reason))."
        case .unknownState: "Innloggingen kunne ikke fullføres: svaret var ukjent, allerede brukt eller fra en annen nettleser. Start innloggingen på nytt."
        case .stateExpired: "Innloggingen tok for lang tid. Start innloggingen på nytt."
        case .codeRefused: "Identitetstjenesten godtok ikke innloggingskoden. Start innloggingen på nytt."
        case .malformedToken: "Identitetstjenesten sendte et ugyldig ID-token. Innloggingen er avvist."
        case .unknownKey: "ID-tokenet var signert med en nøkkel identitetstjenesten ikke publiserer. Innloggingen er avvist."
        case .wrongSignature: "ID-tokenet hadde feil signatur. Innloggingen er avvist."
        case .wrongIssuer: "ID-tokenet var utstedt av en annen identitetstjeneste enn den Styr er satt opp med. Innloggingen er avvist."
        case .wrongAudience: "ID-tokenet var ikke utstedt til Styr (feil mottaker). Innloggingen er avvist."
        case .expired: "ID-tokenet var utløpt. Start innloggingen på nytt."
        case .notYetValid: "ID-tokenet var ikke gyldig ennå (sjekk klokken på serveren). Innloggingen er avvist."
        case .wrongNonce: "ID-tokenet hørte ikke til denne innloggingen (feil nonce). Innloggingen er avvist."
        case .missingClaim(let claim): "ID-tokenet manglet opplysningen «\(claim)». Innloggingen er avvist."
        case .noAccount(let who): "\(who) har ingen bruker i Styr. Be en administrator om å registrere deg."
        case .deactivated: "Brukeren din er deaktivert. Kontakt en administrator."
        }
    }
}
