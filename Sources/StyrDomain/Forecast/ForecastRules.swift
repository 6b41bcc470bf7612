import Foundation

/// The year-end forecast of one post: what the agency reports for chapter × kind × post.
public struct ForecastLine: Hashable, Sendable {
    public var chapter: Int
    public var kind: AccountKind
    public var postCode: String
    public var method: ForecastMethod
    /// The forecast for the whole year, in the KOSTRA sign convention (revenues negative).
    public var value: Money
    /// The explanation of the deviation from the revised budget (*forklaring til avvik*).
    public var explanation: String?

    public init(chapter: Int, kind: AccountKind, postCode: String, method: ForecastMethod, value: Money, explanation: String? = nil) {
        self.chapter = chapter
        self.kind = kind
        self.postCode = postCode
        self.method = method
        self.value = value
        self.explanation = explanation
    }

    public var key: PostKey { PostKey(chapter: chapter, kind: kind, postCode: postCode) }

    /// True when the explanation has some text.
    public var hasExplanation: Bool { ForecastRules.hasText(explanation) }
}

/// When a deviation of the forecast from the revised budget is significant, so that it must be
/// explained before the report is submitted.
///
/// By default a deviation must exceed **both** the amount and the percentage of the revised
/// budget (`amountAndPercent`). Either limit alone flags the wrong posts: an amount limit alone
/// flags every large post for deviations that are small relative to it (1 % of a 400 mill. kr
/// post is 4 mill. kr), and a percentage limit alone flags every small post for trifling sums
/// (100 000 kr on a 400 000 kr post is 25 %). Together they select the deviations that matter
/// both to the chapter's result and to the post, which is what *vesentlige avvik* means in the
/// allocation letter. `amountOrPercent` is there for a department that wants the stricter rule.
/// Both limits are exclusive: a deviation exactly at a limit is not beyond it. Underspend and
/// overspend count alike.
public struct ForecastThreshold: Hashable, Sendable, Codable {
    public enum Rule: String, Hashable, Sendable, Codable, CaseIterable {
        /// Beyond the amount and beyond the percentage (the default).
        case amountAndPercent
        /// Beyond either limit.
        case amountOrPercent
    }

    /// The amount limit (positive).
    public var amount: Money
    /// The percentage limit in basis points of the revised budget: 500 is 5 %.
    public var percentBasisPoints: Int64
    public var rule: Rule

    public init(amount: Money, percentBasisPoints: Int64, rule: Rule = .amountAndPercent) {
        self.amount = amount
        self.percentBasisPoints = percentBasisPoints
        self.rule = rule
    }

    /// The percentage as a `Quantity` in percent (0,01 % precision; finer digits are cut).
    public init(amount: Money, percent: Quantity, rule: Rule = .amountAndPercent) {
        self.init(amount: amount, percentBasisPoints: percent.milli / 10, rule: rule)
    }

    /// 500 000 kr and 5 %.
    public static let standard = ForecastThreshold(amount: .kroner(500_000), percentBasisPoints: 500)

    /// The percentage limit in percent: 5 % is `Quantity(milli: 5000)`.
    public var percent: Quantity { Quantity(milli: percentBasisPoints * 10) }

    /// Whether `deviation` (revised budget − forecast) is beyond the limits for a post whose
    /// revised budget is `revisedBudget`. A revised budget of zero makes any deviation other than
    /// zero beyond the percentage limit.
    public func isExceeded(deviation: Money, revisedBudget: Money) -> Bool {
        let size = Int128(deviation.ore).magnitude
        let beyondAmount = size > Int128(amount.ore).magnitude
        // |deviation| / |revised| > bp / 10 000, without division.
        let beyondPercent = size * 10_000 > UInt128(percentBasisPoints.magnitude) * Int128(revisedBudget.ore).magnitude
        switch rule {
        case .amountAndPercent: return beyondAmount && beyondPercent
        case .amountOrPercent: return beyondAmount || beyondPercent
        }
    }

    /// `avvik over 500 000 kr og over 5 % av regulert budsjett`.
    public var norwegianDescription: String {
        let joiner = rule == .amountAndPercent ? "og" : "eller"
        return "avvik over \(NorwegianFormat.exactKroner(amount)) kr \(joiner) over \(NorwegianFormat.percent(percent, decimals: 2)) av regulert budsjett"
    }

    /// The largest amount limit: a trillion kroner, beyond any chapter.
    public static let largestAmount = Money.kroner(1_000_000_000_000)

