import Foundation
import StyrDomain
import StyrReports
import StyrServices

/// The view model of `account.mustache`: the user's roles, sessions and API tokens.
struct AccountView: Sendable {
    struct Session: Sendable {
        var sessionID: String, started: String, expires: String
        var isCurrent: Bool
        var endURL: String
    }
    struct Token: Sendable {
        var tokenID: String, tokenName: String, created: String
        /// «22.03.2025 14:05», or «utløpt 22.03.2025 14:05».
        var expires: String
        var lastUsed: String
        var revokeURL: String
    }

    var name: String
    var email: String
    var rolesText: String?
    var saved: String?
    /// A token just made: shown once.
    var newToken: String?
    var tokenNameError: String?
    var tokenDaysError: String?
    var csrfToken: String
    var sessions: [Session]
    var tokens: [Token]

    init(_ overview: OwnAccountService.Overview, csrfToken: String, saved: String?, newToken: String?, errors: InputErrors) {
        name = overview.user.name
        email = overview.user.email
        rolesText = overview.user.assignments.map { "\($0.role.norwegianName) i \($0.organisationCode)" }.joined(separator: ", ").nonEmpty
        self.saved = saved
        self.newToken = newToken
        tokenNameError = errors["navn"]
        tokenDaysError = errors["dager"]
        self.csrfToken = csrfToken
        sessions = overview.sessions.reversed().map {
            Session(sessionID: $0.id, started: OsloTime.format($0.createdAt), expires: OsloTime.format($0.expiresAt),
                    isCurrent: $0.id == overview.currentSessionID, endURL: "/konto/okter/\($0.id)/avslutt")
        }
        let now = Date()
        tokens = overview.tokens.map { token in
            Token(tokenID: token.id, tokenName: token.name, created: OsloTime.format(token.createdAt),
                  expires: token.expiresAt.map { (token.isExpired(at: now) ? "utløpt " : "") + OsloTime.format($0) } ?? "aldri",
                  lastUsed: token.lastUsedAt.map(OsloTime.format) ?? "aldri",
                  revokeURL: "/konto/nokler/\(token.id)/trekk-tilbake")
        }
    }
}
