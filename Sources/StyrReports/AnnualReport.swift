import Foundation
import StyrDomain

/// The annual report (årsberetning) as formatted, Norwegian text ready for a renderer: one
/// view model for Markdown and HTML alike. Every figure is computed here from `AnnualReportData`.
public struct AnnualReport: Sendable {
    public enum AmountUnit: String, Sendable, CaseIterable {
        case kroner
        case thousands
    }

    public var title: String
    public var organisationName: String
    public var chapterTitle: String
    public var amountUnitNote: String?
    public var leaderStatement: [String]
    public var responsibility: [String]
    public var staffing: StaffingSection
    public var situation: [String]
    public var indicators: IndicatorSection
    public var goalAreas: [GoalAreaSection]
    public var governance: [String]
    public var operating: AccountsSection
    public var investment: AccountsSection
    public var projects: ProjectSection
    /// Chapters 4–6 (`AnnualReport+SpecialChapters`).
    public var specialChapters: [ReportBlock]
    public var year: Int

    public struct StaffingSection: Sendable {
        public var caption: String
        public var fromHeading: String
        public var toHeading: String
        public var rows: [[String]]
        public var comments: [String]
        public var isEmpty: Bool { rows.isEmpty }
    }

    public struct IndicatorSection: Sendable {
        public var caption: String
        public var baselineYears: [Int]
        public var headings: [String]
        public var rows: [IndicatorRow]
        /// "(1) Ny resultatindikator 2020", "(2) …".
        public var footnotes: [String]
        /// "** Avvik skyldes …".
        public var comments: [String]
    }

    public struct IndicatorRow: Sendable {
        public var name: String
        public var footnoteMarks: String
        public var baselines: [String]
        public var target: String
        public var result: String
        public var deviation: String
        public var status: String
        public var statusClass: String
    }

    public struct GoalAreaSection: Sendable {
        public var name: String
        public var paragraphs: [String]
        public var indicatorNames: [String]
    }

    public struct AccountsSection: Sendable {
        public var kind: AccountKind
        public var year: Int
        public var caption: String
        public var headings: [String]
        public var rows: [AccountsRow]
        public var notes: [String]
        public var explanations: [String]
        /// Generated text on the budget revisions.
        public var revisionHeading: String
        public var revisionText: [String]
        public var comparisonHeading: String
        public var comparisonText: [String]
    }

    public struct AccountsRow: Sendable {
        public var label: String
        public var cells: [String]
        public var isSum: Bool
        /// The artsgruppe or sum the row is, and its exact amounts (`AccountsTable.Row.columns`),
        /// so that a page can link a cell to the ledger lines that make it up.
        public var kind: AccountsTable.RowKind
        public var amounts: [Money]
    }

    public struct ProjectSection: Sendable {
        public var caption: String
        public var headings: [String]
        public var rows: [[String]]
        public var sumRow: [String]
        public var notes: [String]
        public var comments: [String]
        public var isEmpty: Bool { rows.isEmpty }
    }
}

extension AnnualReport {
    public init(_ data: AnnualReportData, unit: AmountUnit = .kroner) {
        let year = data.year
        let narratives = Dictionary(data.narratives.map { ($0.key, $0.body) }, uniquingKeysWith: { first, _ in first })
        func paragraphs(_ key: String) -> [String] { Paragraphs.split(narratives[key] ?? "") }

        title = "Årsberetning \(year)"
        organisationName = data.organisation.name
        chapterTitle = "kap. \(data.chapter.number) \(data.chapter.name)"
        amountUnitNote = unit == .thousands ? TotalsPreservingRounding.methodNote : nil
        leaderStatement = paragraphs("leders-beretning")
        responsibility = paragraphs("ansvarsomrade")
        staffing = AnnualReport.staffingSection(data.staffing, year: year, comment: paragraphs("bemanning-kommentar"))
        situation = paragraphs("situasjonsbeskrivelse")
        indicators = AnnualReport.indicatorSection(data.indicators, year: year, chapterTitle: chapterTitle)
        goalAreas = data.goalAreas.map { area in
            GoalAreaSection(
                name: area.name, paragraphs: Paragraphs.split(area.narrative ?? "") + area.goals.map { "Mål: \($0)" },
                indicatorNames: data.indicators.filter { $0.indicator.goalArea == area.name }.map(\.indicator.name))
        }
        governance = paragraphs("styring-og-kontroll")
        operating = AnnualReport.accountsSection(
            data, kind: .operating, unit: unit, explanations: paragraphs("drift-avviksforklaring"))
        investment = AnnualReport.accountsSection(
            data, kind: .investment, unit: unit, explanations: paragraphs("investering-avviksforklaring"))
        projects = AnnualReport.projectSection(data, unit: unit, comments: paragraphs("prosjekter-kommentarer"))
        specialChapters = AnnualReport.specialChapters(data.special, year: year, text: paragraphs)
        self.year = year
    }
}
