import Foundation

/// How sign-in attempts are throttled, so that guessing is slow and nobody can lock another
/// person out: attempts are counted per (source address, account); a source where the account
/// has signed in before («known source») is never held back by attempts from elsewhere.
public enum LoginThrottle {
    /// Attempts that reach the password check per (source, account) within `window`.
    public static let perSource = 5
    /// Attempts per account within `window` from sources it has never signed in from (many
    /// addresses guessing together); known sources are not counted or held back.
    public static let perAccount = 20
    public static let window: TimeInterval = 15 * 60

    /// The counter of a source and an account.
    public static func key(source: String, email: String) -> String { "\(source)|\(email)" }
    /// The counter of an account over all unknown sources.
    public static func accountKey(email: String) -> String { "*|\(email)" }

    /// Whole seconds from `now` until `until` (at least 1), for `Retry-After`.
    public static func retryAfter(until: Date, now: Date) -> Int { max(1, Int((until.timeIntervalSince(now)).rounded(.up))) }
}
