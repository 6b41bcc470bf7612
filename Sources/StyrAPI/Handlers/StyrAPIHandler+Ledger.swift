import Foundation
import OpenAPIRuntime
import SQLKit
import StyrDomain
import StyrStorage

/// The ledger through the API: importing a ledger or budget file as it streams in (the same
/// all-or-nothing `LedgerFileImport` as the command line and the upload page), totals by any
/// dimension, the lines a page at a time, and the accounting report with forecast.
extension StyrAPIHandler {
    /// The source name recorded when the caller names none.
    static let defaultLedgerSourceName = "API-opplasting"
    /// How many errors of a refused file the problem's detail quotes (all kept ones are in `errors`).
    static let errorsInDetail = 5

    // MARK: Query values

    /// `actuals`, `budget` or `revised-budget`, for an import.
    static func importMeasure(_ text: String?) throws -> LedgerImportMeasure {
        switch text ?? "actuals" {
        case "actuals": return .actuals
        case "budget": return .budget
        case "revised-budget": return .revisedBudget
        case let other:
            throw APIProblem.invalid("measure: «\(other)» er ikke et gyldig mål; bruk actuals (regnskap), budget (opprinnelig budsjett) eller revised-budget (regulert budsjett).")
        }
    }

    /// `actuals`, `budget` or `revised-budget`, as lines are stored.
    static func ledgerMeasure(_ text: String?) throws -> LedgerMeasure {
        guard let measure = LedgerMeasure(rawValue: text ?? "actuals") else {
            throw APIProblem.invalid("measure: «\(text ?? "")» er ikke et gyldig mål; bruk actuals (regnskap), budget (budsjett) eller revised-budget (regulert budsjett).")
        }
        return measure
    }

    /// `auto` (nil: decided from the first line), `kostra`, `oslo` or `erp`.
    static func ledgerFormat(_ text: String?) throws -> LedgerFormat? {
        switch text ?? "auto" {
        case "auto": return nil
        case "kostra": return .kostra
        case "oslo": return .osloAnnual
        case "erp": return .erp
        case let other:
            throw APIProblem.invalid("format: «\(other)» er ikke et gyldig format; bruk auto, kostra, oslo eller erp.")
        }
    }

    static func formatCode(_ format: LedgerFormat) -> Components.Schemas.LedgerImportSummary.FormatPayload {
        switch format {
        case .kostra: .kostra
        case .osloAnnual: .oslo
        case .erp: .erp
        }
    }

