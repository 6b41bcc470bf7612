import Foundation

/// How the year-end forecast (*prognose*) of a post is made.
public enum ForecastMethod: Hashable, Sendable, Codable {
    /// Lineær framskriving: actuals to date ÷ months elapsed × 12.
    case runRate
    /// Sesongjustert framskriving: actuals to date ÷ the share of last year's actuals that fell in
    /// the same months. Falls back to the run rate, with the reason, when that share is missing,
    /// zero or of the wrong sign.
    case seasonal
    /// A forecast set by hand; the comment says what it builds on and is required.
    case manual(value: Money, comment: String)

    /// The method's name as printed in the report.
    public var norwegianName: String {
        switch self {
        case .runRate: "Lineær framskriving"
        case .seasonal: "Sesongjustert framskriving"
        case .manual: "Manuell"
        }
    }

    /// A stable code for storage and forms: `lineaer`, `sesong`, `manuell`.
    public var code: String {
        switch self {
        case .runRate: "lineaer"
        case .seasonal: "sesong"
        case .manual: "manuell"
        }
    }
}

/// Why a forecast could not be computed, in Norwegian for the user.
public enum ForecastError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The months of actuals must be 1–12.
    case invalidMonthsElapsed(Int)
    /// Seasonal: last year's actuals are not there for all twelve months.
    case lastYearMissing
    /// Seasonal: last year's actuals for the same months add up to zero.
    case lastYearShareZero(monthsElapsed: Int)
    /// Seasonal: last year's whole-year actuals are zero or of the opposite sign to the same months.
    case lastYearShareNotPositive(monthsElapsed: Int)
    /// Manual: the comment is empty.
    case manualCommentMissing
    /// The forecast does not fit in the amount type.
    case overflow
    /// A report period outside month 1–12 or tertial 1–3.
    case invalidPeriod(String)

    public var description: String {
        switch self {
        case .invalidMonthsElapsed(let months):
            "Antall måneder med regnskap må være mellom 1 og 12, ikke \(months)."
        case .lastYearMissing:
            "Sesongjustert prognose krever fjorårets regnskap for alle tolv måneder, og det mangler."
        case .lastYearShareZero(let months):
            "Fjorårets regnskap for \(ForecastMonths.range(through: months)) er null, så sesongandelen kan ikke beregnes."
        case .lastYearShareNotPositive(let months):
            "Fjorårets regnskap for \(ForecastMonths.range(through: months)) har ikke samme fortegn som fjorårets helårsregnskap, så sesongandelen gir ingen meningsfull prognose."
        case .manualCommentMissing:
            "En manuell prognose må ha en kommentar som begrunner beløpet."
        case .overflow:
            "Prognosen blir for stor til å beregnes."
        case .invalidPeriod(let period):
            "Ugyldig rapportperiode: \(period). Bruk måned 1–12 eller tertial 1–3."
        }
    }

    /// Errors after which the run rate is used instead (a seasonal forecast without a usable share).
    public var fallsBackToRunRate: Bool {
        switch self {
        case .lastYearMissing, .lastYearShareZero, .lastYearShareNotPositive: true
        default: false
        }
    }
}

/// A computed forecast: its value, the method asked for and the method used, and why they differ.
public struct ForecastOutcome: Hashable, Sendable {
    public var value: Money
    public var requested: ForecastMethod
    public var used: ForecastMethod
    /// Why `used` is not `requested` (Norwegian), or nil.
    public var fallbackReason: String?

    public init(value: Money, requested: ForecastMethod, used: ForecastMethod, fallbackReason: String? = nil) {
        self.value = value
        self.requested = requested
        self.used = used
        self.fallbackReason = fallbackReason
    }

    /// The method as printed: `Lineær framskriving`, or `Lineær framskriving (i stedet for sesongjustert framskriving)`.
    public var methodName: String {
        guard requested != used else { return used.norwegianName }
        return "\(used.norwegianName) (i stedet for \(requested.norwegianName.lowercased()))"
    }

    /// What to print beside the method: the manual comment, or the reason for a fallback.
    public var note: String? {
        if let fallbackReason { return fallbackReason }
        if case .manual(_, let comment) = used { return comment }
        return nil
    }
}

/// Norwegian month names for forecast texts.
public enum ForecastMonths {
    public static let names = [
        "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember",
    ]

    /// `januar`, `januar–april`.
    public static func range(through month: Int) -> String {
        guard (1...12).contains(month) else { return "\(month) måneder" }
        return month == 1 ? names[0] : "\(names[0])–\(names[month - 1])"
    }

    public static func name(_ month: Int) -> String {
        (1...12).contains(month) ? names[month - 1] : "måned \(month)"
    }
}
