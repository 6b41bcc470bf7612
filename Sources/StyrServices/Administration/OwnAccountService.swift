import Foundation
import StyrDomain

/// A logged-in user's own account (`/konto`): their open sessions and personal API tokens, ending
/// and revoking them, and making a new token (shown once; only its hash is kept). Audited.
public struct OwnAccountService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    public struct Overview: Sendable {
        public var user: UserAccount
        public var sessions: [SessionInfo]
        /// The session the request came with, if any (so the page can say «denne økten»).
        public var currentSessionID: String?
        public var tokens: [APITokenInfo]
    }

    /// `currentSessionToken`: the cookie's session token, to mark the current session.
    public func overview(by user: UserAccount?, currentSessionToken: String? = nil, now: Date = Date()) async throws -> Overview {
        guard let user else { throw ServiceError.unauthenticated }
        return try await storage.read { repositories in
            Overview(
                user: user, sessions: try await repositories.accounts.sessions(of: user.email, now: now),
                currentSessionID: currentSessionToken.map { repositories.accounts.sessionID(token: $0) },
                tokens: try await repositories.accounts.apiTokens(of: user.email))
        }
    }

    /// Ends one of the user's own sessions (by its public id).
    public func endSession(_ id: String, by user: UserAccount?) async throws {
        guard let user else { throw ServiceError.unauthenticated }
        try await storage.write(as: user.email) { repositories in
            guard try await repositories.accounts.endSession(id: id, of: user.email) else {
                throw ServiceError.notFound("Du har ingen åpen økt med id «\(id)».")
            }
        }
    }

    /// A new personal API token named `name` (field `name`), valid for `days` days (field
    /// `expiresInDays`; nil: 90, at most a year), returned once.
    public func createToken(named name: String, days: Int? = nil, by user: UserAccount?, now: Date = Date()) async throws -> String {
        guard let user else { throw ServiceError.unauthenticated }
        var errors = InputErrors()
        var checkedName = name
        do { checkedName = try AccountAdministrationRules.tokenName(name) } catch { for entry in error.entries { errors.add(entry.field, entry.message) } }
        var expiry = now
        do { expiry = try APITokenRules.expiry(days: days, now: now) } catch { for entry in error.entries { errors.add(entry.field, entry.message) } }
        try ServiceError.rule { try errors.check() }
        return try await storage.write(as: user.email) { [checkedName, expiry] repositories in
            try await repositories.accounts.createToken(for: user.email, name: checkedName, expiresAt: expiry, now: now)
        }
    }

    /// Revokes one of the user's own API tokens (by its public id).
    public func revokeToken(_ id: String, by user: UserAccount?) async throws {
        guard let user else { throw ServiceError.unauthenticated }
        try await storage.write(as: user.email) { repositories in
            guard try await repositories.accounts.revokeToken(id: id, of: user.email) else {
                throw ServiceError.notFound("Du har ingen API-nøkkel med id «\(id)».")
            }
        }
    }
}
