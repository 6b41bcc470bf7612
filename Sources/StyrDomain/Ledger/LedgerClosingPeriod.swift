extension LedgerLine {
    /// The month year-end closing entries (an ERP system's period 13, or 0) are stored under when
    /// the import profile keeps them apart (`ClosingPeriodRule.own`): after December, shown as
    /// «årsavslutning».
    public static let closingMonth = 13

    /// `mars`, `årsavslutning`, or `hele året` (month 0), as reports name a line's period.
    public static func periodName(_ month: Int) -> String {
        switch month {
        case 0: "hele året"
        case closingMonth: "årsavslutning"
        default: ForecastMonths.name(month)
        }
    }
}
