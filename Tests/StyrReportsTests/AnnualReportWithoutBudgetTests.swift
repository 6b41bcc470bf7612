import StyrDemo
import StyrDomain
@testable import StyrReports
import Testing

/// The annual report of a year with accounts but no budget (the seed's 2019): no avvik against 0,
/// no "merforbruk", and a note that says the year has no budget.
@Suite("Annual report without a budget")
struct AnnualReportWithoutBudgetTests {
    static func report(_ year: Int, unit: AnnualReport.AmountUnit = .kroner) -> AnnualReport {
        AnnualReport(AnnualReportData(
            organisation: DemoData.organisations.first { $0.code == "UKE" }!, year: year, chapter: DemoData.chapter,
            staffing: DemoData.staffing, goalAreas: DemoData.goalAreas, indicators: DemoData.indicators,
            amounts: DemoData.budgetAmounts, revisions: DemoData.budgetRevisions, projects: [], narratives: []), unit: unit)
    }

    @Test("the budget columns have no figures, a note says why, and no result sentence is made", arguments: AnnualReport.AmountUnit.allCases)
    func withoutBudget(unit: AnnualReport.AmountUnit) throws {
        let report = Self.report(2019, unit: unit)
        let note = AnnualReport.noBudgetNote(chapter: DemoData.chapter, year: 2019)
        for section in [report.operating, report.investment] {
            #expect(section.notes.first == note)
            #expect(section.rows.allSatisfy { $0.cells[1] == ".." && $0.cells[2] == ".." && $0.cells[4] == ".." })
        }
        let net = try #require(report.operating.rows.last)
        #expect(net.cells[0] == (unit == .kroner ? "334 232 140" : "334 232"))
        #expect(report.operating.explanations.isEmpty)
        let markdown = MarkdownRenderer.render(report)
        #expect(!markdown.contains("merforbruk") && !markdown.contains("-334 232 140"))
        #expect(markdown.contains(note))
    }

    @Test("a year with a budget has figures in every column and no such note")
    func withBudget() {
        let report = Self.report(2020)
        for section in [report.operating, report.investment] {
            #expect(!section.notes.contains { $0.hasPrefix("Det er ikke registrert noe budsjett") })
            #expect(section.rows.allSatisfy { !$0.cells.contains("..") })
        }
        #expect(report.operating.explanations == ["Totalresultatet viser et positivt resultat (mindreforbruk) på 7 858 141 kr."])
    }
}
