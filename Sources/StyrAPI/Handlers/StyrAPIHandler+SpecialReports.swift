import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrReports
import StyrServices

/// Chapters 4–5 of the annual report through the API: read with the computed figures and
/// findings, replaced as a whole through the same rules as the form (`SpecialReportService`).
/// Percentages are decimals as text, amounts øre.
extension StyrAPIHandler {
    func getSpecialReport(_ input: Operations.GetSpecialReport.Input) async throws -> Operations.GetSpecialReport.Output {
        try validate(year: input.path.year)
        let chapters = try await service {
            try await services.specialReports.chapters(of: input.path.code, year: input.path.year, by: APICaller.current)
        }
        return .ok(.init(body: .json(Self.specialReport(chapters))))
    }

    func putSpecialReport(_ input: Operations.PutSpecialReport.Input) async throws -> Operations.PutSpecialReport.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        guard case .json(let body) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let report = try Self.specialReport(body, code: code, year: year)
        let chapters = try await service {
            try await services.specialReports.replace(with: report, of: code, year: year, by: APICaller.current)
            return try await services.specialReports.chapters(of: code, year: year, by: APICaller.current)
        }
        return .ok(.init(body: .json(Self.specialReport(chapters))))
    }

    // MARK: JSON → domain

    static func specialReport(_ input: Components.Schemas.SpecialReportInput, code: String, year: Int) throws -> SpecialReport {
        var problems: [String] = []
        func percent(_ text: String?, _ what: String) -> Quantity? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            guard let value = Quantity(parsing: text) else {
                problems.append("sickLeave: \(what) «\(text)» er ikke et tall (skriv f.eks. 5,2).")
                return nil
            }
            return value
        }
        let sickLeave = (input.sickLeave ?? []).map { row in
            SickLeaveRow(group: sickLeaveGroup(row.group), previousResult: percent(row.previousResult, "previousResult"),
                         target: percent(row.target, "target"), result: percent(row.result, "result"))
        }
        guard problems.isEmpty else { throw APIProblem.invalid(problems.joined(separator: "; ")) }
        return SpecialReport(
            organisationCode: code, year: year,
            equality: input.equality.map { EqualityAssessment(riskAssessed: $0.riskAssessed, explanation: $0.explanation) },
            genderPay: (input.genderPay ?? []).map {
                GenderPayRow(category: $0.category, year: $0.year, count: sexCount($0.count), menPay: Money(ore: $0.menPayOre), womenPay: Money(ore: $0.womenPayOre))
            },
            workforce: (input.workforce ?? []).map {
                WorkforceRow(year: $0.year, total: $0.total, fullTime: sexCount($0.fullTime), partTime: sexCount($0.partTime),
                             involuntaryPartTime: $0.involuntaryPartTime.map(sexCount), temporary: sexCount($0.temporary))
            },
            hse: HSEChecklist(
                questions: (input.hse?.questions ?? []).map { HSEQuestion(question: $0.question, answer: $0.answer, comment: $0.comment ?? "") },
                workingTimeBreaches: input.hse?.workingTimeBreaches, breachesComment: input.hse?.breachesComment ?? ""),
            sickLeave: sickLeave,
            consultants: (input.consultants ?? []).map {
                ConsultantRow(category: $0.category, previousYear: $0.previousYearOre.map(Money.init(ore:)), year: $0.yearOre.map(Money.init(ore:)))
            },
            environment: EnvironmentReport(
                certification: input.environment?.certification,
                measures: (input.environment?.measures ?? []).map { ClimateMeasure(measure: $0.measure, status: measureStatus($0.status)) }),
            headcountExplanation: input.headcountExplanation)
    }

    static func sexCount(_ count: Components.Schemas.SexCount) -> SexCount { SexCount(men: count.men, women: count.women) }

    static func sickLeaveGroup(_ group: Components.Schemas.SpecialReportInput.SickLeavePayloadPayload.GroupPayload) -> SickLeaveGroup {
        switch group {
        case .men: .men
        case .women: .women
        case .total: .total
        }
    }

    static func measureStatus(_ status: Components.Schemas.SpecialReportInput.EnvironmentPayload.MeasuresPayloadPayload.StatusPayload) -> MeasureStatus {
        switch status {
        case .planned: .planned
        case .started: .started
        case .done: .done
        }
    }

    // MARK: domain → JSON

    static func specialReport(_ chapters: SpecialReportService.Chapters) -> Components.Schemas.SpecialReport {
        let report = chapters.report
        return Components.Schemas.SpecialReport(
            organisationCode: chapters.scope.code, year: chapters.year, entered: entered(report),
            genderPay: report.genderPay.map { row in
                .init(category: row.category, year: row.year, total: row.count.total,
                      menShare: SpecialReportFigures.share(row.count.men, of: row.count.total).map(decimal),
                      womenShare: SpecialReportFigures.share(row.count.women, of: row.count.total).map(decimal),
                      womenPayPercentOfMen: SpecialReportFigures.womenPayShare(row).map(decimal))
            },
            sickLeave: report.sickLeave.map { .init(group: sickLeaveGroupOut($0.group), deviation: SpecialReportFigures.deviation($0).map(decimal)) },
            consultantUse: .init(
                source: chapters.data.consultants.source == .ledger ? .ledger : .entered, note: chapters.data.consultants.sourceNote,
                rows: chapters.data.consultants.rows.map { .init(category: $0.category, previousYearOre: $0.previousYear?.ore, yearOre: $0.year?.ore) }),
            findings: chapters.findings.map { finding in
                .init(kind: finding.kind == .headcounts ? .headcounts : .workforceSum, difference: finding.difference, message: finding.message,
                      explanation: finding.explanation, request: finding.request)
            },
            canEdit: chapters.canEdit)
    }

    static func entered(_ report: SpecialReport) -> Components.Schemas.SpecialReportInput {
        func count(_ count: SexCount) -> Components.Schemas.SexCount { .init(men: count.men, women: count.women) }
        return Components.Schemas.SpecialReportInput(
            equality: report.equality.map { .init(riskAssessed: $0.riskAssessed, explanation: $0.explanation) },
            genderPay: report.genderPay.map {
                .init(category: $0.category, year: $0.year, count: count($0.count), menPayOre: $0.menPay.ore, womenPayOre: $0.womenPay.ore)
            },
            workforce: report.workforce.map {
                .init(year: $0.year, total: $0.total, fullTime: count($0.fullTime), partTime: count($0.partTime),
                      involuntaryPartTime: $0.involuntaryPartTime.map(count), temporary: count($0.temporary))
            },
            hse: .init(
                questions: report.hse.questions.map { .init(question: $0.question, answer: $0.answer, comment: $0.comment) },
                workingTimeBreaches: report.hse.workingTimeBreaches, breachesComment: report.hse.breachesComment),
            sickLeave: report.sickLeave.map {
                .init(group: sickLeaveGroupIn($0.group), previousResult: $0.previousResult.map(decimal), target: $0.target.map(decimal),
                      result: $0.result.map(decimal))
            },
            consultants: report.consultants.map { .init(category: $0.category, previousYearOre: $0.previousYear?.ore, yearOre: $0.year?.ore) },
            environment: .init(
                certification: report.environment.certification,
                measures: report.environment.measures.map { .init(measure: $0.measure, status: measureStatusOut($0.status)) }),
            headcountExplanation: report.headcountExplanation)
    }

    static func sickLeaveGroupIn(_ group: SickLeaveGroup) -> Components.Schemas.SpecialReportInput.SickLeavePayloadPayload.GroupPayload {
        switch group {
        case .men: .men
        case .women: .women
        case .total: .total
        }
    }

    static func sickLeaveGroupOut(_ group: SickLeaveGroup) -> Components.Schemas.SpecialReport.SickLeavePayloadPayload.GroupPayload {
        switch group {
        case .men: .men
        case .women: .women
        case .total: .total
        }
    }

    static func measureStatusOut(_ status: MeasureStatus) -> Components.Schemas.SpecialReportInput.EnvironmentPayload.MeasuresPayloadPayload.StatusPayload {
        switch status {
        case .planned: .planned
        case .started: .started
        case .done: .done
        }
    }
}
