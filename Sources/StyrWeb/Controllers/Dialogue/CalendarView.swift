import StyrDomain
import StyrServices

/// The view model of `calendar.mustache`: the annual calendar of a year by month, and what is due
/// in the next days.
struct CalendarView: Sendable {
    struct Entry: Sendable { var date: String, title: String, kind: String, url: String }
    struct Month: Sendable { var name: String, entries: [Entry] }

    static let monthNames = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"]

    var organisationName: String
    var year: Int, days: Int
    var today: String
    var url: String
    var due: [Entry]
    var months: [Month]

    init(scope: OrganisationScope, entries: [CalendarEntry], year: Int, days: Int, today: CalendarDate) {
        func entry(_ entry: CalendarEntry) -> Entry {
            Entry(date: NorwegianFormat.date(entry.date), title: entry.title, kind: entry.kind.norwegianName, url: entry.path)
        }
        organisationName = scope.organisation.name
        self.year = year
        self.days = days
        self.today = NorwegianFormat.date(today)
        url = "\(scope.base)/arshjul"
        due = AnnualCalendar.due(entries, within: days, from: today).map(entry)
        months = (1...12).compactMap { month in
            let inMonth = entries.filter { $0.date.year == year && $0.date.month == month }
            guard !inMonth.isEmpty else { return nil }
            return Month(name: Self.monthNames[month - 1].capitalized + " \(year)", entries: inMonth.map(entry))
        }
    }
}
