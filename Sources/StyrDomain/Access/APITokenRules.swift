import Foundation

/// How long a personal API token lasts: chosen when it is made, 90 days unless said otherwise,
/// at most a year. Its last use is noted at most once a minute, so reads do not write each time.
public enum APITokenRules {
    public static let defaultDays = 90
    public static let maximumDays = 366
    public static let defaultLifetime: TimeInterval = TimeInterval(defaultDays) * 24 * 3600
    public static let lastUsedResolution: TimeInterval = 60

    /// The expiry of a token made `now` that lasts `days` days (1 to a year), else the field `expiresInDays` refused.
    public static func expiry(days: Int?, now: Date) throws(InputErrors) -> Date {
        let days = days ?? defaultDays
        guard (1...maximumDays).contains(days) else {
            throw InputErrors.single("expiresInDays", "Varigheten må være mellom 1 og \(maximumDays) dager (et år).")
        }
        return now.addingTimeInterval(TimeInterval(days) * 24 * 3600)
    }
}
