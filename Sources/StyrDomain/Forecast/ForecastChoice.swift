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

/// A forecast choice as typed for one post: the method's code (`lineaer`, `sesong`, `manuell`),
/// a manual forecast in kroner with its comment, and the explanation of a deviation.
public struct ForecastChoiceDraft: Hashable, Sendable {
    public var key: PostKey
    public var method: String
    public var manualValue: String
    public var manualComment: String
    public var explanation: String

    public init(key: PostKey, method: String, manualValue: String = "", manualComment: String = "", explanation: String = "") {
        self.key = key
        self.method = method
        self.manualValue = manualValue
        self.manualComment = manualComment
        self.explanation = explanation
    }

    /// The choice, or why not (a manual value that is no amount, a manual forecast without its
    /// comment). An unknown method code is the run rate, the report's default.
    public func choice() -> Result<ForecastChoice, ForecastChoiceProblem> {
        let chosen: ForecastMethod
        switch method.trimmingCharacters(in: .whitespacesAndNewlines) {
        case ForecastMethod.seasonal.code: chosen = .seasonal
        case ForecastMethod.manual(value: .zero, comment: "").code:
            let typed = manualValue.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let value = LetterText.kroner(typed) else { return .failure(.notAnAmount(typed)) }
            chosen = .manual(value: value, comment: manualComment.trimmingCharacters(in: .whitespacesAndNewlines))
        default: chosen = .runRate
        }
        if let problem = ForecastRules.validate(chosen) { return .failure(.rule(problem)) }
        let explained = explanation.trimmingCharacters(in: .whitespacesAndNewlines)
        return .success(ForecastChoice(key: key, method: chosen, explanation: explained.isEmpty ? nil : explained))
    }
}

/// Why a forecast choice as typed cannot be saved.
public enum ForecastChoiceProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case notAnAmount(String)
    case rule(ForecastError)

    public var description: String {
        switch self {
        case .notAnAmount(let text): "«\(text)» er ikke et beløp i kroner."
        case .rule(let error): error.description
        }
    }
}
