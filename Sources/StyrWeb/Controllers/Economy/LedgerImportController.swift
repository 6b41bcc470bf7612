import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices
import StyrStorage

/// Uploading a ledger or budget file from the browser: the same all-or-nothing import as
/// `styr import ledger` and the API (`LedgerImportService`), with the errors (line, column, value,
/// reason) shown on the page. The upload streams to a temporary file, which is read as chunks.
struct LedgerImportController: Sendable {
    let imports: LedgerImportService
    let pages: Pages
    let access: Authorizer

    static let maximumBytes: Int64 = 2_000_000_000

    /// The form's field for each of the import's fields.
    static let formFields = ["period": "periode", "sourceName": "fil", "profileName": "profil", "measure": "maal", "format": "format"]

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/regnskap/:year/import") { _, context in
            let (code, year) = (try context.parameters.require("code"), try context.parameters.require("year", as: Int.self))
            return try await form(code, year: year, values: [:], errors: InputErrors(), outcome: nil, context)
        }
        router.post("/organisasjoner/:code/regnskap/:year/import") { request, context in
            let (code, year) = (try context.parameters.require("code"), try context.parameters.require("year", as: Int.self))
            // Refused before a byte of the upload is read when the user may not import here.
            _ = try await imports.prepare(in: code, year: year, by: context.session?.user)
            let upload: MultipartUpload
            do {
                upload = try await MultipartUpload.read(request, fileField: "fil", maximumFileBytes: Self.maximumBytes)
            } catch let failure as MultipartUpload.Failure {
                return try await form(code, year: year, values: [:], errors: .single("fil", failure.description), outcome: nil, context)
            }
            defer { if let path = upload.file?.path { try? FileManager.default.removeItem(atPath: path) } }
            try access.requireCSRF(upload.fields, context)
            return try await importFile(code, year: year, upload: upload, context)
        }
    }

    func form(
        _ code: String, year: Int, values: [String: String], errors: InputErrors, outcome: LedgerImportOutcome?, _ context: StyrRequestContext
    ) async throws -> Response {
        let (scope, profiles) = try await imports.prepare(in: code, year: year, by: context.session?.user)
        let model = LedgerImportView(scope, year: year, profiles: profiles, values: values, errors: errors, outcome: outcome,
                                     csrfToken: context.session?.csrfToken ?? "")
        let status: HTTPResponse.Status = model.errors.isEmpty && model.importErrors.isEmpty ? .ok : .unprocessableContent
        return pages.html("Importer regnskap eller budsjett \(year)", template: "ledger-import", model: model, context: context, status: status, trail: [
            NavigationLink(url: scope.base, label: scope.organisation.name),
            NavigationLink(url: "\(scope.base)/regnskap/\(year)", label: "Regnskap \(year)"),
        ]).response
    }

    /// The form as an import request: the select values as the domain's, an unchosen period as the
    /// whole year (a period that is no number is refused as month 0).
    static func request(_ fields: [String: String], year: Int, fileName: String) -> LedgerImportService.Request {
        let measure: LedgerImportMeasure = switch fields["maal"] {
        case "budget": .budget
        case "revised-budget": .revisedBudget
        default: .actuals
        }
        let format: LedgerFormat? = switch fields["format"] {
        case "kostra": .kostra
        case "oslo": .osloAnnual
        case "erp": .erp
        default: nil
        }
        let kind: AccountKind? = switch fields["kontoklasse"] {
        case "operating": .operating
        case "investment": .investment
        default: nil
        }
        let period = fields.text("periode")
        return LedgerImportService.Request(
            year: year, period: period.isEmpty ? nil : Int(period) ?? 0, measure: measure, format: format,
            sourceName: URL(fileURLWithPath: fileName).lastPathComponent, replace: fields["erstatt"] != nil,
            profileName: fields.text("profil"), invalidCodes: fields["advarsel"] != nil ? .warning : nil, defaultKind: kind)
    }

    func importFile(_ code: String, year: Int, upload: MultipartUpload, _ context: StyrRequestContext) async throws -> Response {
        let fields = upload.fields
        guard let file = upload.file, file.bytes > 0 || !file.name.isEmpty else {
            return try await form(code, year: year, values: fields, errors: .single("fil", "Velg en fil å importere."), outcome: nil, context)
        }
        let run: LedgerImportService.Run
        do {
            run = try await imports.importFile(
                Self.request(fields, year: year, fileName: file.name), into: code, chunks: LedgerChunks(FileChunks(path: file.path)),
                by: context.session?.user)
        } catch ServiceError.invalid(let errors) {
            return try await form(code, year: year, values: fields, errors: errors.renamed(Self.formFields), outcome: nil, context)
        }
        let outcome = run.outcome
        guard let record = outcome.record else {
            return try await form(code, year: year, values: fields, errors: InputErrors(), outcome: outcome, context)
        }
        let message = "Importert \(NorwegianFormat.integer(record.lines)) linjer fra \(record.sourceName); kontrollsum \(NorwegianFormat.exactKroner(record.controlSum)) kr."
            + (outcome.summary?.skippedDescription.map { " Hoppet over: \($0)." } ?? "")
            + Self.warningsDescription(outcome.warnings)
        return Confirmation.redirect(
            to: "\(run.scope.base)/regnskap/\(year)?maal=\(run.settings.measure.ledgerMeasure.rawValue)", message: message, context)
    }

    /// The import's warnings in words: a warning about the file as a whole (line 0, e.g. a year
    /// without its own KOSTRA list) as its own sentence; codes outside the list counted with their lines.
    static func warningsDescription(_ warnings: ImportErrorLog) -> String {
        let fileWide = warnings.errors.filter { $0.line == 0 }
        let lines = warnings.errors.filter { $0.line > 0 }
        let lineCount = warnings.count - fileWide.count
        var text = fileWide.map { " " + $0.reason }.joined()
        if lineCount > 0 {
            text += " \(NorwegianFormat.integer(Int64(lineCount))) med advarsel om koder utenfor KOSTRA-listen (linje "
                + lines.prefix(5).map { String($0.line) }.joined(separator: ", ") + (lineCount > 5 ? " …" : "") + ")."
        }
        return text
    }
}
