import Foundation
import StyrDomain
import StyrReports

/// The frozen snapshot of each kind of report, built from stored data at the moment of submission.
enum ReportSnapshots {
    static func snapshot(
        _ key: ReportKey, texts: [ReportText], scope: OrganisationScope, defaultThreshold: ForecastThreshold, _ repositories: Repositories
    ) async throws -> ReportSnapshot {
        switch key.kind {
        case .tertial:
            guard let period = ReportPeriod(code: key.period) else { throw ServiceError.badRequest(ReportPeriod.unknownCodeMessage(key.period)) }
            let report = try await TertialReportService.build(
                repositories, organisation: scope.organisation, year: key.year, period: period, texts: texts, defaultThreshold: defaultThreshold)
            return try TertialReportService.snapshot(report)
        case .accounting:
            guard let period = AccountingPeriod(code: key.period) else { throw ServiceError.badRequest(AccountingPeriod.unknownCodeMessage(key.period)) }
            let setup = try await BudgetSetup.load(repositories, code: key.organisationCode, year: key.year, defaultThreshold: defaultThreshold)
            let report = try await AccountingReportService.build(repositories, code: key.organisationCode, year: key.year, period: period, setup: setup)
            return accountingSnapshot(report)
        case .annual:
            var data = try await AnnualReportService.data(of: scope, year: key.year, repositories)
            if scope.isAgency { data.special = try await SpecialReportService.data(of: scope.code, year: key.year, repositories) }
            let report = AnnualReport(data)
            let markdown = MarkdownRenderer.render(report)
            // The model is the report's document (chapters 1–6), so the frozen version renders as PDF, DOCX and open data.
            let model = String(decoding: try JSONEncoder().encode(report.document), as: UTF8.self)
            return ReportSnapshot(title: key.title, sections: ReportSnapshot.sections(ofMarkdown: markdown), markdown: markdown, model: model)
        }
    }

    /// The accounting report's rows per chapter section, as the CSV carries them.
    static func accountingSnapshot(_ report: AccountingReport) -> ReportSnapshot {
        let lines = AccountingReportTable.lines(report)
        var sections: [ReportSnapshotSection] = []
        var index = 0
        for section in report.sections {
            let count = section.rows.count
            let text = lines[index..<min(index + count, lines.count)].map { line in
                line.cells.map { cell -> String in
                    switch cell {
                    case .text(let text): text
                    case .integer(let value): String(value)
                    case .amount(let value): NorwegianFormat.integer(value)
                    }
                }.filter { !$0.isEmpty }.joined(separator: " | ")
            }
            sections.append(ReportSnapshotSection(heading: section.caption, lines: text))
            index += count
        }
        let markdown = (["# \(report.title)", "_\(report.subtitle)_"] + sections.flatMap { ["## \($0.heading)"] + $0.lines.map { "- \($0)" } })
            .joined(separator: "\n\n") + "\n"
        return ReportSnapshot(title: report.title, sections: sections, markdown: markdown, model: AccountingReportCSV.csv(report))
    }
}