    static var dimensionNames: String {
        LedgerDimension.allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// The dimensions to total by, in order (each value may also list several, comma-separated); default the group.
    static func dimensions(_ values: [String]?) throws -> [LedgerDimension] {
        let names = (values ?? []).flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { return [.group] }
        var dimensions: [LedgerDimension] = []
        for name in names {
            guard let dimension = LedgerDimension(rawValue: name) else {
                throw APIProblem.invalid("by: «\(name)» er ingen dimensjon; bruk \(dimensionNames).")
            }
            guard !dimensions.contains(dimension) else { throw APIProblem.invalid("by: «\(name)» er oppgitt to ganger.") }
            dimensions.append(dimension)
        }
        return dimensions
    }

    /// `dimension=value` conditions; the values are checked by the store (answered 422 naming `where`).
    static func conditions(_ values: [String]?) throws -> [LedgerDimension: String] {
        var conditions: [LedgerDimension: String] = [:]
        for text in values ?? [] {
            guard let equals = text.firstIndex(of: "=") else {
                throw APIProblem.invalid("where: «\(text)» må skrives dimensjon=verdi, f.eks. group=100-299 eller art=020.")
            }
            let name = text[..<equals].trimmingCharacters(in: .whitespaces)
            let value = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard let dimension = LedgerDimension(rawValue: name) else {
                throw APIProblem.invalid("where: «\(name)» er ingen dimensjon; bruk \(dimensionNames).")
            }
            guard conditions[dimension] == nil else { throw APIProblem.invalid("where: «\(name)» er oppgitt to ganger.") }
            guard value.count <= 100 else { throw APIProblem.invalid("where: verdien for \(name) kan være på høyst 100 tegn.") }
            conditions[dimension] = value
        }
        return conditions
    }

    /// `t1`–`t3` or `m1`–`m12`.
    static func accountingPeriod(_ text: String?) throws -> AccountingPeriod {
        let code = (text ?? "t2").trimmingCharacters(in: .whitespaces).lowercased()
        let number = Int(code.dropFirst()) ?? 0
        let period: AccountingPeriod? = switch code.prefix(1) {
        case "t": AccountingPeriod.tertial(number)
        case "m": AccountingPeriod.month(number)
        default: nil
        }
        guard let period, period.isValid else {
            throw APIProblem.invalid("period: «\(text ?? "")» er ingen periode; bruk t1–t3 (tertial) eller m1–m12 (måned).")
        }
        return period
    }

    static func periodCode(_ period: AccountingPeriod) -> String {
        switch period {
        case .month(let month): "m\(month)"
        case .tertial(let tertial): "t\(tertial)"
        }
    }


    /// Reads ledger lines; a value of a `where` condition the store refuses is answered 422.
    func readLedger<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await database.withConnection(body)
        } catch let error as StorageError {
            switch error {
            case .invalid(let reason): throw APIProblem.invalid("where: \(reason)")
            case .notFound: throw APIProblem.notFound(error.description)
            default: throw error
            }
        }
    }

    // MARK: Import

    func importLedger(_ input: Operations.ImportLedger.Input) async throws -> Operations.ImportLedger.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        let user = try await require(.enterResults, on: code)
        let measure = try Self.importMeasure(input.query.measure)
        let format = try Self.ledgerFormat(input.query.format)
        let period = input.query.period ?? 0
        if let given = input.query.period, !(1...12).contains(given) {
            throw APIProblem.invalid("period: \(given) er ingen måned; velg 1–12, eller utelat period for hele året.")
        }
        let profile = Self.trimmed(input.query.profile)
        guard profile.count <= 200 else { throw APIProblem.invalid("profile: Navnet kan være på høyst 200 tegn.") }
        let source = Self.trimmed(input.query.source)
        guard source.count <= 200 else { throw APIProblem.invalid("source: Navnet kan være på høyst 200 tegn.") }
        let replace = input.query.replace ?? false
        let body: HTTPBody = switch input.body {
        case .binary(let bytes), .csv(let bytes): bytes
        }
        let settings = LedgerFileImport.Settings(
            organisationCode: code, year: year, period: period, measure: measure, format: format,
            sourceName: source.isEmpty ? Self.defaultLedgerSourceName : source, replace: replace,
            profileName: profile.isEmpty ? nil : profile, invalidCodes: input.query.invalidCodes.flatMap { InvalidCodePolicy(rawValue: $0.rawValue) },
            defaultKind: input.query.kind.flatMap { AccountKind(rawValue: $0.rawValue) },
            actor: user.email)
        let outcome = try await LedgerFileImport.run(settings, chunks: LedgerRequestChunks(body: body), database: database)
        guard let record = outcome.record, let summary = outcome.summary else {
            throw Self.refusal(outcome)
        }
        return .created(.init(body: .json(Components.Schemas.LedgerImportResult(
            record: Self.importRecordSchema(record), summary: Self.importSummarySchema(summary, warnings: outcome.warnings)))))
    }

    /// Why an import stored nothing: 409 for a clash with an earlier import, else 422 with the
    /// number of errors and the first of them in `detail`, and the first 100 in `errors`.
    static func refusal(_ outcome: LedgerFileImport.Outcome) -> APIProblem {
        if let clash = outcome.clash { return APIProblem(.importClash(clash)) }
        if outcome.errors.isEmpty {
            let message = outcome.fileError ?? "Filen kunne ikke importeres."
            return APIProblem(
                status: 422, title: "Ugyldige data", detail: "Filen er ikke importert, og ingenting er lagret: \(message)", errors: [message])
        }
        let log = outcome.errors
        let messages = log.errors.map(\.description)
        let quoted = messages.prefix(errorsInDetail).joined(separator: "; ")
        let rest = log.count > errorsInDetail ? "; …" : ""
        let listed = log.omitted > 0 ? "De første \(NorwegianFormat.integer(Int64(messages.count))) står i errors." : "Alle står i errors."
        let detail = "Filen er ikke importert, og ingenting er lagret: \(NorwegianFormat.integer(Int64(log.count))) feil. \(quoted)\(rest). \(listed)"
        return APIProblem(status: 422, title: "Ugyldige data", detail: detail, errors: messages)
    }

    static func importRecordSchema(_ record: LedgerImportRecord) -> Components.Schemas.LedgerImportRecord {
        Components.Schemas.LedgerImportRecord(
            id: record.id, organisationCode: record.organisationCode, year: record.year, period: record.period,
            measure: Components.Schemas.LedgerImportRecord.MeasurePayload(rawValue: record.measure.rawValue)!,
            sourceName: record.sourceName, format: record.format, lines: record.lines, controlSumOre: record.controlSum.ore,
            importedAt: record.importedAt, importedBy: record.importedBy)
    }

    static func importSummarySchema(_ summary: ImportSummary, warnings: ImportErrorLog) -> Components.Schemas.LedgerImportSummary {
        let byKind = summary.sumByKind
        let sumsByKind: [Components.Schemas.LedgerKindSum] = AccountKind.allCases.compactMap { kind in
            byKind[kind].map {
                Components.Schemas.LedgerKindSum(kind: Components.Schemas.LedgerKindSum.KindPayload(rawValue: kind.rawValue)!, amountOre: $0.ore)
            }
        }
        let sumsByGroup: [Components.Schemas.LedgerGroupSum] = summary.sumByGroup.sorted { $0.key.first < $1.key.first }.map {
            Components.Schemas.LedgerGroupSum(group: $0.key.code, amountOre: $0.value.ore)
        }
        return Components.Schemas.LedgerImportSummary(
            format: summary.format.map(formatCode),
            encoding: Components.Schemas.LedgerImportSummary.EncodingPayload(rawValue: summary.encoding.rawValue)!,
            byteOrderMark: summary.hasByteOrderMark, delimiter: summary.delimiter, linesRead: summary.linesRead,
            linesImported: summary.linesImported, linesSkipped: summary.linesSkipped, warnings: summary.warnings,
            warningMessages: warnings.errors.map(\.description), controlSumOre: summary.controlSum.ore, balanced: summary.isBalanced,
            sumsByKind: sumsByKind, sumsByGroup: sumsByGroup, lastLineUnterminated: summary.lastLineUnterminated)
    }

    // MARK: Totals and lines

    func getLedgerTotals(_ input: Operations.GetLedgerTotals.Input) async throws -> Operations.GetLedgerTotals.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        try await require(.read, on: code)
        let measure = try Self.ledgerMeasure(input.query.measure)
        let dimensions = try Self.dimensions(input.query.by)
        let conditions = try Self.conditions(input.query._where)
        let filter = LedgerFilter(year: year, measure: measure, equals: conditions)
        let totals = try await readLedger { db in try await SQLLedgerStore(db).totals(of: code, filter, by: dimensions) }
        let items = totals.map { total in
            Components.Schemas.LedgerTotal(
                values: Components.Schemas.LedgerTotal.ValuesPayload(
                    additionalProperties: Dictionary(uniqueKeysWithValues: total.values.map { ($0.key.rawValue, $0.value) })),
                amountOre: total.amount.ore, lines: total.lines)
        }
        return .ok(.init(body: .json(Components.Schemas.LedgerTotals(
            organisationCode: code, year: year, measure: Components.Schemas.LedgerTotals.MeasurePayload(rawValue: measure.rawValue)!,
            by: dimensions.map(\.rawValue),
            _where: Components.Schemas.LedgerTotals.WherePayload(
                additionalProperties: Dictionary(uniqueKeysWithValues: conditions.map { ($0.key.rawValue, $0.value) })),
            items: items, amountOre: totals.map(\.amount).sum().ore, lines: totals.map(\.lines).reduce(0, +)))))
    }

    func listLedgerLines(_ input: Operations.ListLedgerLines.Input) async throws -> Operations.ListLedgerLines.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        try await require(.read, on: code)
        let measure = try Self.ledgerMeasure(input.query.measure)
        let conditions = try Self.conditions(input.query._where)
        let after = input.query.after ?? 0
        guard after >= 0 else { throw APIProblem.invalid("after: Oppgi id-en til siste linje på forrige side (0 for første side).") }
        let limit = input.query.limit ?? 100
        guard (1...1000).contains(limit) else { throw APIProblem.invalid("limit: Velg et antall linjer fra 1 til 1000.") }
        let filter = LedgerFilter(year: year, measure: measure, equals: conditions)
        let stored = try await readLedger { db in
            try await SQLLedgerStore(db).lines(of: code, filter, afterID: after, limit: limit + 1)
        }
        let page = stored.prefix(limit)
        let items = page.map { stored in
            let line = stored.line
            return Components.Schemas.LedgerLine(
                id: stored.id, year: year, month: line.month, responsibility: line.responsibility, chapter: line.chapter,
                kind: Components.Schemas.LedgerLine.KindPayload(rawValue: line.kind.rawValue)!, art: LedgerLine.artCode(line.art),
                group: line.group?.code ?? "", function: line.function, project: line.project, freeDimension: line.freeDimension,
                amountOre: line.amount.ore)
        }
        return .ok(.init(body: .json(Components.Schemas.LedgerLinePage(
            items: Array(items), next: stored.count > limit ? page.last?.id : nil))))
    }

    // MARK: Accounting report

    func getAccountingReport(_ input: Operations.GetAccountingReport.Input) async throws -> Operations.GetAccountingReport.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        try await require(.read, on: code)
        let period = try Self.accountingPeriod(input.query.period)
        let threshold = forecastThreshold
        let report: AccountingReport
        do {
            report = try await database.withConnection { db in
                try await AccountingReportLoader.load(db, organisationCode: code, year: year, period: period, threshold: threshold)
            }
        } catch let error as StorageError {
            switch error {
            case .invalid(let reason): throw APIProblem.invalid(reason)
            case .notFound: throw APIProblem.notFound(error.description)
            default: throw error
            }
        }
        let sections = report.sections.map { section in
            Components.Schemas.AccountingReportSection(
                chapter: section.chapter, chapterName: section.chapterName,
                kind: Components.Schemas.AccountingReportSection.KindPayload(rawValue: section.kind.rawValue)!, caption: section.caption,
                rows: section.rows.map(Self.accountingRowSchema))
        }
        return .ok(.init(body: .json(Components.Schemas.AccountingReport(
            organisationCode: code, year: year, period: Self.periodCode(period), title: report.title, subtitle: report.subtitle,
            canBeSubmitted: report.canBeSubmitted,
            missingExplanations: report.missingExplanations.map { key in
                Components.Schemas.PostReference(
                    chapter: key.chapter, kind: Components.Schemas.PostReference.KindPayload(rawValue: key.kind.rawValue)!, postCode: key.postCode)
            },
            sections: sections, notes: report.notes, warnings: report.warnings))))
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
            methodCode: row.outcome.flatMap { Components.Schemas.AccountingReportRow.MethodCodePayload(rawValue: $0.requested.code) },
            methodNote: row.methodNote, explanation: row.explanation, needsExplanation: row.needsExplanation,
            explanationMissing: row.isExplanationMissing)
    }
}

/// The request body as `LedgerFileImport` reads it: each chunk as it arrives, never the whole body.
struct LedgerRequestChunks: AsyncSequence, Sendable {
    typealias Element = [UInt8]
    let body: HTTPBody

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: HTTPBody.AsyncIterator

        mutating func next() async throws -> [UInt8]? {
            guard let chunk = try await base.next() else { return nil }
            return Array(chunk)
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: body.makeAsyncIterator())
    }
}
