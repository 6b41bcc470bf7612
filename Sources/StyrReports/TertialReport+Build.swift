import Foundation
import StyrDomain

/// What a tertial report is computed from: stored input only, read by the service in one unit
/// of work.
public struct TertialReportInput: Sendable {
    public var organisation: Organisation
    public var year: Int
    public var period: ReportPeriod
    public var goalAreas: [GoalArea]
    public var indicators: [IndicatorWithValues]
    /// The year's period results by indicator key.
    public var periodResults: [String: [IndicatorPeriodResult]]
    /// The allocation letters of the organisation (the one in force at the period's end is used).
    public var letters: [AllocationLetter]
    public var assignmentUpdates: [AssignmentStatusUpdate]
    public var accounting: AccountingReport?
    public var accountingNote: String?
    public var risks: TertialReport.RiskPart
    public var notices: [InformationNotice]
    public var texts: [ReportText]

    public init(
        organisation: Organisation, year: Int, period: ReportPeriod, goalAreas: [GoalArea], indicators: [IndicatorWithValues],
        periodResults: [String: [IndicatorPeriodResult]], letters: [AllocationLetter], assignmentUpdates: [AssignmentStatusUpdate],
        accounting: AccountingReport?, accountingNote: String?, risks: TertialReport.RiskPart, notices: [InformationNotice], texts: [ReportText]
    ) {
        self.organisation = organisation
        self.year = year
        self.period = period
        self.goalAreas = goalAreas
        self.indicators = indicators
        self.periodResults = periodResults
        self.letters = letters
        self.assignmentUpdates = assignmentUpdates
        self.accounting = accounting
        self.accountingNote = accountingNote
        self.risks = risks
        self.notices = notices
        self.texts = texts
    }
}

extension TertialReport {
    public init(_ input: TertialReportInput) {
        let year = input.year, period = input.period, end = period.endDate(year: year)
        organisationCode = input.organisation.code
        organisationName = input.organisation.name
        self.year = year
        periodCode = period.code
        periodTitle = period.title(year: year)
        title = "\(ReportKind.tertial.norwegianName) – \(periodTitle)"
        subtitle = "\(input.organisation.name). Status per \(NorwegianFormat.date(end))"
        goalAreas = Self.goalAreaParts(input)
        assignments = Self.assignmentLines(input, end: end)
        accounting = input.accounting.map(Self.accountingPart)
        accountingNote = input.accountingNote
        risks = input.risks
        deviations = Self.deviationLines(input, end: end)
        texts = Self.headings.map { heading in
            TextSection(key: heading.key, title: heading.title,
                        paragraphs: input.texts.first { $0.key == heading.key }.map { Paragraphs.split($0.body) } ?? [])
        }
    }

    static func goalAreaParts(_ input: TertialReportInput) -> [GoalAreaPart] {
        let year = input.year
        var parts = input.goalAreas.map { GoalAreaPart(name: $0.name, goals: $0.goals, indicators: []) }
        for entry in input.indicators {
            guard let value = entry.value(in: year), value.target != nil || value.result != nil
                || !(input.periodResults[entry.indicator.key] ?? []).isEmpty else { continue }
            let line = indicatorLine(entry, value: value, input: input)
            if let name = entry.indicator.goalArea, let index = parts.firstIndex(where: { $0.name == name }) {
                parts[index].indicators.append(line)
            } else if let index = parts.firstIndex(where: { $0.name == otherIndicators }) {
                parts[index].indicators.append(line)
            } else {
                parts.append(GoalAreaPart(name: otherIndicators, goals: [], indicators: [line]))
            }
        }
        return parts
    }

    static let otherIndicators = "Andre resultatindikatorer"

    /// The period's result when one is entered, else the year's when there is one; the status
    /// by the year's target and the indicator's tolerance.
    static func indicatorLine(_ entry: IndicatorWithValues, value: IndicatorValue, input: TertialReportInput) -> IndicatorLine {
        let indicator = entry.indicator
        let periodResult = input.periodResults[indicator.key]?.first { $0.period == input.period }
        let shown = periodResult?.value(target: value.target) ?? value
        let basis = periodResult != nil ? input.period.title(year: input.year) : (value.result != nil ? "Året \(input.year)" : "Ikke rapportert")
        let assessment = IndicatorRules.assess(shown, of: indicator)
        let status: String
        if shown.result == nil {
            status = shown.notMeasuredReason.map { "Ikke målt: \($0)" } ?? "Ikke rapportert"
        } else if let assessment {
            status = IndicatorRules.missingExplanations(shown, of: indicator).isEmpty
                ? assessment.status.norwegianName : "\(assessment.status.norwegianName): kommentar til avvik mangler"
        } else {
            status = "Uten måltall"
        }
        return IndicatorLine(
            name: indicator.name, target: value.target.map { AnnualReport.formatTarget($0, indicator) } ?? "",
            result: shown.result.map { AnnualReport.format($0, indicator) } ?? "–", resultBasis: basis, status: status,
            statusClass: shown.result == nil ? "none" : (assessment?.status.rawValue ?? "none"), comment: shown.deviationComment)
    }

    static func assignmentLines(_ input: TertialReportInput, end: CalendarDate) -> [AssignmentLine] {
        let letters = input.letters.filter { $0.year == input.year }
        let content = LetterRules.inForce(letters, on: end)?.content ?? letters.first { $0.number == 0 }?.content
        return (content?.assignments ?? []).map { assignment in
            let latest = input.assignmentUpdates.filter { $0.year == input.year && $0.assignmentKey == assignment.key && $0.date <= end }
                .max { $0.date < $1.date }
            return AssignmentLine(
                title: assignment.title, deadline: NorwegianFormat.date(assignment.deadline),
                status: latest?.status.norwegianName ?? "Ikke rapportert", statusDate: latest.map { NorwegianFormat.date($0.date) },
                comment: latest.flatMap { $0.comment.isEmpty ? nil : $0.comment })
        }
    }

    static func accountingPart(_ report: AccountingReport) -> AccountingPart {
        AccountingPart(
            title: report.title, subtitle: report.subtitle,
            sections: report.sections.map { section in
                AccountingSection(caption: section.caption, lines: section.rows.map { row in
                    AccountingLine(
                        label: row.post.map { "\($0.code) \($0.name)" } ?? row.label,
                        revisedBudget: NorwegianFormat.kroner(row.revisedBudget), budgetToDate: NorwegianFormat.kroner(row.budgetToDate),
                        actualsToDate: NorwegianFormat.kroner(row.actualsToDate), forecast: NorwegianFormat.kroner(row.forecast),
                        deviation: NorwegianFormat.kroner(row.deviation), explanation: row.explanation.flatMap { $0.isEmpty ? nil : $0 },
                        isSum: row.isSum)
                })
            },
            notes: report.notes,
            missingExplanations: report.missingExplanations.map { "kap. \($0.chapter) \($0.kind.norwegianName.lowercased()) post \($0.postCode)" })
    }

    /// The deviation notices the agency has sent by the period's end, with their measures.
    static func deviationLines(_ input: TertialReportInput, end: CalendarDate) -> [DeviationLine] {
        input.notices.compactMap { notice -> DeviationLine? in
            guard case .deviation(let area, let description, let effect, let measures) = notice.details,
                  let sent = notice.submittedAt else { return nil }
            let day = CalendarDate(sent)
            guard day.year == input.year, day <= end else { return nil }
            return DeviationLine(
                area: "\(area.norwegianName): \(notice.title)", date: NorwegianFormat.date(day), description: description,
                expectedEffect: effect, measures: measures, status: notice.status.norwegianName)
        }
    }
}
