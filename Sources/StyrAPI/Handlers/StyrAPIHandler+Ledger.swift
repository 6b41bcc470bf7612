import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// The ledger through the API: importing a ledger or budget file as it streams in (the same
/// all-or-nothing `LedgerImportService` as the command line and the upload page), totals by any
/// dimension and the lines a page at a time (`LedgerQueryService`).
extension StyrAPIHandler {
    /// The source name recorded when the caller names none.
    static let defaultLedgerSourceName = "API-opplasting"
    /// How many errors of a refused file the problem's detail quotes (all kept ones are in `errors`).
    static let errorsInDetail = 5
    /// The operation's name of each of the import's fields.
    static let ledgerImportFields = ["period": "period", "sourceName": "source", "profileName": "profile", "year": "year"]
    /// The operations' name of each of a ledger read's fields.
    static let ledgerReadFields = ["equals": "where", "dimensions": "by", "afterID": "after", "limit": "limit", "year": "year"]

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
        switch text ?? "actuals" {
        case "actuals": return .actuals
        case "budget": return .budget
        case "revised-budget": return .revisedBudget
        case let other:
            throw APIProblem.invalid("measure: «\(other)» er ikke et gyldig mål; bruk actuals (regnskap), budget (budsjett) eller revised-budget (regulert budsjett).")
        }
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

