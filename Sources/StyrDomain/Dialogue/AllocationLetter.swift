/// The budget frame of one chapter as the city council decided it: only the sums of expenses and
/// revenues are decided; the net result is computed.
public struct BudgetFrame: Hashable, Sendable, Codable {
    public var chapter: Int
    public var expenses: Money
    /// Negative, as revenues are in municipal accounts.
    public var revenues: Money

    public init(chapter: Int, expenses: Money, revenues: Money) {
        self.chapter = chapter
        self.expenses = expenses
        self.revenues = revenues
    }

    public var net: Money { expenses + revenues }
}

/// An expectation (*forventning*) of the letter, keyed so a supplement can replace or withdraw it.
public struct Expectation: Hashable, Sendable, Codable {
    public var key: String
    public var text: String

    public init(key: String, text: String) {
        self.key = key
        self.text = text
    }
}

public enum AssignmentStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case notStarted, inProgress, done, cancelled

    public var norwegianName: String {
        switch self {
        case .notStarted: "Ikke startet"
        case .inProgress: "Pågår"
        case .done: "Fullført"
        case .cancelled: "Avlyst"
        }
    }

    public var isClosed: Bool { self == .done || self == .cancelled }
}

/// A special assignment (*særskilt oppdrag*) given in a letter.
public struct Assignment: Hashable, Sendable, Codable {
    public var key: String
    public var title: String
    public var description: String
    public var deadline: CalendarDate
    /// How the agency reports on it, e.g. "I 2. tertialrapport".
    public var reporting: String

    public init(key: String, title: String, description: String, deadline: CalendarDate, reporting: String) {
        self.key = key
        self.title = title
        self.description = description
        self.deadline = deadline
        self.reporting = reporting
    }
}

/// A dated status comment on an assignment, written by the agency.
public struct AssignmentStatusUpdate: Hashable, Sendable, Codable {
    public var organisationCode: String
    public var year: Int
    public var assignmentKey: String
    public var date: CalendarDate
    public var status: AssignmentStatus
    public var comment: String
    public var recordedBy: String

    public init(organisationCode: String, year: Int, assignmentKey: String, date: CalendarDate, status: AssignmentStatus,
                comment: String, recordedBy: String) {
        self.organisationCode = organisationCode
        self.year = year
        self.assignmentKey = assignmentKey
        self.date = date
        self.status = status
        self.comment = comment
        self.recordedBy = recordedBy
    }
}

/// A meeting the letter plans for the year.
public struct PlannedMeeting: Hashable, Sendable, Codable {
    public var date: CalendarDate
    public var kind: MeetingKind
    public var title: String

    public init(date: CalendarDate, kind: MeetingKind, title: String) {
        self.date = date
        self.kind = kind
        self.title = title
    }
}

/// A report the letter asks for: which report, which period, due when.
public struct ReportingRequirement: Hashable, Sendable, Codable {
    public var report: String
    public var period: String
    public var due: CalendarDate

    public init(report: String, period: String, due: CalendarDate) {
        self.report = report
        self.period = period
        self.due = due
    }
}

/// What a letter says. Goals and indicators with their targets are not copied in: they are kept
/// once, for the organisation and year, and the letter shows them from there.
public struct LetterContent: Hashable, Sendable, Codable {
    public var frames: [BudgetFrame]
    public var expectations: [Expectation]
    public var assignments: [Assignment]
    public var meetingPlan: [PlannedMeeting]
    public var reportingRequirements: [ReportingRequirement]

    public init(frames: [BudgetFrame] = [], expectations: [Expectation] = [], assignments: [Assignment] = [],
                meetingPlan: [PlannedMeeting] = [], reportingRequirements: [ReportingRequirement] = []) {
        self.frames = frames
        self.expectations = expectations
        self.assignments = assignments
        self.meetingPlan = meetingPlan
        self.reportingRequirements = reportingRequirements
    }
}

/// One change a supplementary letter makes to the letter in force.
public enum LetterAmendment: Hashable, Sendable, Codable {
    case setFrame(BudgetFrame)
    case setExpectation(Expectation)
    case withdrawExpectation(key: String)
    case setAssignment(Assignment)
    case withdrawAssignment(key: String)
    case addMeeting(PlannedMeeting)
    case addReportingRequirement(ReportingRequirement)
}

public enum LetterStatus: String, Hashable, Sendable, Codable {
    /// Being written by the department; not in force, not shown to the agency as a letter.
    case draft
    /// Sent to the agency; from then on it is never edited, only amended by supplements.
    case issued
}

/// An allocation letter (*tildelingsbrev*, number 0) or a supplementary letter (number 1, 2, …)
/// to one agency for one year.
public struct AllocationLetter: Hashable, Sendable, Codable {
    public var organisationCode: String
    public var year: Int
    /// 0 for the letter itself, 1… for its supplements in the order they were issued.
    public var number: Int
    public var title: String
    public var status: LetterStatus
    public var issuedOn: CalendarDate?
    /// The department that writes it.
    public var issuedByCode: String
    /// Free text: the letter's introduction, or what a supplement is about.
    public var introduction: String
    /// The letter's content; empty for a supplement.
    public var content: LetterContent
    /// A supplement's changes; empty for the letter.
    public var amendments: [LetterAmendment]

    public init(organisationCode: String, year: Int, number: Int, title: String, status: LetterStatus = .draft,
                issuedOn: CalendarDate? = nil, issuedByCode: String, introduction: String = "",
                content: LetterContent = LetterContent(), amendments: [LetterAmendment] = []) {
        self.organisationCode = organisationCode
        self.year = year
        self.number = number
        self.title = title
        self.status = status
        self.issuedOn = issuedOn
        self.issuedByCode = issuedByCode
        self.introduction = introduction
        self.content = content
        self.amendments = amendments
    }

    public var isSupplement: Bool { number > 0 }

    /// "Tildelingsbrev 2020" or "Supplerende tildelingsbrev nr. 1".
    public var kindName: String { isSupplement ? "Supplerende tildelingsbrev nr. \(number)" : "Tildelingsbrev \(year)" }

    /// Whether it was in force on `date`.
    public func isInForce(on date: CalendarDate) -> Bool {
        guard status == .issued, let issuedOn else { return false }
        return issuedOn <= date
    }
}
