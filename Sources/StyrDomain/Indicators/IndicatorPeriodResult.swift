/// An indicator's result for a period of the year (a tertial or a month), as the agency reports
/// it in a tertial or monthly report; the year's target applies.
public struct IndicatorPeriodResult: Hashable, Sendable, Codable {
    public var year: Int
    public var period: ReportPeriod
    public var result: Quantity?
    public var notMeasuredReason: String?
    public var deviationComment: String?

    public init(year: Int, period: ReportPeriod, result: Quantity? = nil, notMeasuredReason: String? = nil, deviationComment: String? = nil) {
        self.year = year
        self.period = period
        self.result = result
        self.notMeasuredReason = notMeasuredReason
        self.deviationComment = deviationComment
    }

    /// The result as a value of the year with `target`, so the status rules apply unchanged.
    public func value(target: IndicatorTarget?) -> IndicatorValue {
        IndicatorValue(year: year, target: target, result: result, notMeasuredReason: notMeasuredReason, deviationComment: deviationComment)
    }

    /// The period result from a checked value (`IndicatorResultDraft.applied`).
    public init(period: ReportPeriod, value: IndicatorValue) {
        self.init(year: value.year, period: period, result: value.result, notMeasuredReason: value.notMeasuredReason,
                  deviationComment: value.deviationComment)
    }
}
