import Foundation

extension CalendarDate {
    /// Days since 1970-01-01 (proleptic Gregorian), for date arithmetic without time zones.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Whole days from `earlier` to this date (negative when `earlier` is later).
    public func days(since earlier: CalendarDate) -> Int { dayNumber - earlier.dayNumber }

    /// The same day one year on (29 February becomes 28 February).
    public func addingYears(_ years: Int) -> CalendarDate {
        let target = year + years
        return CalendarDate(year: target, month: month, day: CalendarDate.isValid(year: target, month: month, day: day) ? day : 28)
    }

    /// The date of an instant in Europe/Oslo.
    public init(_ instant: Date, in timeZone: TimeZone = OsloTime.zone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// Today in Europe/Oslo.
    public static func today(_ now: Date = Date()) -> CalendarDate { CalendarDate(now) }
}

/// Instants as the people of Oslo read and write them: `22.03.2024 14:05`, in Europe/Oslo.
public enum OsloTime {
    public static let zone = TimeZone(identifier: "Europe/Oslo")!

    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// Parses `DD.MM.YYYY HH:MM` or `YYYY-MM-DDTHH:MM` (a form's `datetime-local`) as Oslo time.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let separator: Character = trimmed.contains("T") ? "T" : " "
        let parts = trimmed.split(separator: separator, omittingEmptySubsequences: true)
        guard parts.count == 2, let date = CalendarDate(String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(clock.count), clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let hour = Int(clock[0]), let minute = Int(clock[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        let second = clock.count == 3 ? Int(clock[2]) ?? -1 : 0
        guard (0...59).contains(second) else { return nil }
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: hour, minute: minute, second: second))
    }

    /// `22.03.2024 14:05`.
    public static func format(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return "\(pad(parts.day!, 2)).\(pad(parts.month!, 2)).\(parts.year!) \(pad(parts.hour!, 2)):\(pad(parts.minute!, 2))"
    }

    /// `2024-03-22T14:05`, the value of a `datetime-local` input.
    public static func formInput(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return "\(pad(parts.year!, 4))-\(pad(parts.month!, 2))-\(pad(parts.day!, 2))T\(pad(parts.hour!, 2)):\(pad(parts.minute!, 2))"
    }

    /// ISO 8601 with the UTC offset, as stored and as the API speaks.
    public static func iso(_ instant: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        return formatter.string(from: instant)
    }

    public static func parseISO(_ text: String) -> Date? { ISO8601DateFormatter().date(from: text) }

    /// "1 t 25 min", "3 d 2 t", "12 min".
    public static func duration(seconds: Int) -> String {
        let minutes = seconds / 60
        let (days, hours, rest) = (minutes / 1440, (minutes % 1440) / 60, minutes % 60)
        if days > 0 { return "\(days) d \(hours) t" }
        if hours > 0 { return rest == 0 ? "\(hours) t" : "\(hours) t \(rest) min" }
        return "\(minutes) min"
    }
}
