import Foundation
import SQLKit
import StyrDomain

/// National identity numbers (their hashes) linked to users, kept in `oidc_identities` under the
/// issuer `national-id` so that one person is one link whichever provider sends the number.
extension SQLGovernanceStore: OIDCNationalIDRepository {
    static let nationalIDIssuer = "national-id"

    public func emailLinked(toNationalIDHash hash: String) async throws -> String? {
        try await linkedEmail(issuer: Self.nationalIDIssuer, subject: hash)
    }

    public func linkNationalIDHash(_ hash: String, to email: String, now: Date) async throws {
        let before = try await emailLinked(toNationalIDHash: hash)
        if before == email { return }
        if before != nil {
            try await db.delete(from: "oidc_identities").where("issuer", .equal, Self.nationalIDIssuer).where("subject", .equal, hash).run()
            try await record("oidcIdentity", "\(Self.nationalIDIssuer)#\(hash.prefix(12))", before: before, after: String?.none)
        }
        try await link(issuer: Self.nationalIDIssuer, subject: hash, to: email, now: now)
    }

    public func nationalIDLinkedAt(of email: String) async throws -> Date? {
        let row = try await db.select().column(SQLFunction("MAX", args: SQLColumn("linked_at", table: "oidc_identities")), as: "linked_at")
            .from("oidc_identities")
            .join("users", on: SQLColumn("user_id", table: "oidc_identities"), .equal, SQLColumn("id", table: "users"))
            .where(SQLColumn("issuer", table: "oidc_identities"), .equal, SQLBind(Self.nationalIDIssuer))
            .where(SQLColumn("email", table: "users"), .equal, SQLBind(email))
            .first()
        guard let seconds = try row?.decode(column: "linked_at", as: Int64?.self) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