    /// Whether the limits are within what a threshold may be: an amount of 0 kr up to
    /// `largestAmount`, a percentage of 0–100 %.
    public var isValid: Bool {
        (0...Self.largestAmount.ore).contains(amount.ore) && (0...10_000).contains(percentBasisPoints)
    }

    static let amountProblem = "Beløpet må være et beløp i kroner fra 0 til 1 000 000 000 000, for eksempel 500 000."
    static let percentProblem = "Prosenten må være et tall fra 0 til 100 med høyst to desimaler, for eksempel 5 eller 2,5."
    static let ruleProblem = "Velg om avviket må være over begge grensene («og») eller én av dem («eller»)."

    /// Why these limits cannot be a threshold, per field (`amount`, `percent`), with the same
    /// messages as a threshold typed in a form: whichever way it came, it is refused for the
    /// same reason.
    public var problems: InputErrors {
        var errors = InputErrors()
        if !(0...Self.largestAmount.ore).contains(amount.ore) { errors.add(Field.amount.rawValue, Self.amountProblem) }
        if !(0...10_000).contains(percentBasisPoints) { errors.add(Field.percent.rawValue, Self.percentProblem) }
        return errors
    }

    /// The threshold as typed (`read`), or the problems keyed by field (`amount`, `percent`, `rule`).
    public static func parse(amount: String, percent: String, rule: String) -> Result<ForecastThreshold, InputErrors> {
        let read = read(amount: amount, percent: percent, rule: rule)
        guard let threshold = read.threshold else {
            var errors = InputErrors()
            for problem in read.problems { errors.add(problem.field.rawValue, problem.message) }
            return .failure(errors)
        }
        return .success(threshold)
    }

    /// A field of the threshold as typed that cannot be read, and why.
    public struct InputProblem: Hashable, Sendable {
        public var field: Field
        public var message: String
    }

    public enum Field: String, Hashable, Sendable {
        case amount, percent, rule
    }

    /// The threshold as typed in a form: kroner (`500 000`), a percentage (`5`, `2,5` or `2,5 %`,
    /// at most two decimals) and the rule (`og`: beyond both, `eller`: beyond either). Either the
    /// threshold or every field's problem.
    public static func read(amount: String, percent: String, rule: String) -> (threshold: ForecastThreshold?, problems: [InputProblem]) {
        var problems: [InputProblem] = []
        var typed = amount.trimmingCharacters(in: .whitespaces)
        if typed.lowercased().hasSuffix("kr") { typed.removeLast(2) }
        let money = LetterText.kroner(typed)
        if money == nil || !(0...largestAmount.ore).contains(money!.ore) {
            problems.append(InputProblem(field: .amount, message: amountProblem))
        }
        let basisPoints = Self.basisPoints(percent)
        if basisPoints == nil {
            problems.append(InputProblem(field: .percent, message: percentProblem))
        }
        let readRule: Rule? = switch rule.trimmingCharacters(in: .whitespaces).lowercased() {
        case "og": .amountAndPercent
        case "eller": .amountOrPercent
        default: nil
        }
        if readRule == nil { problems.append(InputProblem(field: .rule, message: ruleProblem)) }
        guard problems.isEmpty, let money, let basisPoints, let readRule else { return (nil, problems) }
        return (ForecastThreshold(amount: money, percentBasisPoints: basisPoints, rule: readRule), [])
    }

    /// `5` → 500, `2,5 %` → 250, `0.25` → 25, `005` → 500; nil past two decimals or outside 0–100.
    static func basisPoints(_ text: String) -> Int64? {
        var typed = text.trimmingCharacters(in: .whitespaces)
        if typed.hasSuffix("%") { typed.removeLast() }
        // Written as kroner with øre are: a whole number and at most two decimals (no sign).
        guard typed.first?.isNumber == true, let hundredths = LetterText.kroner(typed)?.ore, (0...10_000).contains(hundredths) else { return nil }
        return hundredths
    }

    /// The threshold as the form shows it: amount, percentage and rule (`og` or `eller`).
    public var formValues: (amount: String, percent: String, rule: String) {
        (NorwegianFormat.exactKroner(amount), NorwegianFormat.quantity(percent, decimals: 2),
         rule == .amountAndPercent ? "og" : "eller")
    }
}

