/// Chapters 4 and 5 of an agency's annual report as entered (særskilt rapportering; miljø og
/// klima): only input is stored; shares, pay ratios, deviations, totals and findings are
/// computed by `SpecialReportFigures`. The written sections (4.1–4.6, 4.8, 5) are narratives
/// (`AnnualReportTextSection`); the tracked items of chapter 6 are `TrackedItem`s.
public struct SpecialReport: Hashable, Sendable, Codable {
    public var organisationCode: String
    public var year: Int
    /// Tabell 4.7.1: has the agency assessed the risk of discrimination (tilstandsanalyse)?
    public var equality: EqualityAssessment?
    /// Tabell 4.7.2: gender and pay per job category and year.
    public var genderPay: [GenderPayRow]
    /// 4.7.3: full time, part time, involuntary part time and temporary staff by sex, per year.
    public var workforce: [WorkforceRow]
    /// The HSE checklist with the working-time breaches.
    public var hse: HSEChecklist
    /// Tabell 4.7.6: sick leave by sex.
    public var sickLeave: [SickLeaveRow]
    /// Tabell 4.8.1: consultant use entered (used when no ledger lines of the consultant arts are imported).
    public var consultants: [ConsultantRow]
    /// Chapter 5.
    public var environment: EnvironmentReport
    /// The agency's explanation of headcounts that differ between the report's tables.
    public var headcountExplanation: String?

    public init(
        organisationCode: String, year: Int, equality: EqualityAssessment? = nil, genderPay: [GenderPayRow] = [],
        workforce: [WorkforceRow] = [], hse: HSEChecklist = HSEChecklist(), sickLeave: [SickLeaveRow] = [],
        consultants: [ConsultantRow] = [], environment: EnvironmentReport = EnvironmentReport(), headcountExplanation: String? = nil
    ) {
        self.organisationCode = organisationCode
        self.year = year
        self.equality = equality
        self.genderPay = genderPay
        self.workforce = workforce
        self.hse = hse
        self.sickLeave = sickLeave
        self.consultants = consultants
        self.environment = environment
        self.headcountExplanation = headcountExplanation
    }

    public var isEmpty: Bool {
        equality == nil && genderPay.isEmpty && workforce.isEmpty && hse.questions.isEmpty && hse.workingTimeBreaches == nil
            && sickLeave.isEmpty && consultants.isEmpty && environment.certification == nil && environment.measures.isEmpty
    }
}

public struct EqualityAssessment: Hashable, Sendable, Codable {
    public var riskAssessed: Bool
    /// Why not (or what was found).
    public var explanation: String

    public init(riskAssessed: Bool, explanation: String) {
        self.riskAssessed = riskAssessed
        self.explanation = explanation
    }
}

/// Men and women counted (headcount).
public struct SexCount: Hashable, Sendable, Codable {
    public var men: Int
    public var women: Int
    public var total: Int { men + women }

    public init(men: Int, women: Int) {
        self.men = men
        self.women = women
    }
}

/// One row of Tabell 4.7.2: a job category in a year, with the average annual pay of each sex.
public struct GenderPayRow: Hashable, Sendable, Codable {
    public var category: String
    public var year: Int
    public var count: SexCount
    public var menPay: Money
    public var womenPay: Money

    public init(category: String, year: Int, count: SexCount, menPay: Money, womenPay: Money) {
        self.category = category
        self.year = year
        self.count = count
        self.menPay = menPay
        self.womenPay = womenPay
    }
}

/// One year of 4.7.3. `total` is the published headcount ("Alle ansatte"); full time + part time
/// should add up to it, and a difference is a finding, not a refusal.
public struct WorkforceRow: Hashable, Sendable, Codable {
    public var year: Int
    public var total: Int
    public var fullTime: SexCount
    public var partTime: SexCount
    /// Nil when not reported (the seed's 2019 row).
    public var involuntaryPartTime: SexCount?
    public var temporary: SexCount

    public init(year: Int, total: Int, fullTime: SexCount, partTime: SexCount, involuntaryPartTime: SexCount?, temporary: SexCount) {
        self.year = year
        self.total = total
        self.fullTime = fullTime
        self.partTime = partTime
        self.involuntaryPartTime = involuntaryPartTime
        self.temporary = temporary
    }
}

public struct HSEQuestion: Hashable, Sendable, Codable {
    public var question: String
    /// Yes, no, or nil for a question answered in words only.
    public var answer: Bool?
    public var comment: String

    public init(question: String, answer: Bool?, comment: String = "") {
        self.question = question
        self.answer = answer
        self.comment = comment
    }
}

public struct HSEChecklist: Hashable, Sendable, Codable {
    public var questions: [HSEQuestion]
    /// Breaches of the Working Environment Act's working-time rules (AML) in the year.
    public var workingTimeBreaches: Int?
    public var breachesComment: String

    public init(questions: [HSEQuestion] = [], workingTimeBreaches: Int? = nil, breachesComment: String = "") {
        self.questions = questions
        self.workingTimeBreaches = workingTimeBreaches
        self.breachesComment = breachesComment
    }
}

public enum SickLeaveGroup: String, Sendable, Codable, CaseIterable {
    case men, women, total

    public var norwegianName: String {
        switch self {
        case .men: "Menn"
        case .women: "Kvinner"
        case .total: "Totalt"
        }
    }
}

/// Sick leave in percent of agreed working time; the deviation (result − target) is computed.
public struct SickLeaveRow: Hashable, Sendable, Codable {
    public var group: SickLeaveGroup
    public var previousResult: Quantity?
    public var target: Quantity?
    public var result: Quantity?

    public init(group: SickLeaveGroup, previousResult: Quantity?, target: Quantity?, result: Quantity?) {
        self.group = group
        self.previousResult = previousResult
        self.target = target
        self.result = result
    }
}

/// A category of consultant services with its accounts of the year before and the year.
public struct ConsultantRow: Hashable, Sendable, Codable {
    public var category: String
    public var previousYear: Money?
    public var year: Money?

    public init(category: String, previousYear: Money?, year: Money?) {
        self.category = category
        self.previousYear = previousYear
        self.year = year
    }
}

public enum MeasureStatus: String, Sendable, Codable, CaseIterable {
    case planned, started, done

    public var norwegianName: String {
        switch self {
        case .planned: "Planlagt"
        case .started: "Igangsatt"
        case .done: "Gjennomført"
        }
    }
}

public struct ClimateMeasure: Hashable, Sendable, Codable {
    public var measure: String
    public var status: MeasureStatus

    public init(measure: String, status: MeasureStatus) {
        self.measure = measure
        self.status = status
    }
}

public struct EnvironmentReport: Hashable, Sendable, Codable {
    /// E.g. "Miljøfyrtårn"; nil when the agency is not certified.
    public var certification: String?
    public var measures: [ClimateMeasure]

    public init(certification: String? = nil, measures: [ClimateMeasure] = []) {
        self.certification = certification
        self.measures = measures
    }
}
