/// The budget years Styr keeps: wide enough for any history and plan, narrow enough to catch a
/// mistyped year (`20` or `20200`).
public enum BudgetYears {
    public static let supported = 1900...2200

    public static func contains(_ year: Int) -> Bool { supported.contains(year) }

    /// "Året 20 er utenfor 1900–2200."
    public static func outOfRangeMessage(_ year: Int) -> String {
        "Året \(year) er utenfor \(supported.lowerBound)–\(supported.upperBound)."
    }
}