/// The forecast rules: computing a forecast by a method, and when a deviation needs an explanation.
/// Amounts are whole øre and every division rounds half away from zero; no floating point.
public enum ForecastRules {
    /// The forecast by `method` from this year's actuals to date (`monthsElapsed` months) and last
    /// year's twelve monthly actuals (January first). A seasonal forecast without a usable share
    /// fails here; `forecast(method:…)` falls back to the run rate instead.
    public static func compute(
        method: ForecastMethod, actualsToDate: Money, monthsElapsed: Int, lastYearMonthly: [Money]? = nil
    ) -> Result<Money, ForecastError> {
        switch method {
        case .manual(let value, let comment):
            return hasText(comment) ? .success(value) : .failure(.manualCommentMissing)
        case .runRate:
            guard (1...12).contains(monthsElapsed) else { return .failure(.invalidMonthsElapsed(monthsElapsed)) }
            return money(ExactDivision.rounded(Int128(actualsToDate.ore) * 12, Int128(monthsElapsed)))
        case .seasonal:
            guard (1...12).contains(monthsElapsed) else { return .failure(.invalidMonthsElapsed(monthsElapsed)) }
            guard let lastYear = lastYearMonthly, lastYear.count == 12 else { return .failure(.lastYearMissing) }
            let toDate = lastYear.prefix(monthsElapsed).reduce(Int128(0)) { $0 + Int128($1.ore) }
            let whole = lastYear.reduce(Int128(0)) { $0 + Int128($1.ore) }
            guard toDate != 0 else { return .failure(.lastYearShareZero(monthsElapsed: monthsElapsed)) }
            // The share toDate / whole must be positive: same sign, whole not zero.
            guard whole != 0, (toDate > 0) == (whole > 0) else {
                return .failure(.lastYearShareNotPositive(monthsElapsed: monthsElapsed))
            }
            // actuals ÷ (toDate / whole) = actuals × whole / toDate.
            return money(ExactDivision.rounded(Int128(actualsToDate.ore) * whole, toDate))
        }
    }

    /// The forecast by `method`, falling back to the run rate (with the reason) when a seasonal
    /// forecast has no usable share of last year. Other errors are returned.
    public static func forecast(
        method: ForecastMethod, actualsToDate: Money, monthsElapsed: Int, lastYearMonthly: [Money]? = nil
    ) -> Result<ForecastOutcome, ForecastError> {
        switch compute(method: method, actualsToDate: actualsToDate, monthsElapsed: monthsElapsed, lastYearMonthly: lastYearMonthly) {
        case .success(let value):
            return .success(ForecastOutcome(value: value, requested: method, used: method))
        case .failure(let error) where error.fallsBackToRunRate:
            switch compute(method: .runRate, actualsToDate: actualsToDate, monthsElapsed: monthsElapsed) {
            case .success(let value):
                return .success(ForecastOutcome(
                    value: value, requested: method, used: .runRate,
                    fallbackReason: "\(error.description) Lineær framskriving er brukt i stedet."))
            case .failure(let runRateError):
                return .failure(runRateError)
            }
        case .failure(let error):
            return .failure(error)
        }
    }

    /// Whether the deviation of `forecast` from `revisedBudget` is beyond `threshold`, so that it must
    /// be explained before the report is submitted.
    public static func needsExplanation(forecast: Money, revisedBudget: Money, threshold: ForecastThreshold = .standard) -> Bool {
        threshold.isExceeded(deviation: revisedBudget - forecast, revisedBudget: revisedBudget)
    }

    /// The lines whose deviation needs an explanation and has none. A post missing from
    /// `revisedBudgets` has a revised budget of zero.
    public static func missingExplanations(
        _ lines: [ForecastLine], revisedBudgets: [PostKey: Money], threshold: ForecastThreshold = .standard
    ) -> [ForecastLine] {
        lines.filter { line in
            !line.hasExplanation
                && needsExplanation(forecast: line.value, revisedBudget: revisedBudgets[line.key] ?? .zero, threshold: threshold)
        }
    }

    /// Validates a forecast as entered: a manual forecast needs its comment.
    public static func validate(_ method: ForecastMethod) -> ForecastError? {
        if case .manual(_, let comment) = method, !hasText(comment) { return .manualCommentMissing }
        return nil
    }

    static func hasText(_ text: String?) -> Bool {
        guard let text else { return false }
        return !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    private static func money(_ ore: Int128) -> Result<Money, ForecastError> {
        guard let value = Int64(exactly: ore) else { return .failure(.overflow) }
        return .success(Money(ore: value))
    }
}

/// Exact integer division with rounding half away from zero, on 128 bits so that products of
/// two amounts in øre cannot overflow.
enum ExactDivision {
    static func rounded(_ numerator: Int128, _ denominator: Int128) -> Int128 {
        precondition(denominator != 0, "division by zero")
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        guard remainder.magnitude * 2 >= denominator.magnitude else { return quotient }
        // The exact quotient is negative when the signs differ; round away from zero.
        return (numerator < 0) != (denominator < 0) ? quotient - 1 : quotient + 1
    }
}
