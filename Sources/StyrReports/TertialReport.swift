import StyrDomain

/// The tertial (or monthly) report of an agency for a period, computed from stored data only:
/// goals and indicators with status, assignments, the accounting report with forecast, the risks
/// above the acceptance level with their measures, deviations with corrective measures, and the
/// agency's written section under each heading. Codable: a submitted report is frozen as this
/// model's JSON (`ReportSnapshot.model`), and every renderer (HTML, Markdown, DOCX, PDF) draws it.
public struct TertialReport: Hashable, Sendable, Codable {
    /// A heading of the report, under which the agency writes its section.
    public struct Heading: Hashable, Sendable, Codable {
        public var key: String
        public var title: String
    }

    /// The report's headings in order; the written sections are keyed by them.
    public static let headings: [Heading] = [
        Heading(key: "sammendrag", title: "Sammendrag og vurdering"),
        Heading(key: "maloppnaelse", title: "Mål og resultatindikatorer"),
        Heading(key: "oppdrag", title: "Særskilte oppdrag"),
        Heading(key: "okonomi", title: "Økonomi: regnskap og prognose"),
        Heading(key: "risiko", title: "Risikovurderinger og risikoreduserende tiltak"),
        Heading(key: "avvik", title: "Avvik og korrigerende tiltak"),
    ]

    public struct IndicatorLine: Hashable, Sendable, Codable {
        public var name: String
        public var target: String
        public var result: String
        /// Which result is shown: the period's (`2. tertial 2020`), the year's, or none yet.
        public var resultBasis: String
        public var status: String
        /// `green`, `yellow`, `red` or `none` (the status is always written out too).
        public var statusClass: String
        public var comment: String?
    }

    public struct GoalAreaPart: Hashable, Sendable, Codable {
        public var name: String
        public var goals: [String]
        public var indicators: [IndicatorLine]
    }

    public struct AssignmentLine: Hashable, Sendable, Codable {
        public var title: String
        public var deadline: String
        public var status: String
        /// The date of the latest status update, or nil when the agency has reported none.
        public var statusDate: String?
        public var comment: String?
    }

    public struct AccountingLine: Hashable, Sendable, Codable {
        public var label: String
        public var revisedBudget: String
        public var budgetToDate: String
        public var actualsToDate: String
        public var forecast: String
        public var deviation: String
        public var explanation: String?
        public var isSum: Bool
    }

    public struct AccountingSection: Hashable, Sendable, Codable {
        public var caption: String
        public var lines: [AccountingLine]
    }

    public struct AccountingPart: Hashable, Sendable, Codable {
        public var title: String
        public var subtitle: String
        public var sections: [AccountingSection]
        public var notes: [String]
        /// Posts whose deviation lacks the explanation the threshold asks for.
        public var missingExplanations: [String]
    }

    public struct RiskLine: Hashable, Sendable, Codable {
        public var title: String
        public var category: String
        public var owner: String
        public var inherent: String
        public var residual: String
        public var measures: [String]
        public var isExample: Bool

        public init(title: String, category: String, owner: String, inherent: String, residual: String, measures: [String], isExample: Bool) {
            self.title = title
            self.category = category
            self.owner = owner
            self.inherent = inherent
            self.residual = residual
            self.measures = measures
            self.isExample = isExample
        }
    }

    public struct RiskPart: Hashable, Sendable, Codable {
        /// Why no risks are listed (no register yet, or none above the level), when none are.
        public var note: String?
        public var acceptance: String
        public var risks: [RiskLine]

        public init(note: String?, acceptance: String, risks: [RiskLine]) {
            self.note = note
            self.acceptance = acceptance
            self.risks = risks
        }
    }

    public struct DeviationLine: Hashable, Sendable, Codable {
        public var area: String
        public var date: String
        public var description: String
        public var expectedEffect: String
        public var measures: String
        public var status: String
    }

    /// A written section: the heading and its paragraphs (empty when nothing is written).
    public struct TextSection: Hashable, Sendable, Codable {
        public var key: String
        public var title: String
        public var paragraphs: [String]
    }

    public var organisationCode: String
    public var organisationName: String
    public var year: Int
    public var periodCode: String
    /// `2. tertial 2020`.
    public var periodTitle: String
    /// `Tertialrapport – 2. tertial 2020`.
    public var title: String
    /// `Status per 31.08.2020`.
    public var subtitle: String
    public var goalAreas: [GoalAreaPart]
    public var assignments: [AssignmentLine]
    public var accounting: AccountingPart?
    /// Why the accounting report is missing (no budget or chapter), when it is.
    public var accountingNote: String?
    public var risks: RiskPart
    public var deviations: [DeviationLine]
    public var texts: [TextSection]

    /// The written section of a heading.
    public func text(_ key: String) -> TextSection {
        texts.first { $0.key == key } ?? TextSection(key: key, title: Self.headings.first { $0.key == key }?.title ?? key, paragraphs: [])
    }
}