    static var dimensionNames: String {
        LedgerDimension.allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// The dimensions to total by, in order (each value may also list several, comma-separated);
    /// default the group. The service refuses one named twice.
    static func dimensions(_ values: [String]?) throws -> [LedgerDimension] {
        let names = (values ?? []).flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { return [.group] }
        return try names.map { name in
            guard let dimension = LedgerDimension(rawValue: name) else { throw APIProblem.invalid("by: «\(name)» er ingen dimensjon; bruk \(dimensionNames).") }
            return dimension
        }
    }

    /// `dimension=value` conditions; the values are checked by the service (answered 422 naming `where`).
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
            conditions[dimension] = value
        }
        return conditions
    }

    // MARK: Import

    func importLedger(_ input: Operations.ImportLedger.Input) async throws -> Operations.ImportLedger.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        let user = APICaller.current
        let source = Self.trimmed(input.query.source)
        let request = LedgerImportService.Request(
            year: year, period: input.query.period, measure: try Self.importMeasure(input.query.measure),
            format: try Self.ledgerFormat(input.query.format), sourceName: source.isEmpty ? Self.defaultLedgerSourceName : source,
            replace: input.query.replace ?? false, profileName: input.query.profile, invalidCodes: input.query.invalidCodes.map(Self.invalidCodes),
            defaultKind: input.query.kind.map(Self.kind))
        let body: HTTPBody = switch input.body {
        case .binary(let bytes), .csv(let bytes): bytes
        }
        let run = try await service(fields: Self.ledgerImportFields) {
            try await services.ledgerImport.importFile(request, into: code, chunks: LedgerChunks(LedgerRequestChunks(body: body)), by: user)
        }
        guard let record = run.outcome.record, let summary = run.outcome.summary else { throw Self.refusal(run.outcome) }
        return .created(.init(body: .json(Components.Schemas.LedgerImportResult(
            record: Self.importRecordSchema(record), summary: Self.importSummarySchema(summary, warnings: run.outcome.warnings)))))
    }

    static func invalidCodes(_ policy: Operations.ImportLedger.Input.Query.InvalidCodesPayload) -> InvalidCodePolicy {
        switch policy {
        case .error: .error
        case .warning: .warning
        }
    }

    static func kind(_ kind: Operations.ImportLedger.Input.Query.KindPayload) -> AccountKind {
        switch kind {
        case .operating: .operating
        case .investment: .investment
        }
    }

    /// Why an import stored nothing: 409 for a clash with an earlier import, else 422 with the
    /// number of errors and the first of them in `detail`, and the first 100 in `errors`.
    static func refusal(_ outcome: LedgerImportOutcome) -> APIProblem {
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
        let measure: Components.Schemas.LedgerImportRecord.MeasurePayload = switch record.measure {
        case .actuals: .actuals
        case .budget: .budget
        case .revisedBudget: .revisedBudget
        }
        return Components.Schemas.LedgerImportRecord(
            id: record.id, organisationCode: record.organisationCode, year: record.year, period: record.period, measure: measure,
            sourceName: record.sourceName, format: record.format, lines: record.lines, controlSumOre: record.controlSum.ore,
            importedAt: record.importedAt, importedBy: record.importedBy)
    }

    static func formatCode(_ format: LedgerFormat) -> Components.Schemas.LedgerImportSummary.FormatPayload {
        switch format {
        case .kostra: .kostra
        case .osloAnnual: .oslo
        case .erp: .erp
        }
    }

    static func encoding(_ encoding: LedgerTextEncoding) -> Components.Schemas.LedgerImportSummary.EncodingPayload {
        switch encoding {
        case .utf8: .utf8
        case .utf16LittleEndian: .utf16LittleEndian
        case .utf16BigEndian: .utf16BigEndian
        case .windows1252: .windows1252
        }
    }

    static func importSummarySchema(_ summary: ImportSummary, warnings: ImportErrorLog) -> Components.Schemas.LedgerImportSummary {
        let byKind = summary.sumByKind
        let sumsByKind: [Components.Schemas.LedgerKindSum] = AccountKind.allCases.compactMap { kind in
            byKind[kind].map { amount in
                let payload: Components.Schemas.LedgerKindSum.KindPayload = switch kind {
                case .operating: .operating
                case .investment: .investment
                }
                return Components.Schemas.LedgerKindSum(kind: payload, amountOre: amount.ore)
            }
        }
        let sumsByGroup: [Components.Schemas.LedgerGroupSum] = summary.sumByGroup.sorted { $0.key.first < $1.key.first }.map {
            Components.Schemas.LedgerGroupSum(group: $0.key.code, amountOre: $0.value.ore)
        }
        return Components.Schemas.LedgerImportSummary(
            format: summary.format.map(formatCode), encoding: encoding(summary.encoding), byteOrderMark: summary.hasByteOrderMark,
            delimiter: summary.delimiter, linesRead: summary.linesRead, linesImported: summary.linesImported, linesSkipped: summary.linesSkipped,
            warnings: summary.warnings, warningMessages: warnings.errors.map(\.description), controlSumOre: summary.controlSum.ore,
            balanced: summary.isBalanced, sumsByKind: sumsByKind, sumsByGroup: sumsByGroup, lastLineUnterminated: summary.lastLineUnterminated)
    }

    // MARK: Totals and lines

    func getLedgerTotals(_ input: Operations.GetLedgerTotals.Input) async throws -> Operations.GetLedgerTotals.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        let measure = try Self.ledgerMeasure(input.query.measure)
        let dimensions = try Self.dimensions(input.query.by)
        let conditions = try Self.conditions(input.query._where)
        let filter = LedgerFilter(year: year, measure: measure, equals: conditions)
        let totals = try await service(fields: Self.ledgerReadFields) {
            try await services.ledger.totals(in: code, filter, by: dimensions, by: APICaller.current)
        }
        let items = totals.map { total in
            Components.Schemas.LedgerTotal(
                values: Components.Schemas.LedgerTotal.ValuesPayload(
                    additionalProperties: Dictionary(uniqueKeysWithValues: total.values.map { ($0.key.rawValue, $0.value) })),
                amountOre: total.amount.ore, lines: total.lines)
        }
        let measurePayload: Components.Schemas.LedgerTotals.MeasurePayload = switch measure {
        case .actuals: .actuals
        case .budget: .budget
        case .revisedBudget: .revisedBudget
        }
        return .ok(.init(body: .json(Components.Schemas.LedgerTotals(
            organisationCode: code, year: year, measure: measurePayload, by: dimensions.map(\.rawValue),
            _where: Components.Schemas.LedgerTotals.WherePayload(
                additionalProperties: Dictionary(uniqueKeysWithValues: conditions.map { ($0.key.rawValue, $0.value) })),
            items: items, amountOre: totals.map(\.amount).sum().ore, lines: totals.map(\.lines).reduce(0, +)))))
    }

    func listLedgerLines(_ input: Operations.ListLedgerLines.Input) async throws -> Operations.ListLedgerLines.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        let measure = try Self.ledgerMeasure(input.query.measure)
        let conditions = try Self.conditions(input.query._where)
        let after = input.query.after ?? 0
        let limit = input.query.limit ?? 100
        // The contract's page is at most 1 000 lines (the service's at most 10 000).
        guard (1...1000).contains(limit) else { throw APIProblem.invalid("limit: Velg et antall linjer fra 1 til 1000.") }
        let filter = LedgerFilter(year: year, measure: measure, equals: conditions)
        let stored = try await service(fields: Self.ledgerReadFields) {
            try await services.ledger.lines(in: code, filter, after: after, limit: limit + 1, by: APICaller.current)
        }
        let page = stored.prefix(limit)
        let items = page.map { stored in
            let line = stored.line
            let kind: Components.Schemas.LedgerLine.KindPayload = switch line.kind {
            case .operating: .operating
            case .investment: .investment
            }
            return Components.Schemas.LedgerLine(
                id: stored.id, year: year, month: line.month, responsibility: line.responsibility, chapter: line.chapter, kind: kind,
                art: LedgerLine.artCode(line.art), group: line.group?.code ?? "", function: line.function, project: line.project,
                freeDimension: line.freeDimension, amountOre: line.amount.ore)
        }
        return .ok(.init(body: .json(Components.Schemas.LedgerLinePage(items: Array(items), next: stored.count > limit ? page.last?.id : nil))))
    }
}
