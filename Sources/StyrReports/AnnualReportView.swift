import StyrDomain

/// The view model of `annual-report.mustache` and of its tables, `budget-tables.mustache` (which
/// the budget page shows too): the computed `AnnualReport` as the templates read it. Optional text
/// is nil when there is none, and every flag a template asks for is stored on the object it is
/// asked of, so that nothing is looked up further out.
public struct AnnualReportView: Sendable {
    public struct Heading: Sendable {
        public var text: String
        public var numeric: Bool
    }

    /// A regnskap cell may link to the ledger lines behind it (`hasLink` and `url` on every cell).
    public struct Cell: Sendable {
        public var text: String
        public var hasLink: Bool
        public var url: String
    }

    public struct AccountsRow: Sendable {
        public var label: String
        public var cells: [Cell]
        public var isSum: Bool
    }

    public struct Accounts: Sendable {
        public var caption: String
        public var headings: [Heading]
        public var rows: [AccountsRow]
        public var notes: [String]
        public var explanations: [String]
        public var revisionHeading: String
        public var revisionText: [String]
        public var comparisonHeading: String
        public var comparisonText: [String]
    }

    public struct StaffingRow: Sendable {
        public var label: String
        public var cells: [String]
    }

    public struct Staffing: Sendable {
        public var caption: String
        public var fromHeading: String
        public var toHeading: String
        public var rows: [StaffingRow]
        public var comments: [String]
    }

    public struct IndicatorRow: Sendable {
        public var name: String
        public var footnoteMarks: String?
        public var baselines: [String]
        public var target: String, result: String, deviation: String, status: String, statusClass: String
    }

    public struct Indicators: Sendable {
        public var caption: String
        public var headings: [Heading]
        public var rows: [IndicatorRow]
        public var footnotes: [String]
        public var comments: [String]
    }

    public struct GoalArea: Sendable {
        public var name: String
        public var paragraphs: [String]
        public var indicatorNames: [String]
    }

    public struct ProjectCell: Sendable {
        public var text: String
        public var numeric: Bool
    }

    public struct ProjectRow: Sendable {
        public var label: String
        public var cells: [ProjectCell]
    }

    public struct Projects: Sendable {
        public var caption: String
        public var headings: [Heading]
        public var rows: [ProjectRow]
        public var sumLabel: String
        public var sumCells: [ProjectCell]
        public var notes: [String]
        public var comments: [String]
    }

    public var title: String
    public var organisationName: String
    public var amountUnitNote: String?
    public var leaderStatement: [String]
    public var responsibility: [String]
    public var staffing: Staffing
    public var situation: [String]
    public var indicators: Indicators
    public var goalAreas: [GoalArea]
    public var governance: [String]
    public var accounts: [Accounts]
    public var projects: Projects
    /// Chapters 4–6 (`report-blocks.mustache`).
    public var blocks: [ReportBlockView]

    /// Table columns of the projects from here on are amounts; before it, number, group and completion are text.
    static let projectNumberColumn = 5

    public init(_ report: AnnualReport, accountsCellLink: HTMLRenderer.AccountsCellLink? = nil) {
        func headings(_ texts: [String], numeric: (Int) -> Bool) -> [Heading] {
            texts.enumerated().map { Heading(text: $0.element, numeric: numeric($0.offset)) }
        }
        func accountsView(_ section: AnnualReport.AccountsSection) -> Accounts {
            Accounts(
                caption: section.caption, headings: headings(section.headings) { $0 > 0 },
                rows: section.rows.map { row in
                    AccountsRow(label: row.label, cells: row.cells.enumerated().map { column, text in
                        let url = accountsCellLink?(section, row, column)
                        return Cell(text: text, hasLink: url != nil, url: url ?? "#")
                    }, isSum: row.isSum)
                },
                notes: section.notes, explanations: section.explanations, revisionHeading: section.revisionHeading,
                revisionText: section.revisionText, comparisonHeading: section.comparisonHeading, comparisonText: section.comparisonText)
        }
        func projectCells(_ row: [String]) -> [ProjectCell] {
            row.enumerated().dropFirst().map { ProjectCell(text: $0.element, numeric: $0.offset >= Self.projectNumberColumn) }
        }
        title = report.title
        organisationName = report.organisationName
        amountUnitNote = report.amountUnitNote.flatMap { $0.isEmpty ? nil : $0 }
        leaderStatement = report.leaderStatement
        responsibility = report.responsibility
        staffing = Staffing(
            caption: report.staffing.caption, fromHeading: report.staffing.fromHeading, toHeading: report.staffing.toHeading,
            rows: report.staffing.rows.map { StaffingRow(label: $0[0], cells: Array($0.dropFirst())) }, comments: report.staffing.comments)
        situation = report.situation
        let indicatorHeadings = report.indicators.headings
        indicators = Indicators(
            caption: report.indicators.caption,
            headings: headings(indicatorHeadings) { $0 > 0 && $0 < indicatorHeadings.count - 1 },
            rows: report.indicators.rows.map {
                IndicatorRow(
                    name: $0.name, footnoteMarks: $0.footnoteMarks.isEmpty ? nil : $0.footnoteMarks, baselines: $0.baselines,
                    target: $0.target, result: $0.result, deviation: $0.deviation, status: $0.status, statusClass: $0.statusClass)
            },
            footnotes: report.indicators.footnotes, comments: report.indicators.comments)
        goalAreas = report.goalAreas.map { GoalArea(name: $0.name, paragraphs: $0.paragraphs, indicatorNames: $0.indicatorNames) }
        governance = report.governance
        accounts = [accountsView(report.operating), accountsView(report.investment)]
        projects = Projects(
            caption: report.projects.caption, headings: headings(report.projects.headings) { $0 >= Self.projectNumberColumn },
            rows: report.projects.rows.map { ProjectRow(label: $0[0], cells: projectCells($0)) },
            sumLabel: report.projects.sumRow.first ?? "", sumCells: projectCells(report.projects.sumRow),
            notes: report.projects.notes, comments: report.projects.comments)
        blocks = ReportBlockView.views(report.specialChapters)
    }
}
