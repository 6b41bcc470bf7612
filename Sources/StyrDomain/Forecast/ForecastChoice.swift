/// The agency's forecast choice for one post: the method (a manual value with its comment) and
/// the explanation of a deviation.
public struct ForecastChoice: Hashable, Sendable, Codable {
    public var key: PostKey
    public var method: ForecastMethod
    public var explanation: String?

    public init(key: PostKey, method: ForecastMethod, explanation: String?) {
        self.key = key
        self.method = method
        self.explanation = explanation
    }
}

/// A submitted accounting report: the period, who submitted it and the report as it was.
public struct AccountingReportSubmission: Hashable, Sendable, Codable {
    public var organisationCode: String
    public var year: Int
    public var period: AccountingPeriod
    public var submittedBy: String
    public var submittedAt: String
    /// The report's CSV as submitted, so that later imports do not change what was reported.
    public var csv: String

    public init(organisationCode: String, year: Int, period: AccountingPeriod, submittedBy: String, submittedAt: String, csv: String) {
        self.organisationCode = organisationCode
        self.year = year
        self.period = period
        self.submittedBy = submittedBy
        self.submittedAt = submittedAt
        self.csv = csv
    }
}
