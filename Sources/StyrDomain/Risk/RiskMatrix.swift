/// The 5×5 matrix of a register on a date: which risks sit in which cell, before (inherent) or
/// after (residual) their measures, and which are above the organisation's acceptance level.
public struct RiskMatrix: Hashable, Sendable {
    public struct Placed: Hashable, Sendable {
        public var risk: Risk
        public var score: RiskScore
        public var isAboveAcceptance: Bool
    }

    public var residual: Bool
    public var settings: RiskSettings
    public var placed: [Placed]

    /// The open risks on `date` placed by the assessment in force then; risks not yet assessed are left out.
    public init(_ risks: [Risk], on date: CalendarDate, residual: Bool, settings: RiskSettings) {
        self.residual = residual
        self.settings = settings
        placed = risks.filter { $0.isOpen(on: date) }.compactMap { risk in
            guard let assessment = risk.assessment(on: date) else { return nil }
            let score = residual ? assessment.residual : assessment.inherent
            return Placed(risk: risk, score: score, isAboveAcceptance: settings.isAboveAcceptance(score))
        }
    }

    /// The risks in the cell (likelihood, consequence).
    public func cell(likelihood: Int, consequence: Int) -> [Placed] {
        placed.filter { $0.score.likelihood == likelihood && $0.score.consequence == consequence }
    }

    public var aboveAcceptance: [Placed] { placed.filter(\.isAboveAcceptance) }
}

/// A risk above the acceptance level at a date, with its assessment and measures then: what the
/// tertial report shows (first seed §4.3.3).
public struct RiskAtDate: Hashable, Sendable {
    public var risk: Risk
    /// The assessment in force on the date.
    public var assessment: RiskAssessment
    public var measures: [RiskMeasure]
    /// Above by the residual score (after measures); the inherent score may be above too.
    public var isAboveAcceptance: Bool

    public init(risk: Risk, assessment: RiskAssessment, measures: [RiskMeasure], isAboveAcceptance: Bool) {
        self.risk = risk
        self.assessment = assessment
        self.measures = measures
        self.isAboveAcceptance = isAboveAcceptance
    }
}

extension RiskRules {
    /// The open risks on `date` whose residual score (after measures) is above the acceptance
    /// level, highest residual score first.
    public static func aboveAcceptance(_ risks: [Risk], on date: CalendarDate, settings: RiskSettings) -> [RiskAtDate] {
        risks.filter { $0.isOpen(on: date) }.compactMap { risk -> RiskAtDate? in
            guard let assessment = risk.assessment(on: date), settings.isAboveAcceptance(assessment.residual) else { return nil }
            return RiskAtDate(risk: risk, assessment: assessment, measures: risk.measures, isAboveAcceptance: true)
        }.sorted { ($0.assessment.residual.score, $0.assessment.inherent.score) > ($1.assessment.residual.score, $1.assessment.inherent.score) }
    }
}
