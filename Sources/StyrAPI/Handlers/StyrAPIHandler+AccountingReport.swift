import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// The accounting report with forecast through the API: the same report as the page
/// (`AccountingReportService`), with the same strict period codes.
extension StyrAPIHandler {
    /// `t1`–`t3` or `m1`–`m12` (`AccountingPeriod(code:)`); the second tertial by default.
    static func accountingPeriod(_ text: String?) throws -> AccountingPeriod {
        guard let text else { return .tertial(2) }
        guard let period = AccountingPeriod(code: text) else { throw APIProblem.invalid("period: \(AccountingPeriod.unknownCodeMessage(text))") }
        return period
    }

    func getAccountingReport(_ input: Operations.GetAccountingReport.Input) async throws -> Operations.GetAccountingReport.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        let period = try Self.accountingPeriod(input.query.period)
        let report = try await service { try await services.accountingReport.report(in: code, year: year, period: period, by: APICaller.current) }.report
        let sections = report.sections.map { section in
            Components.Schemas.AccountingReportSection(
                chapter: section.chapter, chapterName: section.chapterName, kind: Self.sectionKind(section.kind), caption: section.caption,
                rows: section.rows.map(Self.accountingRowSchema))
        }
        return .ok(.init(body: .json(Components.Schemas.AccountingReport(
            organisationCode: code, year: year, period: period.code, title: report.title, subtitle: report.subtitle,
            canBeSubmitted: report.canBeSubmitted,
            missingExplanations: report.missingExplanations.map { key in
                Components.Schemas.PostReference(chapter: key.chapter, kind: Self.referenceKind(key.kind), postCode: key.postCode)
            },
            sections: sections, notes: report.notes, warnings: report.warnings))))
    }

    static func sectionKind(_ kind: AccountKind) -> Components.Schemas.AccountingReportSection.KindPayload {
        switch kind {
        case .operating: .operating
        case .investment: .investment
        }
    }

    static func referenceKind(_ kind: AccountKind) -> Components.Schemas.PostReference.KindPayload {
        switch kind {
        case .operating: .operating
        case .investment: .investment
        }
    }

    static func methodCode(_ method: ForecastMethod) -> Components.Schemas.AccountingReportRow.MethodCodePayload {
        switch method {
        case .runRate: .lineaer
        case .seasonal: .sesong
        case .manual: .manuell
        }
    }

    static func accountingRowSchema(_ row: AccountingReport.Row) -> Components.Schemas.AccountingReportRow {
        let kind: Components.Schemas.AccountingReportRow.KindPayload = switch row.kind {
        case .post: .post
        case .expenseSum: .expenseSum
        case .revenueSum: .revenueSum
        case .net: .net
        }
        return Components.Schemas.AccountingReportRow(
            label: row.label, kind: kind, postCode: row.post?.code, isSum: row.isSum, originalBudgetOre: row.originalBudget.ore,
            revisedBudgetOre: row.revisedBudget.ore, budgetToDateOre: row.budgetToDate.ore, actualsToDateOre: row.actualsToDate.ore,
            forecastOre: row.forecast.ore, deviationOre: row.deviation.ore, method: row.methodName,
            methodCode: row.outcome.map { methodCode($0.requested) }, methodNote: row.methodNote, explanation: row.explanation,
            needsExplanation: row.needsExplanation, explanationMissing: row.isExplanationMissing)
    }
}
