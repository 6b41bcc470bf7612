import Foundation
import SQLKit
import StyrDomain

/// Login throttling (`login_throttles`, migration 0046): an attempt first takes a slot of its
/// counters in ONE statement each (a conditional UPDATE … RETURNING, after making sure the row
/// exists), so parallel attempts cannot pass the limit: on PostgreSQL the second waits for the
/// first's row lock and sees its count, on SQLite writes take turns.
extension SQLAccountStore {
    /// Takes one attempt of the counter `key`, or answers when it is free again (the counter's
    /// window ends) when `limit` attempts were already taken in the window.
    func takeAttempt(_ key: String, limit: Int, now: Date) async throws -> Date? {
        let nowText = Self.timestamp(now), cutoff = Self.timestamp(now.addingTimeInterval(-LoginThrottle.window))
        try await db.raw("""
            INSERT INTO login_throttles (throttle_key, window_start, attempts) VALUES (\(bind: key), \(bind: nowText), 0)
            ON CONFLICT (throttle_key) DO NOTHING
            """).run()
        let taken = try await db.raw("""
            UPDATE login_throttles SET
              attempts = CASE WHEN window_start <= \(bind: cutoff) THEN 1 ELSE attempts + 1 END,
              window_start = CASE WHEN window_start <= \(bind: cutoff) THEN \(bind: nowText) ELSE window_start END
            WHERE throttle_key = \(bind: key) AND (window_start <= \(bind: cutoff) OR attempts < \(bind: Int64(limit)))
            RETURNING attempts
            """).first()
        if taken != nil { return nil }
        let start = try await db.select().column("window_start").from("login_throttles").where("throttle_key", .equal, key).first()
            .flatMap { Self.date(try $0.decode(column: "window_start", as: String.self)) } ?? now
        return start.addingTimeInterval(LoginThrottle.window)
    }

    /// Whether the account has signed in from this source before.
    func isKnownSource(_ source: String, of email: String) async throws -> Bool {
        try await db.select().column("id").from("login_known_sources").where("email", .equal, email)
            .where("source", .equal, source).first() != nil
    }

    /// After a successful sign-in: the source is known, and its counter starts again.
    func recordSuccess(source: String, email: String, now: Date) async throws {
        try await db.delete(from: "login_throttles").where("throttle_key", .equal, LoginThrottle.key(source: source, email: email)).run()
        try await db.raw("""
            INSERT INTO login_known_sources (email, source, last_success_at) VALUES (\(bind: email), \(bind: source), \(bind: Self.timestamp(now)))
            ON CONFLICT (email, source) DO UPDATE SET last_success_at = excluded.last_success_at
            """).run()
    }
}
